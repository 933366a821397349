"""``media-coverage evaluate-quotes DIR``: score the quotation extractor on brat files.

``DIR`` holds articles annotated in brat standoff format (``NAME.txt`` +
``NAME.ann`` with ``Source``, ``Cue`` and ``Content`` spans). A direct
quotation is a ``Content`` span that begins with a quote mark. The command
prints precision, recall and F1 of the quotation spans at 30% and 80%
character overlap, and speaker accuracy (see :mod:`coverage.voices.evaluate`):
first per quotation (a quotation interrupted by its attribution counts once),
then per segment.
"""

from __future__ import annotations

from pathlib import Path

from coverage.voices.evaluate import evaluate_brat, format_scores

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate-quotes",
        help="score the quotation extractor on a folder of brat-annotated articles",
        description="Score the quotation extractor against NAME.txt + NAME.ann (brat standoff) files: "
                    "precision, recall and F1 at 30%% and 80%% character overlap, and speaker accuracy, "
                    "per quotation (one interrupted by its attribution counts once), then per segment.",
    )
    parser.add_argument("dir", type=Path, metavar="DIR", help="folder of NAME.txt + NAME.ann files")
    parser.add_argument("--include-partial", action="store_true",
                        help="also score partial quotations (quoted phrases); by default only full ones")
    parser.add_argument("--roles", type=Path, metavar="FILE", help="roles YAML replacing the shipped one")
    parser.add_argument("--verbs", type=Path, metavar="FILE",
                        help="reporting-verbs YAML replacing the shipped one")
    parser.set_defaults(run=_run)


def _run(args) -> int:
    kinds = ("full", "partial") if args.include_partial else ("full",)
    scores = evaluate_brat(args.dir, kinds=kinds, roles=args.roles, verbs=args.verbs)
    n_articles = int(scores["n_articles"].iloc[0])
    print(f"{args.dir}: {n_articles} article{'s' * (n_articles != 1)}, {' and '.join(kinds)} quotations")
    print(format_scores(scores))
    segments = evaluate_brat(args.dir, kinds=kinds, roles=args.roles, verbs=args.verbs, unit="segment")
    print(format_scores(segments, unit="segments"))
    return 0
