# %% [markdown]
# # Workbook 08 · Hand coding — exercises
#
# | | |
# |---|---|
# | **What you will learn** | to draw a stratified sample of sentences, make a blind coding sheet, code sentences by a codebook, measure how far two coders agree (Cohen's kappa, Krippendorff's alpha), and check two of the kit's measures against settled human codes (precision and recall per outlet) |
# | **Time** | two sessions: 45 minutes of coding with the codebook, 45 minutes of analysis |
# | **Prerequisites** | notebooks `02_sentiment` and `03_frames`; the codebook `data/annotations/coding_exercise/codebook.md` |
# | **Data** | the five shipped articles; `data/annotations/coding_exercise/example_codes.csv`, an example sheet coded by two **fictional** coders, for practice only |
#
# Replace every `___` with your answer and run the cells from the top.
# Where a question asks for a prediction, write it down *before* running.

# %% [markdown]
# ## Set-up (given)
#
# The corpus, its sentences with the kit's measures, and a temporary folder
# for the coding sheets.

# %%
import os
from pathlib import Path

import pandas as pd

from coverage import load_corpus, split_sentences
from coverage.measures import framing_tables
from coverage.classroom import notebook_setup, work_in_scratch
from coverage.compare import coding_sheet, collect_codes, read_codes, sample_sentences
from coverage.compare import measure_agreement, reliability

data_dir = notebook_setup(workbook=True)
corpus = load_corpus(data_dir)
sentences = split_sentences(corpus)
kit = framing_tables(corpus, sentences)["sentence_framing"][["article_id", "sentence_id", "frame_tag",
                                                             "vader_compound"]]
FRAMES = ["surveillance", "safety", "both", "neither"]
TONES = ["negative", "neutral", "positive"]

notebook_folder, scratch = work_in_scratch("media-coverage-coding-")
len(sentences)

# %% [markdown]
# ## Exercise 1 · Draw the sample
#
# Draw 8 sentences per outlet with seed 0 (the sample the example codes were
# made from). Check that every outlet contributes the same number, and that
# drawing again with the same seed gives the same sample.

# %%
sample = sample_sentences(sentences, corpus=corpus, per_outlet=___, seed=___)
again = sample_sentences(sentences, corpus=corpus, per_outlet=8, seed=0)
display(sample["outlet"].value_counts())
print("same sample again:", sample.equals(again))
sample.head(8)[["unit_id", "outlet", "position", "text"]]

# %% [markdown]
# Why draw the same number from every outlet rather than 40 sentences at
# random from the whole corpus?

# %% [markdown]
# ## Exercise 2 · The coding sheet
#
# Make a blank sheet with the variables `frame` and `tone`, save it as CSV
# (this is the file each coder gets), and read it back as a coder's filled
# sheet would be read.

# %%
sheet = coding_sheet(sample, variables=[___, ___])
sheet.to_csv("coding_sheet.csv", index=False)
back = read_codes(___)
display(back.head(3))
list(back.columns)

# %% [markdown]
# Which column of the sample is missing from the sheet, and why?

# %% [markdown]
# ## Exercise 3 · Code five sentences yourself
#
# Read the codebook (`data/annotations/coding_exercise/codebook.md`). Code
# the first five units of the sheet, for `frame` and `tone`, without looking
# at anyone else's codes. Then compare your codes with those of the
# fictional coder Ana.

# %%
mine = sheet.head(5).assign(
    frame=[___, ___, ___, ___, ___],
    tone=[___, ___, ___, ___, ___],
)
example = read_codes(data_dir / "annotations" / "coding_exercise" / "example_codes.csv")
ana = example[["unit_id", "frame_ana", "tone_ana"]].rename(columns={"frame_ana": "frame", "tone_ana": "tone"})
both = collect_codes({"me": mine, "ana": ana.head(5)}, sample=sample.head(5))
display(both[["unit_id", "text", "frame_me", "frame_ana", "tone_me", "tone_ana"]])
reliability(both, coders=["frame_me", "frame_ana"], categories=FRAMES)

# %% [markdown]
# Where do you disagree with Ana? Which rule of the codebook decides?

# %% [markdown]
# ## Exercise 4 · How far do the two example coders agree?
#
# `example_codes.csv` holds the 40 units coded by Ana and Ben (fictional).
# Compute Cohen's kappa and Krippendorff's alpha for `frame` and for `tone`.
# Compare each with the observed agreement. Is either variable reliable
# enough (the codebook asks for at least 0.67)?

# %%
pd.concat([
    reliability(example, coders=[___, ___], categories=FRAMES).assign(variable="frame"),
    reliability(example, coders=[___, ___], categories=TONES).assign(variable="tone"),
]).round(3)

# %% [markdown]
# Your answer here. Why is kappa so much lower than the observed agreement?

# %% [markdown]
# ## Exercise 5 · Agreement per outlet
#
# Compute the frame agreement separately for each outlet. Can you conclude
# that one outlet's sentences are harder to code?

# %%
per_outlet = reliability(example, coders=["frame_ana", "frame_ben"], categories=FRAMES, by=___)
per_outlet.pivot(index="outlet", columns="statistic", values="value").round(2)

# %% [markdown]
# Your answer here: how many units is each value based on?

# %% [markdown]
# ## Exercise 6 · The kit against the settled codes
#
# Ana and Ben settled their disagreements (`frame_agreed`, `tone_agreed`).
# Check two of the kit's measures against those codes:
#
# * the frame lexicon: a sentence is flagged when its `frame_tag` contains
#   "surveillance", against the human code `surveillance`;
# * VADER: a sentence is flagged when `vader_compound` ≤ -0.5 (the kit's
#   "clearly negative"), against the human code `negative`; then try ≤ -0.05.

# %%
checked = example.merge(kit, on=["article_id", "sentence_id"], how="left", validate="one_to_one").assign(
    kit_surveillance=lambda t: t["frame_tag"].str.contains("surveillance"),
    kit_negative=lambda t: t["vader_compound"] <= ___,
    kit_negative_loose=lambda t: t["vader_compound"] <= ___,
)
display(measure_agreement(checked, human=___, measure="kit_surveillance", positive=___)
        .round(2))
pd.concat({
    "VADER <= -0.5": measure_agreement(checked, human="tone_agreed", measure="kit_negative", positive="negative"),
    "VADER <= -0.05": measure_agreement(checked, human="tone_agreed", measure="kit_negative_loose",
                                        positive="negative"),
}).round(2)

# %% [markdown]
# Your answer here: which sentences does the lexicon miss, and which does
# it flag wrongly? What does the threshold trade?

# %% [markdown]
# ## Clean up (given)

# %%
os.chdir(notebook_folder)
scratch.cleanup()

# %% [markdown]
# ## Questions for discussion
#
# 1. The frame variable reaches 82% agreement but kappa 0.63. Which number
#    would you report, and why do content analysts insist on the second?
# 2. The lexicon agrees well with the settled frame codes, VADER poorly
#    with the tone codes. Does that make the frame measure valid, given
#    that the codebook and the lexicon were written by the same people?
# 3. What would you change in the codebook's tone rules so that two coders
#    agree more often?
