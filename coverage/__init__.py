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
from coverage.errors import CorpusError, CorpusWarning, LexiconError
from coverage.sentences import split_sentences

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "CorpusError",
    "CorpusWarning",
    "LexiconError",
    "load_corpus",
    "read_manifest",
    "removed_lines",
    "split_sentences",
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
