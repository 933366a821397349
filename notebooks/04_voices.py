# %% [markdown]
# # 04 · Voices: who gets quoted
#
# | | |
# |---|---|
# | **What you will learn** | how the kit finds quotations, their speakers and the speakers' roles; how to read the voice ledger (whose words each outlet prints); how the journalist's own sentences differ from quoted ones; how well the extractor agrees with hand labels and where it fails |
# | **Time** | 45 minutes |
# | **Prerequisites** | notebooks `01_corpus` to `03_frames` |
# | **Data** | the five shipped articles; the roles file `coverage/data/roles.yaml`; hand labels of every quotation in `data/annotations/quotes.csv` (codebook beside it) |

# %% [markdown]
# ## One paragraph first
#
# Whom a journalist quotes, and how much, decides whose framing reaches the
# reader. The kit reads quotations with rules, no language model: it pairs
# the quotation marks, decides whether a quotation is a **full** statement or
# a **partial** phrase worked into the journalist's sentence, and looks for a
# reporting verb (*said*, *wrote*, *according to*: the **cue**) and the words
# that name the **speaker**. Two sentences from Business Insider:

# %%
import warnings

import pandas as pd

from coverage import CorpusWarning
from coverage.voices import extract_quotes

paragraph = ('"We think that if enough people submit questions, there is a greater chance we can hold '
             'leadership accountable," an Amazon employee wrote to colleagues in an email. Amazon has '
             'described Rekognition as a tool that can be used for such purposes as "preventing human '
             'trafficking."')
example = extract_quotes(pd.DataFrame({"article_id": ["example"], "text": [paragraph]}))
example[["text", "kind", "speaker", "cue", "attribution", "role"]]

# %% [markdown]
# * The first quotation is **full** (it opens the sentence); the cue `wrote`
#   comes **after** it, and the speaker is the noun phrase next to the cue.
# * The second is **partial**: a phrase inside the journalist's own sentence.
#   Its speaker is the subject of the reporting verb `described`, which
#   comes **before** it.
# * Each speaker gets a **role** from an editable list: "an Amazon employee"
#   contains "employee" (an `employees` word), "Amazon" is the `company`.
#
# The roles and their words live in `coverage/data/roles.yaml` (read by
# `coverage.voices.roles`); the longest entry found in the speaker wins, so "an
# Amazon employee" is an employee, not the company:

# %%
from coverage.voices import ROLES, load_roles

roles = load_roles()
ROLES

# %% [markdown]
# ## The corpus
#
# `quote_tables` runs the extractor on every article and returns three
# tables: the quotations, the sentences with their **voice**, and the
# **voice ledger**.

# %%
from coverage import load_corpus, split_sentences
from coverage.classroom import notebook_setup, print_caption
from coverage.voices import quote_tables

data_dir = notebook_setup()
corpus = load_corpus(data_dir)
sentences = split_sentences(corpus)
voices = quote_tables(corpus, sentences)
quotes = voices["quotes"].merge(corpus[["article_id", "outlet"]])
pd.crosstab(quotes["outlet"], quotes["kind"], margins=True, margins_name="all")

# %%
with pd.option_context("display.max_colwidth", 70):
    display(quotes.loc[quotes["kind"] == "full", ["outlet", "text", "speaker", "role", "cue", "attribution"]])

# %% [markdown]
# Thirty-four quotations, twenty of them full. Reading down the speakers
# already tells the story of the coverage: the June articles (Forbes, Tech
# Observer) quote only the employees' letter; the November articles quote
# employees *and* the company (Bezos, Jassy, a spokesperson).

# %% [markdown]
# ## The voice ledger
#
# `voice_ledger` adds up, per outlet, the quoted words of each role: whose
# words does each outlet put in front of its readers?

# %%
ledger = voices["voice_ledger"]
ledger.pivot(index="outlet", columns="role", values="quoted_word_share").round(2)

# %% [markdown]
# The figure `make figures` saves as `figures/20_voice_ledger.png`:

# %%
from coverage.plots.voices import figure_specs

tables = {"voice_ledger": ledger, "quotes": voices["quotes"]}
spec = {s.name: s for s in figure_specs(tables)}["20_voice_ledger"]
print_caption(spec)
spec.draw();

# %% [markdown]
# * **Forbes and Tech Observer** give almost all quoted words to the
#   employees (their letter).
# * **Business Insider** gives 71% to the company: Bezos twice, and
#   Amazon's own marketing phrases ("preventing human trafficking").
# * **Packt Hub** gives half to the company (a long answer by Andy Jassy);
#   **Recode** gives most to employees, but also prints Amazon's full
#   statement.
#
# `n_first` records whose quotation comes first, the position with most
# weight:

# %%
ledger[ledger["n_first"] > 0][["outlet", "role", "n_first"]]

# %% [markdown]
# Nobody quotes the ACLU at length and nobody quotes a government official,
# although police and ICE are the customers in question: a finding about
# whose voices were *absent*.

# %% [markdown]
# ## The journalist's voice and the quoted voices
#
# Every sentence gets a `quoted_share` (the share of its characters inside
# quotation marks) and a `voice`: `quoted` when more than half of it is
# quoted, `author` otherwise.

# %%
voiced = voices["sentences"].merge(corpus[["article_id", "outlet"]])
voiced.groupby("outlet").agg(sentences=("voice", "size"),
                             quoted=("voice", lambda v: int((v == "quoted").sum())),
                             share_of_words_quoted=("quoted_share", "mean")).round(2)

# %% [markdown]
# Any per-sentence measure can now be split by voice. Sentiment, as in
# `figures/21_sentiment_by_voice.png`:

# %%
from coverage.measures import framing_tables

framing = framing_tables(corpus, voices["sentences"])
spec = {s.name: s for s in figure_specs({"sentence_framing": framing["sentence_framing"]})}["21_sentiment_by_voice"]
print_caption(spec)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", CorpusWarning)
    spec.draw()
print("The kit warns:", *sorted({str(w.message) for w in caught}), sep="\n")

# %% [markdown]
# No consistent pattern: in VADER's reading the quoted sentences score
# *higher* than the journalist's own in four outlets and lower only in Tech
# Observer; TextBlob agrees for three of the five. Quotations mix the
# sources' sharpest words ("refuse", "violate") with words a lexicon reads
# as positive ("supporting", "value", "chance"), and each outlet has only
# three to eight quoted sentences, so the intervals are wide and mostly
# overlap. "Sources are more negative than journalists" is not supported.
#
# And frames: the surveillance vocabulary, split by voice.

# %%
from coverage import frame_rates

by_voice = frame_rates(framing["sentence_framing"], by="voice").merge(corpus[["article_id", "outlet"]])
by_voice.pivot(index="outlet", columns="voice", values="surveillance_per_1k").round(1)

# %% [markdown]
# In Forbes, Packt Hub and Tech Observer the quoted sentences carry far
# more surveillance terms per 1,000 words than the journalist's own (up to
# ten times more in Forbes): their "surveillance framing" is largely the
# employees' letter, quoted. In Recode and Business Insider it is the
# other way round: the journalist's own sentences carry more. An outlet can
# put a frame in front of its readers without writing it in its own voice,
# which is why the codebook counts quoted words (notebook 03) and why the
# split by voice belongs next to every frame figure.

# %% [markdown]
# ## How good is the extractor?
#
# Every quotation of the five articles was labelled by hand, *before* the
# extraction rules were written (codebook: `data/annotations/quotes_codebook.md`).
# `score_quotes` compares the extractor with those labels: a predicted
# quotation is right when most of its characters lie in a labelled one.

# %%
from coverage.voices import align_annotations, read_annotations, score_quotes

gold = align_annotations(read_annotations(data_dir / "annotations" / "quotes.csv"), corpus)
pd.concat({"full only": score_quotes(voices["quotes"], gold),
           "full and partial": score_quotes(voices["quotes"], gold, kinds=("full", "partial"))}).round(3)

# %% [markdown]
# Perfect scores, and they mean less than they seem: the rules were written
# while reading these very articles, so this is an *in-sample* score. The
# codebook reports the honest numbers, from samples of political news
# sentences the rules had not seen: span F1 about 0.96 and speaker accuracy
# about 0.92 for full quotations, and speaker accuracy of only 0.42 to 0.67
# for partial ones.
#
# ## Where it fails
#
# A made-up article with three common traps:

# %%
trap = ('Staff confront Bezos\n\nAmazon employees wrote to Jeff Bezos on Monday.\n\n'
        '"We refuse to build it," one of them said.\n\n'
        '"It is a disgrace," mocked a senator.\n\n'
        'Bezos said Amazon would continue to support the government. "We will keep selling it," he said.')
extract_quotes(pd.DataFrame({"article_id": ["made-up"], "text": [trap]}))[
    ["text", "speaker", "role", "cue", "attribution"]]

# %% [markdown]
# * "one of them" is not a speaker the grammar recognises, so the first
#   quotation is `unattributed`.
# * "mocked" is not in the list of reporting verbs
#   (`coverage/data/reporting_verbs.yaml`), so the senator's words are
#   unattributed too.
# * "he" is found, but the kit does no coreference: a pronoun takes the
#   role of the nearest earlier *quoted* speaker, and Bezos was only
#   paraphrased, so the company's own words count as `other`.
# * And Bezos' paraphrase ("would continue to support the government") is
#   invisible: no quotation marks, no quotation.
#
# Both lists are data files: add "mocked" to the verbs, or a name to the
# roles, and pass your copy as `verbs=` or `roles=` (workbook 04 does).

# %% [markdown]
# ## Questions for discussion
#
# 1. Business Insider gives 71% of its quoted words to the company. Does
#    that make its article more favourable to Amazon? What else would you
#    need to know?
# 2. No outlet quotes the police, ICE or the ACLU at length. Whose absence
#    matters most for a reader, and why might it have happened?
# 3. The extractor scores perfectly on the five articles and worse on new
#    text. How would you find out how well it works on articles you add?
