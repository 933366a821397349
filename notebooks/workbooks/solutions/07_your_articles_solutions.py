# %% [markdown]
# # Workbook 07 · Your own articles — solutions
#
# | | |
# |---|---|
# | **What you will learn** | to add articles in each format the kit reads, to predict what the kit will do with them, and to check what changed |
# | **Time** | 45 minutes in class, plus a source of your own as homework |
# | **Prerequisites** | notebook `07_your_articles` |
# | **Data** | a temporary copy of the shipped data folder, plus small articles you write in the exercises |
#
# This is the teacher's copy: every blank (`___`) of
# `workbooks/07_your_articles_exercises` is filled in, and notes for
# discussion follow each answer.

# %% [markdown]
# ## Set-up (given)
#
# As in notebook 07, we work in a temporary copy of the data folder, so
# nothing you do here can damage the real `data/`.

# %%
import os
import warnings
from pathlib import Path

import pandas as pd

from coverage import CorpusError, CorpusWarning, load_corpus
from coverage.io import add_article
from coverage.notebooks import copy_data_dir
from coverage.classroom import notebook_setup, work_in_scratch
from coverage import build_tables

data_dir = notebook_setup(workbook=True)
notebook_folder, scratch = work_in_scratch("media-coverage-workbook-")
data = copy_data_dir(data_dir, Path("data"))
with warnings.catch_warnings():
    warnings.simplefilter("ignore", CorpusWarning)  # "one article per outlet", known from notebook 06
    before = build_tables(data)
len(before["articles"])

# %% [markdown]
# ## Exercise 1 · An article with front matter
#
# A text file can carry its own metadata in a YAML block between two `---`
# lines at the top; then it needs no row in the manifest. Complete the front
# matter with the outlet `Campus Courier`, the date 8 November 2018 and the
# title, save the file straight into `data/raw/`, and load the corpus.

# %%
(data / "raw" / "campus-courier.md").write_text(
    "---\n"
    "outlet: Campus Courier\n"
    "published: 2018-11-08\n"
    "title: Students follow the Amazon staff debate\n"
    "---\n"
    "Students follow the Amazon staff debate\n"
    "\n"
    "Computer-science students followed the debate among Amazon employees about face recognition.\n"
    "\n"
    "Several said they would ask future employers how their work is used.\n",
    encoding="utf-8",
)
corpus = load_corpus(data)
corpus.loc[corpus["outlet"] == "Campus Courier", ["article_id", "published", "n_words", "headline"]]

# %% [markdown]
# *Note for discussion.* The `article_id` is the file name without its
# extension. Leaving out `published` stops `load_corpus` with a one-line
# error that names the file and the missing field: try it with the class.

# %% [markdown]
# ## Exercise 2 · The same article twice
#
# Write the Campus Courier text (without its front matter) to a file in a
# folder `incoming/`, and try to add it with `add_article` under the outlet
# `Campus Courier`. Predict first: will the kit accept it? Print the error
# if there is one.

# %%
incoming = Path("incoming")
incoming.mkdir()
body = (data / "raw" / "campus-courier.md").read_text(encoding="utf-8").split("---\n", 2)[2]
(incoming / "courier.txt").write_text(body, encoding="utf-8")
try:
    add_article(data, incoming / "courier.txt", outlet="Campus Courier", published="2018-11-08")
    print("added")
except CorpusError as error:
    print(error)

# %% [markdown]
# *Note for discussion.* The kit accepts it: it compares whole files byte
# by byte, and this file lacks the front matter, so it is not the same file.
# The corpus now holds the same article twice under two ids, which would
# double its weight in every comparison. Duplicate detection by content is
# the job of the text-reuse measures (notebook 06); a careful researcher
# checks before adding. Remove the copy again:

# %%
from coverage import read_manifest

manifest = read_manifest(data)
print(manifest[["article_id", "file", "outlet"]].tail(1).to_string(index=False))
(data / manifest["file"].iloc[-1]).unlink()
manifest.iloc[:-1].to_csv(data / "articles.csv", index=False)
len(load_corpus(data))

# %% [markdown]
# ## Exercise 3 · A Media Cloud export
#
# Build a small export with three stories from the outlet `Example Wire`:
# two with text and one without. Save it as `data/raw/wire.csv`. Before
# running the next cell, write down how many articles the corpus will gain
# and what the kit will say about the third row.

# %%
export = pd.DataFrame({
    "stories_id": [1, 2, 3],
    "media_name": ["Example Wire"] * 3,
    "publish_date": ["2018-11-08 09:00:00", "2018-11-09 09:00:00", "2018-11-10 09:00:00"],
    "title": ["Amazon staff meet", "Amazon answers", "Follow-up"],
    "url": ["https://wire.test/1", "https://wire.test/2", "https://wire.test/3"],
    "text": ["Amazon staff meet\n\nEmployees met the company's leaders on Thursday.",
             "Amazon answers\n\nThe company answered questions about Rekognition.",
             ""],
})
export.to_csv(data / "raw" / "wire.csv", index=False)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    after = build_tables(data)
print([str(w.message) for w in caught if issubclass(w.category, CorpusWarning)])
len(after["articles"]) - len(before["articles"])

# %% [markdown]
# *Answer.* Three new articles: the two Wire stories with text and the
# Campus Courier article of exercise 1. The third Wire row is skipped, and
# the kit says so in a warning with a count; the row is also listed in the
# `skipped` table:

# %%
after["skipped"]

# %% [markdown]
# ## Exercise 4 · What changed
#
# Count the sentences per outlet before and after, side by side, with 0
# where an outlet had no articles.

# %%
changes = pd.concat({"before": before["sentences"].merge(before["articles"][["article_id", "outlet"]])
                     .groupby("outlet").size(),
                     "after": after["sentences"].merge(after["articles"][["article_id", "outlet"]])
                     .groupby("outlet").size()}, axis=1).fillna(0).astype(int)
changes

# %% [markdown]
# *Answer.* The five shipped outlets keep their sentence counts; only the
# new outlets appear. A measure that changed for an old outlet after adding
# new articles would be a warning sign (e.g. a measure normalised by the
# whole corpus, such as distinctive words in notebook 06, legitimately
# does change).

# %% [markdown]
# ## Exercise 5 · Check the cleaning
#
# Which lines did cleaning remove from the new articles, and by which rule?
# Which sentence of the Campus Courier article is its lede?

# %%
new_ids = set(after["articles"]["article_id"]) - set(before["articles"]["article_id"])
display(after["removed"][after["removed"]["article_id"].isin(new_ids)])
after["sentences"].query("article_id == 'campus-courier' and position == 'lede'")["text"].tolist()

# %% [markdown]
# *Answer.* Nothing was removed: the new texts carry no site chrome. The lede
# is the first body paragraph, "Computer-science students followed the
# debate ...".

# %% [markdown]
# ## Clean up (given)

# %%
os.chdir(notebook_folder)
scratch.cleanup()

# %% [markdown]
# ## Questions for discussion
#
# 1. Think of exercise 2. Which checks should a researcher run by hand
#    before adding a batch of articles?
# 2. Exercise 3 skipped a row without text. When would you rather have the
#    kit stop with an error than skip and warn?
# 3. Homework: save one article about the story from an outlet not yet in
#    the corpus, add it, and report what cleaning removed from it.
