"""``media-coverage train-stance``: fine-tune the kit's stance model again (needs PyTorch).

Runs :mod:`coverage.stance.train` with the settings of the shipped model
(``coverage/data/stance_finetuned/config.json``): all-MiniLM-L6-v2 fine-tuned
end to end on NewsMTSC train (``DATA/external/newsmtsc/``), the organisation
augmentation and the in-domain set in ``data/training/``, and writes the
weights, their digest and the dev scores to ``--out``. Training needs the
``train`` extra (the CPU build of PyTorch and transformers); nothing else in
the kit does.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from coverage.commands._common import add_data_option
from coverage.errors import CorpusError

__all__ = ["add_parser", "TRAIN_SETTINGS"]

#: The settings the shipped model was trained with (the Makefile's ``train-stance`` uses the same).
TRAIN_SETTINGS = ["--augment", "2500", "--indomain", "3", "--epochs", "1", "--window", "32", "--min-window", "12",
                  "--infer-window", "32", "--threads", "1"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "train-stance",
        help="fine-tune the stance model again (needs the 'train' extra: PyTorch)",
        description="Fine-tune all-MiniLM-L6-v2 on NewsMTSC train, the organisation augmentation and "
                    "data/training/ with the shipped model's settings; write the weights to --out and "
                    "print the dev scores. Needs: pip install -e '.[train]'.",
    )
    add_data_option(parser)
    parser.add_argument("--out", type=Path, required=True,
                        help="folder for model.safetensors and config.json (not the shipped folder, "
                             "unless you mean to replace the kit's model)")
    parser.set_defaults(run=_run)


def _run(args) -> int:
    if importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None:
        raise CorpusError("train-stance: PyTorch and transformers are not installed; run "
                          "\"pip install -e '.[train]'\" (the CPU build of torch), or 'make train-stance'")
    from coverage.stance.train import main

    return main(["--data", str(args.data), "--out", str(args.out), *TRAIN_SETTINGS])
