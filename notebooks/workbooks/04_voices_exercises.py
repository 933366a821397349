# %% [markdown]
# # Workbook 04 · Voices — exercises
#
# | | |
# |---|---|
# | **What you will learn** | to predict what the quotation extractor finds, to teach it a reporting verb through its data file, to tell when it counts a quotation once across its interruptions, and to test how the voice ledger and the voice split depend on their settings |
# | **Time** | 45 minutes in class |
# | **Prerequisites** | notebook `04_voices` |
# | **Data** | the five shipped articles; small made-up paragraphs; an edited copy of `coverage/data/reporting_verbs.yaml` in a temporary folder |
#
# Replace every `___` with your answer and run the cells from the top.
# Where a question asks for a prediction, write it down *before* running.

# %% [markdown]
# ## Set-up (given)
#
# The quotations and voiced sentences of the five articles, and a temporary
# folder for edited data files.

# %%
import os
from pathlib import Path

import pandas as pd
import yaml

from coverage import load_corpus, split_sentences
from coverage.classroom import notebook_setup, work_in_scratch
from coverage.voices import extract_quotes
from coverage.resources import read_yaml, shipped_path
from coverage.voices import quote_tables, sentence_voices, voice_ledger

data_dir = notebook_setup(workbook=True)
corpus = load_corpus(data_dir)
sentences = split_sentences(corpus)
voices = quote_tables(corpus, sentences)
quotes = voices["quotes"].merge(corpus[["article_id", "outlet"]])
columns = ["text", "kind", "speaker", "role", "cue", "attribution"]

notebook_folder, scratch = work_in_scratch("media-coverage-workbook-")
len(quotes)

# %% [markdown]
# ## Exercise 1 · Predict the extractor
#
# Write a short paragraph with one full quotation attributed to an ACLU
# lawyer and one partial quotation inside your own sentence. Before running,
# write down the speaker, role, cue and kind you expect for each.

# %%
mine = ___
extract_quotes(pd.DataFrame({"article_id": ["mine"], "text": [mine]}))[columns]

# %% [markdown]
# Which of your predictions failed, and which rule explains it?

# %% [markdown]
# ## Exercise 2 · Teach the kit a verb
#
# In notebook 04 the senator's words ("It is a disgrace," mocked a senator)
# stayed unattributed because "mocked" is not a reporting verb. Copy the
# shipped verbs file, add the verb `mock` with all its forms, and extract
# again with `verbs=`.

# %%
trap = ('Staff confront Bezos\n\nAmazon employees wrote to Jeff Bezos on Monday.\n\n'
        '"We refuse to build it," one of them said.\n\n'
        '"It is a disgrace," mocked a senator.\n\n'
        'Bezos said Amazon would continue to support the government. "We will keep selling it," he said.')
verbs = read_yaml(shipped_path("reporting_verbs.yaml"))
verbs["verbs"]["mock"] = [___]
Path("my_verbs.yaml").write_text(yaml.safe_dump(verbs, sort_keys=False), encoding="utf-8")
extract_quotes(pd.DataFrame({"article_id": ["made-up"], "text": [trap]}), verbs=___)[columns]

# %% [markdown]
# Is the senator found now, and with which role? Read the *whole* table:
# did anything else change? Then run your list on the five articles and
# compare with the quotations found with the shipped list.

# %%
again = extract_quotes(corpus, verbs=___)
print(len(voices["quotes"]), "quotations with the shipped verbs,", len(again), "with yours;",
      "every row identical" if again.equals(voices["quotes"]) else "some rows changed")

# %% [markdown]
# What does this check show, and what does it not show?

# %% [markdown]
# ## Exercise 3 · One quotation or two?
#
# A quotation interrupted by its attribution (`"A," said Ann Lee. "B."`)
# is one quotation of two segments in notebook 04. For each paragraph
# below, write down how many quotations a *reader* sees, then run the cell.

# %%
paragraphs = {
    "a": '"We refuse to build it," said Ann Lee, an Amazon engineer. "We demand a say in how it is used."',
    "b": 'Ann Lee spoke first. "We refuse to build it," she said.\n\n"We demand a say in how it is used."',
    "c": '"We refuse to build it," said Ann Lee. She paused. "We demand a say in how it is used."',
    "d": '"We refuse to build it," said Ann Lee. "We will keep selling it," said Andy Jassy.',
}
reader = {"a": ___, "b": ___, "c": ___, "d": ___}
found = extract_quotes(pd.DataFrame({"article_id": list(paragraphs), "text": list(paragraphs.values())}))
display(pd.DataFrame({"reader": pd.Series(reader), "kit": found.groupby("article_id").size()}))
found[["article_id", "text", "n_segments", "segments", "speaker", "cue", "attribution", "pronoun"]]

# %% [markdown]
# Where does the kit count differently from a reader? Which rule explains
# it, and what does the difference change in the voice ledger?

# %% [markdown]
# ## Exercise 4 · The ledger without partial quotations
#
# Partial quotations are short phrases, and their speakers are found less
# reliably. Compute the voice ledger from full quotations only. Which
# outlet's picture changes most?

# %%
full_only = voice_ledger(voices["quotes"], corpus, kinds=(___,))
both = voice_ledger(voices["quotes"], corpus)
pd.concat({"all quotations": both.pivot(index="outlet", columns="role", values="quoted_word_share"),
           "full only": full_only.pivot(index="outlet", columns="role", values="quoted_word_share")},
          axis=1)[[("all quotations", "company"), ("full only", "company"),
                   ("all quotations", "employees"), ("full only", "employees")]].round(2)

# %% [markdown]
# Your answer here.

# %% [markdown]
# ## Exercise 5 · Where does a voice begin?
#
# A sentence counts as the quoted voice when more than half of its
# characters are inside quotation marks. Lower the threshold to 0.2 and
# count the quoted sentences per outlet again.

# %%
counts = {}
for threshold in [0.5, ___]:
    voiced = sentence_voices(sentences, voices["quotes"], threshold=threshold).merge(
        corpus[["article_id", "outlet"]])
    counts[f"threshold {threshold}"] = voiced.groupby("outlet")["voice"].apply(lambda v: int((v == "quoted").sum()))
pd.DataFrame(counts)

# %% [markdown]
# Your answer here: which sentences changed voice? (Hint: compare the two
# `voiced` tables.)

# %% [markdown]
# ## Exercise 6 · Who speaks first?
#
# The first quotation of an article frames what follows. List the first
# full quotation of each article, with its speaker and role.

# %%
first = quotes[quotes["kind"] == "full"].sort_values(___).groupby("outlet").head(1)
with pd.option_context("display.max_colwidth", 80):
    display(first[["outlet", "speaker", "role", "text"]])

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
# 1. Exercise 2's new verb found the senator and changed nothing in the
#    five articles. Is that enough to trust it? On which text would you
#    check a change to a rule-based tool before trusting its new results?
# 2. Should partial quotations (exercise 4) count in a ledger of voices?
#    Argue from what a reader of the article sees.
# 3. Exercise 6: does the first quotation matter more than the most quoted
#    words? How could you test that with readers?
