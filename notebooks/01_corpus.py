# %% [markdown]
# # 01 · The corpus: loading, cleaning, sentences
#
# | | |
# |---|---|
# | **What you will learn** | how the kit turns scraped pages into clean article text, what cleaning removed and why, how text is cut into words and sentences, and what "headline", "lede" and "body" mean in the sentence table |
# | **Time** | 30 minutes |
# | **Prerequisites** | notebook `00_start_here`; selecting columns and `groupby` in pandas |
# | **Data** | the five shipped articles in `data/raw/` and the manifest `data/articles.csv` |

# %% [markdown]
# ## One page first
#
# A scraped page holds more than the article: menus, "Read more" links,
# photo credits, lists of other headlines. The kit removes such lines one at
# a time, and records for each removed line the **rule** that removed it.
# Here is a tiny made-up page:

# %%
from coverage.io import clean_text

page = """Filed under:

Staff write to the CEO

Workers sent a letter on Monday. They want an answer.
Read more: Another story about the company
"""
article = clean_text(page)
print("headline:  ", article.headline)
print("paragraphs:", article.paragraphs)
print("removed:   ", article.removed)

# %% [markdown]
# The first line was *page chrome*, the last a *link line*; each removed line
# keeps its line number in the raw page. The first remaining line has no full
# stop, so it is taken as the headline. Nothing else was changed: words,
# quote marks and dashes stay exactly as they were, because later notebooks
# search for quotations and need them.

# %% [markdown]
# ## Loading the corpus
#
# `load_corpus` does this for every file in the data folder, merges in the
# manifest (`data/articles.csv`) and checks that each article has an outlet
# and a date. A problem with a file stops it with a one-line message naming
# the file and the fix.

# %%
import pandas as pd

from coverage import load_corpus, removed_lines, split_sentences
from coverage.classroom import notebook_setup
from coverage.text import count_words, words

data_dir = notebook_setup()
corpus = load_corpus(data_dir)
corpus.dtypes

# %% [markdown]
# One row per article. The columns that matter most:
#
# * `text`: the **clean** article: the headline, a blank line, then the body
#   paragraphs separated by blank lines. `text[body_start:]` is the body alone.
# * `raw_text`: the file exactly as scraped; `data/raw/` is never modified.
# * `headline`, `outlet`, `published`, `date_estimated`, `url`, `author`,
#   `via`, `notes`: metadata from the manifest or the file itself.
# * `n_words`: words in the clean text (the kit's one word definition, below).
#
# Here is how one article (Recode) starts, first as scraped, then cleaned:

# %%
recode = corpus.set_index("article_id").loc["recode-2018-11-05"]
print(recode["raw_text"][:620])

# %%
print(recode["text"][:560])

# %% [markdown]
# ## What cleaning removed, and why
#
# `removed_lines(corpus)` lists every removed line with its article, its line
# number in the raw file and the rule. Counting them by rule and outlet shows
# how differently the five pages were scraped:

# %%
removed = removed_lines(corpus).merge(corpus[["article_id", "outlet"]], on="article_id")
pd.crosstab(removed["rule"], removed["outlet"], margins=True, margins_name="total")

# %% [markdown]
# One example of each rule:

# %%
removed.drop_duplicates("rule")[["rule", "outlet", "line_no", "line"]]

# %% [markdown]
# Why each rule exists:
#
# | rule | what it removes | why it is not the article |
# |---|---|---|
# | aggregator navigation | "Channel: ...", "Browse latest", "Viewing all articles" | the Business Insider text was scraped from an RSS aggregator page |
# | page chrome | "Filed under:", "Popular", "You may also like", "Comments are closed." | the site's menus and sidebars |
# | link line | "Read more: ...", "SEE ALSO: ...", "NOW WATCH: ..." | links to other stories |
# | photo credit, photo caption | "Drew Angerer / Getty Images" and the short lines above it | text about a picture, not about the story |
# | image alt text | a few lower-case words under the headline | aggregators print the picture's description in its place |
# | syndication footer, after syndication footer | "This article originally appeared on ...", and everything after it | the page of the site that re-published the article |
# | read next list | a "Read Next" heading and the headlines under it | other stories |
# | repeated within / across articles | a short label printed twice on one page, or on three or more pages | navigation repeated by the site |
#
# **Where cleaning fails.** The rules are written for English news pages. A
# sub-heading inside an article (Forbes' "Employee activism is alive") looks
# like a short label but is kept, because it carries content. A truncated
# scrape stays truncated: Tech Observer's headline is cut short in the file
# ("Amazon employees"). A caption that does not sit right above a photo
# credit is kept as text. Always read `removed_lines` for a new source.
#
# How much of each file was chrome? Comparing words before and after:

# %%
sizes = corpus[["outlet", "n_words"]].assign(raw_words=corpus["raw_text"].map(count_words))
sizes.assign(removed_share=(1 - sizes["n_words"] / sizes["raw_words"]).round(3))

# %% [markdown]
# ## Words
#
# Every count in the kit uses one definition of a word, `coverage.text.tokens.words`:
# a run of letters or digits, with internal apostrophes or hyphens kept
# (`all-staff`, `don't`) and numbers such as `20,000` kept whole. Curly
# apostrophes become straight ones, so "Amazon’s" and "Amazon's" match.

# %%
words("Amazon’s all-staff meeting on Thursday cost $20,000 — or did it?")

# %% [markdown]
# Its blind spot: "U.S." counts as two words ("u", "s"), and languages
# written without spaces would be one word per clause.
#
# ## Sentences
#
# `split_sentences` cuts each clean text into sentences with a set of rules
# (no downloaded model). It ends a sentence after `.`, `!` or `?` when a
# capital letter, digit or opening quote follows, but not after abbreviations
# ("Mr.", "U.S.", "Inc.") or a single initial, and never across a paragraph
# break. One paragraph first:

# %%
from coverage.text import sentence_spans

paragraph = "Mr. Bezos met U.S. officials. They paid $12.2 million. “We won’t build it,” staff wrote."
[paragraph[start:end] for start, end, _ in sentence_spans(paragraph)]

# %% [markdown]
# Then the whole corpus: one row per sentence, with `start` and `end`
# offsets into the article's clean `text`, so every measure computed on a
# sentence can point back to the exact place in the article.

# %%
sentences = split_sentences(corpus)
sentences.head()

# %%
sentences.groupby("article_id")["n_words"].agg(sentences="size", mean_words="mean", longest="max").round(1)

# %% [markdown]
# **Where splitting fails.** An abbreviation that really ends a sentence
# ("... in the U.S. The next day ...") joins two sentences; a sentence that
# starts with a lower-case word after a full stop is joined to the previous
# one; a quotation of several sentences is cut into several sentences, with
# the attribution ("the letter said") in the last one only.
#
# ## Positions: headline, lede, body
#
# Journalists put what they think matters most at the top. The sentence table
# marks each sentence's `position`: the **headline**, the **lede** (the first
# paragraph of the body) or the **body**. Later notebooks compare measures by
# position, e.g. whether an outlet's headline is harsher than its body.

# %%
pd.crosstab(sentences["article_id"], sentences["position"])[["headline", "lede", "body"]]

# %%
with pd.option_context("display.max_colwidth", 250):
    display(sentences.loc[sentences["position"] == "lede", ["article_id", "sentence_id", "text"]])

# %% [markdown]
# **What "lede" cannot tell you.** It is the first body *paragraph* as
# scraped, whatever it is: for Recode it is the sub-headline under the
# headline, for Business Insider the first of three summary bullet points.
# Reading the ledes above before trusting a "lede versus body" comparison is
# part of the method.
#
# ## When and how much each outlet wrote
#
# The corpus plots from `coverage.plots.corpus` are the same ones
# `make figures` saves. Hollow dots are estimated dates.

# %%
from coverage.plots.corpus import plot_length, plot_timeline

ax = plot_timeline(corpus)
ax.set_title(f"Coverage timeline, {len(corpus)} articles");

# %%
ax = plot_length(corpus)
ax.set_title("Article length in words (clean text)");

# %% [markdown]
# ## Questions for discussion
#
# 1. Cleaning removed navigation, captions and "Read next" lists. Which of
#    these could still tell you something about how an outlet *framed* the
#    story, and would you keep them for that question?
# 2. Recode's "lede" is a sub-headline written by an editor, Business
#    Insider's a bullet-point summary. Is a lede-versus-body comparison fair
#    across such different page layouts?
# 3. The longest article has almost twice the words of the shortest. How
#    should later measures (counts of words, quotes, mentions) account for
#    length?
