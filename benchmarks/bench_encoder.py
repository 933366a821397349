"""Benchmark the stance encoder and the stance model on text that never repeats.

The corpus generator of ``run.py`` recombines the paragraphs of the five
shipped articles, so its 10,000 articles hold only a few dozen distinct
sentences that mention Amazon, and the encoder reads each distinct sentence
once per partition. Real articles repeat far less. This script measures the
encoder on distinct sentences (the NewsMTSC training and development
sentences) and projects the cost of a corpus of new text:

* word pieces and sentences per second of :func:`coverage.stance.encoder.encode_mentions`
  (two cores);
* seconds per mention of the whole stance model (features and encoder) on
  the development mentions;
* the training time of the model (``--train``);
* for the shipped articles, sentences with a mention per article and word
  pieces per sentence, and from these the encoder's seconds for N articles
  of new text.

Run from the repository root::

    .venv/bin/python benchmarks/bench_encoder.py            # about 1.5 minutes
    .venv/bin/python benchmarks/bench_encoder.py --train    # plus training, about 1 minute more
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import pandas as pd

from coverage.io.corpus import load_corpus
from coverage.stance.encoder import encode_mentions, load_encoder
from coverage.stance.mentions import find_mentions
from coverage.text.sentences import split_sentences
from coverage.stance.model import StanceClassifier, newsmtsc_splits, read_newsmtsc

DATA = Path(__file__).resolve().parents[1] / "data"


def pieces_of(texts: list[str]) -> int:
    """Word pieces the encoder reads for ``texts``, [CLS] and [SEP] included."""
    return sum(len(e.ids) for e in load_encoder().tokenizer.encode_batch(texts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="also time the training of the stance model")
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000],
                        help="corpus sizes to project the encoder's cost for")
    args = parser.parse_args(argv)
    splits = newsmtsc_splits(DATA)

    start = time.perf_counter()
    load_encoder()
    print(f"load the encoder (read and check 90 MB): {time.perf_counter() - start:.2f} s")

    train = read_newsmtsc(splits["train"])
    sentences = list(dict.fromkeys(train["text"]))
    table = pd.DataFrame({"text": sentences, "start": 0, "end": 1})
    n_pieces = pieces_of(sentences)
    start = time.perf_counter()
    encode_mentions(table)
    seconds = time.perf_counter() - start
    rate = n_pieces / seconds
    print(f"encoder: {len(sentences):,} distinct sentences, {n_pieces:,} word pieces in {seconds:.1f} s: "
          f"{len(sentences) / seconds:,.0f} sentences/s, {rate:,.0f} pieces/s")

    if args.train:
        start = time.perf_counter()
        model = StanceClassifier().fit(train, train["label"])
        print(f"training on {len(train):,} mentions: {time.perf_counter() - start:.1f} s")
    else:
        model = StanceClassifier().fit(train.head(2000), train["label"].head(2000))
    dev = pd.concat([read_newsmtsc(splits[name]) for name in ("dev_rw", "dev_mt")], ignore_index=True)
    start = time.perf_counter()
    model.predict_proba(dev)
    seconds = time.perf_counter() - start
    print(f"stance model on {len(dev):,} development mentions ({dev['text'].nunique():,} sentences): "
          f"{seconds:.1f} s, {1000 * seconds / len(dev):.1f} ms a mention")

    corpus = load_corpus(DATA)
    found = find_mentions(split_sentences(corpus)).merge(split_sentences(corpus), on=["article_id", "sentence_id"])
    with_mention = found.drop_duplicates(["article_id", "sentence_id"])
    per_article = len(with_mention) / len(corpus)
    per_sentence = pieces_of(with_mention["text"].tolist()) / len(with_mention)
    print(f"shipped articles: {len(found)} mentions in {len(with_mention)} sentences, "
          f"{per_article:.1f} sentences with a mention per article, {per_sentence:.0f} pieces each")
    for n in args.articles:
        projected = n * per_article * per_sentence / rate
        print(f"projected encoder time for {n:,} articles of new text: {projected:,.0f} s "
              f"({projected / 60:.1f} min) on these cores")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
