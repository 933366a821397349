# %% [markdown]
# # 03 · Frames: surveillance versus safety
#
# | | |
# |---|---|
# | **What you will learn** | what a frame is and how the kit measures one with a lexicon; the codebook behind the surveillance and safety lexicon; how to trace every count back to its sentence with keyword-in-context; how to edit the lexicon and see the numbers and the figure change |
# | **Time** | 45 minutes |
# | **Prerequisites** | notebooks `01_corpus` and `02_sentiment`; editing a text file |
# | **Data** | the five shipped articles; the frame lexicon `coverage/data/frames.yaml` and its codebook `coverage/data/frames_codebook.md` |

# %% [markdown]
# ## What a frame is
#
# The same facts can be told in different lights. Amazon sold a face
# recognition service to police: that is a story about **surveillance** (a
# tool that watches, tracks and profiles people) or about **safety** (a tool
# that finds missing children and catches criminals). Entman (1993) calls
# this *framing*: selecting some aspects of reality and making them salient.
#
# The kit measures framing through words. A **lexicon** lists, for each
# frame, the words and phrases that carry it; the kit counts them. That is
# all it counts, so everything this notebook shows comes with the question:
# *do the words mean what the lexicon says they mean here?*
#
# ## One sentence first
#
# A sentence from Recode, counted with the shipped lexicon:

# %%
import warnings

import pandas as pd

from coverage import CorpusWarning, kwic, load_frame_lexicon, tag_frames
from coverage.text import count_words

sentence = ("The ACLU previously raised concerns about Rekognition’s potential misuse for racial "
            "profiling after the organization ran a test and found that the software incorrectly "
            "matched 28 members of Congress — and that the false matches disproportionately involved "
            "people of color.")
one = pd.DataFrame({"article_id": ["example"], "sentence_id": [0], "text": [sentence],
                    "n_words": [count_words(sentence)]})
tag_frames(one)

# %% [markdown]
# Four surveillance terms, no safety term, so the sentence is tagged
# `surveillance`. `kwic` (keyword in context) shows which words were counted
# and where; it is the evidence behind every count:

# %%
kwic(one, window=30)[["frame", "term", "left", "match", "right"]]

# %% [markdown]
# Three things to notice:
#
# * "racial profiling" is **one** match of the phrase, not a match of
#   "profiling" as well: where two terms start at the same place, the longer
#   phrase wins.
# * `misus*` ends in a star, which matches any ending: misuse, misused,
#   misusing.
# * "ACLU" is not counted: the American Civil Liberties Union is a name, not
#   the writer's choice of words (the codebook's rule 4, below).
#
# ## The lexicon and its codebook
#
# The lexicon is a YAML file shipped with the kit. It has two frames and a
# list of exclusions (names that contain a frame word):

# %%
lexicon = load_frame_lexicon()
lexicon.groupby("frame", dropna=False).agg(terms=("term", "size"), examples=("term", lambda t: ", ".join(t[:6])))

# %% [markdown]
# `<NA>` is the exclusion list. Every lexicon comes with a **codebook**
# (`coverage/data/frames_codebook.md`) that defines the frames, states the
# inclusion rules and records how the hard cases were decided, so that
# anyone can check or dispute the list. Its rules and hard cases:

# %%
from IPython.display import Markdown

from coverage.resources import shipped_path

codebook = shipped_path("frames_codebook.md").read_text(encoding="utf-8")
sections = {part.split("\n", 1)[0]: part for part in codebook.split("\n## ")[1:]}
Markdown("## " + sections["Inclusion rules"] + "\n## " + sections["Ambiguous cases and how they were decided"])

# %% [markdown]
# ## The corpus
#
# `tag_frames` counts each frame's terms in every sentence and tags the
# sentence:

# %%
from coverage import load_corpus, split_sentences
from coverage.classroom import notebook_setup, print_caption

data_dir = notebook_setup()
corpus = load_corpus(data_dir)
sentences = split_sentences(corpus)
outlets = corpus[["article_id", "outlet"]]
tagged = tag_frames(sentences).merge(sentences[["article_id", "sentence_id", "position"]]).merge(outlets)
pd.crosstab(tagged["outlet"], tagged["frame_tag"], margins=True, margins_name="all")

# %% [markdown]
# Most sentences carry neither frame, and only one sentence in the whole
# corpus uses a safety term. `frame_rates` sums the counts per article and
# divides by the article's words (a long article has more room for every
# word). The **balance** is (surveillance − safety) / (surveillance + safety):
# +1 when only surveillance terms occur, −1 when only safety terms, and
# *missing* when neither occurs.

# %%
from coverage import frame_rates

rates = frame_rates(tagged).merge(outlets)
rates[["outlet", "n_words", "surveillance_count", "safety_count", "surveillance_per_1k",
       "safety_per_1k", "frame_balance"]].round(2)

# %% [markdown]
# Four of the five articles use only surveillance words; Business Insider
# is the only one with safety words, and its balance is 0.2.
#
# ## Evidence: every count, in its sentence
#
# A number you cannot trace is a number you cannot check. `kwic(sentences)`
# with no search terms returns every match of the lexicon, one row per
# counted term, so the table below *is* the article counts above:

# %%
evidence = kwic(sentences).merge(outlets)
evidence.groupby(["frame", "term"]).size().rename("matches").reset_index().sort_values(
    ["frame", "matches"], ascending=[True, False])

# %% [markdown]
# The two safety matches, and where they come from:

# %%
with pd.option_context("display.max_colwidth", 80):
    display(evidence.loc[evidence["frame"] == "safety", ["outlet", "left", "match", "right"]])

# %% [markdown]
# Both are **Amazon's own words**, which Business Insider reports ("Amazon
# has described Rekognition as a facial recognition tool that can be used for
# such purposes as 'preventing human trafficking' ..."). The lexicon counts
# them for the outlet, because the measure is what the article puts in front
# of its reader (codebook rule 5). Telling the journalist's voice from quoted
# voices is the subject of notebook 04.
#
# `kwic` is also a search tool. The words of the *topic*, which every
# article uses, are in neither frame (codebook rule 1):

# %%
topic = kwic(sentences, ["police", "law enforcement", "ICE", "crime"], window=40).merge(outlets)
pd.crosstab(topic["term"], topic["outlet"])

# %% [markdown]
# ## By outlet, with intervals
#
# The figure `make figures` saves as `figures/11_frames_by_outlet.png`,
# drawn from the same tables. The intervals resample each article's
# sentences (one article per outlet), so they show how much the rate
# depends on a few sentences, not how the outlet frames stories in general.

# %%
from coverage.measures import framing_tables
from coverage.plots.framing import figure_specs

framing = framing_tables(corpus, sentences)
spec = {s.name: s for s in figure_specs(framing)}["11_frames_by_outlet"]
print_caption(spec)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    spec.draw()
print("The kit warns:", *sorted({str(w.message) for w in caught}), sep="\n")

# %% [markdown]
# The intervals are wide: surveillance terms cluster in a few sentences
# (the quoted letter alone has four), so whether an article quotes that one
# sentence moves its rate a lot. And the balance is +1 for four outlets only
# because safety terms are absent, which the next section puts to the test.
#
# ## Edit the lexicon and see the figure change
#
# A lexicon is a set of decisions. To see what a decision does, change it.
# Suppose a student argues that "law enforcement" and "crime" present police
# work as protection, so they belong to the safety frame (the codebook
# decided otherwise). We copy the shipped YAML file to a temporary folder,
# add the two terms under `safety:`, and pass the copy as `lexicon=`; the
# shipped file is never changed.

# %%
import os
import tempfile
from pathlib import Path

notebook_folder = Path.cwd()
scratch = tempfile.TemporaryDirectory(prefix="media-coverage-lexicon-")
os.chdir(scratch.name)  # work in the temporary folder, so file names stay short
my_lexicon = Path("my_frames.yaml")
shipped = shipped_path("frames.yaml").read_text(encoding="utf-8")
edited = shipped.replace("      - law and order\n", "      - law and order\n      - law enforcement\n      - crime\n")
assert edited != shipped, "the anchor line was not found: look at frames.yaml and pick another one"
my_lexicon.write_text(edited, encoding="utf-8")
print(edited[edited.index("  safety:"):edited.index("exclude:")][-260:])

# %% [markdown]
# Every function with a `lexicon=` option takes the path. The new counts,
# next to the old ones:

# %%
mine = framing_tables(corpus, sentences, lexicon=my_lexicon)
compare = (framing["article_framing"][["article_id", "safety_count", "frame_balance"]]
           .merge(mine["article_framing"][["article_id", "safety_count", "frame_balance"]],
                  on="article_id", suffixes=(" shipped", " edited"))
           .merge(outlets))
compare.set_index("outlet").drop(columns="article_id").round(2)

# %% [markdown]
# What did the new terms catch? Always read the evidence before accepting a
# change:

# %%
new_evidence = kwic(sentences, lexicon=my_lexicon).merge(outlets)
with pd.option_context("display.max_colwidth", 70):
    display(new_evidence.loc[new_evidence["term"].isin(["law enforcement", "crime"]),
                             ["outlet", "term", "left", "match", "right"]])

# %% [markdown]
# "Stop selling Rekognition to law enforcement" is a demand *against* the
# sales, and "arrested for a crime" is part of the ACLU test that found
# false matches, a surveillance story. The balances moved towards safety
# without a single sentence presenting face recognition as protection: this
# is why the codebook keeps topic words out. The figure, redrawn from the
# edited lexicon:

# %%
spec_mine = {s.name: s for s in figure_specs(mine)}["11_frames_by_outlet"]
with warnings.catch_warnings():
    warnings.simplefilter("ignore", CorpusWarning)  # the same single-article warning as above
    spec_mine.draw()

# %% [markdown]
# A malformed lexicon stops with a one-line message naming the file and the
# fix. For example, a star needs at least three letters before it:

# %%
from coverage import LexiconError

broken = Path("broken.yaml")
broken.write_text("frames:\n  surveillance:\n    terms:\n      - sp*\n  safety:\n    terms:\n      - safety\n",
                  encoding="utf-8")
try:
    load_frame_lexicon(broken)
except LexiconError as error:
    print(error)

# %%
os.chdir(notebook_folder)
scratch.cleanup()

# %% [markdown]
# ## Whose words? The journalist's and the quoted
#
# The article counts mix the journalist's own sentences with quotations.
# `quote_tables` (notebook 04 explains it) marks every sentence whose
# characters are mostly inside quotation marks as the `quoted` voice, the
# rest as the `author` voice; `frame_rates(..., by="voice")` then counts
# separately:

# %%
from coverage.voices import quote_tables

voiced = quote_tables(corpus, sentences)["sentences"][["article_id", "sentence_id", "voice"]]
by_voice = frame_rates(tagged.merge(voiced), by="voice").merge(outlets)
by_voice.pivot(index="outlet", columns="voice", values=["surveillance_count", "safety_count"])

# %% [markdown]
# In Forbes, Packt Hub and Tech Observer half or more of the surveillance
# vocabulary sits in quoted sentences, mostly the employees' letter: these
# outlets score high on surveillance partly because they quote the letter at
# length. In Recode and Business Insider most of it is the journalist's own
# wording. Business Insider's two safety terms are in quotation marks, but
# inside a sentence that is mostly the journalist's, so they count as the
# author's voice: the split works on whole sentences, not on words.
#
# ## What the counts cannot see
#
# * **Meaning.** "Our company should not be in the surveillance business"
#   counts as surveillance: a denial still makes surveillance salient (the
#   codebook decided so on purpose), but an ironic or a negated use of a
#   safety word would count too.
# * **Who speaks, beyond quote marks.** A paraphrase ("the employees said
#   the software could be misused") counts as the journalist's voice.
# * **What is not said in words.** A frame carried by which facts are
#   chosen, by a photo or by the order of paragraphs is invisible.
# * **Other stories.** The list was written from these five articles. It
#   will miss "predictive policing" or "Amber alert" in the next story.
#
# Before trusting a difference between outlets, read its evidence rows.

# %% [markdown]
# ## Questions for discussion
#
# 1. Business Insider is the only outlet with safety words, and they are
#    Amazon's own. Is reporting a company's framing the same as adopting it?
#    How would you code it by hand?
# 2. The balance is +1 for four articles. What would have to appear in an
#    article for you to call its framing balanced, and could a word list
#    ever find it?
# 3. Propose one term to add to either frame. Predict what it will catch,
#    then add it as above and read the evidence: were you right?
