"""``media-coverage train-stance``: train the stance model and report its dev scores.

Trains :class:`coverage.stance.model.StanceClassifier` on
``DATA/external/newsmtsc/train.jsonl``, caches it under ``DATA/processed/``
(replacing any cached model), and prints the time taken and macro-F1,
accuracy and confusion matrix on each development split found
(``dev_rw.jsonl``, ``dev_mt.jsonl``). ``--baselines`` also scores the
always-neutral, TextBlob, VADER and TF-IDF baselines on them.
"""

from __future__ import annotations

import time

import pandas as pd

from coverage.commands._common import add_data_option
from coverage.stance.model import (baseline_scores, format_scores, load_stance_model, newsmtsc_splits,
                                   read_newsmtsc, stance_scores)

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "train-stance",
        help="train the stance model on NewsMTSC and cache it in data/processed/",
        description="Train the stance classifier on DATA/external/newsmtsc/train.jsonl, cache it under "
                    "DATA/processed/ and print macro-F1, accuracy and the confusion matrix on the "
                    "development splits.",
    )
    add_data_option(parser)
    parser.add_argument("--baselines", action="store_true",
                        help="also score the always-neutral, TextBlob, VADER and TF-IDF baselines")
    parser.set_defaults(run=_run)


def _run(args) -> int:
    t0 = time.perf_counter()
    model = load_stance_model(args.data, retrain=True)
    print(f"trained and cached the stance model in {time.perf_counter() - t0:.1f} s "
          f"({args.data / 'processed' / 'stance_model.pkl'})")
    splits = {name: read_newsmtsc(path) for name, path in newsmtsc_splits(args.data).items()
              if name != "train" and path.is_file()}
    if len(splits) > 1:
        splits["dev (all)"] = pd.concat(list(splits.values()), ignore_index=True)
    for name, table in splits.items():
        print()
        print(format_scores(stance_scores(table["label"], model.predict(table)), title=f"== {name}"))
    if args.baselines and splits:
        train = read_newsmtsc(newsmtsc_splits(args.data)["train"])
        table = baseline_scores(train, splits)
        print("\n== baselines (macro-F1)")
        print(table.pivot(index="baseline", columns="split", values="macro_f1").round(3).to_string())
    return 0
