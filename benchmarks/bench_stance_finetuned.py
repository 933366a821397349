"""Measure the shipped fine-tuned stance model: dev scores, float16 against PyTorch, hand labels, speed.

Run from the repository root in the kit's environment (no PyTorch needed)::

    .venv/bin/python benchmarks/bench_stance_finetuned.py --speed
    .venv/bin/python benchmarks/bench_stance_finetuned.py --dev --torch-run runs/stance
    .venv/bin/python benchmarks/bench_stance_finetuned.py --labels   # the 115 hand labels: a test set, read last

``--dev`` scores NewsMTSC dev_rw and dev_mt with the NumPy inference of the
shipped float16 weights; with ``--torch-run`` (the ``--run-dir`` of
``coverage.stance.train``) it compares them with the PyTorch float32
probabilities written at the end of training. ``--speed`` times the NumPy
inference on distinct NewsMTSC training mentions (new text: no sentence
repeats) and projects 1,000 articles from the mentions per article of the
shipped corpus. ``--labels`` scores the hand labels of the shipped articles.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.stance.finetuned import LABELS, MODEL_DIR, build_input, load_finetuned_stance
from coverage.stance.model import newsmtsc_splits, read_newsmtsc, stance_scores

DATA = Path(__file__).resolve().parents[1] / "data"


def dev_scores(model, torch_run: Path | None) -> dict:
    out = {}
    for name in ("dev_rw", "dev_mt"):
        d = read_newsmtsc(newsmtsc_splits(DATA)[name])
        p = model.predict_proba(d)
        s = stance_scores(d["label"], [LABELS[i] for i in p.argmax(1)])
        out[name] = {"macro_f1": round(s["macro_f1"], 4), "accuracy": round(s["accuracy"], 4), "n": s["n"]}
        ref = torch_run / f"torch_fp32_{name}_w{model.window}.csv" if torch_run else None
        if ref is not None and ref.is_file():
            t = pd.read_csv(ref)[[f"p_{x}" for x in LABELS]].to_numpy()
            ts = stance_scores(d["label"], [LABELS[i] for i in t.argmax(1)])
            out[name] |= {"torch_fp32_macro_f1": round(ts["macro_f1"], 4),
                          "same_label": float((t.argmax(1) == p.argmax(1)).mean()),
                          "max_abs_proba_diff": float(np.abs(t - p).max())}
        print(name, out[name], flush=True)
    return out


def speed(model, n: int) -> dict:
    train = read_newsmtsc(newsmtsc_splits(DATA)["train"]).drop_duplicates("text").head(n)
    enc = model.tokenizer.encode_batch(train["text"].tolist())
    pieces = np.mean([len(build_input(e.ids, e.offsets, s, t, model.window)[0])
                      for e, s, t in zip(enc, train["start"], train["end"])])
    start, cpu = time.perf_counter(), time.process_time()
    model.predict_proba(train)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rate = len(train) / seconds
    # On a shared machine the wall clock measures the other users too: CPU seconds / 2 is
    # what two idle cores would take (the inference keeps both busy).
    idle_rate = len(train) / (cpu / 2)
    from coverage import find_mentions, load_corpus, split_sentences

    corpus = load_corpus(DATA)
    sentences = split_sentences(corpus)
    found = find_mentions(sentences).merge(sentences[["article_id", "sentence_id", "text"]],
                                           on=["article_id", "sentence_id"])
    per_article = len(found) / len(corpus)
    kit_enc = model.tokenizer.encode_batch(found["text"].tolist())
    kit_pieces = np.mean([len(build_input(e.ids, e.offsets, s, t, model.window)[0])
                          for e, s, t in zip(kit_enc, found["start"], found["end"])])
    projected = 1000 * per_article / rate * kit_pieces / pieces
    projected_idle = 1000 * per_article / idle_rate * kit_pieces / pieces
    out = {"mentions": len(train), "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
           "mentions_per_s": round(rate, 1), "mentions_per_s_two_idle_cores": round(idle_rate, 1),
           "projected_1000_articles_two_idle_cores_s": round(float(projected_idle), 1),
           "pieces_per_mention": round(float(pieces), 1), "kit_mentions_per_article": round(per_article, 1),
           "kit_pieces_per_mention": round(float(kit_pieces), 1), "projected_1000_articles_s": round(float(projected), 1)}
    print(out, flush=True)
    return out


def hand_labels(model) -> dict:
    from coverage import find_mentions, label_agreement, load_corpus, quote_tables, read_stance_labels, split_sentences
    from coverage.stance.tables import predict_stance

    corpus = load_corpus(DATA)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        voiced = quote_tables(corpus, split_sentences(corpus))["sentences"]
    mentions = predict_stance(find_mentions(voiced), voiced, model=model)
    labelled = read_stance_labels(DATA / "annotations" / "stance_amazon.csv", mentions, voiced)
    s = label_agreement(labelled)
    print({k: v for k, v in s.items() if k != "confusion"})
    print(s["confusion"].to_string())
    for voice, rows in labelled.groupby("voice"):
        v = label_agreement(rows)
        print(f"voice={voice}: n={v['n']} accuracy={v['accuracy']:.3f} kappa={v['kappa']:.3f}")
    wrong = labelled[labelled["label"] != labelled["stance"]]
    print(f"{len(wrong)} wrong:")
    for r in wrong.itertuples():
        print(f"  [{r.label} -> {r.stance} p={max(r.p_negative, r.p_neutral, r.p_positive):.2f}] {r.mention!r}: "
              f"{r.sentence[:160]}")
    return {k: (v.to_dict() if k == "confusion" else v) for k, v in s.items()}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", type=Path, default=MODEL_DIR)
    p.add_argument("--dev", action="store_true")
    p.add_argument("--torch-run", type=Path)
    p.add_argument("--speed", action="store_true")
    p.add_argument("--n", type=int, default=2000, help="mentions timed by --speed")
    p.add_argument("--labels", action="store_true")
    p.add_argument("--json", type=Path, help="also write the numbers here")
    args = p.parse_args(argv)
    model = load_finetuned_stance(args.model)
    result = {}
    if args.dev:
        result["dev"] = dev_scores(model, args.torch_run)
    if args.speed:
        result["speed"] = speed(model, args.n)
    if args.labels:
        result["hand_labels"] = hand_labels(model)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
