"""``media-coverage evaluate-stance FILE.jsonl``: score the stance model on a NewsMTSC-format file.

Scores the fine-tuned model that ships with the kit
(:func:`coverage.stance.finetuned.load_finetuned_stance`): predicts every
target of ``FILE.jsonl`` and prints macro-F1, accuracy, Cohen's kappa and the
confusion matrix. A malformed line stops the command with one message naming
the file and the line number.
"""

from __future__ import annotations

from pathlib import Path

from coverage.commands._common import add_data_option
from coverage.stance.finetuned import load_finetuned_stance
from coverage.stance.model import format_scores, read_newsmtsc, stance_scores

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate-stance",
        help="score the stance model on a file in the NewsMTSC format",
        description="Print macro-F1, accuracy, Cohen's kappa and the confusion matrix of the kit's "
                    "stance model on FILE.jsonl (one sentence per line with its targets and polarities, "
                    "as in NewsMTSC).",
    )
    parser.add_argument("file", type=Path, metavar="FILE.jsonl", help="targets with gold polarity")
    add_data_option(parser)  # accepted as before; the shipped model reads nothing from the data folder
    parser.set_defaults(run=_run)


def _run(args) -> int:
    table = read_newsmtsc(args.file)  # read first: a bad file fails before the model is loaded
    model = load_finetuned_stance()
    print(format_scores(stance_scores(table["label"], model.predict(table)), title=str(args.file)))
    return 0
