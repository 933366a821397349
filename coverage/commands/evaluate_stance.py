"""``media-coverage evaluate-stance FILE.jsonl``: score the stance model on a NewsMTSC-format file.

Loads the cached model (training it first if there is none or it is stale),
predicts every target of ``FILE.jsonl`` and prints macro-F1, accuracy,
Cohen's kappa and the confusion matrix. A malformed line stops the command
with one message naming the file and the line number.
"""

from __future__ import annotations

from pathlib import Path

from coverage.commands._common import add_data_option
from coverage.stance.model import format_scores, load_stance_model, read_newsmtsc, stance_scores

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate-stance",
        help="score the stance model on a file in the NewsMTSC format",
        description="Print macro-F1, accuracy, Cohen's kappa and the confusion matrix of the stance "
                    "model on FILE.jsonl (one sentence per line with its targets and polarities, "
                    "as in NewsMTSC).",
    )
    parser.add_argument("file", type=Path, metavar="FILE.jsonl", help="targets with gold polarity")
    add_data_option(parser)
    parser.set_defaults(run=_run)


def _run(args) -> int:
    table = read_newsmtsc(args.file)  # read first: a bad file fails before any training
    model = load_stance_model(args.data)
    print(format_scores(stance_scores(table["label"], model.predict(table)), title=str(args.file)))
    return 0
