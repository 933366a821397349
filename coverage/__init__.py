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

from coverage._engine.distributed import features_dask
from coverage._engine.pipeline import build_tables
from coverage.compare import (
    coding_sheet,
    collect_codes,
    compare_groups,
    measure_agreement,
    permutation_test_groups,
    read_codes,
    reliability,
    sample_sentences,
)
from coverage.errors import CorpusError, CorpusWarning, LexiconError
from coverage.io import load_corpus, read_manifest, removed_lines
from coverage.measures import (
    article_sentiment,
    compare_frames,
    compare_sentiment,
    frame_rates,
    framing_tables,
    human_rating_correlations,
    keyness,
    kwic,
    load_frame_lexicon,
    read_vader_nyt,
    readability,
    score_sentences,
    summarise_sentiment,
    tag_frames,
)
from coverage.compare.outlets import outlet_tables
from coverage.reuse import boilerplate_cutoff, find_reuse, reuse_marks, reuse_pairs, share_matrix
from coverage.stance import (
    StanceClassifier,
    article_stance,
    compare_stance,
    find_mentions,
    label_agreement,
    load_stance_model,
    load_targets,
    mention_stance,
    predict_stance,
    read_newsmtsc,
    read_stance_labels,
    stance_scores,
    stance_summary,
    stance_tables,
)
from coverage.text import split_sentences
from coverage.voices import extract_quotes, mean_by_voice, quote_tables, score_quotes, sentence_voices, voice_ledger

from coverage._version import __version__  # noqa: E402

__all__ = [
    "boilerplate_cutoff",
    "build_tables",
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
