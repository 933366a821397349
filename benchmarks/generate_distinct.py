"""Write N synthetic articles whose sentences are all distinct, for benchmarks, deterministic by seed.

The sentences are NewsMTSC's (news sentences rated for sentiment towards a
named target; MIT licence), read from ``external/newsmtsc/`` of the data
folders given, as the kit reads them to train its stance model. Each article
is 4-9 paragraphs of 1-3 sentences with an outlet and a date; some sentences
are quotations ("... ," Name said.), some name Amazon in place of their
target, and the people named and the numbers are varied, so that a sentence
used twice is never the same text. Unlike ``benchmarks/generate.py``, which
recombines the shipped paragraphs, the encoder, TextBlob, VADER and textstat
see new text in every sentence. The result is a data folder the kit reads
like any other:

    python benchmarks/generate_distinct.py 1000 /tmp/distinct-1000 [--source data] [--seed 0] [--format csv|files]

NewsMTSC holds 8,274 distinct sentences; past about 550 articles every
sentence is used more than once, each time with other names and numbers.
Some NewsMTSC sentences carry scraped page furniture ("SIGN UP FOR OUR
NEWSLETTER"), which the kit's splitter cuts out as sentences of their own:
at 1,000 articles 98% of the kit's 14,316 sentences are distinct.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
# Beside this file: the same outlets and data-folder layout.
from generate import OUTLETS, write

FILES = ("train.jsonl", "dev_mt.jsonl", "dev_rw.jsonl")
FIRST = ["Ana", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "James", "Kemal", "Laura",
         "Marcus", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Umar", "Vera", "Walter",
         "Ximena", "Yusuf", "Zoe", "Adrian", "Beatriz", "Chen", "Dana", "Emil", "Fatima", "Gustavo", "Hana",
         "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Noor"]
LAST = ["Abbott", "Barros", "Castillo", "Dietrich", "Eriksen", "Fontaine", "Garber", "Haddad", "Ibarra",
        "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinlan", "Rahman",
        "Sandoval", "Takahashi", "Ulrich", "Varga", "Whitaker", "Xu", "Yilmaz", "Zielinski", "Alvarez",
        "Brennan", "Cardoso", "Delgado", "Engel", "Ferreira", "Gallagher", "Holm", "Iwata", "Jovanovic",
        "Keller", "Lombardi", "Mbeki", "Novak", "Ortega", "Pereira", "Quispe", "Romero", "Schultz", "Toivonen",
        "Usman", "Vidal", "Weiss", "Yamada"]
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "his", "hers", "its", "their", "them", "we", "us", "i", "you"}
_TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "President", "Senator", "Sen.", "Rep.", "Gov.", "Secretary"}
_NUMBER = re.compile(r"\d+")


def newsmtsc_sentences(sources: list[Path]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Return the distinct NewsMTSC sentences with the spans of their named (not pronoun) targets."""
    seen, found = set(), []
    for source in sources:
        folder = source / "external" / "newsmtsc"
        for name in FILES:
            path = folder / name
            if not path.exists():
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                text = row["sentence_normalized"].strip()
                if text in seen or len(text.split()) < 6:
                    continue
                seen.add(text)
                spans = sorted({(t["from"], t["to"]) for t in row["targets"]
                                if t["mention"][:1].isupper() and t["mention"].lower() not in _PRONOUNS
                                and text[t["from"]:t["to"]] == t["mention"]})
                found.append((text, [s for k, s in enumerate(spans) if not k or s[0] >= spans[k - 1][1]]))
    if not found:
        raise SystemExit(f"no NewsMTSC sentences under {', '.join(str(s / 'external' / 'newsmtsc') for s in sources)}; "
                         "give a data folder that has external/newsmtsc/train.jsonl with --source")
    return found


def _name(rng: random.Random, mention: str) -> str:
    words = mention.split()
    last = rng.choice(LAST)
    if len(words) > 1 and words[0] in _TITLES:
        return f"{words[0]} {last}"
    return f"{rng.choice(FIRST)} {last}" if len(words) > 1 else last


def _vary(rng: random.Random, text: str, spans: list[tuple[int, int]], *, amazon: bool, fresh: bool) -> str:
    """The sentence with its targets renamed (or Amazon named) and, unless ``fresh``, its numbers redrawn."""
    out, done = [], 0
    for k, (s, e) in enumerate(spans):
        mention = text[s:e]
        if amazon and k == 0:
            new = "Amazon"
        elif fresh and rng.random() < 0.5:
            new = mention
        else:
            new = _name(rng, mention)
        out += [text[done:s], new]
        done = e
    text = "".join(out) + text[done:]
    if not fresh:
        text = _NUMBER.sub(lambda m: str(rng.randrange(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 0,
                                                       10 ** len(m.group()))), text)
    return text


def _quoted(rng: random.Random, text: str) -> str:
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    body = text.rstrip(".")
    if rng.random() < 0.5:
        return f"“{body},” {speaker} said."
    return f"{speaker} said: “{body}.”"


def generate(n: int, *, sources: list[Path], seed: int = 0, min_paras: int = 4, max_paras: int = 9,
             quote_share: float = 0.15, amazon_share: float = 0.12) -> pd.DataFrame:
    """Return a table of ``n`` synthetic articles (text, outlet, published, title, article_id).

    Every sentence of the corpus, headlines included, is a distinct text.
    """
    rng = random.Random(seed)
    pool = newsmtsc_sentences(sources)
    order = list(range(len(pool)))
    rng.shuffle(order)
    used: set[str] = set()
    uses = [0] * len(pool)
    cursor = 0

    def sentence() -> str:
        nonlocal cursor
        k = order[cursor % len(order)]
        cursor += 1
        text, spans = pool[k]
        amazon = bool(spans) and rng.random() < amazon_share
        new = _vary(rng, text, spans, amazon=amazon, fresh=uses[k] == 0)
        while new in used:  # a reuse that drew the same names and numbers: attribute it to someone new
            new = _vary(rng, text, spans, amazon=amazon, fresh=False)
            if new in used:
                new = f"{new.rstrip('.')}, according to {rng.choice(FIRST)} {rng.choice(LAST)}."
        uses[k] += 1
        used.add(new)
        return new

    start = date(2018, 6, 1)
    rows = []
    for i in range(n):
        headline = sentence().rstrip(".")
        paragraphs = []
        for _ in range(rng.randint(min_paras, max_paras)):
            parts = [sentence() for _ in range(rng.randint(1, 3))]
            if rng.random() < quote_share * 2:  # about quote_share of sentences: one of two in such paragraphs
                k = rng.randrange(len(parts))
                quoted = _quoted(rng, parts[k])
                used.discard(parts[k])
                parts[k] = quoted if quoted not in used else parts[k]
                used.add(parts[k])
            paragraphs.append(" ".join(parts))
        rows.append({
            "article_id": f"distinct-{i:06d}",
            "outlet": rng.choice(OUTLETS),
            "published": (start + timedelta(days=rng.randrange(214))).isoformat(),
            "title": headline,
            "text": "\n\n".join([headline, *paragraphs]),
        })
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, action="append", default=None,
                        help="data folder with external/newsmtsc/ (default: data)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["csv", "files"], default="csv")
    args = parser.parse_args(argv)
    table = generate(args.n, sources=args.source or [Path("data")], seed=args.seed)
    write(table, args.out, fmt=args.format)
    mb = table["text"].str.len().sum() / 1e6
    print(f"wrote {len(table)} articles ({mb:.1f} MB of text) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
