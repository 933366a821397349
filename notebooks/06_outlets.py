# %% [markdown]
# # 06 · Comparing the outlets
#
# | | |
# |---|---|
# | **What you will learn** | which words set each outlet's article apart (keyness), which passages the articles share and whether they share them as quotations or as copied prose, how to read every measure of the kit side by side with intervals, what a permutation test can say with five articles, and what five articles can and cannot support |
# | **Time** | 60 minutes |
# | **Prerequisites** | notebooks `01_corpus` to `03_frames`; the idea of a confidence interval and of a p-value |
# | **Data** | the five shipped articles (one per outlet) and the tables the pipeline computes from them |

# %% [markdown]
# ## The tables
#
# `make figures` runs a pipeline of stages (`coverage._engine.pipeline`). This
# notebook runs the ones it needs, in the same order, straight from the
# library: sentences with their voice (notebook 04), sentiment and frames
# (notebooks 02 and 03), and the outlet comparison (`outlet_tables`:
# distinctive words, shared passages, readability). Nothing is written to
# `data/`.

# %%
import warnings

import matplotlib.pyplot as plt
import pandas as pd

from coverage import CorpusWarning, load_corpus, split_sentences
from coverage.measures import framing_tables
from coverage.classroom import notebook_setup, print_caption
from coverage.compare import outlet_tables
from coverage.voices import quote_tables

data_dir = notebook_setup()
corpus = load_corpus(data_dir)
voices = quote_tables(corpus, split_sentences(corpus))
framing = framing_tables(corpus, voices["sentences"])
tables = {"corpus": corpus, "sentence_framing": framing["sentence_framing"],
          **outlet_tables(corpus, voices["sentences"], quotes=voices["quotes"])}
tables["articles"] = (corpus.drop(columns="raw_text")
                      .merge(tables["article_readability"], on="article_id")
                      .merge(tables["article_reuse"], on="article_id"))
label = dict(zip(corpus["article_id"], corpus["outlet"]))
sorted(tables)

# %%
corpus[["outlet", "published", "date_estimated", "via", "n_words"]]

# %% [markdown]
# Keep this table in view: **one article per outlet**, two from June (the
# letter), three from November (the meeting), four dates estimated, two
# texts carried by someone other than the outlet.

# %% [markdown]
# ## Distinctive words
#
# ### One example first
#
# *Keyness* compares how often a group uses a word with how often everyone
# else does. Two tiny made-up "outlets":

# %%
from coverage import keyness

toy = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["X", "Y"],
                    "text": ["ICE ICE ICE police said", "police police police ICE said"]})
keyness(toy, min_count=1)[["outlet", "word", "count_target", "count_reference", "g2", "log_odds", "z"]].round(2)

# %% [markdown]
# For each word and outlet the kit builds a 2×2 table (this word / all
# other words × this outlet / all others) and reports three statistics:
#
# * **G²** (log-likelihood): how surprising the counts are if both used the
#   word at the same rate. It is a significance test, so it grows with the
#   amount of text.
# * **log-odds** with an informative prior (Monroe, Colaresi & Quinn 2008,
#   "Fightin' Words"): the difference in how likely the word is, shrunk
#   towards its overall rate so that a word used once does not top the list.
# * **z**: the log-odds divided by its standard deviation. This is the
#   ranking the kit plots.
#
# ### The five articles
#
# Stop words ("the", "of") are left out of the display, not of the counts:

# %%
words = keyness(corpus, stop_words="english")
top = words.groupby("outlet").head(6)
top.assign(rank=top.groupby("outlet").cumcount() + 1).pivot(index="rank", columns="outlet", values="word")

# %% [markdown]
# The figure `make figures` saves as `figures/40_distinctive_words.png`:

# %%
from coverage.plots import outlets as outlet_plots

specs = {s.name: s for s in outlet_plots.figure_specs(tables)}
print_caption(specs["40_distinctive_words"])
specs["40_distinctive_words"].draw();

# %% [markdown]
# How to read it, honestly:
#
# * The z-scores are small (below 2): with about 500 words per article, no
#   word is used much more by one outlet than by the others.
# * Each list is **one article's** words. Business Insider's "dealings",
#   "petitioned" and "recode" (it cites Recode) describe that one text;
#   Tech Observer's "refuse" comes from the letter it quotes; Forbes'
#   "amazonians" is the letter's signature.
# * Words in quotations count as the outlet's vocabulary. The next section
#   separates what is quoted from what is written.

# %% [markdown]
# ## Copied passages
#
# ### One example first
#
# `find_reuse` finds stretches of at least 8 words that two articles share,
# allowing small differences (quote marks, case, "U.S." versus "US", a few
# changed words), and records whether each passage is inside quotation
# marks in both articles, in one, or in neither:

# %%
from coverage import find_reuse

pair = pd.DataFrame({"article_id": ["first", "second"], "text": [
    "Bezos said: “If big tech companies turn their back on the U.S. Department of Defense, we are in trouble.”",
    "If big tech companies turn their back on the US Department of Defense we are in trouble, the CEO argued."]})
find_reuse(pair)[["article_id_a", "article_id_b", "n_words", "quoted_a", "quoted_b", "quoted", "similarity"]]

# %% [markdown]
# The first article quotes Bezos; the second uses the same words without
# quotation marks, so the passage is quoted in `one` article. Two outlets
# quoting the same letter is not copying; sharing **unquoted prose**
# (`neither`) is the sign of a rewrite.
#
# ### The five articles

# %%
pairs = tables["reuse_pairs"].assign(a=lambda t: t["outlet_a"], b=lambda t: t["outlet_b"])
pairs[["a", "b", "n_passages", "n_prose_passages", "share_a", "share_b", "prose_share_a", "prose_share_b",
       "direction", "direction_basis"]]

# %% [markdown]
# Six of the ten pairs share at least one passage; most are the employees'
# letter or Bezos' remark, quoted by both. One pair stands out: **Packt Hub
# and Recode** share seven passages of unquoted prose, 30% of Packt Hub's
# words. The heatmaps (`figures/41_reuse_heatmap.png`) show all passages
# (left) and prose only (right):

# %%
print_caption(specs["41_reuse_heatmap"])
specs["41_reuse_heatmap"].draw();

# %% [markdown]
# The longest unquoted shared passages, side by side in the two articles:

# %%
prose = tables["reuse"].query("quoted == 'neither'").sort_values("n_words", ascending=False)
with pd.option_context("display.max_colwidth", 300):
    display(prose.head(3)[["article_id_a", "article_id_b", "n_words", "similarity", "text_a", "text_b"]])

# %% [markdown]
# **Who copied whom?** The kit's `direction` says `unknown`, because Packt
# Hub's date is an estimate. The texts give a hint: Packt Hub reports the
# all-staff meeting of 8 November ("yesterday"), which Recode (confirmed 5
# November) was only announcing. Packt Hub reached us through a syndication
# network, and the article names no source for these sentences. A reader
# may conclude that Packt Hub rewrote Recode; the kit does not, because its
# rule is to infer direction only from confirmed dates.
#
# `article_reuse` marks each article for the other figures:

# %%
tables["article_reuse"].assign(outlet=lambda t: t["article_id"].map(label))[
    ["outlet", "syndicated", "shares_prose_with", "reused_from", "max_prose_share"]]

# %% [markdown]
# This matters for everything else: if 30% of Packt Hub's words are
# Recode's, then a similarity between the two outlets on any measure says
# little about two independent editorial choices.

# %% [markdown]
# ## All measures side by side, with intervals
#
# Every per-outlet number below comes from `compare_groups` (directly or
# through `compare_sentiment` and `compare_frames`): an estimate with a 95%
# bootstrap interval. With one article per outlet the bootstrap resamples
# that article's **sentences**, so an interval answers "how much does this
# number depend on which sentences the article happens to contain?", not
# "how does this outlet write?".

# %%
from coverage import compare_frames, compare_groups, compare_sentiment

sentence_table = tables["sentence_framing"].assign(
    vader_clearly_negative=lambda t: (t["vader_compound"] <= -0.5).astype(float),
    quoted_words=lambda t: t["quoted_share"] * t["n_words"])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    side_by_side = pd.concat([
        compare_groups(sentence_table, value="n_words").assign(measure="words per sentence"),
        compare_groups(sentence_table, value="quoted_words", weight="n_words").assign(
            measure="share of words quoted"),
        compare_groups(sentence_table, value="vader_clearly_negative").assign(
            measure="share of sentences VADER <= -0.5"),
        compare_sentiment(sentence_table),
        compare_frames(sentence_table),
    ], ignore_index=True)
print("The kit warns:", *sorted({str(w.message) for w in caught}), sep="\n")
side_by_side["measure"] = side_by_side["measure"].replace({
    "textblob_polarity": "TextBlob polarity", "vader_compound": "VADER compound",
    "surveillance_per_1k": "surveillance terms per 1,000 words", "safety_per_1k": "safety terms per 1,000 words",
    "frame_balance": "frame balance"})
side_by_side.round(3).head(6)

# %%
from coverage.plots.framing import plot_intervals

panels = list(dict.fromkeys(side_by_side["measure"]))
fig, axes = plt.subplots(2, 4, figsize=(16, 6.5), sharey=True)
for ax, measure in zip(axes.flat, panels):  # 8 measures, 8 panels
    plot_intervals(side_by_side[side_by_side["measure"] == measure], y="outlet", ax=ax)
    ax.set_title(measure, fontsize="medium")
fig.suptitle(f"Every measure by outlet: estimate and 95% bootstrap interval "
             f"({len(corpus)} articles, one per outlet; intervals resample sentences)")
fig.tight_layout();

# %% [markdown]
# The same as one table, estimate [interval]:

# %%
cells = side_by_side.assign(cell=lambda t: t["estimate"].map("{:.2f}".format) + " [" + t["ci_low"].map(
    "{:.2f}".format) + ", " + t["ci_high"].map("{:.2f}".format) + "]")
cells.pivot(index="measure", columns="outlet", values="cell").loc[panels]

# %% [markdown]
# Article-level measures have no interval at all, because each outlet has
# one value. Readability formulas (sentence length and word length, see
# `coverage.measures.readability`) and reuse:

# %%
article_level = (tables["articles"][["article_id", "outlet", "n_words", "words_per_sentence",
                                     "flesch_reading_ease", "flesch_kincaid_grade", "max_prose_share"]]
                 .set_index("outlet").drop(columns="article_id"))
article_level.round(2)

# %% [markdown]
# What the side-by-side view shows:
#
# * **Sentiment:** every interval crosses zero and overlaps every other; no
#   outlet is measurably more negative.
# * **Frames:** Packt Hub and Tech Observer have the highest surveillance
#   rates, but much of it is the quoted letter; Business Insider is the only
#   outlet with safety terms (Amazon's own words). The balance intervals of
#   four outlets are stuck at +1: no safety term to resample.
# * **Quotation:** Business Insider quotes least (14% of its words in
#   quotation marks); Packt Hub, Recode and Tech Observer about a third.
#   Quoted letters drive much of the frame rates (notebook 03).
# * **Form:** Recode writes the longest sentences and the longest article;
#   readability scores differ by a few grade levels, within what one
#   article's style can produce.

# %% [markdown]
# ## A permutation test, and why it cannot be significant here
#
# A permutation test asks: if the labels did not matter, how often would
# shuffling them produce a difference as large as the one observed? The
# only grouping with several articles per group is the **period**: two June
# articles (the letter) and three November articles (the meeting). The
# kit then shuffles whole articles between the groups:

# %%
from coverage import permutation_test_groups

month = corpus.set_index("article_id")["published"].dt.strftime("%B")
by_period = sentence_table.assign(period=lambda t: t["article_id"].map(month),
                                  vader_x_words=lambda t: t["vader_compound"] * t["n_words"])
tests = pd.DataFrame({
    "VADER compound (word-weighted)": permutation_test_groups(
        by_period, value="vader_x_words", weight="n_words", by="period", a="June", b="November"),
    "surveillance terms per 1,000 words": permutation_test_groups(
        by_period, value="surveillance_terms", weight="n_words", scale=1000, by="period", a="June", b="November"),
}).T
tests

# %% [markdown]
# Five articles split 2 + 3 can be relabelled in only C(5, 2) = 10 ways. The
# observed split is one of them, so the smallest two-sided p-value this
# design can ever produce is 2/10 = **0.2**, whatever the articles say. The
# test is exact, and it says exactly that five articles cannot show a
# difference between periods.
#
# Between two outlets there is a single article on each side, so the kit
# can only shuffle sentences, and says so (`unit` = `sentence`):

# %%
permutation_test_groups(by_period, value="vader_x_words", weight="n_words", by="outlet",
                        a="Recode", b="Tech Observer")

# %% [markdown]
# Such a p-value treats the sentences of one article as independent draws.
# They are not: they share an author, an editor, a house style and a
# subject. Read it as a description of two articles, never as evidence
# about two outlets.

# %% [markdown]
# ## What five articles can and cannot support
#
# **They can support**
#
# * *Descriptions of these five texts*: which words each uses, which
#   passages they share, which frame vocabulary appears where, with every
#   count traceable to its sentence (`kwic`, the reuse passages).
# * *Findings about text reuse*: Packt Hub shares 30% of its words as
#   unquoted prose with Recode, and three articles carry the same quoted
#   letter. This is a fact about the texts, not a statistical inference.
# * *Checks of the measures themselves*: that VADER rates "Amazon"
#   positively, that safety terms are nearly absent, that whole-article
#   sentiment saturates. These hold whatever the sample.
# * *Hypotheses* for a larger study: e.g. that November coverage, centred
#   on a meeting, quotes executives more and the letter less.
#
# **They cannot support**
#
# * *Any claim about an outlet*: one article per outlet confounds the outlet
#   with its author, its day, and whether we hold the outlet's own copy or a
#   syndicated one.
# * *Significance*: the smallest possible p-value between the two periods is
#   0.2, and sentence-level tests overstate the evidence.
# * *Claims about "the media"*: five outlets chosen by availability are not
#   a sample of anything; the corpus has no wire service, no newspaper of
#   record, no television.
# * *Order and influence*: four of five dates are estimates, so the kit
#   refuses to say who published first.
#
# To answer outlet questions, add articles: several per outlet and period,
# chosen by a rule written down before looking (notebook 07 shows how).
# The same code then resamples whole articles, and the intervals start to
# mean what they say.

# %% [markdown]
# ## Questions for discussion
#
# 1. Packt Hub shares 30% of its words with Recode without quotation marks.
#    Should its article count as a separate outlet's coverage in a study of
#    framing? What would you do with it?
# 2. The permutation test between June and November cannot go below
#    p = 0.2. How many articles per period would you need before p < 0.05
#    becomes possible at all?
# 3. Which single finding of this notebook would you be willing to put in a
#    newspaper headline, and how would you word it so that it stays true?
