"""The ``media-coverage`` command line (also ``python -m coverage``).

Each subcommand lives in its own module under :mod:`coverage.commands` and
defines ``add_parser(subparsers)``; the parser it adds carries a ``run``
default that takes the parsed arguments and returns an exit status.

Errors the user can fix (:class:`coverage.errors.CorpusError`) are printed as
one line without a traceback and exit with status 2. Warnings of the kit are
printed as one ``warning:`` line each.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings

from coverage.errors import CorpusError, CorpusWarning

__all__ = ["main", "COMMANDS"]

#: Modules of :mod:`coverage.commands`, in the order ``--help`` lists them.
COMMANDS = (
    "validate",
    "features",
    "figures",
    "add",
    "evaluate_quotes",
    "train_stance",
    "evaluate_stance",
)


def _build_parser() -> argparse.ArgumentParser:
    from coverage._version import __version__

    parser = argparse.ArgumentParser(
        prog="media-coverage",
        description="Analyse how news outlets frame one story.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"coverage.commands.{name}").add_parser(sub)
    return parser


_SHOWN: set[str] = set()


def _show_warning(message, category, filename, lineno, file=None, line=None):
    # A caveat repeated by several steps (e.g. "one article per outlet") is said once.
    if str(message) in _SHOWN:
        return
    _SHOWN.add(str(message))
    if issubclass(category, CorpusWarning):
        print(f"warning: {message}", file=sys.stderr)
    else:
        print(f"warning: {category.__name__}: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name; defaults to ``sys.argv[1:]``.

    Returns
    -------
    int
        0 on success, 2 on an input error the user can fix.
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = _show_warning
        try:
            return int(args.run(args) or 0)
        except CorpusError as exc:
            print(f"media-coverage: error: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("media-coverage: interrupted; outputs written so far are complete", file=sys.stderr)
            return 130
