# %% [markdown]
# # Workbook 05 · Stance — exercises
#
# | | |
# |---|---|
# | **What you will learn** | to predict what the fine-tuned stance model answers, and see where a harsh verb pulls it; to tell stance from sentence sentiment; to find a mention the model gets wrong and name the codebook rule it misses; to see how the "the company" rule decides; to test how the stance index and the agreement with hand labels depend on which mentions are counted; to add a target of your own |
# | **Time** | 45 minutes in class |
# | **Prerequisites** | notebook `05_stance` |
# | **Data** | the five shipped articles; the fine-tuned stance model shipped in `coverage/data/stance_finetuned/` (nothing is trained); the hand labels `data/annotations/stance_amazon.csv` and the codebook beside it; small made-up sentences; an edited copy of `coverage/data/targets.yaml` in a temporary folder |
#
# Replace every `___` with your answer and run the cells from the top.
# Where a question asks for a prediction, write it down *before* running.

# %% [markdown]
# ## Set-up (given)
#
# The model, every mention of Amazon with its predicted stance and its
# voice, the hand labels of coder 1 attached to them, and a temporary
# folder for edited data files. As in notebook 05, each mention is shown
# in its sentence between square brackets (`in_context`). Scoring the 115
# mentions takes a few seconds.

# %%
import os
from pathlib import Path

import pandas as pd
import yaml

from coverage import load_corpus, split_sentences
from coverage.stance import find_mentions
from coverage.classroom import notebook_setup, work_in_scratch
from coverage.resources import read_yaml, shipped_path
from coverage.measures import score_texts
from coverage.stance import mention_stance, predict_stance, stance_counts
from coverage.stance import label_agreement, read_stance_labels
from coverage.stance import load_finetuned_stance
from coverage.voices import quote_tables

data_dir = notebook_setup(workbook=True)
model = load_finetuned_stance()
corpus = load_corpus(data_dir)
voiced = quote_tables(corpus, split_sentences(corpus))["sentences"]
mentions = mention_stance(corpus, voiced, model=model)["mentions"]
mentions = mentions.assign(in_context=[f"{text[:start]}[{text[start:end]}]{text[end:]}" for text, start, end
                                       in zip(mentions["sentence"], mentions["start"], mentions["end"])])
labelled = read_stance_labels(data_dir / "annotations" / "stance_amazon.csv", mentions, voiced)
columns = ["sentence", "mention", "vader_compound", "stance", "p_negative", "p_neutral", "p_positive"]

notebook_folder, scratch = work_in_scratch("media-coverage-workbook-")
len(mentions), len(labelled)

# %% [markdown]
# ## Exercise 1 · Predict the model
#
# Write one sentence in which someone **accuses** Amazon and one in which
# Amazon **accuses** someone. By the codebook, the accused is presented
# negatively; the accuser is neutral unless the sentence judges it. Before
# running, write down the class you expect the model to give Amazon in
# each, and VADER's sign for each sentence.

# %%
mine = pd.DataFrame({"article_id": "mine", "sentence_id": [0, 1],
                     "text": [___, ___]})
predict_stance(find_mentions(mine), mine, model=model).assign(
    vader_compound=lambda t: score_texts(t["sentence"])["vader_compound"].to_numpy())[columns].round(2)

# %% [markdown]
# Which of your predictions failed? Now change one thing at a time (the
# verb, who does it, a softer word) and rerun: which change moves the
# model's answer?

# %% [markdown]
# ## Exercise 2 · Stance is not sentence sentiment
#
# The model scores each mention; VADER scores the sentence. Put VADER's
# sign next to the hand labels and the model's answers for the 115
# mentions. Then find the sentences with two or more mentions whose hand
# labels differ: one sentence, one sentiment, several stances. Predict
# first: does the model give such mentions different answers?

# %%
vader = score_texts(labelled["sentence"])["vader_compound"]
labelled["vader_sign"] = pd.cut(vader.to_numpy(), [-1.01, -0.05, 0.05, 1.01],
                                labels=["negative", "neutral", "positive"]).astype(str)
print("VADER's sign against the hand labels:",
      {k: round(v, 3) for k, v in label_agreement(labelled, predicted=___).items() if k != "confusion"})
by_sentence = labelled.groupby(["article_id", "sentence_id"])
mixed = labelled[by_sentence["label"].transform("nunique") > 1]
print(f"{mixed[['article_id', 'sentence_id']].drop_duplicates().shape[0]} sentences hold mentions with different hand labels;",
      f"the model gives them different answers in",
      f"{int((mixed.groupby(['article_id', 'sentence_id'])['stance'].nunique() > 1).sum())}")
with pd.option_context("display.max_colwidth", 200):
    display(mixed[["in_context", "vader_sign", "label", "stance"]])

# %% [markdown]
# Your answer here: where does one sentence hold two stances, and does
# the model see it?

# %% [markdown]
# ## Exercise 3 · Who is "the company"?
#
# In the paragraph below, does "The company has not replied." count as a
# mention of Amazon? Predict, run, then rewrite the first three sentences
# (keep the last one as it is) so that it does count.

# %%
paragraph = pd.DataFrame({"article_id": "made-up", "sentence_id": [0, 1, 2, 3], "text": [
    "Amazon sells Rekognition to police.", "Microsoft staff protested last week.",
    "Their letter was long.", "The company has not replied."]})
find_mentions(paragraph).merge(paragraph)[["sentence_id", "text", "mention", "kind"]]

# %%
rewritten = paragraph.assign(text=[___, ___,
                                   ___, "The company has not replied."])
find_mentions(rewritten).merge(rewritten)[["sentence_id", "text", "mention", "kind"]]

# %% [markdown]
# Your answer here: and which company did the *original* paragraph mean
# by "the company"?

# %% [markdown]
# ## Exercise 4 · A mention the model gets wrong: which rule does it miss?
#
# List the mentions where the model and the hand label differ. Pick one
# (notebook 05's "Where it still fails" sorts them into three patterns),
# read its sentence and the coder's rationale, and say which rule of
# `data/annotations/stance_codebook.md` the model misses (rules 1 to 7, or
# a row of its table of labels). Then write a made-up sentence that
# isolates the difficulty and run the model on it.

# %%
wrong = labelled[labelled["stance"] != labelled[___]]
print(len(wrong), "disagreements")
with pd.option_context("display.max_colwidth", 120):
    display(wrong[["outlet", "in_context", "label", "stance", "rationale"]])

# %%
pick = wrong[wrong["in_context"].str.contains(___, regex=False)]
with pd.option_context("display.max_colwidth", 300):
    display(pick[["in_context", "label", "stance", "p_negative", "p_neutral", "p_positive", "rationale"]].round(2))
isolated = pd.DataFrame({"article_id": "mine", "sentence_id": [0],
                         "text": [___]})
predict_stance(find_mentions(isolated), isolated, model=model)[["sentence", "mention", "stance", "p_negative",
                                                                 "p_neutral", "p_positive"]].round(2)

# %% [markdown]
# Your answer here: the rule, why the model misses it, and what your
# sentence showed.

# %% [markdown]
# ## Exercise 5 · The index without "Amazon employees"
#
# Notebook 05 found that the model reads 13 of the 22 "Amazon employees"
# mentions otherwise than the codebook, mostly as criticism of Amazon.
# Recompute the stance index per outlet, from the model and from the hand
# labels, leaving out the mentions marked as modifiers. Which outlet's
# picture changes most? Does the model now rank the outlets as the hand
# labels do?

# %%
own = labelled[labelled["group"] == "target"]
kept = own[~own[___]]
table = {}
for name, rows in {"all mentions": own, "without modifiers": kept}.items():
    table[(name, "model")] = stance_counts(rows, by="outlet").set_index("outlet")["stance_index"]
    table[(name, "hand labels")] = stance_counts(rows, by="outlet", label="label").set_index("outlet")["stance_index"]
    table[(name, "mentions")] = rows.groupby("outlet").size()
pd.DataFrame(table).round(2)

# %% [markdown]
# Your answer here.

# %% [markdown]
# ## Exercise 6 · Agreement by voice
#
# Does the model agree better with the hand labels in the journalist's own
# sentences or in quoted ones? Predict first: which do you expect to be
# easier, and why?

# %%
pd.DataFrame({voice: {k: v for k, v in label_agreement(rows).items() if k != "confusion"}
              for voice, rows in labelled.groupby(___)}).T.round(3)

# %%
with pd.option_context("display.max_colwidth", 200):
    display(labelled.loc[labelled["voice"] == "quoted", ["outlet", "in_context", "label", "stance"]])

# %% [markdown]
# Your answer here: which quoted mentions are easy, and why?

# %% [markdown]
# ## Exercise 7 · Trust only confident answers?
#
# A model gives probabilities. Perhaps its answers are right when it is
# sure? Keep only the mentions whose most probable class has at least the
# given probability, and compute the agreement on those.

# %%
top = labelled[[___, ___, ___]].max(axis=1)
rows = {}
for threshold in [0.0, 0.5, 0.6, 0.7, 0.8, 0.9]:
    sure = labelled[top >= threshold]
    scores = label_agreement(sure)
    rows[threshold] = {"mentions kept": len(sure), "accuracy": scores["accuracy"], "kappa": scores["kappa"]}
pd.DataFrame(rows).T.round(3)

# %% [markdown]
# Your answer here.

# %% [markdown]
# ## Exercise 8 · Add a target: Microsoft
#
# Forbes and Recode mention Microsoft, whose staff also protested (and
# Forbes quotes its CEO, Satya Nadella). Add Microsoft to a copy of the
# targets file, with "the company" as a generic phrase and its CEO as an
# affiliate, and classify its mentions.

# %%
my = read_yaml(shipped_path("targets.yaml"))
my["targets"]["microsoft"] = {"label": "Microsoft", "names": [___], "generic": [___],
                              "affiliates": [___]}
my["other_companies"].remove("Microsoft")  # keep each name in one place
Path("my_targets.yaml").write_text(yaml.safe_dump(my, sort_keys=False), encoding="utf-8")
microsoft = predict_stance(find_mentions(voiced, target="microsoft", targets_file="my_targets.yaml"), voiced,
                           model=model)
with pd.option_context("display.max_colwidth", 200):
    display(microsoft[["article_id", "mention", "group", "modifier", "sentence", "stance"]])
print("Amazon mentions with the shipped file:", len(find_mentions(voiced)),
      "| with yours:", len(find_mentions(voiced, targets_file="my_targets.yaml")))

# %% [markdown]
# Your answer here: which of the model's answers would you change by the
# codebook?

# %% [markdown]
# ## Clean up (given)

# %%
os.chdir(notebook_folder)
scratch.cleanup()

# %% [markdown]
# ## Questions for discussion
#
# 1. Exercise 1: the markers tell the model *where* the mention is, not
#    what it does. What else would it need to read to tell the accuser
#    from the accused every time, and would that be enough to agree with
#    the codebook?
# 2. Exercises 4 and 5: the codebook labels "Amazon employees" and the
#    addressee of a letter neutral, and the model does not. Would you drop
#    such mentions from the index, keep them, or change the codebook?
#    Argue from what a reader of the article takes away.
# 3. Exercise 7: being sure is not being right. With thirty minutes to
#    check the model by hand, which of its answers would you check, and
#    why?
