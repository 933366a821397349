# %% [markdown]
# # 07 · Your own articles
#
# | | |
# |---|---|
# | **What you will learn** | how to add articles to the corpus as a text file, a saved web page or a Media Cloud export; how to re-run the analysis; and how to see what the new articles changed |
# | **Time** | 30 minutes |
# | **Prerequisites** | notebooks `00_start_here` and `01_corpus` |
# | **Data** | a temporary copy of the shipped data folder, plus three small example inputs written by this notebook (invented text, not real news articles) |

# %% [markdown]
# ## Work on a copy
#
# Adding articles changes the data folder, so this notebook works on a
# **temporary copy** of it: the real `data/` is never touched, and the copy
# disappears at the end. We also move into the temporary folder, the way you
# would work from your own project folder, so that file names stay short.

# %%
import os
import shutil
import warnings
from pathlib import Path

import pandas as pd

from coverage import CorpusError, CorpusWarning, read_manifest
from coverage.io import add_article
from coverage.notebooks import copy_data_dir
from coverage.classroom import notebook_setup, work_in_scratch
from coverage import build_tables

real_data = notebook_setup()
notebook_folder, scratch = work_in_scratch("media-coverage-")
data = copy_data_dir(real_data, Path("data"))
incoming = Path("incoming")
incoming.mkdir()
sorted(path.name for path in (data / "raw").iterdir())

# %% [markdown]
# `build_tables` computes every table that `make figures` writes to
# `data/processed/`. We keep the result as **before**, to compare later. Its
# warnings (every outlet rests on one article) were shown in notebook 06, so
# we silence them here.

# %%
with warnings.catch_warnings():
    warnings.simplefilter("ignore", CorpusWarning)
    before = build_tables(data)
before["articles"][["article_id", "outlet", "published", "n_words"]]

# %% [markdown]
# ## 1. A text file
#
# The simplest input is a plain-text file holding one article: the headline
# on the first line, then the paragraphs. Site chrome may stay in; cleaning
# removes it and records what it removed. Here is an invented example:

# %%
story = (
    "Staff press Amazon on face recognition\n"
    "\n"
    "Amazon employees used an all-staff meeting to ask about sales of the "
    "Rekognition service to police, according to colleagues who watched the stream.\n"
    "\n"
    "The employees first raised the issue in a letter in June. They also asked "
    "the company to stop providing cloud services to Palantir.\n"
    "\n"
    "Read more: Our earlier coverage of the letter\n"
)
(incoming / "gazette.txt").write_text(story, encoding="utf-8")
print(story)

# %% [markdown]
# `add_article` copies the file into `data/raw/` and appends its row to the
# manifest `data/articles.csv`, with the outlet and date you give it. From a
# terminal the same step is
# `media-coverage add incoming/gazette.txt --outlet "The Example Gazette" --published 2018-11-09 --data data`.

# %%
row = add_article(data, incoming / "gazette.txt", outlet="The Example Gazette",
                  published="2018-11-09", title="Staff press Amazon on face recognition")
row

# %%
read_manifest(data)[["article_id", "file", "outlet", "published"]].tail(2)

# %% [markdown]
# Mistakes are safe: `add_article` checks the file before changing anything,
# and refuses a file that is already in the corpus, with one line that says
# what to do.

# %%
try:
    add_article(data, incoming / "gazette.txt", outlet="The Example Gazette", published="2018-11-09")
except CorpusError as error:
    print(error)

# %% [markdown]
# ## 2. A saved web page
#
# Save the article's page from your browser as HTML. The kit extracts the
# main text, title, site name and date with trafilatura; the page is only
# parsed, its scripts never run and nothing is fetched. A page that carries
# its own site name and date can be copied straight into `data/raw/`,
# without a manifest row (use `add_article` or a manifest row when it does
# not, or when its metadata are wrong).

# %%
(incoming / "sample-tech-daily.html").write_text("""<!DOCTYPE html>
<html lang="en">
<head>
<title>Amazon workers take Rekognition questions to Bezos | Sample Tech Daily</title>
<meta property="og:site_name" content="Sample Tech Daily">
<meta property="og:title" content="Amazon workers take Rekognition questions to Bezos">
<meta property="article:published_time" content="2018-11-08T18:00:00Z">
</head>
<body>
<nav><a href="https://sampletechdaily.test/">Home</a> <a href="https://sampletechdaily.test/tech">Tech</a></nav>
<article>
<p>Amazon employees sent questions about the Rekognition face-recognition service to the company's all-staff meeting on Thursday.</p>
<p>Civil-rights groups had warned that the tool could be used for surveillance, while the company said it was used responsibly.</p>
<p>This page is an invented example written for the media-coverage notebooks; it is not a real news article.</p>
</article>
<footer>Share this story</footer>
</body>
</html>
""", encoding="utf-8")
shutil.copy(incoming / "sample-tech-daily.html", data / "raw")

# %% [markdown]
# ## 3. A Media Cloud export
#
# [Media Cloud](https://www.mediacloud.org/) exports search results as a CSV
# table with one story per row. The kit recognises its columns
# (`media_name`, `publish_date`, `title`, `url` and the text) as they are, so
# the export goes straight into `data/raw/`. Here is a small invented export;
# its last row has no text, as happens when a site blocks text extraction.

# %%
export = pd.DataFrame({
    "stories_id": [101, 102, 103],
    "publish_date": ["2018-11-09 08:15:00", "2018-11-09 12:40:00", "2018-11-10 09:00:00"],
    "media_name": ["Example Wire", "Sample Times", "Sample Times"],
    "media_url": ["examplewire.test", "sampletimes.test", "sampletimes.test"],
    "title": ["Amazon answers staff on police contracts",
              "Questions on face recognition reach Amazon leadership",
              "Amazon meeting: a follow-up"],
    "url": ["https://examplewire.test/101", "https://sampletimes.test/102", "https://sampletimes.test/103"],
    "story_text": [
        "Amazon answers staff on police contracts\n\nAmazon executives answered employee "
        "questions about Rekognition at the all-staff meeting. Employees had asked the company "
        "to stop selling the tool to police.",
        "Questions on face recognition reach Amazon leadership\n\nEmployees submitted questions "
        "in advance of the meeting. The company said every employee worldwide could take part.",
        "",
    ],
})
export.to_csv(data / "raw" / "mediacloud-export.csv", index=False)
export[["stories_id", "media_name", "publish_date", "title"]]

# %% [markdown]
# ## Re-run, and see what changed
#
# Re-running is one call (or `make figures DATA=...` from a terminal). The
# kit warns, with a count, about rows it had to skip; we show its warnings
# here instead of letting them scroll past.

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    after = build_tables(data)
for warning in caught:
    if issubclass(warning.category, CorpusWarning):
        print("warning:", warning.message)

# %% [markdown]
# Every table grew by what the new articles contribute; the `skipped` table
# records the export row without text, so it is never silently lost.

# %%
pd.DataFrame({"before": {name: len(table) for name, table in before.items()},
              "after": {name: len(table) for name, table in after.items()}}).rename_axis("rows in table")

# %%
new_ids = set(after["articles"]["article_id"]) - set(before["articles"]["article_id"])
new = after["articles"][after["articles"]["article_id"].isin(new_ids)]
new[["article_id", "outlet", "published", "n_words", "source_file"]]

# %%
after["skipped"]

# %% [markdown]
# The new articles in the timeline (compare with notebook `01_corpus`):

# %%
from coverage.plots.corpus import plot_timeline

ax = plot_timeline(after["articles"])
ax.set_title(f"Coverage timeline with the new articles, {len(after['articles'])} articles");

# %% [markdown]
# ## Check what the kit made of them
#
# New sources bring new kinds of site chrome. Before trusting any measure,
# read what cleaning removed from the new articles and how their first
# sentences look: is the headline right, is it repeated as the first
# sentence, did a caption or a link survive?

# %%
after["removed"][after["removed"]["article_id"].isin(new_ids)][["article_id", "line_no", "line", "rule"]]

# %%
first = after["sentences"][after["sentences"]["article_id"].isin(new_ids)].groupby("article_id").head(3)
with pd.option_context("display.max_colwidth", 150):
    display(first[["article_id", "sentence_id", "position", "text"]])

# %% [markdown]
# ## Clean up
#
# Move back to the notebook's folder and delete the temporary copy. The real
# data folder still holds the five shipped articles.

# %%
os.chdir(notebook_folder)
scratch.cleanup()
len(read_manifest(real_data))

# %% [markdown]
# With your own articles, do the same in the real `data/` folder (or in
# a data folder of your own, passed as `--data DIR`), then run
# `make figures` and `make notebooks` to see every figure and notebook with
# them. `data/README.md` lists every accepted format.
#
# ## Questions for discussion
#
# 1. The Media Cloud row without text was skipped and counted. If a third of
#    an export had no text, how could that bias a comparison of outlets?
# 2. A saved page carries its own site name and date, a manifest row can
#    override them. When would you trust the page, and when your own record?
# 3. Which checks would you run on a new source before adding its articles to
#    a comparison with the five shipped ones?
