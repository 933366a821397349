"""Alignment of text reuse: seeds chained into passages, extended, split by quotation status.

Internals of :func:`coverage.reuse.find.find_reuse`, from the seeds of
:func:`coverage.reuse.seeds.seed_table` to the passage table.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from coverage.reuse.seeds import ranges, _starts, _stops, Tokens


def chain_table(tokens: Tokens, seeds, *, n: int, max_gap: int) -> dict:
    """Chain the seeds of every pair into passages, extend them, and summarise each chain.

    Seeds close together on one diagonal chain into one passage; ``max_gap``
    words may be changed, added or dropped between them, which can move a
    chain to a nearby diagonal. Diagonals of a pair more than ``max_gap``
    apart never meet, so a lone diagonal (nearly every passage) is cut into
    chains in one vectorised pass; a cluster of nearby diagonals (a repeated
    phrase, an added word) is chained seed by seed by :func:`_greedy_chains`.
    Each chain is then extended word by word at both ends.

    Returns a dict of arrays, one entry per chain: ``pair``, ``a``, ``b``,
    ``order`` (the greedy loop's order: chains it closes, at the first seed
    beyond their reach, then those still open, each in order of creation),
    first and last aligned words ``i0 i1 j0 j1``, ``size`` (aligned pairs),
    ``uniform`` (one quotation status throughout), plus what
    :func:`_aligned` needs to list the aligned words.
    """
    a, b, i, j = seeds
    reach = n + max_gap
    new_pair = _starts(a, b)
    pair = np.cumsum(new_pair) - 1
    pair_start = np.flatnonzero(new_pair)
    rank = np.arange(len(a)) - pair_start[pair]  # position in the greedy loop's order
    diag = i - j
    by_diag = np.lexsort((i, diag, pair))
    p, d = pair[by_diag], diag[by_diag]
    new_diag = _starts(p, d)
    new_cluster = new_diag & (_starts(p) | (np.r_[0, np.diff(d)] > max_gap))
    cluster = np.cumsum(new_cluster) - 1
    n_diagonals = (np.add.reduceat(new_diag.astype(np.int64), np.flatnonzero(new_cluster)) if len(a)
                   else np.zeros(0, dtype=np.int64))
    tangled = n_diagonals[cluster] > 1
    # Lone diagonals: a chain is a run of seeds no more than ``reach`` apart.
    lone = by_diag[~tangled]
    s = i[lone]
    new_chain = new_diag[~tangled] | np.r_[True, np.diff(s) > reach][:len(s)]
    heads, tails = np.flatnonzero(new_chain), _stops(new_chain)[np.flatnonzero(new_chain)] - 1
    lo = np.where(new_chain, s, np.maximum(s, np.r_[0, s[:-1]] + n))  # words not covered by the seed before
    add = s + n - lo
    words = np.repeat(lo, add) + ranges(add)
    offsets = np.r_[0, np.cumsum(np.add.reduceat(add, heads))] if len(heads) else np.zeros(1, dtype=np.int64)
    lone_chains = {"pair": pair[lone][heads], "a": a[lone][heads], "b": b[lone][heads], "diag": diag[lone][heads],
                   "created": rank[lone][heads], "last": s[tails], "lo": offsets[:-1], "hi": offsets[1:]}
    chains = _extend_lone(tokens, lone_chains, words)
    greedy = _tangled_chains(tokens, seeds, by_diag[tangled], cluster[tangled], pair, rank, n=n, max_gap=max_gap)
    chains = {key: np.r_[chains[key], greedy[key]] for key in chains} | {
        "words": words, "greedy_aligned": greedy["aligned"], "n_pairs": len(pair_start)}
    span = int(i.max()) + reach + 2 if len(i) else 1
    closed = np.searchsorted(pair * span + i, chains["pair"] * span + chains["last"] + reach, "right")
    chains["order"] = np.lexsort((chains["created"], closed - pair_start[chains["pair"]], -chains["size"],
                                  chains["pair"]))
    return chains


def _extend_lone(tokens: Tokens, c: dict, words: np.ndarray) -> dict:
    """Extend every lone-diagonal chain at both ends while the words agree, all chains at once."""
    base_a, base_b = tokens.base[c["a"]], tokens.base[c["b"]]
    len_a, len_b = tokens.length[c["a"]], tokens.length[c["b"]]
    first, last = words[c["lo"]], words[c["hi"] - 1]
    grow = {}
    for side, edge, step in (("left", first, -1), ("right", last, 1)):
        count = np.zeros(len(edge), dtype=np.int64)
        active = np.ones(len(edge), dtype=bool)
        while active.any():  # as many rounds as the longest extension (under n words: all shared n-grams are seeds)
            i = edge + step * (count + 1)
            j = i - c["diag"]
            ok = active & (i >= 0) & (j >= 0) & (i < len_a) & (j < len_b)
            ok[ok] = tokens.ids[base_a[ok] + i[ok]] == tokens.ids[base_b[ok] + j[ok]]
            count += ok
            active = ok
        grow[side] = count
    i0, i1 = first - grow["left"], last + grow["right"]
    # Quotation flags: the seeded words one by one, the extensions as ranges of a running count.
    chain_of_word = np.repeat(np.arange(len(first)), c["hi"] - c["lo"])
    qa_words = tokens.quoted[base_a[chain_of_word] + words]
    qb_words = tokens.quoted[base_b[chain_of_word] + words - c["diag"][chain_of_word]]
    running = np.r_[0, np.cumsum(tokens.quoted)]
    size = c["hi"] - c["lo"] + grow["left"] + grow["right"]
    flags = []
    for base, shift, per_word in ((base_a, 0, qa_words), (base_b, c["diag"], qb_words)):
        seeded = np.add.reduceat(per_word.astype(np.int64), c["lo"]) if len(per_word) else np.zeros(0, np.int64)
        ends = (running[base + first - shift] - running[base + i0 - shift]
                + running[base + i1 + 1 - shift] - running[base + last + 1 - shift])
        flags.append(seeded + ends)
    uniform = ((flags[0] == 0) | (flags[0] == size)) & ((flags[1] == 0) | (flags[1] == size))
    return {"pair": c["pair"], "a": c["a"], "b": c["b"], "created": c["created"], "last": c["last"], "size": size,
            "i0": i0, "i1": i1, "j0": i0 - c["diag"], "j1": i1 - c["diag"], "uniform": uniform,
            "diag": c["diag"], "lo": c["lo"], "hi": c["hi"], "greedy": np.full(len(first), -1)}


def _tangled_chains(tokens, seeds, rows, cluster, pair, rank, *, n, max_gap) -> dict:
    """Chain the seeds of each cluster of nearby diagonals one by one, then extend each chain."""
    a, b, i, j = seeds
    found: list[tuple] = []
    aligned: list[tuple[np.ndarray, np.ndarray]] = []
    for members in np.split(rows, np.flatnonzero(np.diff(cluster)) + 1) if len(rows) else []:
        members = np.sort(members)  # back to the greedy loop's order, (i, j)
        x, y = int(a[members[0]]), int(b[members[0]])
        for chain_i, chain_j, created, last in _greedy_chains(i[members].tolist(), j[members].tolist(),
                                                              rank[members].tolist(), n=n, max_gap=max_gap):
            ci, cj = _extend(tokens.seq(x), tokens.seq(y), chain_i, chain_j)
            qa = tokens.quoted[tokens.base[x] + ci]
            qb = tokens.quoted[tokens.base[y] + cj]
            found.append((pair[members[0]], x, y, created, last, len(ci), ci[0], ci[-1], cj[0], cj[-1],
                          (qa.all() or not qa.any()) and (qb.all() or not qb.any()), len(aligned)))
            aligned.append((ci, cj))
    keys = ("pair", "a", "b", "created", "last", "size", "i0", "i1", "j0", "j1", "uniform", "greedy")
    columns = list(zip(*found)) if found else [[] for _ in keys]
    table = {key: np.array(col, dtype=bool if key == "uniform" else np.int64) for key, col in zip(keys, columns)}
    zeros = np.zeros(len(found), dtype=np.int64)
    return table | {"diag": zeros, "lo": zeros, "hi": zeros, "aligned": aligned}


def _greedy_chains(seeds_i: list[int], seeds_j: list[int], ranks: list[int], *, n: int, max_gap: int):
    """Chain seeds in order, each joining the open chain nearest its diagonal.

    Yields ``(i, j, created, last)`` per chain: aligned words, the rank of its
    first seed and the position of its last.
    """
    reach = n + max_gap
    chains: list[dict] = []
    open_chains: list[dict] = []
    for i, j, r in zip(seeds_i, seeds_j, ranks, strict=True):
        open_chains = [chain for chain in open_chains if i - chain["i"] <= reach]
        best = None
        for chain in open_chains:
            di, dj = i - chain["i"], j - chain["j"]
            if 0 < di and 0 < dj <= reach and abs(di - dj) <= max_gap:
                if best is None or abs(di - dj) < abs(best["i"] - best["j"] - (i - j)):
                    best = chain
        if best is None:
            best = {"pairs": {}, "created": r}
            open_chains.append(best)
            chains.append(best)
        for k in range(n):
            best["pairs"].setdefault(i + k, j + k)
        best["i"], best["j"] = i, j
    for chain in chains:
        aligned = sorted(chain["pairs"].items())
        yield [p for p, _ in aligned], [q for _, q in aligned], chain["created"], chain["i"]


def _extend(sa: list[int], sb: list[int], i: list[int], j: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Grow a chain word by word at both ends while the words agree; keep it monotone."""
    i, j = list(i), list(j)
    while i[0] > 0 and j[0] > 0 and sa[i[0] - 1] == sb[j[0] - 1]:
        i.insert(0, i[0] - 1)
        j.insert(0, j[0] - 1)
    while i[-1] + 1 < len(sa) and j[-1] + 1 < len(sb) and sa[i[-1] + 1] == sb[j[-1] + 1]:
        i.append(i[-1] + 1)
        j.append(j[-1] + 1)
    # A word of b is aligned to one word of a: keep pairs whose j passes every earlier one.
    i, j = np.array(i, dtype=np.int64), np.array(j, dtype=np.int64)
    keep = j > np.maximum.accumulate(np.r_[-1, j[:-1]])
    return i[keep], j[keep]


def _aligned(chains: dict, c: int) -> tuple[np.ndarray, np.ndarray]:
    """The aligned word positions ``(i, j)`` of chain ``c``, extensions included."""
    g = chains["greedy"][c]
    if g >= 0:
        return chains["greedy_aligned"][g]
    seeded = chains["words"][chains["lo"][c]:chains["hi"][c]]
    i = np.r_[np.arange(chains["i0"][c], seeded[0]), seeded, np.arange(seeded[-1] + 1, chains["i1"][c] + 1)]
    return i, i - chains["diag"][c]


def _inside(x: tuple, y: tuple) -> bool:
    """True when most of chain ``x`` lies within chain ``y`` in both articles.

    Repetitive text ("should not be in the X business; we should not be in
    the Y business") also matches itself one clause off the diagonal; such
    echoes sit inside the true passage on both sides and are dropped.
    Chains are ``(i0, i1, j0, j1)``.
    """
    def share(lo, hi, olo, ohi):
        return max(0, min(hi, ohi) - max(lo, olo) + 1) / (hi - lo + 1)

    return share(x[0], x[1], y[0], y[1]) > 0.5 and share(x[2], x[3], y[2], y[3]) > 0.5


# Width, in words, of the stretches of an article by which kept chains are indexed.
_BUCKET = 64


def _not_echoes(ordered: list[int], span: list[tuple]) -> list[int]:
    """The chains of one pair, in ``ordered`` order (longest first), that are not inside a chain kept before.

    The same as keeping each chain unless ``_inside`` it and any chain kept
    so far, without comparing every chain with every kept one (quadratic in
    repeated text: a sentence printed 60,000 times in one article is 60,000
    chains of one pair). Most of a chain ``x`` lies within ``y`` only if
    ``y`` covers the midpoint of ``x`` in both articles (a span missing it
    overlaps at most half of ``x``), so each kept chain is filed under the
    stretches of :data:`_BUCKET` words it covers, in each article, and a
    chain is compared only with those filed under its midpoints, in
    whichever article has fewer of them.
    """
    kept: list[int] = []
    by_i: dict[int, list[int]] = {}
    by_j: dict[int, list[int]] = {}
    for c in ordered:
        x = span[c]
        mid_i, mid_j = x[0] + x[1], x[2] + x[3]  # twice the midpoints: whole numbers
        near_i, near_j = by_i.get(mid_i // 2 // _BUCKET, ()), by_j.get(mid_j // 2 // _BUCKET, ())
        near = near_i if len(near_i) <= len(near_j) else near_j
        if any(2 * span[k][0] <= mid_i <= 2 * span[k][1] and 2 * span[k][2] <= mid_j <= 2 * span[k][3]
               and _inside(x, span[k]) for k in near):
            continue
        kept.append(c)
        for index, lo, hi in ((by_i, x[0], x[1]), (by_j, x[2], x[3])):
            for bucket in range(lo // _BUCKET, hi // _BUCKET + 1):
                index.setdefault(bucket, []).append(c)
    return kept


def passage_table(tokens: Tokens, chains: dict, ids: list[str], *, n: int, min_words: int) -> pd.DataFrame:
    """Keep each pair's chains that are not echoes, split them by quotation status, one row per passage."""
    order = chains["order"]
    bounds = np.r_[np.flatnonzero(_starts(chains["pair"][order])), len(order)]
    ends = {key: chains[key].tolist() for key in ("i0", "i1", "j0", "j1")}
    span = list(zip(ends["i0"], ends["i1"], ends["j0"], ends["j1"]))
    keep: list[int] = []
    for lo, hi in itertools.pairwise(bounds.tolist()):
        kept = _not_echoes(order[lo:hi].tolist(), span)
        if len({span[c][0::2] for c in kept}) < len(kept):  # same first word: order by all aligned words
            kept.sort(key=lambda c: list(zip(*(x.tolist() for x in _aligned(chains, c)))))
        else:
            kept.sort(key=lambda c: span[c][0::2])
        keep += kept
    keep = np.array(keep, dtype=np.int64)
    # Chains with one quotation status are one passage each; the others are split in Python.
    whole = keep[chains["uniform"][keep]]
    i0, i1, j0, j1, size = (chains[key][whole] for key in ("i0", "i1", "j0", "j1", "size"))
    parts = [_segments(tokens, chains, whole, (i0, i1, j0, j1, size),
                       tokens.quoted[tokens.base[chains["a"][whole]] + i0],
                       tokens.quoted[tokens.base[chains["b"][whole]] + j0])]
    pieces = []
    for c in keep[~chains["uniform"][keep]].tolist():
        i, j = _aligned(chains, c)
        qa, qb = tokens.quoted[tokens.base[chains["a"][c]] + i], tokens.quoted[tokens.base[chains["b"][c]] + j]
        for (sa, sb), first, last in _quote_runs(list(zip(qa.tolist(), qb.tolist())), n=n):
            pieces.append((c, i[first], i[last], j[first], j[last], last - first + 1, sa, sb))
    if pieces:
        c, *ends, sa, sb = map(np.array, zip(*pieces))
        parts.append(_segments(tokens, chains, c, ends, sa.astype(bool), sb.astype(bool)))
    # An empty part would make the text columns object instead of str (pandas keeps empty parts' dtypes).
    table = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
    rank = np.zeros(len(chains["pair"]), dtype=np.int64)
    rank[keep] = np.arange(len(keep))
    table = table.iloc[np.argsort(rank[table.pop("_chain").to_numpy()], kind="stable")]
    table = table[table["n_words"] >= min_words].reset_index(drop=True)
    table.insert(0, "article_id_b", [ids[x] for x in table.pop("_b")])
    table.insert(0, "article_id_a", [ids[x] for x in table.pop("_a")])
    return table


def _segments(tokens: Tokens, chains: dict, c: np.ndarray, ends, qa: np.ndarray, qb: np.ndarray) -> pd.DataFrame:
    """Passage rows: segments ``ends = (i0, i1, j0, j1, size)`` of chains ``c`` with quotation status ``qa, qb``."""
    i0, i1, j0, j1, size = ends
    a, b = chains["a"][c], chains["b"][c]
    ga, gb = tokens.base[a], tokens.base[b]
    start_a, end_a = tokens.starts[ga + i0], tokens.ends[ga + i1]
    start_b, end_b = tokens.starts[gb + j0], tokens.ends[gb + j1]
    texts = tokens.texts
    return pd.DataFrame({
        "_chain": c, "_a": a, "_b": b,
        "start_a": start_a, "end_a": end_a, "start_b": start_b, "end_b": end_b,
        "n_words": np.minimum(tokens.count_words(a, start_a, end_a), tokens.count_words(b, start_b, end_b)),
        "quoted": np.where(qa & qb, "both", np.where(qa | qb, "one", "neither")),
        "quoted_a": qa, "quoted_b": qb,
        # Python's round (decimal, half-even on the true value) as before, not numpy's.
        "similarity": [round(2 * s / (x1 - x0 + 1 + y1 - y0 + 1), 3)
                       for s, x0, x1, y0, y1 in zip(size.tolist(), i0.tolist(), i1.tolist(), j0.tolist(), j1.tolist())],
        "text_a": [texts[d][s:e] for d, s, e in zip(a.tolist(), start_a.tolist(), end_a.tolist())],
        "text_b": [texts[d][s:e] for d, s, e in zip(b.tolist(), start_b.tolist(), end_b.tolist())],
    })


def _quote_runs(status: list[tuple[bool, bool]], *, n: int):
    """Yield ``(status, first, last)``: stretches of one quotation status along a passage."""
    runs = []  # [status, first index, last index]
    for k, s in enumerate(status):
        if runs and runs[-1][0] == s:
            runs[-1][2] = k
        else:
            runs.append([s, k, k])
    # A run shorter than a seed (a quoted title, a stray mark) takes its
    # neighbour's status, so one pair of quote marks does not cut a passage.
    if len(runs) > 1:
        for k, run in enumerate(runs):
            if run[2] - run[1] + 1 < n:
                run[0] = runs[k - 1][0] if k else runs[1][0]
    merged = []
    for run in runs:
        if merged and merged[-1][0] == run[0]:
            merged[-1][2] = run[2]
        else:
            merged.append(list(run))
    for s, first, last in merged:
        yield s, first, last
