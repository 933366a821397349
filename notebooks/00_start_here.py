# %% [markdown]
# # 00 · Start here
#
# | | |
# |---|---|
# | **What you will learn** | what the media-coverage kit does, which story and which five articles it ships with, how to run everything, and which notebook to open next |
# | **Time** | 15 minutes |
# | **Prerequisites** | none; it helps to have read one of the five articles |
# | **Data** | the five shipped articles in `data/raw/`, described in `data/articles.csv` |

# %% [markdown]
# ## What the kit is
#
# **media-coverage** is a Python library with a set of notebooks for studying
# how news outlets *framed* one story: which words they chose, whom they
# quoted, whether they wrote for or against the company at the centre of it,
# and which passages they copied from each other. Every number the kit
# reports can be traced back to the sentences behind it, and every measure
# comes with a note on what it cannot see.
#
# The notebooks contain no analysis code of their own: they call the
# library (`import coverage`), so what you read here is exactly what
# `make figures` computes.

# %% [markdown]
# ## The story
#
# In 2018 the American Civil Liberties Union reported that Amazon was
# marketing and selling **Rekognition**, the face-recognition service of
# Amazon Web Services, to police departments. In June 2018 Amazon employees
# wrote to chief executive Jeff Bezos asking the company to stop selling
# Rekognition to law enforcement and to stop providing cloud services to
# Palantir, whose software is used by US Immigration and Customs Enforcement
# (ICE). In November 2018 employees sent questions on the same topic to an
# all-staff meeting; according to Packt Hub, Andy Jassy, the head of Amazon
# Web Services, answered them there.
#
# Five outlets covered the story: two in June (the letter) and three in
# November (the meeting). They differ in length, in whom they quote and in
# how much they borrow from each other, which is what the later notebooks
# measure.

# %% [markdown]
# ## The five articles
#
# `notebook_setup()` locates the data folder from wherever this notebook is
# opened (or from the `MEDIA_COVERAGE_DATA` environment variable) and can
# run any number of times, so you can always re-run a notebook from the top;
# `load_corpus` reads, checks and cleans every article in it.

# %%
import pandas as pd

from coverage import load_corpus
from coverage.classroom import notebook_setup

data_dir = notebook_setup()
corpus = load_corpus(data_dir)
corpus[["outlet", "published", "date_estimated", "n_words", "via", "headline"]]

# %% [markdown]
# One row per article. `published` is the publication date; four of the five
# dates are **estimates** (`date_estimated`), worked out from what the
# articles say ("yesterday", "on Thursday") because the scraped pages carry no
# date. `n_words` counts the words of the clean text, headline included.
# `via` says who carried the copy we have: two of the articles reached us
# through an aggregator or a syndication network rather than the outlet's own
# site. The manifest `data/articles.csv` explains each estimate in its
# `notes` column:

# %%
with pd.option_context("display.max_colwidth", 200):
    display(corpus[["article_id", "notes"]])

# %% [markdown]
# ## How to run everything
#
# From the repository folder, two commands do everything; the first run
# builds the kit's own Python environment in `.venv/`:
#
# ```bash
# make figures     # recompute data/processed/ and figures/ from data/
# make test        # run the test suite, which also runs every notebook
# make notebooks   # re-run every notebook in place, so its outputs match the data
# ```
#
# To open the notebooks, start Jupyter from the environment and pick the
# **Python 3** kernel: `.venv/bin/jupyter lab notebooks/`. Each notebook
# has a twin `.py` file (same cells, plain text) so that changes can be
# reviewed line by line; Jupyter keeps the two in step.
#
# If `import coverage` fails with "cannot import name 'load_corpus'", another
# package called `coverage` (the coverage.py testing tool) is shadowing the
# kit: use the `.venv` kernel (see the troubleshooting note in the README).

# %% [markdown]
# ## How the notebooks connect
#
# Read them in order; each builds on the tables of the previous ones.
#
# | notebook | what it teaches |
# |---|---|
# | `00_start_here` | this overview: the kit, the story, the articles, how to run it |
# | `01_corpus` | loading the articles, what cleaning removed and why, sentences and positions (headline, lede, body) |
# | `02_sentiment` | what sentiment lexicons measure, TextBlob versus VADER, where they fail on news |
# | `03_frames` | surveillance versus safety vocabulary, the codebook, keyword-in-context evidence |
# | `04_voices` | quotations, speakers and their roles; author voice versus quoted voices |
# | `05_stance` | stance toward Amazon, mention by mention: the fine-tuned stance model, how well it agrees with two coders' hand labels, and where it fails |
# | `06_outlets` | the comparison itself: distinctive words, copied passages, all measures side by side with intervals |
# | `07_your_articles` | adding your own articles (a file, a web page, a Media Cloud export) and re-running |
#
# Exercises for notebooks 02–07 are in `notebooks/workbooks/`; teachers find
# the solutions in `notebooks/workbooks/solutions/`.

# %% [markdown]
# ## A word on sample size
#
# Five articles from five outlets means **one article per outlet**. Any
# difference between two outlets is a difference between two articles: it
# may come from the outlet's habits, from the author, from the day, or from
# the fact that one article was syndicated copy. The kit reports intervals
# and sample sizes with every comparison for this reason.

# %%
corpus.groupby("outlet").size().rename("articles").to_frame()

# %% [markdown]
# ## Questions for discussion
#
# 1. Two articles were written in June and three in November. What would you
#    expect to differ between coverage of a letter and coverage of a meeting,
#    before measuring anything?
# 2. Four of the five publication dates are estimates. Which conclusions about
#    "who reported first" does that rule out?
# 3. Two of the texts reached us through an aggregator or a syndication
#    network. What might that change in the words we analyse?
