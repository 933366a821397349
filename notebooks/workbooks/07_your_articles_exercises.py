# %% [markdown]
# # Workbook 07 · Your own articles — exercises
#
# | | |
# |---|---|
# | **What you will learn** | to add articles in each format the kit reads, to predict what the kit will do with them, and to check what changed |
# | **Time** | 45 minutes in class, plus a source of your own as homework |
# | **Prerequisites** | notebook `07_your_articles` |
# | **Data** | a temporary copy of the shipped data folder, plus small articles you write in the exercises |
#
# Replace every `___` with your answer and run the cells from the top.
# Where a question asks for a prediction, write it down *before* running.

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
    "outlet: ___\n"
    "published: ___\n"
    "title: Students follow the Amazon staff debate\n"
    "---\n"
    "Students follow the Amazon staff debate\n"
    "\n"
    "Computer-science students followed the debate among Amazon employees about face recognition.\n"
    "\n"
    "Several said they would ask future employers how their work is used.\n",
    encoding="utf-8",
)
corpus = ___(data)
corpus.loc[corpus["outlet"] == "Campus Courier", ["article_id", "published", "n_words", "headline"]]

# %% [markdown]
# What is the new article's `article_id`, and where did it come from? What
# happens if you leave out `published`?

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
    ___(data, incoming / "courier.txt", outlet=___, published=___)
    print("added")
except CorpusError as error:
    print(error)

# %% [markdown]
# Was your prediction right? Why? Then remove the copy again (given):

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
    "media_name": [___] * 3,
    "publish_date": ["2018-11-08 09:00:00", "2018-11-09 09:00:00", "2018-11-10 09:00:00"],
    "title": ["Amazon staff meet", "Amazon answers", "Follow-up"],
    "url": ["https://wire.test/1", "https://wire.test/2", "https://wire.test/3"],
    "text": ["Amazon staff meet\n\nEmployees met the company's leaders on Thursday.",
             "Amazon answers\n\nThe company answered questions about Rekognition.",
             ___],
})
export.to_csv(data / "raw" / "wire.csv", index=False)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    after = build_tables(data)
print([str(w.message) for w in caught if issubclass(w.category, CorpusWarning)])
len(after["articles"]) - len(before["articles"])

# %% [markdown]
# How many articles did the corpus gain, and which ones? Where can you find
# the skipped row?

# %%
after[___]

# %% [markdown]
# ## Exercise 4 · What changed
#
# Count the sentences per outlet before and after, side by side, with 0
# where an outlet had no articles.

# %%
changes = pd.concat({"before": before["sentences"].merge(before["articles"][["article_id", "outlet"]])
                     .groupby("outlet").size(),
                     "after": ___}, axis=1).fillna(0).astype(int)
changes

# %% [markdown]
# Did anything change for the five shipped outlets? Should it?

# %% [markdown]
# ## Exercise 5 · Check the cleaning
#
# Which lines did cleaning remove from the new articles, and by which rule?
# Which sentence of the Campus Courier article is its lede?

# %%
new_ids = set(after["articles"]["article_id"]) - set(before["articles"]["article_id"])
display(after["removed"][after["removed"]["article_id"].isin(new_ids)])
after["sentences"].query("article_id == 'campus-courier' and position == ___")["text"].tolist()

# %% [markdown]
# Your answer here.

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
