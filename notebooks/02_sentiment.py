# %% [markdown]
# # 02 · Sentiment: what a lexicon measures
#
# | | |
# |---|---|
# | **What you will learn** | what exactly a lexicon sentiment score is, word by word; how TextBlob and VADER differ; where both fail on news, with sentences from the five articles; how far they agree with people who rated news sentences |
# | **Time** | 45 minutes |
# | **Prerequisites** | notebooks `00_start_here` and `01_corpus`; a mean and a correlation |
# | **Data** | the five shipped articles; 5,190 New York Times editorial sentences, each rated by 20 people (`data/external/vader-nyt/`) |

# %% [markdown]
# ## One sentence first
#
# A *lexicon* scorer holds a list of words, each with a score that people
# gave it, and combines the scores of the words it finds in a sentence. It
# does not read the sentence. The kit uses two such scorers:
# **TextBlob** (polarity from -1 to +1, and subjectivity from 0 to 1) and
# **VADER** (a compound score from -1 to +1). Here is one sentence of the
# employees' letter, as three of the articles quote it:

# %%
import math
import warnings

import matplotlib.pyplot as plt
import pandas as pd

from coverage import CorpusWarning

from coverage.measures import CLEAR_THRESHOLDS, score_texts
from coverage.text import words

sentence = ("We refuse to build the platform that powers ICE, and we refuse to "
            "contribute to tools that violate human rights.")
score_texts([sentence])

# %% [markdown]
# VADER finds the sentence clearly negative; TextBlob finds it exactly
# neutral. To see why, score every word on its own: a word with a score of
# zero is a word the lexicon does not know (or knows as neutral).

# %%
by_word = score_texts(words(sentence)).assign(word=words(sentence))
by_word[(by_word[["textblob_polarity", "textblob_subjectivity", "vader_compound"]] != 0).any(axis=1)]

# %% [markdown]
# * **TextBlob** knows none of these words as positive or negative: its
#   lexicon holds *adjectives* (and some adverbs), taken from product reviews.
#   "refuse" and "violate" are verbs. It only finds "human", which it rates
#   a little subjective (0.1) and neither positive nor negative.
# * **VADER** knows both verbs. Its lexicon gives every word a *valence*
#   from -4 to +4, rated by ten people for social-media text. The compound
#   score adds the valences of the sentence and squashes the sum into -1..+1
#   with `x / sqrt(x² + 15)`. We can redo the arithmetic from the lexicon:

# %%
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

valence = SentimentIntensityAnalyzer().lexicon
known = [(word, valence[word]) for word in words(sentence) if word in valence]
total = sum(value for _, value in known)
known, round(total, 2), round(total / math.sqrt(total**2 + 15), 4)

# %% [markdown]
# -1.2 - 1.2 - 2.2 = -4.6, and -4.6 / √(4.6² + 15) = -0.765: the compound
# score of the whole sentence. (VADER also has rules that change a valence:
# a negator such as "not" within three words before multiplies it by -0.74;
# "very" strengthens it; capitals and "!" add emphasis; after "but" the
# second half counts more.)
#
# So a sentiment score is **the tone of the words the lexicon knows**. It is
# not the writer's opinion, and it is not about anybody in particular.

# %% [markdown]
# ## The corpus
#
# `framing_tables` scores every sentence of every article with both lexicons
# (it is the pipeline stage behind `make figures`; it also counts frame
# words, the subject of notebook 03). We add the text back for reading.

# %%
from coverage import load_corpus, split_sentences
from coverage.measures import framing_tables
from coverage.classroom import notebook_setup, print_caption

data_dir = notebook_setup()
corpus = load_corpus(data_dir)
sentences = split_sentences(corpus)
framing = framing_tables(corpus, sentences)
scored = framing["sentence_framing"].merge(sentences[["article_id", "sentence_id", "text"]])
measures = ["textblob_polarity", "textblob_subjectivity", "vader_compound"]
scored[["outlet", "position", "text", *measures]].head()

# %% [markdown]
# How are the scores spread? Many news sentences contain no word either
# lexicon rates, and then the score is exactly 0:

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 3), sharey=True)
for ax, measure in zip(axes, ["textblob_polarity", "vader_compound"]):
    ax.hist(scored[measure], bins=20, range=(-1, 1), color="C0")
    ax.set_xlabel(measure)
axes[0].set_ylabel("sentences")
fig.suptitle(f"Sentence sentiment, {len(scored)} sentences of {scored['article_id'].nunique()} articles");

# %%
(scored[["textblob_polarity", "vader_compound"]] == 0).mean().rename("share of sentences scored exactly 0").round(2)

# %% [markdown]
# ### Per article and per position
#
# `article_sentiment` averages the sentences of each article, **weighting each
# sentence by its words** (a two-word sub-heading counts less than a
# forty-word sentence), overall and separately for the headline, the lede and
# the body. It also counts the *clearly* negative and positive sentences,
# those beyond a threshold (VADER ±0.5, TextBlob ±0.25; why these values is
# shown at the end of this notebook):

# %%
CLEAR_THRESHOLDS

# %%
articles = framing["article_framing"].merge(corpus[["article_id", "outlet"]])
articles[["outlet", "textblob_polarity", "vader_compound", "vader_share_negative",
          "vader_share_positive", "headline_vader_compound", "lede_vader_compound",
          "body_vader_compound"]].round(3)

# %% [markdown]
# ### By outlet, with intervals
#
# This is the figure `make figures` saves as `figures/10_sentiment_by_outlet.png`.
# The dots are the word-weighted means; the bars are 95% bootstrap
# intervals. Each outlet has **one** article here, so the kit warns that the
# interval resamples that article's sentences: it shows how much the mean
# depends on which sentences the article happens to contain, not how the
# outlet writes in general.

# %%
from coverage.plots.framing import figure_specs

spec = {s.name: s for s in figure_specs(framing)}["10_sentiment_by_outlet"]
print_caption(spec)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    spec.draw()
print("The kit warns:", *sorted({str(w.message) for w in caught}), sep="\n")

# %% [markdown]
# All intervals overlap, and both lexicons put every outlet near zero. With
# one article per outlet, this figure cannot say that any outlet writes more
# negatively than another.

# %% [markdown]
# ## TextBlob versus VADER
#
# Do the two lexicons at least agree on which sentences are more negative?

# %%
fig, ax = plt.subplots(figsize=(4.5, 4.5))
ax.scatter(scored["textblob_polarity"], scored["vader_compound"], alpha=0.6)
ax.axhline(0, color="grey", lw=0.8)
ax.axvline(0, color="grey", lw=0.8)
ax.set_xlabel("TextBlob polarity")
ax.set_ylabel("VADER compound")
ax.set_title(f"One dot per sentence ({len(scored)} sentences)");

# %%
sign = scored[["textblob_polarity", "vader_compound"]].apply(
    lambda s: pd.cut(s, [-1.01, -1e-9, 1e-9, 1.01], labels=["negative", "zero", "positive"]))
print("Spearman correlation:", round(scored["textblob_polarity"].corr(scored["vader_compound"], method="spearman"), 2))
pd.crosstab(sign["textblob_polarity"], sign["vader_compound"], rownames=["TextBlob"], colnames=["VADER"])

# %% [markdown]
# The two agree only loosely. The sentences where they disagree most:

# %%
gap = (scored["vader_compound"] - scored["textblob_polarity"]).abs()
with pd.option_context("display.max_colwidth", 200):
    display(scored.assign(gap=gap).nlargest(4, "gap")[["outlet", "text", "textblob_polarity", "vader_compound"]])

# %% [markdown]
# ## Where lexicons fail on news
#
# Each case below is a real sentence from the five articles, or a change to
# one, scored by the kit.
#
# ### 1. A word read in the wrong sense
#
# TextBlob's lexicon comes from product reviews, where "firm" describes a
# mattress. In news it is a company:

# %%
palantir = scored.loc[scored["text"].str.contains("data firm Palantir"), ["outlet", "text", "textblob_polarity"]]
with pd.option_context("display.max_colwidth", 200):
    display(palantir)
score_texts(["firm"])

# %% [markdown]
# ### 2. The company's name is a positive word
#
# VADER's lexicon was written for tweets, where "amazon" (as in "amazing")
# was rated mildly positive:

# %%
valence.get("amazon"), score_texts(["Amazon"])["vader_compound"].iloc[0]

# %% [markdown]
# So every sentence that names Amazon gets a small positive push, whatever
# it says. Rescoring the same sentences with the name replaced by a made-up
# one ("Acme") shows how large the push is:

# %%
renamed = scored["text"].str.replace(r"\bAmazon\b", "Acme", regex=True, case=False)
mentions = scored["text"].str.contains(r"\bAmazon\b", case=False, regex=True)
shift = scored["vader_compound"] - score_texts(renamed)["vader_compound"].to_numpy()
print(f"{int(mentions.sum())} of {len(scored)} sentences name Amazon; "
      f"their VADER score drops by {shift[mentions].mean():.3f} on average without the name.")
print(f"Mean VADER score of all sentences: {scored['vader_compound'].mean():.3f} with the name, "
      f"{(scored['vader_compound'] - shift).mean():.3f} with the name replaced.")
pd.DataFrame({"with the name": scored.groupby("outlet")["vader_compound"].mean(),
              "name replaced": (scored["vader_compound"] - shift).groupby(scored["outlet"]).mean()}).round(3)

# %% [markdown]
# A story *about* Amazon is scored more positively because it names Amazon:
# the corpus mean even changes sign. Any comparison between outlets that
# name the company more or less often inherits this bias.
#
# ### 3. Who the sentiment is about
#
# A lexicon adds up words; it does not know who does what to whom:

# %%
score_texts(["Critics slammed Amazon.", "Amazon slammed critics."])

# %% [markdown]
# Both score the same (and VADER does not know "slammed", only "slam").
# Stance toward a target, mention by mention, is notebook 05's subject.
#
# ### 4. Negation and quoted letters
#
# The letter says the company should *not* support oppression. The one word
# either lexicon knows is "supporting", which is positive:

# %%
letter = scored.loc[scored["text"].str.contains("should not be in the surveillance business"),
                    ["outlet", "text", "textblob_polarity", "vader_compound"]]
with pd.option_context("display.max_colwidth", 250):
    display(letter)

# %% [markdown]
# Neither "surveillance" nor "oppress" nor "marginalized" is in either
# lexicon. Many words that carry this story are not there:

# %%
topic = ["surveillance", "deportation", "racial profiling", "police", "ICE", "militarization", "oppress"]
score_texts(topic).assign(text=topic)

# %% [markdown]
# ### 5. Long texts saturate
#
# VADER's squashing function approaches ±1 as the sum grows, so a whole
# article scored at once lands near an end. This is why the kit scores
# sentences and averages them:

# %%
whole = score_texts(corpus["text"])["vader_compound"].to_numpy()
pd.DataFrame({"outlet": corpus["outlet"], "words": corpus["n_words"],
              "whole article scored at once": whole}).merge(
    articles[["outlet", "vader_compound"]].rename(columns={"vader_compound": "mean of its sentences"})).round(3)

# %% [markdown]
# Scored whole, two articles come out near -0.87 and two near +0.97; the
# means of their sentences lie between -0.12 and +0.15. Scored whole, Recode
# and Forbes look like opposites; sentence by sentence they differ by 0.2.

# %% [markdown]
# ## Agreement with human ratings of news sentences
#
# How well does each score rank sentences the way people do? The kit ships
# 5,190 sentences from New York Times editorials, each rated by 20 people
# from -4 to +4 (Hutto & Gilbert 2014). `human_rating_correlations` scores
# them with both lexicons and correlates the scores with the mean rating.

# %%
from coverage import human_rating_correlations, read_vader_nyt

nyt = read_vader_nyt(data_dir / "external" / "vader-nyt")
correlations = human_rating_correlations(nyt)
correlations.round(3)

# %% [markdown]
# * VADER's compound correlates about 0.5 with people, TextBlob's polarity
#   about 0.3. A correlation of 0.5 means the scores rank sentences only
#   roughly like people do: many sentences people find negative get a
#   positive score.
# * TextBlob's *subjectivity* says nothing about which way people react
#   (≈ 0) and very little about how strongly (≈ 0.15 with the absolute
#   rating).
# * VADER was built by the same authors who collected these ratings, and
#   editorials are opinion writing, not news reports: on the five articles
#   the agreement is probably lower.
#
# One dot per NYT sentence:

# %%
nyt_scores = score_texts(nyt["text"])
fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
for ax, measure in zip(axes, ["textblob_polarity", "vader_compound"]):
    ax.hexbin(nyt_scores[measure], nyt["rating"], gridsize=30, cmap="Blues", mincnt=1, bins="log")
    ax.set_xlabel(measure)
axes[0].set_ylabel("mean human rating (-4 .. +4)")
fig.suptitle(f"{len(nyt)} NYT editorial sentences, 20 raters each");

# %% [markdown]
# The vertical band at 0 is the sentences the lexicon does not score at all;
# people rate them anywhere from -2.5 to +2.5. This is why the kit counts
# only *clearly* negative or positive sentences, beyond a threshold: how
# often do people agree with a clear call?

# %%
rows = []
for measure, cut in CLEAR_THRESHOLDS.items():
    called = nyt_scores[measure] <= -cut
    rows.append({"measure": measure, "threshold": -cut, "sentences called clearly negative": int(called.sum()),
                 "of which people rated <= -1": round(float((nyt.loc[called, "rating"] <= -1).mean()), 2)})
pd.DataFrame(rows).assign(**{"all sentences rated <= -1": round(float((nyt["rating"] <= -1).mean()), 2)})

# %% [markdown]
# About half of the sentences the lexicons call clearly negative are rated
# clearly negative by people, against a fifth of all sentences: better than
# chance, far from reliable.
#
# ## What to take away
#
# * A sentiment score is the tone of the words a lexicon knows, added up. It
#   does not know who the words are about, misses most of the vocabulary of
#   this story, and reads some words in the wrong sense ("firm", "Amazon").
# * TextBlob and VADER disagree often; VADER ranks sentences more like
#   people do, but only moderately.
# * Differences between outlets of a few hundredths are within the noise of
#   one article, and a name in the lexicon can shift them by more.

# %% [markdown]
# ## Questions for discussion
#
# 1. VADER rates the word "amazon" positively. Which other names in news
#    about technology might a lexicon built for tweets score, and how would
#    you check a lexicon before using it on a new story?
# 2. The kit averages sentences, weighted by their words. Should a headline
#    count more than a sentence in the body? What would change in the
#    comparison of outlets if it did?
# 3. A correlation of 0.5 with human ratings: is that good enough to compare
#    two outlets? To compare two thousand articles? Why is the answer
#    different?
