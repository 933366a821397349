# %% [markdown]
# # Workbook 02 · Sentiment — solutions
#
# | | |
# |---|---|
# | **What you will learn** | to take a sentiment score apart word by word, to predict where a lexicon goes wrong, to compare headline and body, and to see how the threshold and the sample size change what you can conclude |
# | **Time** | 45 minutes in class |
# | **Prerequisites** | notebook `02_sentiment` |
# | **Data** | the five shipped articles; the NYT sentences rated by people (`data/external/vader-nyt/`) |
#
# This is the teacher's copy: every blank (`___`) of
# `workbooks/02_sentiment_exercises` is filled in, and notes for
# discussion follow each answer.

# %% [markdown]
# ## Set-up (given)
#
# The sentences of the five articles, each scored by both lexicons, with the
# text and the outlet alongside.

# %%
import pandas as pd

from coverage import load_corpus, split_sentences
from coverage.measures import framing_tables
from coverage.classroom import notebook_setup
from coverage.measures import score_texts, summarise_sentiment
from coverage.text import words

data_dir = notebook_setup(workbook=True)
corpus = load_corpus(data_dir)
sentences = split_sentences(corpus)
framing = framing_tables(corpus, sentences)
scored = framing["sentence_framing"].merge(sentences[["article_id", "sentence_id", "text"]])
len(scored)

# %% [markdown]
# ## Exercise 1 · One sentence, word by word
#
# Tech Observer quotes the letter: "Along with much of the world we watched
# in horror recently as U.S. authorities tore children away from their
# parents." Before running the cell, write down: will TextBlob call it
# positive, negative or neutral? And VADER? Then score the sentence, and
# score each of its words on its own to find the words that decide.

# %%
sentence = ("Along with much of the world we watched in horror recently as U.S. authorities "
            "tore children away from their parents.")
display(score_texts([sentence]))
by_word = score_texts(words(sentence)).assign(word=words(sentence))
by_word[(by_word[["textblob_polarity", "vader_compound"]] != 0).any(axis=1)]

# %% [markdown]
# *Answer.* TextBlob calls it slightly **positive** (+0.1): the only word
# it knows is "much" (+0.2), which says nothing about the event. VADER calls
# it negative (-0.57), from "horror" alone. Neither knows "tore children
# away from their parents", the part a reader reacts to.

# %% [markdown]
# ## Exercise 2 · Fool the lexicon
#
# Write one sentence about this story that a reader would find clearly
# negative (or clearly positive) but that VADER scores the other way.
# Use what you learnt in notebook 02: which words does VADER know, and which
# does it not?

# %%
tricky = ["Amazon supports police surveillance of protesters.",
          "Police say the software helps find missing children and catch criminals."]
score_texts(tricky).assign(text=tricky)

# %% [markdown]
# *Note for discussion.* The first sentence describes something most readers
# of this story find alarming, yet VADER scores it +0.32: "supports" and
# "amazon" are positive, "surveillance" is unknown. The second is Amazon's
# safety argument, and VADER scores it -0.51 because "missing" and
# "criminals" are negative words. Ask the class to collect their sentences:
# which tricks worked for everyone?

# %% [markdown]
# ## Exercise 3 · The most negative sentences
#
# Find the three most negative sentences of the corpus according to VADER,
# and the three according to TextBlob. Do the lists overlap?

# %%
columns = ["outlet", "text", "textblob_polarity", "vader_compound"]
with pd.option_context("display.max_colwidth", 150):
    display(scored.nsmallest(3, "vader_compound")[columns])
    display(scored.nsmallest(3, "textblob_polarity")[columns])

# %% [markdown]
# *Answer.* No overlap. VADER's three most negative sentences are one and
# the same quotation of the letter ("we refuse ... violate human rights"),
# carried by Forbes once and Tech Observer twice. TextBlob's are three
# different sentences, each made negative by one adjective: "morally
# *questionable* uses", "all the *evil* that could be done" (Jassy defending
# the sales) and "employees *angered* by". The two lexicons rank different
# words, so "the most negative sentence" depends on the tool; and an outlet
# that repeats a quotation counts it twice.

# %% [markdown]
# ## Exercise 4 · Headline versus body
#
# Journalists put their strongest words at the top. Compare each article's
# headline score with the mean of its body, using VADER. Is any headline
# harsher than its body?

# %%
articles = framing["article_framing"].merge(corpus[["article_id", "outlet", "headline"]])
with pd.option_context("display.max_colwidth", 90):
    display(articles[["outlet", "headline", "headline_vader_compound", "body_vader_compound"]].round(3))

# %% [markdown]
# *Answer.* Only Forbes' headline is more negative than its body, from the
# single word "stop". Tech Observer's headline, cut short in the scraped
# file, is just "Amazon employees", and scores +0.18 from the company's name
# alone (notebook 02); Business Insider's scores 0 because "confront"
# (-0.18) cancels "Amazon" (+0.18). A headline score rests on one or two
# words: read it word by word (exercise 1) before comparing headlines.

# %% [markdown]
# ## Exercise 5 · Where is the edge of neutral?
#
# The kit counts a sentence as *clearly* negative at VADER ≤ -0.5. VADER's
# authors use ±0.05 as the edge of neutral. Recompute each article's share
# of negative sentences with the threshold 0.05 and compare.

# %%
shares = pd.DataFrame({
    "clear (0.5)": summarise_sentiment(scored, thresholds={"vader_compound": 0.5})
    .set_index("article_id")["vader_share_negative"],
    "edge of neutral (0.05)": summarise_sentiment(scored, thresholds={"vader_compound": 0.05})
    .set_index("article_id")["vader_share_negative"],
}).round(2)
shares.index = shares.index.map(dict(zip(corpus["article_id"], corpus["outlet"]))).rename("outlet")
shares

# %% [markdown]
# *Answer.* With the lower threshold every share at least doubles, and the
# order of the outlets changes: Business Insider goes from no clearly
# negative sentence to about half of its sentences, second only to Tech
# Observer. A threshold is a choice, and a finding that depends on it should
# be reported with both values.

# %% [markdown]
# ## Exercise 6 · How much data does a correlation need?
#
# Notebook 02 correlated the lexicons with people on 5,190 sentences.
# Draw a random sample of 200 of them (seed 0) and compute the correlations
# again. How wide are the intervals now?

# %%
from coverage import human_rating_correlations, read_vader_nyt

nyt = read_vader_nyt(data_dir / "external" / "vader-nyt")
small = human_rating_correlations(nyt.sample(200, random_state=0))
small[["measure", "compared_with", "n", "spearman", "spearman_low", "spearman_high"]].round(2)

# %% [markdown]
# *Answer.* With 200 sentences VADER's Spearman interval spans about 0.4 to
# 0.6, TextBlob's about 0.1 to 0.4: the ranking VADER > TextBlob survives,
# but each value is uncertain by ±0.1. A hand-rated sample of a few dozen
# sentences of your own articles (workbook 08) gives intervals wider still.

# %% [markdown]
# ## Questions for discussion
#
# 1. In exercise 2 you fooled VADER with a single sentence. How many such
#    sentences would an article need before its average changed noticeably?
# 2. Exercise 5 changed the order of the outlets. Which threshold would you
#    report, and how would you decide before looking at the results?
# 3. A headline is scored on a handful of words. Should a study of headline
#    sentiment use a lexicon at all, or hand coding?
