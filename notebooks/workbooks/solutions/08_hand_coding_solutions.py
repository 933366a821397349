# %% [markdown]
# # Workbook 08 · Hand coding — solutions
#
# | | |
# |---|---|
# | **What you will learn** | to draw a stratified sample of sentences, make a blind coding sheet, code sentences by a codebook, measure how far two coders agree (Cohen's kappa, Krippendorff's alpha), and check two of the kit's measures against settled human codes (precision and recall per outlet) |
# | **Time** | two sessions: 45 minutes of coding with the codebook, 45 minutes of analysis |
# | **Prerequisites** | notebooks `02_sentiment` and `03_frames`; the codebook `data/annotations/coding_exercise/codebook.md` |
# | **Data** | the five shipped articles; `data/annotations/coding_exercise/example_codes.csv`, an example sheet coded by two **fictional** coders, for practice only |
#
# This is the teacher's copy: every blank (`___`) of
# `workbooks/08_hand_coding_exercises` is filled in, and notes for
# discussion follow each answer.
#
# **Running the exercise with a class.** Session 1: students read the
# codebook, code five practice sentences together (exercise 3), then each
# codes their own copy of the sheet from exercise 2, alone. Session 2: read
# the filled sheets with `read_codes`, put them side by side with
# `collect_codes`, and run exercises 4 to 6 on the class's codes instead of
# the example.

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
sample = sample_sentences(sentences, corpus=corpus, per_outlet=8, seed=0)
again = sample_sentences(sentences, corpus=corpus, per_outlet=8, seed=0)
display(sample["outlet"].value_counts())
print("same sample again:", sample.equals(again))
sample.head(8)[["unit_id", "outlet", "position", "text"]]

# %% [markdown]
# *Answer.* 8 sentences from each of the 5 outlets, 40 units, numbered in a
# shuffled order so that outlets alternate; the same seed gives the same
# sample, so anyone can check which sentences were coded. Stratifying gives
# every outlet the same weight; a simple random sample of 40 sentences would
# give Recode (25 sentences) more than Forbes (17).

# %% [markdown]
# ## Exercise 2 · The coding sheet
#
# Make a blank sheet with the variables `frame` and `tone`, save it as CSV
# (this is the file each coder gets), and read it back as a coder's filled
# sheet would be read.

# %%
sheet = coding_sheet(sample, variables=["frame", "tone"])
sheet.to_csv("coding_sheet.csv", index=False)
back = read_codes("coding_sheet.csv")
display(back.head(3))
list(back.columns)

# %% [markdown]
# *Answer.* The sheet has the unit, the article and sentence ids (to join
# the codes back), the text, one empty column per variable and a `note`.
# It has **no outlet**: a coder who knows that a sentence comes from a
# given outlet may read it differently.

# %% [markdown]
# ## Exercise 3 · Code five sentences yourself
#
# Read the codebook (`data/annotations/coding_exercise/codebook.md`). Code
# the first five units of the sheet, for `frame` and `tone`, without looking
# at anyone else's codes. Then compare your codes with those of the
# fictional coder Ana.

# %%
mine = sheet.head(5).assign(
    frame=["neither", "surveillance", "neither", "neither", "neither"],
    tone=["positive", "negative", "neutral", "neutral", "negative"],
)
example = read_codes(data_dir / "annotations" / "coding_exercise" / "example_codes.csv")
ana = example[["unit_id", "frame_ana", "tone_ana"]].rename(columns={"frame_ana": "frame", "tone_ana": "tone"})
both = collect_codes({"me": mine, "ana": ana.head(5)}, sample=sample.head(5))
display(both[["unit_id", "text", "frame_me", "frame_ana", "tone_me", "tone_ana"]])
reliability(both, coders=["frame_me", "frame_ana"], categories=FRAMES)

# %% [markdown]
# *Note for discussion.* These codes agree with Ana on every frame: on five
# units, one disagreement would drop the observed agreement to 0.8 and kappa
# far lower. Collect the class's codes for these five units on the board and
# discuss each disagreement against the codebook *before* coding the rest:
# that is what the practice round is for.

# %% [markdown]
# ## Exercise 4 · How far do the two example coders agree?
#
# `example_codes.csv` holds the 40 units coded by Ana and Ben (fictional).
# Compute Cohen's kappa and Krippendorff's alpha for `frame` and for `tone`.
# Compare each with the observed agreement. Is either variable reliable
# enough (the codebook asks for at least 0.67)?

# %%
pd.concat([
    reliability(example, coders=["frame_ana", "frame_ben"], categories=FRAMES).assign(variable="frame"),
    reliability(example, coders=["tone_ana", "tone_ben"], categories=TONES).assign(variable="tone"),
]).round(3)

# %% [markdown]
# *Answer.* Frame: the coders agree on 33 of 40 units (82.5%), yet kappa and
# alpha are only 0.63: most sentences are "neither", so much of the
# agreement is expected by chance. Tone: 60% agreement, kappa 0.27, far
# from reliable. Neither variable reaches 0.67; by the codebook's own rule
# the next step is to discuss the disagreements (the `note` column shows
# them: Ben reads Bezos' "this country is going to be in trouble" as
# safety), sharpen the rules and code a fresh sample. Kappa and alpha differ
# only in the third decimal here: with two coders and no missing codes they
# nearly coincide.

# %% [markdown]
# ## Exercise 5 · Agreement per outlet
#
# Compute the frame agreement separately for each outlet. Can you conclude
# that one outlet's sentences are harder to code?

# %%
per_outlet = reliability(example, coders=["frame_ana", "frame_ben"], categories=FRAMES, by="outlet")
per_outlet.pivot(index="outlet", columns="statistic", values="value").round(2)

# %% [markdown]
# *Answer.* Kappa ranges from about 0.4 (Recode) to 0.73, on 8 units each:
# two disagreements out of eight move kappa by 0.3. With this few units a
# per-outlet reliability is a pointer to which sentences to discuss, not a
# finding about the outlets.

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
    kit_negative=lambda t: t["vader_compound"] <= -0.5,
    kit_negative_loose=lambda t: t["vader_compound"] <= -0.05,
)
display(measure_agreement(checked, human="frame_agreed", measure="kit_surveillance", positive="surveillance")
        .round(2))
pd.concat({
    "VADER <= -0.5": measure_agreement(checked, human="tone_agreed", measure="kit_negative", positive="negative"),
    "VADER <= -0.05": measure_agreement(checked, human="tone_agreed", measure="kit_negative_loose",
                                        positive="negative"),
}).round(2)

# %% [markdown]
# *Answer.* The frame lexicon does well on this sample: 11 of the 12
# sentences it flags were coded surveillance, and it finds 11 of the 12 the
# coders found (precision and recall 0.92). It misses Recode's sentence
# that puts the pitch to ICE next to family separation (no lexicon word),
# and flags Jassy's praise of Rekognition because it mentions "civil
# rights" groups. VADER at -0.5 is precise but blind: most of what it flags
# is negative, but it finds only a quarter of the negative sentences.
# Loosening the threshold to -0.05 finds more and is wrong more often.
# Precision and recall per outlet rest on eight sentences each: read the
# `all` row. And remember the codes are fictional; with real codes from
# your class, the numbers will differ.

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
