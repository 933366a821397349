# %% [markdown]
# # Workbook 06 · Comparing the outlets — solutions
#
# | | |
# |---|---|
# | **What you will learn** | to read keyness statistics critically, to find the quotations outlets share, to resample articles instead of sentences, to work out how many articles a permutation test needs, and to see how one rewritten article shapes a comparison |
# | **Time** | 60 minutes in class |
# | **Prerequisites** | notebook `06_outlets` |
# | **Data** | the five shipped articles and the tables of notebook 06; a small made-up table in exercise 5 |
#
# This is the teacher's copy: every blank (`___`) of
# `workbooks/06_outlets_exercises` is filled in, and notes for discussion
# follow each answer.

# %% [markdown]
# ## Set-up (given)
#
# The tables of notebook 06, computed as there; nothing is written to `data/`.

# %%
import warnings

import pandas as pd

from coverage import CorpusWarning, compare_groups, keyness, load_corpus, permutation_test_groups, split_sentences
from coverage.measures import framing_tables
from coverage.classroom import notebook_setup
from coverage.compare import outlet_tables
from coverage.voices import quote_tables

data_dir = notebook_setup(workbook=True)
corpus = load_corpus(data_dir)
voices = quote_tables(corpus, split_sentences(corpus))
tables = {"sentence_framing": framing_tables(corpus, voices["sentences"])["sentence_framing"],
          **outlet_tables(corpus, voices["sentences"], quotes=voices["quotes"])}
month = corpus.set_index("article_id")["published"].dt.strftime("%B")
sentence_table = tables["sentence_framing"].assign(period=lambda t: t["article_id"].map(month))
corpus[["article_id", "outlet", "published"]]

# %% [markdown]
# ## Exercise 1 · One outlet, two rankings
#
# Compute the distinctive words of Recode alone (stop words left out), then
# rank them once by `z` (the kit's ranking) and once by `g2`. Which words
# appear only in the G² ranking, and why?

# %%
recode = keyness(corpus, target="Recode", stop_words="english")
columns = ["word", "count_target", "count_reference", "g2", "z"]
display(recode.sort_values("z", ascending=False).head(6)[columns].round(2))
recode.sort_values("g2", ascending=False).head(6)[columns].round(2)

# %% [markdown]
# *Answer.* The G² ranking includes "work", "refuse" and "revealed", which
# Recode **never** uses (`count_target` 0) while the others do. G² measures
# how surprising the counts are in either direction; it does not say which
# way. The z-score of the log-odds has a sign, so the kit ranks by it and
# draws only positive scores.

# %% [markdown]
# ## Exercise 2 · Rare words
#
# By default the kit keeps words used at least 3 times in the corpus. Set
# `min_count` to 1 and rank Recode's words by G² again. What fills the top?

# %%
rare = keyness(corpus, target="Recode", stop_words="english", min_count=1)
rare[rare["z"] > 0].sort_values("g2", ascending=False).head(8)[columns].round(2)

# %% [markdown]
# *Answer.* A block of words Recode uses twice and nobody else uses at all
# ("hope", "potential", "spokesperson", "sent"), all with the same G² of
# 4.96 and z of 1.13. With one article per outlet, these are one
# journalist's words on one day; the prior of the log-odds keeps them below
# the words Recode uses more often ("summer", "group"), but no statistic can
# turn one article into an outlet's vocabulary.

# %% [markdown]
# ## Exercise 3 · The quotations everyone carries
#
# List the passages that two articles share **inside quotation marks in
# both**. Which quotations travel between outlets?

# %%
quoted = tables["reuse"].query("quoted == 'both'").sort_values("n_words", ascending=False)
quoted = quoted.assign(a=quoted["article_id_a"].map(dict(zip(corpus["article_id"], corpus["outlet"]))),
                       b=quoted["article_id_b"].map(dict(zip(corpus["article_id"], corpus["outlet"]))))
with pd.option_context("display.max_colwidth", 110):
    display(quoted[["a", "b", "n_words", "text_a"]])

# %% [markdown]
# *Answer.* Three sources travel. The employees' letter ("Our company
# should not be in the surveillance business ...", "We refuse to build the
# platform that powers ICE ...") is shared by both June articles and Packt
# Hub, and its list of grievances ("historic militarization of police ...")
# by Recode and Packt Hub. Bezos' remarks at the Wired conference ("If big
# tech companies are going to turn their back on the U.S. Department of
# Defense ...", "One of the jobs of the senior leadership team ...") are in
# all three November articles. And an employee's email ("if enough people
# submit questions ...") is in Recode and Business Insider. Which quotations
# an outlet picks is itself a framing choice: the June articles quote only
# the employees, the November ones set Bezos against them.

# %% [markdown]
# ## Exercise 4 · Resample articles, not sentences
#
# Compare the surveillance rate (terms per 1,000 words) of the two periods,
# June and November. Each period has several articles, so now the bootstrap
# resamples whole articles. Compare the intervals with the per-outlet ones.

# %%
with warnings.catch_warnings():
    warnings.simplefilter("ignore", CorpusWarning)  # the per-outlet rows rest on one article each
    per_outlet = compare_groups(sentence_table, value="surveillance_terms", weight="n_words", scale=1000,
                                by="outlet")
per_period = compare_groups(sentence_table, value="surveillance_terms", weight="n_words", scale=1000,
                            by="period")
pd.concat([per_period.rename(columns={"period": "group"}),
           per_outlet.rename(columns={"outlet": "group"})]).round(1)

# %% [markdown]
# *Answer.* The periods rest on 2 and 3 articles, and the bootstrap now
# draws whole articles. Two June articles allow only three resamples (Forbes
# twice, Tech Observer twice, one of each), so June's interval, 20.8 to
# 26.5, is exactly the range from Forbes' rate to Tech Observer's. The
# interval is honest about what varies (articles, not sentences) but it
# cannot see variation it never sampled: the kit's documentation calls such
# intervals a lower bound on the uncertainty. November's interval (three
# articles) is wider than June's, and overlaps it.

# %% [markdown]
# ## Exercise 5 · How many articles does a test need?
#
# Notebook 06 found that 2 + 3 articles can never give p < 0.05. Make up
# the most extreme data possible (every article of one period scores higher
# than every article of the other) for k articles per period, and compute
# the permutation p-value for k = 2, 3, 4, 5.

# %%
rows = []
for k in [2, 3, 4, 5]:
    extreme = pd.DataFrame({"period": ["June"] * k + ["November"] * k, "article_id": range(2 * k),
                            "value": [float(i) for i in range(2 * k)]})
    test = permutation_test_groups(extreme, value="value", by="period", a="June", b="November")
    rows.append({"articles per period": k, "smallest possible p": round(float(test["p_value"]), 4)})
pd.DataFrame(rows)

# %% [markdown]
# *Answer.* 0.33, 0.1, 0.029, 0.008: the smallest p-value is 2 / C(2k, k),
# and it drops below 0.05 only at **four articles per period**, and that in
# the most extreme data possible. Real data need many more. A study
# designed to compare outlets needs several articles per outlet *before*
# the first measure is computed.

# %% [markdown]
# ## Exercise 6 · Without the rewrite
#
# Packt Hub shares 30% of its words with Recode. Leave Packt Hub out and
# compute Recode's distinctive words again. What changes?

# %%
without = keyness(corpus[corpus["outlet"] != "Packt Hub"], target="Recode", stop_words="english")
pd.DataFrame({"with Packt Hub": recode.head(8)["word"].tolist(),
              "without Packt Hub": without.head(8)["word"].tolist()})

# %% [markdown]
# *Answer.* "group" and "technology" climb, "summer" drops to second:
# words Recode shared with its rewrite count as *less* distinctive while the
# rewrite is in the reference. Keyness is always relative to the other
# articles; a copied article in the reference hides the original's
# vocabulary.

# %% [markdown]
# ## Questions for discussion
#
# 1. Exercise 4: with only two or three articles per group, is a bootstrap
#    interval better than none? What would you write next to it?
# 2. Exercise 5: design a study that could compare June and November
#    coverage. How many articles, from which outlets, chosen how?
# 3. Exercise 6: should a syndicated or rewritten article be left out of a
#    comparison, weighted down, or kept? Argue for one.
