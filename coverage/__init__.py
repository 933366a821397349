"""media-coverage: analyse how news outlets frame one story.

The import name ``coverage`` is shared with coverage.py, the test-coverage
tool. The kit runs in its own environment (``make figures`` builds
``.venv/``) and depends on neither coverage.py nor pytest-cov; if a
coverage.py distribution is installed beside the kit, importing the kit
warns, because one of the two will shadow the other.
"""

from __future__ import annotations

import warnings
from importlib import metadata

from coverage.corpus import load_corpus, read_manifest, removed_lines
from coverage.coding import coding_sheet, collect_codes, read_codes, sample_sentences
from coverage.compare import compare_groups, permutation_test_groups
from coverage.distributed import features_dask
from coverage.errors import CorpusError, CorpusWarning, LexiconError
from coverage.frames import compare_frames, frame_rates, load_frame_lexicon, tag_frames
from coverage.framing import framing_tables
from coverage.keyness import keyness
from coverage.outlets import outlet_tables
from coverage.readability import readability
from coverage.reuse import boilerplate_cutoff, find_reuse
from coverage.reuse_summary import reuse_marks, reuse_pairs, share_matrix
from coverage.reliability import measure_agreement, reliability
from coverage.sentences import split_sentences
from coverage.sentiment import article_sentiment, compare_sentiment, score_sentences, summarise_sentiment
from coverage.mentions import find_mentions
from coverage.quote_eval import score_quotes
from coverage.quotes import extract_quotes
from coverage.stance import (
    article_stance,
    compare_stance,
    mention_stance,
    predict_stance,
    stance_summary,
    stance_tables,
)
from coverage.stance_labels import label_agreement, read_stance_labels
from coverage.stance_model import StanceClassifier, load_stance_model, read_newsmtsc, stance_scores
from coverage.targets import load_targets
from coverage.voices import mean_by_voice, quote_tables, sentence_voices, voice_ledger
from coverage.validation import human_rating_correlations, read_vader_nyt
from coverage.kwic import kwic  # noqa: E402  (the function shadows its module on purpose: coverage.kwic(...))

__version__ = "0.1.0"

__all__ = [
    "boilerplate_cutoff",
    "features_dask",
    "reliability",
    "measure_agreement",
    "sample_sentences",
    "read_codes",
    "collect_codes",
    "coding_sheet",
    "load_targets",
    "stance_scores",
    "read_newsmtsc",
    "load_stance_model",
    "StanceClassifier",
    "stance_tables",
    "stance_summary",
    "read_stance_labels",
    "predict_stance",
    "mention_stance",
    "label_agreement",
    "compare_stance",
    "article_stance",
    "find_mentions",
    "__version__",
    "CorpusError",
    "CorpusWarning",
    "LexiconError",
    "article_sentiment",
    "compare_frames",
    "compare_groups",
    "compare_sentiment",
    "extract_quotes",
    "find_reuse",
    "frame_rates",
    "framing_tables",
    "human_rating_correlations",
    "keyness",
    "kwic",
    "load_frame_lexicon",
    "load_corpus",
    "mean_by_voice",
    "outlet_tables",
    "permutation_test_groups",
    "quote_tables",
    "read_vader_nyt",
    "readability",
    "read_manifest",
    "removed_lines",
    "reuse_marks",
    "reuse_pairs",
    "share_matrix",
    "score_quotes",
    "score_sentences",
    "sentence_voices",
    "split_sentences",
    "summarise_sentiment",
    "tag_frames",
    "voice_ledger",
]


def _warn_if_coverage_py_installed() -> None:
    # The only check done at import: it is what makes the name clash visible
    # instead of mysterious. It reads installed metadata; it changes nothing.
    try:
        dist = metadata.distribution("coverage")
    except metadata.PackageNotFoundError:
        return
    warnings.warn(
        f"coverage.py {dist.version} is installed in this environment and shares the import "
        "name 'coverage' with media-coverage; run the kit from its own environment "
        "(make figures creates .venv/) or `pip uninstall coverage` here",
        UserWarning,
        stacklevel=2,
    )


_warn_if_coverage_py_installed()
