"""What the report shows, as plain data: units by measure, and the evidence behind each number.

Every clickable thing in the report (a cell of the measures table, a frame
term, a distinctive word, a stance dot) names a key of ``evidence``: a list
of ``[sentence, start, end, note]`` rows, ``sentence`` an index into
``sentences`` and ``start``/``end`` the highlighted span in it (-1 for
none). Sentences are stored once, however many keys point at them.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import pandas as pd

from coverage.compare import compare_groups
from coverage.errors import CorpusWarning

__all__ = ["MEASURES", "unit_measures", "report_content"]

#: The headline measures: key -> (label, how it is computed, table it reads).
MEASURES = {
    "vader": ("VADER compound", "mean per sentence, -1..+1", "sentence_framing"),
    "surveillance": ("Surveillance terms", "per 1,000 words", "sentence_framing"),
    "safety": ("Safety terms", "per 1,000 words", "sentence_framing"),
    "quoted": ("Quoted words", "share of words inside quotation marks", "sentence_framing"),
    "stance": ("Stance toward the target", "(positive - negative) / mentions", "stance_summary"),
}
_TOP_WORDS = 10
_RESAMPLES = 1000


def unit_measures(tables: Mapping[str, pd.DataFrame], *, by: str = "outlet") -> pd.DataFrame:
    """Return the headline measures per unit with 95% bootstrap intervals, one row per unit and measure.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The tables of ``build_tables`` (``sentence_framing``, and
        ``stance_summary`` when there is a stance model).
    by : str, default "outlet"
        The unit column.

    Returns
    -------
    pandas.DataFrame
        ``unit``, ``measure`` (a key of :data:`MEASURES`), ``estimate``,
        ``ci_low``, ``ci_high``, ``n_articles``, ``n_units`` (sentences or
        mentions). A unit resting on one article has an interval across its
        sentences only; the report says so.
    """
    sentences = tables["sentence_framing"]
    parts = []
    if len(sentences):
        framed = sentences.assign(quoted_words=sentences["quoted_share"] * sentences["n_words"])
        specs = {"vader": dict(value="vader_compound"),
                 "surveillance": dict(value="surveillance_terms", weight="n_words", scale=1000),
                 "safety": dict(value="safety_terms", weight="n_words", scale=1000),
                 "quoted": dict(value="quoted_words", weight="n_words")}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)  # one-article units are flagged in the page
            for key, spec in specs.items():
                rows = compare_groups(framed, by=by, n_resamples=_RESAMPLES, **spec)
                parts.append(rows.rename(columns={by: "unit"}).assign(measure=key))
    stance = tables.get("stance_summary")
    if stance is not None and len(stance) and by in stance.columns:
        own = stance[stance["split"] == by]
        parts.append(own.rename(columns={by: "unit"}).assign(measure="stance"))
    columns = ["unit", "measure", "estimate", "ci_low", "ci_high", "n_articles", "n_units"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat([p[columns] for p in parts], ignore_index=True)
    return out.astype({"unit": str})


def _hit(index: int, start=-1, end=-1, note: str = "") -> list:
    return [int(index), int(start), int(end), note]


def report_content(tables: Mapping[str, pd.DataFrame], *, by: str = "outlet") -> dict:
    """Return everything the report page shows except the figures, as JSON-ready data.

    Returns
    -------
    dict
        ``articles`` (``[id, unit, headline, published]``), ``sentences``
        (``[article, sentence_id, voice, text]``), ``measures`` (rows of
        :func:`unit_measures` with their evidence key), ``labels``,
        ``frame_terms``, ``words``, ``dots`` and ``evidence`` (see the module
        notes).

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "headline": ["H"],
    ...                        "published": pd.to_datetime(["2018-06-01"])})
    >>> sentences = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "voice": "author",
    ...     "text": ["Police use it.", "It spies."], "outlet": "X", "n_words": [3, 2],
    ...     "quoted_share": 0.0, "vader_compound": [0.0, -0.3], "surveillance_terms": [0, 1],
    ...     "safety_terms": 0})
    >>> evidence = pd.DataFrame({"article_id": ["a"], "sentence_id": [1], "frame": ["surveillance"],
    ...     "term": ["spy*"], "match": ["spies"], "start": [3], "end": [8]})
    >>> content = report_content({"corpus": corpus, "sentence_framing": sentences, "evidence": evidence})
    >>> content["evidence"]["term|surveillance|spy*"]
    [[1, 3, 8, 'surveillance: spy*']]
    """
    corpus = tables["articles"] if "articles" in tables else tables["corpus"]
    sentences = tables["sentence_framing"]
    if "text" not in sentences.columns:
        sentences = sentences.merge(tables["sentences"][["article_id", "sentence_id", "text"]])
    if by not in sentences.columns:
        sentences = sentences.merge(corpus[["article_id", by]])
    article_index = {a: i for i, a in enumerate(corpus["article_id"])}
    sentences = sentences[sentences["article_id"].isin(article_index)].reset_index(drop=True)
    key = list(zip(sentences["article_id"], sentences["sentence_id"]))
    sentence_index = {k: i for i, k in enumerate(key)}
    evidence: dict[str, list] = {}

    def add(name: str, rows) -> None:
        evidence.setdefault(name, []).extend(rows)

    # Measures table: every cell names its evidence.
    measures = unit_measures(tables, by=by)
    units = sentences[by].astype(str)
    for unit, rows in sentences.groupby(units, sort=True):
        order = rows["vader_compound"].abs().sort_values(ascending=False).index
        add(f"vader|{unit}", [_hit(i, note=f"VADER {sentences.at[i, 'vader_compound']:+.2f}") for i in order])
        quoted = rows[rows["quoted_share"] > 0].sort_values("quoted_share", ascending=False)
        add(f"quoted|{unit}", [_hit(i, note=f"{q:.0%} quoted") for i, q in quoted["quoted_share"].items()])
        add(f"surveillance|{unit}", [])
        add(f"safety|{unit}", [])
    frame_terms = []
    found = tables.get("evidence")
    if found is not None and "decision" in found.columns:
        # Rows the lexicon's sense rules excluded explain a decision; only counted ones are frame evidence.
        found = found[found["decision"].eq("counted")]
    if found is not None and len(found):
        found = found.merge(corpus[["article_id", by]])
        for row in found.itertuples(index=False):
            i = sentence_index.get((row.article_id, row.sentence_id))
            if i is None:
                continue
            hit = _hit(i, row.start, row.end, f"{row.frame}: {row.term}")
            add(f"term|{row.frame}|{row.term}", [hit])
            if row.frame in ("surveillance", "safety"):
                add(f"{row.frame}|{getattr(row, by)}", [hit])
        counts = found.groupby(["frame", "term"]).size().rename("n").reset_index()
        frame_terms = [[f, t, int(n)] for f, t, n in counts.sort_values(["frame", "n"], ascending=[True, False])
                       .itertuples(index=False)]
    dots = _stance(tables, corpus, sentence_index, by, add)
    words = _distinctive(tables, sentences, units, sentence_index, by, add)
    measure_rows = [[r.unit, r.measure, _num(r.estimate), _num(r.ci_low), _num(r.ci_high),
                     int(r.n_articles), int(r.n_units), f"{r.measure}|{r.unit}"]
                    for r in measures.itertuples(index=False)]
    return {
        "unit_label": by,
        "articles": [[a, str(u), str(h), str(p)[:10]] for a, u, h, p in
                     zip(corpus["article_id"], corpus[by], corpus["headline"], corpus["published"])],
        "sentences": [[article_index[a], int(s), str(v), str(t)] for a, s, v, t in
                      zip(sentences["article_id"], sentences["sentence_id"], sentences["voice"], sentences["text"])],
        "labels": {k: [label, how] for k, (label, how, _) in MEASURES.items()},
        "measures": measure_rows,
        "frame_terms": frame_terms,
        "words": words,
        "dots": dots,
        "evidence": evidence,
    }


def _num(value):
    return None if pd.isna(value) else round(float(value), 4)


def _stance(tables, corpus, sentence_index, by, add) -> list:
    mentions = tables.get("mentions")
    if mentions is None or not len(mentions) or "stance" not in mentions.columns:
        return []
    if by not in mentions.columns:
        mentions = mentions.merge(corpus[["article_id", by]])
    own = mentions[mentions["group"] == "target"] if "group" in mentions.columns else mentions
    dots = []
    for row in own.itertuples(index=False):
        i = sentence_index.get((row.article_id, row.sentence_id))
        if i is None or pd.isna(row.stance):
            continue
        hit = _hit(i, row.start, row.end, f"{row.stance} ({row.stance_net:+.2f})")
        unit = str(getattr(row, by))
        add(f"stance|{unit}", [hit])
        name = f"dot|{len(dots)}"
        add(name, [hit])
        dots.append([unit, round(float(row.stance_net), 3), str(row.stance), name])
    return dots


def _distinctive(tables, sentences, units, sentence_index, by, add) -> list:
    from coverage.measures import kwic
    from coverage.measures.keyness import load_stop_words

    keyness = tables.get("keyness")
    if keyness is None or not len(keyness) or "outlet" not in keyness.columns or by != "outlet":
        return []
    stop = load_stop_words("english")
    content = keyness[~keyness["word"].isin(stop) & keyness["word"].str.fullmatch(r"[\w'-]{2,}")]
    top = content.sort_values("z", ascending=False).groupby("outlet").head(_TOP_WORDS)
    words = []
    for unit, rows in top.groupby("outlet", sort=True):
        mine = sentences[units == str(unit)]
        wanted = rows["word"].tolist()
        try:
            found = kwic(mine, wanted) if len(mine) else None
        except ValueError:  # a word kwic cannot read as a search term
            found = None
        for word, z, count in zip(rows["word"], rows["z"], rows["count_target"]):
            name = f"word|{unit}|{word}"
            hits = []
            if found is not None:
                for r in found[found["term"] == word].itertuples(index=False):
                    i = sentence_index.get((r.article_id, r.sentence_id))
                    if i is not None:
                        hits.append(_hit(i, r.start, r.end, f"z = {z:.2f}"))
            add(name, hits)
            words.append([str(unit), str(word), round(float(z), 2), int(count), name])
    return words
