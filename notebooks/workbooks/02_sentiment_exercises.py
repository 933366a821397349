# %% [markdown]
# # Workbook 02 · Sentiment — exercises
#
# | | |
# |---|---|
# | **What you will learn** | to take a sentiment score apart word by word, to predict where a lexicon goes wrong, to compare headline and body, and to see how the threshold and the sample size change what you can conclude |
# | **Time** | 45 minutes in class |
# | **Prerequisites** | notebook `02_sentiment` |
# | **Data** | the five shipped articles; the NYT sentences rated by people (`data/external/vader-nyt/`) |
#
# Replace every `___` with your answer and run the cells from the top.
# Where a question asks for a prediction, write it down *before* running.

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
display(score_texts([___]))
by_word = score_texts(___).assign(word=words(sentence))
by_word[(by_word[["textblob_polarity", "vader_compound"]] != 0).any(axis=1)]

# %% [markdown]
# Were your predictions right? Which words decide each score, and which
# part of the sentence does neither lexicon see?

# %% [markdown]
# ## Exercise 2 · Fool the lexicon
#
# Write one sentence about this story that a reader would find clearly
# negative (or clearly positive) but that VADER scores the other way.
# Use what you learnt in notebook 02: which words does VADER know, and which
# does it not?

# %%
tricky = [___]
score_texts(tricky).assign(text=tricky)

# %% [markdown]
# Which trick did you use? Compare with your neighbours.

# %% [markdown]
# ## Exercise 3 · The most negative sentences
#
# Find the three most negative sentences of the corpus according to VADER,
# and the three according to TextBlob. Do the lists overlap?

# %%
columns = ["outlet", "text", "textblob_polarity", "vader_compound"]
with pd.option_context("display.max_colwidth", 150):
    display(scored.nsmallest(3, ___)[columns])
    display(scored.nsmallest(3, ___)[columns])

# %% [markdown]
# Your answer here: which words make each list, and what does it tell you
# about "the most negative sentence"?

# %% [markdown]
# ## Exercise 4 · Headline versus body
#
# Journalists put their strongest words at the top. Compare each article's
# headline score with the mean of its body, using VADER. Is any headline
# harsher than its body?

# %%
articles = framing["article_framing"].merge(corpus[["article_id", "outlet", "headline"]])
with pd.option_context("display.max_colwidth", 90):
    display(articles[["outlet", "headline", ___, ___]].round(3))

# %% [markdown]
# Your answer here. Hint: score a headline word by word, as in exercise 1.

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
    "edge of neutral (0.05)": summarise_sentiment(scored, thresholds={"vader_compound": ___})
    .set_index("article_id")["vader_share_negative"],
}).round(2)
shares.index = shares.index.map(dict(zip(corpus["article_id"], corpus["outlet"]))).rename("outlet")
shares

# %% [markdown]
# Your answer here: does the order of the outlets change?

# %% [markdown]
# ## Exercise 6 · How much data does a correlation need?
#
# Notebook 02 correlated the lexicons with people on 5,190 sentences.
# Draw a random sample of 200 of them (seed 0) and compute the correlations
# again. How wide are the intervals now?

# %%
from coverage import human_rating_correlations, read_vader_nyt

nyt = read_vader_nyt(data_dir / "external" / "vader-nyt")
small = human_rating_correlations(nyt.sample(___, random_state=0))
small[["measure", "compared_with", "n", "spearman", "spearman_low", "spearman_high"]].round(2)

# %% [markdown]
# Your answer here.

# %% [markdown]
# ## Questions for discussion
#
# 1. In exercise 2 you fooled VADER with a single sentence. How many such
#    sentences would an article need before its average changed noticeably?
# 2. Exercise 5 changed the order of the outlets. Which threshold would you
#    report, and how would you decide before looking at the results?
# 3. A headline is scored on a handful of words. Should a study of headline
#    sentiment use a lexicon at all, or hand coding?
