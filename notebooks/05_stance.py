# %% [markdown]
# # 05 · Stance: how the text treats Amazon where it names it
#
# | | |
# |---|---|
# | **What you will learn** | how stance toward a target differs from the sentiment of a sentence; how the kit finds every mention of Amazon, including "the company"; what the stance model is (a small sentence encoder fine-tuned with the mention marked), what it learned from and how it scores on its own test ground; how it agrees with two coders' hand labels of the Amazon mentions, mention by mention, and where it still fails; how to read the stance index by outlet and voice; how to add a target with your own targets file |
# | **Time** | 60 minutes |
# | **Prerequisites** | notebooks `02_sentiment` (lexicon scores) and `04_voices` (the journalist's voice and quoted voices); what accuracy and a confusion matrix are |
# | **Data** | the five shipped articles; the targets file `coverage/data/targets.yaml`; the fine-tuned stance model that ships with the kit in `coverage/data/stance_finetuned/` (weights, `config.json`, `MODEL_CARD.md`), trained on NewsMTSC's training sentences, an organisation augmentation of them and the invented sentences of `data/training/stance_corporate.tsv`; the NewsMTSC sentences in `data/external/newsmtsc/` (a fixed sample of the development splits is scored live); hand labels of every Amazon mention by two coders, `data/annotations/stance_amazon.csv` and `stance_amazon_coder2.csv` (codebook beside them) |

# %% [markdown]
# ## One sentence first
#
# Sentiment (notebook 02) is the tone of a sentence's words. **Stance
# toward a target** is how a sentence treats *one actor it names*. Two
# made-up sentences with the same harsh verb differ in stance toward
# Amazon:
#
# * "Employees condemned Amazon." Amazon is criticised: negative.
# * "Amazon condemned the leak." Amazon does the criticising; the sentence
#   says nothing bad about Amazon: neutral, by the kit's codebook.
#
# One sentence can even hold two stances: in "Amazon employees criticized
# the company", *Amazon* only says whose employees they are (neutral), and
# *the company* is criticised (negative). That is the codebook's own
# example (`data/annotations/stance_codebook.md`).
#
# The kit finds each mention of Amazon (`find_mentions`) and asks a model
# how the sentence treats it there (`predict_stance`). The model ships with
# the kit, already trained: `load_finetuned_stance` reads its weights and
# checks their digest; nothing is trained on first run, and every machine
# gets the same labels.

# %%
import warnings

import pandas as pd

from coverage import CorpusWarning
from coverage.stance import find_mentions
from coverage.classroom import notebook_setup, print_caption
from coverage.measures import score_texts
from coverage.stance import predict_stance
from coverage.stance import load_finetuned_stance

data_dir = notebook_setup()
model = load_finetuned_stance()

pair = pd.DataFrame({"article_id": ["example"] * 4, "sentence_id": [0, 1, 2, 3],
                     "text": ["Employees condemned Amazon.", "Amazon condemned the leak.",
                              "Amazon employees criticized the company.", "Amazon slammed its critics."]})
example = predict_stance(find_mentions(pair), pair, model=model)
example.assign(vader_compound=score_texts(example["sentence"])["vader_compound"].to_numpy())[
    ["sentence", "mention", "vader_compound", "stance", "p_negative", "p_neutral", "p_positive", "stance_net"]].round(3)

# %% [markdown]
# * **VADER** scores the sentence: all four are negative, and "Amazon
#   condemned the leak" is *more* negative than "Employees condemned
#   Amazon", because VADER also knows "leak" as a bad word. It has no idea
#   who is condemned, and it gives both mentions of the third sentence
#   the same number, because it scores sentences, not mentions.
# * **The stance model** scores the mention. Amazon condemned: negative,
#   P(negative) 0.95. Amazon condemning: neutral, P(neutral) 0.66. In the
#   third sentence it gives the two mentions two answers: "the company",
#   criticised, negative (0.95); "Amazon", naming the employees, neutral,
#   but only just (P(neutral) 0.54 against P(negative) 0.45).
# * It is still wrong on the last one: "Amazon slammed its critics" comes
#   out negative toward Amazon (0.60), where the codebook says neutral. A
#   harsh verb next to the mention pulls the answer, even when the mention
#   is the one doing the slamming.
#
# `stance_net` is P(positive) − P(negative), a graded score from −1 to +1;
# `stance` is the most probable class.

# %% [markdown]
# ## What the model reads: the sentence, with the mention marked
#
# The model does not see "a sentence"; it sees the sentence's **word
# pieces** (the encoder's tokenizer cuts rare words into pieces) with
# two marker pieces, `[unused0]` before the mention and `[unused1]` after
# it. Those two are spare entries of the vocabulary that
# ordinary text never produces, so they can only mean "the mention is
# here". The same sentence, marked for each of its two mentions:

# %%
marked = []
for row in example.query("sentence_id == 2").itertuples():
    pieces = model.tokenizer.encode(row.sentence)
    words = []
    for token, (a, b), special in zip(pieces.tokens, pieces.offsets, pieces.special_tokens_mask):
        words += ["[unused0]"] * (not special and a == row.start) + [token] + ["[unused1]"] * (not special and b == row.end)
    marked.append({"mention": row.mention, "what the model reads": " ".join(words), "stance": row.stance})
with pd.option_context("display.max_colwidth", 200):
    display(pd.DataFrame(marked))

# %% [markdown]
# The two inputs differ only in where the markers stand, and that is
# enough to get two answers. This is why the mention is marked: stance is
# about **who does what to whom**, and a model that read the sentence
# alone would have to give every actor in it the same answer.
#
# What is inside, in student terms:
#
# * **The encoder** is all-MiniLM-L6-v2 (Apache-2.0), the small sentence
#   encoder the kit already installs: six layers that pass each word
#   piece's numbers back and forth with every other piece, so that
#   "condemned" next to the markers ends up with different numbers from
#   "condemned" far from them.
# * **Fine-tuned end to end**: starting from the encoder's weights, *all*
#   of them, not just a last layer, were adjusted on labelled mentions
#   until the model's answers matched the labels. The kit's earlier model
#   (`StanceClassifier`, still in `coverage.stance.model`) kept the
#   encoder frozen and put a logistic regression on top; it is no longer
#   what `media-coverage features` uses.
# * **The head**: the numbers of all pieces are averaged, and so are those
#   of the marked span (markers included); one matrix product of the two
#   averages gives three scores, turned into the three probabilities.
# * **A window**: a sentence longer than 32 word pieces is read in a window
#   of 32 pieces centred on the mention. The rest of the sentence is not
#   seen (this matters below).
# * **It ships with the kit**: `coverage/data/stance_finetuned/` holds the
#   weights (float16, 45 MB), `config.json` and `MODEL_CARD.md`. It runs in
#   NumPy, without any deep-learning library. The model card ("Speed")
#   measured 1,500 new mentions in 32.6 CPU seconds on a busy machine,
#   about 92 a second if two cores were free; each mention is read on its
#   own, so the cost is per mention, not per sentence.
#   Training it again (`make train-stance`, `coverage/stance/train.py`)
#   needs PyTorch and took 36 minutes for the shipped run (the card's
#   "Training settings and time"); the notebooks never train.

# %%
{key: model.config[key] for key in ["name", "labels", "window", "dtype"]} | {
    "training": {k: model.config["training"][k] for k in ["seed", "epochs", "batch", "lr"]}}

# %% [markdown]
# ## What it learned from
#
# Three sets of labelled mentions, all kept apart from every test set
# (`MODEL_CARD.md`, "Training data"):
#
# 1. **NewsMTSC** (Hamborg & Donnay, 2021; MIT): sentences of English
#    *political* news in which readers rated how the sentence treats a
#    person it names. The training sentences are about people, mostly
#    politicians:

# %%
from coverage.stance import newsmtsc_splits, read_newsmtsc

splits = newsmtsc_splits(data_dir)
train = read_newsmtsc(splits["train"])
print(f"{len(train)} training mentions:", train["label"].value_counts().to_dict())
train["mention"].value_counts().head(8)

# %% [markdown]
# 2. **An organisation augmentation**: 2,201 copies of NewsMTSC sentences
#    in which the person was replaced by a company name or "the company",
#    label kept (the card's count). The card says it is noisy: many copies
#    still read as politics ("the tech giant regaining a lead in the
#    polls").
# 3. **An in-domain set** written for the kit: invented sentences about
#    corporate controversies at many companies, never Amazon and never
#    Rekognition, labelled by the kit's codebook (`data/training/`, whose
#    README describes it). The target is between `[[` and `]]`:

# %%
import csv

corporate = pd.read_csv(data_dir / "training" / "stance_corporate.tsv", sep="\t", comment="#",
                        header=None, names=["label", "sentence"], quoting=csv.QUOTE_NONE)
print(len(corporate), "sentences:", corporate["label"].value_counts().to_dict())
with pd.option_context("display.max_colwidth", 160):
    display(corporate.iloc[[0, 1, 2, 5, 10]])

# %% [markdown]
# The first three rows are one sentence three times: "Google" naming the
# employees is neutral, "Google" or "the company" urged to pull out is
# negative. That is the distinction the markers exist for. The set is
# small (256 sentences against 8,739 NewsMTSC mentions), so most of what
# the model knows about stance it learned from politicians.

# %% [markdown]
# ### How well it does on its own test ground
#
# Two development splits of NewsMTSC were used to choose among training
# runs, never for training: `dev_rw` (sentences as they come, 343
# mentions) and `dev_mt` (sentences with several targets, 442). Reading
# all 785 takes too long for one notebook cell on a shared machine, so we
# score a **fixed sample, the first 200 mentions of each split**, live,
# next to three baselines that need no training:
#
# * **always neutral**, the most frequent class;
# * **TextBlob** and **VADER**, the sentence's sentiment read as the
#   stance (positive above 0, or above 0.05 for VADER).
#
# The score is **macro-F1**: the F1 of each class, averaged, so the rare
# positive class counts as much as the others.

# %%
from coverage.stance import baseline_predictions, stance_scores

dev = {name: read_newsmtsc(splits[name]).head(200) for name in ["dev_rw", "dev_mt"]}
sample = pd.concat(dev.values(), keys=list(dev), names=["split", None]).reset_index(level=0)
sample["stance"] = model.predict(sample)  # the one call on NewsMTSC: 400 mentions, reused below
baselines = {"always neutral": "neutral", "TextBlob": "textblob", "VADER": "vader"}
rows = []
for split, table in [*sample.groupby("split", sort=False), ("sample (both)", sample)]:
    answers = {"stance model": table["stance"],
               **{who: baseline_predictions(table, method=method) for who, method in baselines.items()}}
    for who, predicted in answers.items():
        scores = stance_scores(table["label"], predicted)
        rows.append({"predictor": who, "split": split, "macro_f1": scores["macro_f1"], "accuracy": scores["accuracy"]})
dev_scores = pd.DataFrame(rows)
dev_scores.pivot(index="predictor", columns="split", values="macro_f1").loc[list(answers)].round(3)

# %% [markdown]
# On this sample the model reaches a macro-F1 of 0.753 (0.789 on the
# `dev_rw` part, 0.716 on `dev_mt`), well above VADER (0.529) and TextBlob
# (0.479), which read the sentence and not the mention. On the full splits
# (all 785 mentions) the model card gives 0.791 on `dev_rw` and 0.728 on
# `dev_mt` (`coverage/data/stance_finetuned/MODEL_CARD.md`, "Scores"); the
# sample's numbers are close to those. Where it goes wrong on the sample
# (rows: the readers' label, columns: the model's):

# %%
stance_scores(sample["label"], sample["stance"])["confusion"]

# %% [markdown]
# Most errors (66 of 89) are between neutral and a polar class, above all
# positive mentions called neutral (21) and neutral ones called negative
# (27); 23 swap negative and positive. This is the best case: these
# sentences come from the same kind of news as the training sentences.

# %% [markdown]
# ## Targets and mentions
#
# A *target* is listed, with all its names, in a data file. The shipped one,
# `coverage/data/targets.yaml`, describes Amazon like this:

# %%
from coverage.stance import load_targets

targets = load_targets()
targets.targets["amazon"]

# %% [markdown]
# * **names** and **products** count as Amazon itself (`group` `target`);
# * **affiliates**, its leaders, are counted apart (`group` `affiliate`):
#   "Bezos said" is not "Amazon said";
# * **generic** phrases such as "the company" count only where they refer to
#   Amazon. The rule: the most recent proper name before the phrase (earlier
#   in the same sentence, or in the two sentences before) must be one of
#   Amazon's names, products or leaders, not another company of the file.
#
# Two made-up articles show the rule:

# %%
made_up = pd.DataFrame({
    "article_id": ["one", "one", "two", "two", "two"],
    "sentence_id": [0, 1, 0, 1, 2],
    "text": ["Amazon employees wrote to Jeff Bezos.", "They asked the company to stop selling Rekognition.",
             "Amazon employees wrote to Jeff Bezos.", "Google staff had protested a year earlier.",
             "The company gave in."]})
find_mentions(made_up).merge(made_up)[["article_id", "text", "mention", "group", "kind", "modifier"]]

# %% [markdown]
# * In article *one*, "the company" follows "Jeff Bezos", one of Amazon's
#   leaders, so it counts for Amazon.
# * In article *two*, the last name before "The company" is Google, so it
#   does not: Google is one of the file's `other_companies`.
# * "Amazon employees" **is** a mention of Amazon, marked `modifier=True`:
#   the name is there, but it names the employees, not the company acting.
#   Hold on to this: the model does not always see the difference
#   (failure 2 below).
#
# What the rule cannot see: pronouns ("it", "its"), phrasings not in the
# file ("the firm", "our company" in the employees' letter), and a company
# missing from `other_companies`, whose "the company" goes to Amazon.

# %% [markdown]
# ## The corpus
#
# `stance_tables` does in one call what the two stance stages of `make
# figures` do: find the mentions, classify each, and summarise them by
# outlet. It takes the sentences with their **voice** (notebook 04), so
# every mention is known to stand in the journalist's own sentence or in a
# quoted one. We pass it the shipped model (`model=model`), the one
# `media-coverage features` uses. To read the tables, we put square
# brackets around each mention in its sentence.

# %%
from coverage import load_corpus, split_sentences
from coverage.stance import stance_tables
from coverage.voices import quote_tables

corpus = load_corpus(data_dir)
voiced = quote_tables(corpus, split_sentences(corpus))["sentences"]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    tables = stance_tables(corpus, voiced, data_dir=data_dir, model=model)
mentions = tables["mentions"].assign(in_context=lambda t: [
    f"{text[:start]}[{text[start:end]}]{text[end:]}"
    for text, start, end in zip(t["sentence"], t["start"], t["end"])])
pd.crosstab(mentions["outlet"], mentions["kind"], margins=True, margins_name="all")

# %% [markdown]
# 115 mentions: 96 of Amazon itself (name, product, "the company") and 19
# of its leaders. Business Insider and Recode name Amazon three times as
# often as Forbes or Tech Observer, so they weigh more in any total.
#
# The mentions of the shortest article, Forbes, with the model's three
# probabilities. Before reading the `stance` column, decide for each row
# yourself: is Amazon (or Bezos) presented favourably, unfavourably or
# neither, *at this mention*?

# %%
with pd.option_context("display.max_colwidth", 160):
    display(mentions.loc[mentions["article_id"] == "forbes-2018-06-22",
                         ["in_context", "group", "voice", "stance", "p_negative", "p_neutral", "p_positive"]].round(2))

# %% [markdown]
# * The headline, "[Amazon] Employees Ask Bezos To Stop Selling...", is
#   negative for Bezos, who is asked to stop (P(negative) 0.95), and the
#   model agrees. Its "Amazon" only names the employees; the model calls
#   it negative too (0.71): the criticism in the sentence spills onto the
#   name.
# * In the next sentence the model gets "[Amazon] employees" right
#   (neutral, 0.71) and "[the company]", asked to stop, right (negative,
#   0.94), but calls "CEO [Jeff Bezos]", to whom the letter is addressed,
#   negative (0.86); the codebook says neutral, because the demand is put
#   to the company (rule 3).
# * The sales "revealed by an ACLU investigation" are negative for all
#   three mentions of that sentence, as the codebook's rule 6 (exposure)
#   says.
#
# Keep your own answers: the hand labels below were made the same way.

# %% [markdown]
# ## Does it work on Amazon? Two coders, then the model
#
# The codebook `data/annotations/stance_codebook.md` says how to label a
# mention of Amazon. Every one of the 115 mentions was labelled by hand,
# *before* the model's output was looked at, by two coders working apart:
# coder 1 (`stance_amazon.csv`, with a rationale per row) and a second,
# blind coder (`stance_amazon_coder2.csv`, one row per row of the first
# file). The labels are a test set: the model was never trained or tuned
# on them. First, how far do the coders agree with each other? Cohen's
# **kappa** corrects accuracy for the agreement expected by chance: 0 is
# chance, 1 perfect.

# %%
from coverage.stance import label_agreement, read_stance_labels

labels_file = data_dir / "annotations" / "stance_amazon.csv"
coder1 = pd.read_csv(labels_file, keep_default_na=False)
coder2 = pd.read_csv(data_dir / "annotations" / "stance_amazon_coder2.csv", keep_default_na=False)
coders = coder1.assign(coder2=coder2.set_index("row")["label"].reindex(coder1.index).to_numpy())
between = label_agreement(coders, truth="label", predicted="coder2")
print(f"The coders agree on {int((coders['label'] == coders['coder2']).sum())} of {len(coders)} mentions, "
      f"Cohen's kappa {between['kappa']:.2f}")
with pd.option_context("display.max_colwidth", 120):
    display(coders.loc[coders["label"] != coders["coder2"], ["article_id", "mention", "snippet", "label", "coder2"]])

# %% [markdown]
# Two disagreements in 115, both a polar label of coder 1 that coder 2
# calls neutral (the codebook's rule 7: "when in doubt, choose neutral").
# So the codebook can be applied consistently, at least to these five
# articles, whose sentences also gave the codebook its examples.
#
# `read_stance_labels` attaches the labels to the mentions the kit found
# (it finds each mention again from its snippet, without offsets). It
# reads one file with the columns of `stance_amazon.csv`, so for coder 2 we
# write the same rows with coder 2's labels to a temporary file:

# %%
import tempfile
from pathlib import Path

labelled = read_stance_labels(labels_file, mentions, voiced)
with tempfile.TemporaryDirectory() as folder:
    second = Path(folder) / "stance_amazon_coder2_full.csv"
    coders.assign(label=coders["coder2"]).drop(columns="coder2").to_csv(second, index=False)
    by_coder2 = read_stance_labels(second, mentions, voiced)
keys = ["article_id", "sentence_id", "start"]
labelled = labelled.merge(by_coder2[keys + ["label"]].rename(columns={"label": "coder2"}), on=keys,
                          validate="one_to_one")
labelled["label"].value_counts()

# %% [markdown]
# Negative labels dominate: most of the corpus is about protest against
# Amazon. So a yardstick is to answer "negative" every time (kappa 0 by
# construction). The model against each coder, next to the coders'
# agreement with each other and three yardsticks:

# %%
sentence_table = labelled.rename(columns={"sentence": "text"})
agrees = labelled["label"] == labelled["coder2"]
comparisons = {
    "coder 2 against coder 1": label_agreement(labelled, predicted="coder2"),
    "model against coder 1": label_agreement(labelled),
    "model against coder 2": label_agreement(labelled, truth="coder2"),
    "model where the coders agree": label_agreement(labelled[agrees]),
    "always negative against coder 1": label_agreement(labelled.assign(stance="negative")),
    "VADER on the sentence against coder 1": label_agreement(
        labelled.assign(stance=baseline_predictions(sentence_table, method="vader"))),
    "TextBlob on the sentence against coder 1": label_agreement(
        labelled.assign(stance=baseline_predictions(sentence_table, method="textblob"))),
}
agreement = pd.DataFrame({who: {k: v for k, v in scores.items() if k != "confusion"}
                          for who, scores in comparisons.items()}).T
agreement.round(3)

# %% [markdown]
# * **The coders** agree at kappa 0.97 (accuracy 0.983). That is the
#   ceiling a measure could hope for on these labels.
# * **The model** agrees with coder 1 at accuracy 0.652 and kappa 0.372,
#   the figures of the model card (0.652 / 0.372), and just the same with
#   coder 2 (0.652 / 0.374) or on the 113 mentions where the coders agree
#   (0.655 / 0.371). A kappa of 0.37 is "fair" on the usual scale (0.21 to
#   0.40), far from the coders' 0.97 and from the 0.6 or more one would
#   want before trusting a measure.
# * It is about ten points above always answering "negative" (0.557) and
#   far above the sentence sentiment of VADER and TextBlob (accuracy
#   0.313, kappa near 0), which answer a different question: the tone of
#   the sentence, not of the mention.
#
# Its macro-F1 falls from about 0.75 on political news (the sample above)
# to 0.516 here: a good score on its own test ground does not carry over
# to a company in tech news.
#
# Where the disagreements lie (rows: coder 1, columns: model):

# %%
comparisons["model against coder 1"]["confusion"]

# %% [markdown]
# Of 64 mentions coder 1 labelled negative, the model calls 50 negative,
# 9 neutral and 5 positive. Of 46 labelled neutral, it calls only 23
# neutral: 15 negative and 8 positive. Of the 5 positives it finds 2. Its
# main failure here is the opposite of a timid model: it reads criticism
# into mentions that are only named. By kind of mention:

# %%
pd.DataFrame({f"{group}, modifier={modifier}": {k: v for k, v in label_agreement(rows).items() if k != "confusion"}
              for (group, modifier), rows in labelled.groupby(["group", "modifier"])}).T.round(3)

# %% [markdown]
# On the 22 "Amazon employees" mentions (`modifier=True`) the kappa is 0,
# but kappa cannot tell anything here: both coders label all 22 neutral
# (the codebook's rule 2), and when the hand labels are all one class,
# kappa is 0 whatever the model answers. Read the accuracy instead: 0.41,
# so the model reads more than half of them as something else. On
# Amazon's other mentions it does better (accuracy 0.73, kappa 0.42); on
# Bezos and Jassy (19 mentions) kappa is 0.38. With groups this small,
# none of these numbers is precise.

# %% [markdown]
# ## Where it still fails
#
# The model and coder 1 disagree on 40 of the 115 mentions. Coder 2
# sides with coder 1 on nearly all of them (the `coder2` column below), so
# these are the model's errors, not hard calls. Three patterns cover them.
#
# ### 1. Criticism reported in the journalist's own voice, read as neutral
#
# Coder 1 negative, model neutral:

# %%
missed = labelled.query("label == 'negative' and stance == 'neutral'")
print(f"{len(missed)} of {int((labelled['label'] == 'negative').sum())} negative mentions,",
      f"{int((missed['voice'] == 'author').sum())} of them in the journalist's own sentences")
with pd.option_context("display.max_colwidth", 240):
    display(missed[["outlet", "in_context", "coder2", "p_negative", "p_neutral"]].round(2))

# %% [markdown]
# All nine stand in the journalist's own sentences, and none holds a harsh
# word next to the mention; the criticism is in what the sentence
# *reports*:
#
# * **failing to act**: "Recode reports that [Amazon] has yet to issue a
#   formal reply" (a tie, P(negative) and P(neutral) both 0.49),
#   "employees who petitioned [the company]" in the same sentence
#   (P(neutral) 0.77), "Neither [Bezos] nor [Amazon] company executives
#   have given a formal response" (0.68 and 0.76). The codebook calls
#   failing to reply negative; nothing in NewsMTSC taught the model that
#   silence is a stance.
# * **the leadership asked to end a business**: "a letter to [Amazon] CEO
#   Jeff Bezos to end business of ... [AWS] cloud services to Palantir"
#   (P(neutral) 0.77 and 0.70). "Amazon CEO" is the leadership (rule 2),
#   but the model reads "Amazon" as a name on a title.
# * **controversy tied to the product**: "Amazon faced controversy over
#   some uses of its ... product, [Rekognition]", in Packt Hub and in
#   Recode (P(neutral) 0.51 and 0.53, P(negative) 0.45 and 0.44): nearly
#   a coin toss, and the word "controversy" is far from the mention.
# * "but [the company] has instituted a new policy requiring that all
#   questions be submitted in advance" is one of the two mentions where
#   the coders disagree (coder 2 says neutral). The model is unsure too:
#   its three probabilities are 0.32, 0.34 and 0.34.
#
# This failure was the main one of the kit's earlier logistic model, which
# called 22 of these 64 negatives neutral (the previous version of this
# notebook, in the repository's history). Now a mention that is the
# object of "called on" or "ask ... to stop" comes out negative ("The
# letter also called on [Amazon] to cease ...", P(negative) 0.96, "they
# ask [the company] to stop selling", 0.94, both in the Forbes table),
# though "petitioned [the company]" above still does not. What is left is
# mostly criticism that no verb carries.

# %% [markdown]
# ### 2. Only named, read as criticised
#
# Coder 1 neutral, model negative:

# %%
named = labelled.query("label == 'neutral' and stance == 'negative'")
print(f"{len(named)} of {int((labelled['label'] == 'neutral').sum())} neutral mentions;",
      f"{int(named['modifier'].sum())} are 'Amazon employees/workers' (modifier=True),",
      f"{int((named['group'] == 'affiliate').sum())} are Bezos")
with pd.option_context("display.max_colwidth", 240):
    display(named[["outlet", "in_context", "coder2", "p_negative", "rationale"]].round(2))

# %% [markdown]
# This is now the largest failure, and it is the codebook's rules 2 and 3
# that the model misses:
#
# * **"Amazon employees" (rule 2), 11 mentions**: "[Amazon] employees have
#   openly and publicly criticized the company" (P(negative) 0.90),
#   "[Amazon] workers are planning to flood Amazon executives with ...
#   questions" (0.88), "[Amazon] employees are protesting to stop the
#   sale" (0.87). The markers say where the mention is, but the model has
#   not learned that a name used as a modifier is not the one criticised.
#   The invented in-domain set has such pairs ("[[Google]] employees
#   signed a letter urging the company ..." neutral), but few: 7 of its
#   256 lines label a name followed by "employees", "workers", "staff",
#   "engineers" or "shareholders" neutral (a count by pattern), against
#   thousands of NewsMTSC mentions in which a name in a critical sentence
#   is usually its target. Compare
#   the opening's "Amazon employees criticized the company": neutral, but
#   only just (0.54).
# * **the addressee (rule 3), 3 mentions**: "a letter to CEO [Jeff Bezos]
#   in which they ask the company to stop" (0.86). The demand is put to
#   the company, the letter to Bezos; the model does not follow the
#   grammar that far.
# * **a place**: "The protest internally at [Amazon]" (0.71); by the
#   codebook a place is neutral, and doubt goes to neutral (rule 7).
#
# Both coders call every one of these 15 neutral.

# %% [markdown]
# ### 3. Praise in the wrong place
#
# Every other disagreement: those that involve the positive class.

# %%
praise = labelled.query("stance != label and (stance == 'positive' or label == 'positive')")
with pd.option_context("display.max_colwidth", 320):
    display(praise[["outlet", "in_context", "label", "coder2", "stance", "p_negative", "p_positive"]].round(2))

# %% [markdown]
# Sixteen disagreements, in three kinds:
#
# * **Who defends whom (rule 4).** "However, [Bezos] has defended the
#   dealings of Amazon" comes out positive for Bezos (0.76) and *negative*
#   for Amazon (P(negative) 0.53), the reverse of the codebook, which says
#   the defender's action is only reported and what he defends is
#   presented favourably. "But [Bezos] defended his company's defense
#   contracts" (0.58) and "[Bezos] said Amazon would 'continue to
#   support' the US government" (0.61) come out positive for him; the
#   [Amazon] of that sentence gets P(positive) 0.97, where the codebook
#   sees an intention reported without evaluation. Rule 4 is the kit's own
#   convention; no training set taught it (NewsMTSC's training split has
#   two mentions followed by "defended" or "defends", both rated positive).
# * **Conduct presented as objectionable, read as business.** "The workers
#   also pointed out [Amazon]'s commercial relationship with the data firm
#   Palantir" (P(positive) 0.76), "The group also *decried* [the
#   company]'s commercial relationship ..." (0.49, despite "decried"),
#   "[Amazon] also pitched its facial recognition technology directly to
#   the ICE" (0.69 quoted, 0.60 in Recode's own words), "[the company]'s
#   frequent successful attempts to provide cloud infrastructure" (0.55).
#   The objection is in the article around the sentence (employees
#   protest these ties) or far out in a long sentence ("controversial
#   zero-tolerance family-separation border policy" comes some 20 words
#   after "pitched"); near the mention, the words describe a company
#   doing business.
# * **Credit missed, and neutral names read as praise.** "[Amazon]
#   addresses employees dissent ..., in a first" is positive by the
#   codebook; the model says negative (0.61), swayed by "dissent". "Amazon
#   has described [Rekognition] as a ... tool ... 'preventing human
#   trafficking'" is positive by the codebook; the model hesitates,
#   P(negative) 0.51 against P(positive) 0.45, since "human trafficking" is
#   a harsh phrase. The other way, "CEO of [Amazon Web Services]" in
#   Jassy's title and "For years, [Amazon] allowed employees to ask
#   questions" come out positive, and so do two "Amazon employees"
#   mentions whose employees "ramp up the pressure" or show "support".

# %% [markdown]
# ### What the window hides
#
# A sentence longer than 32 word pieces is read in a window of 32 around
# the mention. How many of the labelled mentions stand in such a sentence,
# and does the model do worse there?

# %%
pieces = labelled["sentence"].map(lambda text: len(model.tokenizer.encode(text).ids) - 2)
longer = (pieces > model.window).map({True: "longer than the window", False: "fits in the window"})
pd.DataFrame({part: {k: v for k, v in label_agreement(rows).items() if k != "confusion"}
              for part, rows in labelled.groupby(longer)}).T.round(3)

# %% [markdown]
# 73 of the 115 labelled mentions stand in sentences longer than the
# window, and the model does not do worse on them (accuracy 0.671, kappa
# 0.40, against 0.619 and 0.33 on the sentences it reads whole). The
# window is not the main problem: the model errs as often on short
# sentences it reads entire.
#
# ### What a model trained on persons in political news cannot know
#
# The model learned stance from readers' ratings of *persons* in
# *political* news, plus a noisy augmentation and 256 invented company
# sentences. What it cannot know from that:
#
# * **the codebook's conventions for a company**: that "Amazon employees"
#   names other people (rule 2), that the addressee of a letter is not its
#   target (rule 3), that the defender is neutral and the defended
#   positive (rule 4), that failing to reply is negative. NewsMTSC's
#   readers applied no such rules; a politician's staff, a letter to a
#   senator, a senator's defence have their own conventions there.
# * **what this story makes objectionable**: that selling software to
#   police, pitching it to ICE, or a relationship with Palantir is, in
#   these articles, the thing protested against. A sentence that states
#   the fact plainly reads as business, unless the protest is in the same
#   window of 32 word pieces.
# * **anything outside the sentence**: each mention is read in its own
#   sentence; the article's framing, the headline, the paragraph before
#   are not seen.
#
# So read the model's stance as a **rough signal**: it separates the
# critical sentences from the rest better than sentence sentiment does,
# and it gets much of "who is criticised" right in short sentences with a
# clear verb. It misreads modifiers, addressees and defenders, and
# criticism that no verb carries. Before reporting a stance number, read
# the mentions behind it, and check it against hand labels, as below.

# %% [markdown]
# ## The stance index by outlet and voice
#
# What exactly is measured: for the mentions of Amazon itself (not its
# leaders), the **stance index** = (positive − negative) / mentions, from
# −1 (every mention negative) to +1. The interval is a 95% bootstrap
# interval; with one article per outlet it resamples that article's
# *mentions*, so it says how uneven the article is, not how the outlet
# writes.

# %%
summary = tables["stance_summary"]
summary.query("split == 'outlet'")[["outlet", "estimate", "ci_low", "ci_high", "n_units", "n_negative",
                                    "n_neutral", "n_positive"]].round(2)

# %% [markdown]
# The figure `make figures` saves as `figures/30_stance_by_outlet.png`,
# split by voice:

# %%
from coverage.plots.stance import figure_specs

specs = {s.name: s for s in figure_specs(tables)}
print_caption(specs["30_stance_by_outlet"])
print("The kit warns:", *sorted({str(w.message) for w in caught}), sep="\n")
specs["30_stance_by_outlet"].draw();

# %% [markdown]
# And every mention as a dot (`figures/31_stance_mentions.png`), placed by
# its graded score `stance_net`:

# %%
print_caption(specs["31_stance_mentions"])
specs["31_stance_mentions"].draw();

# %% [markdown]
# Colour and position can disagree: the colour is the most probable of the
# three classes, the position the difference of two probabilities, so a
# neutral dot can sit further left than a negative one. In Business
# Insider, "Recode reports that [Amazon] has yet to issue a formal reply"
# is neutral at −0.47 (the tie of failure 1), while "Amazon has described
# [Rekognition] as a ... tool" is negative at −0.06 (failure 3).
#
# Read by itself, figure 30 says: every outlet treats Amazon negatively on
# balance, Forbes (−0.89) and Business Insider (−0.74) most, then Tech
# Observer (−0.42) and Recode (−0.33), and Packt Hub (−0.06) hardly at
# all, its interval running from −0.47 to +0.35. In Packt Hub and Recode
# the quoted sentences come out more negative than the journalist's own
# (−0.50 against +0.08 and −0.26); but quoted mentions are few (Forbes has
# none, Business Insider one, as the kit warns), and their intervals are
# wide.
#
# Now recompute the same index from the **hand labels** instead of the
# model's answers:

# %%
from coverage.stance import stance_counts

own = labelled[labelled["group"] == "target"]
pd.DataFrame({
    "model": stance_counts(own, by="outlet").set_index("outlet")["stance_index"],
    "hand labels": stance_counts(own, by="outlet", label="label").set_index("outlet")["stance_index"],
    "modifier mentions": own.groupby("outlet")["modifier"].sum(),
    "mentions": own.groupby("outlet").size(),
}).round(2)

# %% [markdown]
# The ranking changes, and so does the size. By the hand labels,
# **Forbes** is the most negative article (−0.78), then Tech Observer
# (−0.58), Recode (−0.56), Business Insider (−0.52) and Packt Hub (−0.35).
# The model is **harsher** than the coders for Business Insider (−0.74
# against −0.52) and Forbes (−0.89 against −0.78): Business Insider writes
# "Amazon employees" eight times, and the model reads six of them as
# criticism of Amazon (failure 2). It is **milder** for Packt Hub (−0.06
# against −0.35), Recode (−0.33 against −0.56) and Tech Observer (−0.42
# against −0.58), where failures 1 and 3 sit: criticism no verb carries,
# read as neutral, and Amazon's business with ICE and Palantir read as
# positive. The two errors pull in opposite directions, so they do not
# cancel within an outlet; they move outlets apart that the coders put
# close together.
#
# So: the sign (the coverage is critical of Amazon) holds by both
# readings; the differences between outlets do not survive the check. Do
# not report them from the model alone. Workbook 05 recomputes the index
# without the "Amazon employees" mentions.

# %% [markdown]
# ## Another target: Palantir, and your own targets file
#
# The shipped file also lists Palantir (and ICE) as examples. Any function
# that takes `target=` finds them:

# %%
palantir = predict_stance(find_mentions(voiced, target="palantir"), voiced, model=model)
with pd.option_context("display.max_colwidth", 200):
    display(palantir.merge(corpus[["article_id", "outlet"]])[["outlet", "mention", "group", "sentence", "stance"]])

# %% [markdown]
# The model calls five of the nine negative (Palantir and its backer Peter
# Thiel in the letter's demand, the Intercept's revelation, the
# employees' petition and their urging to cut ties),
# three neutral (Tech Observer's letter asking Bezos to end AWS services
# to Palantir, and both "commercial relationship with the data firm
# Palantir" sentences) and one positive: "Recent contracts show Palantir
# received $250,000 from ICE", a plain business fact, neutral by the
# codebook's rule 7 unless the article presents it as objectionable there.
# For Palantir the model reads money from a client as good news, as it did
# for Amazon's pitch to ICE. Nobody labelled these by hand, so there is no
# agreement to report: treat them as
# untested. One Forbes sentence refers to Palantir as "the
# company" ("concerns about the company's work with the ICE department"),
# which the file does not list for Palantir. To change a target, copy the
# file, edit the copy, and pass it as `targets_file=`; the shipped file is
# never changed. We add "the company" to Palantir's generic phrases:

# %%
import os

from coverage.resources import shipped_path

notebook_folder = Path.cwd()
scratch = tempfile.TemporaryDirectory(prefix="media-coverage-targets-")
os.chdir(scratch.name)  # work in the temporary folder, so file names stay short
my_targets = Path("my_targets.yaml")
shipped = shipped_path("targets.yaml").read_text(encoding="utf-8")
edited = shipped.replace("      - the data analytics company\n",
                         "      - the data analytics company\n      - the company\n")
assert edited != shipped, "the anchor line was not found: look at targets.yaml and pick another one"
my_targets.write_text(edited, encoding="utf-8")
load_targets(my_targets).targets["palantir"].generic

# %%
mine = find_mentions(voiced, target="palantir", targets_file=my_targets)
added = mine.merge(find_mentions(voiced, target="palantir"), how="left", indicator=True).query("_merge == 'left_only'")
with pd.option_context("display.max_colwidth", 320):
    display(added.merge(voiced[["article_id", "sentence_id", "text"]])[["article_id", "mention", "kind", "text"]])
print("Amazon mentions with the shipped file:", len(find_mentions(voiced)),
      "| with the copy:", len(find_mentions(voiced, targets_file=my_targets)))

# %% [markdown]
# One more Palantir mention, and Amazon's count is unchanged: both targets
# now share "the company", and the nearest-name rule gives each occurrence
# to the company named last ("Peter Thiel", a Palantir affiliate, here).
# A new target needs only a new entry with `label`, `names` and, if you
# like, `products`, `generic` and `affiliates` (workbook 05 adds
# Microsoft). A mistake stops with one line naming the file and the fix,
# for example a name listed under two targets:

# %%
from coverage import LexiconError

broken = Path("broken.yaml")
broken.write_text(shipped.replace("      - Palantir Technologies\n", "      - Palantir Technologies\n      - AWS\n"),
                  encoding="utf-8")
try:
    load_targets(broken)
except LexiconError as error:
    print(error)
os.chdir(notebook_folder)
scratch.cleanup()

# %% [markdown]
# ## Questions for discussion
#
# 1. The model tells "Employees condemned Amazon" from "Amazon condemned
#    the leak", yet calls "Amazon slammed its critics" negative and gives
#    Bezos, who defends Amazon's dealings, the praise the codebook gives to
#    what he defends. Would a reader of the news agree with the codebook
#    here, or with the model?
# 2. Two coders agree at kappa 0.97; the model agrees with them at about
#    0.37. Which findings of this notebook would you still report from the
#    model, and how would you word them?
# 3. Most of the model's misses are conventions of this codebook (a
#    modifier is neutral, failing to reply is negative) that NewsMTSC's
#    readers never applied. Would you rather change the codebook, label
#    more Amazon-like training sentences, or report the stance index only
#    next to hand labels?
