"""Text reuse: passages found despite small edits, quotation status, pair summaries."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.errors import CorpusError, CorpusWarning
from coverage.reuse.find import REUSE_COLUMNS, boilerplate_cutoff, find_reuse, quote_spans
from coverage.reuse.summary import reuse_marks, reuse_pairs, share_matrix
from coverage.text.tokens import count_words

BEZOS = ("If big tech companies are going to turn their back on the U.S. Department of Defense, "
         "this country is going to be in trouble")  # 25 words: U.S. is two


def _letters(number: int) -> str:
    """A word made of letters only, different for every number."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += chr(97 + digit)
        if not number:
            return word + "q"


def _pair(text_a: str, text_b: str, **extra) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a", "b"], "text": [text_a, text_b], **extra})


# --- quotation marks -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "quoted"), [
    ("He said “we won’t build it” today.", ["“we won’t build it”"]),
    ('He said "we will not" and "we refuse".', ['"we will not"', '"we refuse"']),
    ("A letter titled ‘We Won’t Build It’, an open letter.", ["‘We Won’t Build It’"]),
    ("“Outer ‘inner’ still outer,” she said.", ["“Outer ‘inner’ still outer,”"]),
    # news convention: a quote over two paragraphs has no closing mark on the first
    ("“First paragraph of a letter.\n\n“Second one.” Done.",
     ["“First paragraph of a letter.\n\n“Second one.”"]),  # one quotation over two paragraphs (the news convention)
    ("Amazon’s employees’ letter has no quotes.", []),
    ("Some sites write ”like this” on both sides.", ["”like this”"]),
])
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


# --- finding passages despite small edits ---------------------------------------------


@pytest.mark.parametrize(("variant", "n_words"), [
    (BEZOS, 25),  # identical
    (BEZOS.replace("U.S.", "US"), 24),  # BI writes US, Recode U.S. (US is one word, U.S. two)
    (BEZOS.upper(), 25),  # case
    (BEZOS.replace(",", ";").replace("Defense", "Defense —"), 25),  # punctuation
    (BEZOS.replace("back", "backs"), 25),  # one changed word
    (BEZOS.replace("going to turn", "really going to turn"), 25),  # one added word
    # One dropped word near the start: ends extend only while words agree, so
    # the passage starts after the change ("If big" is left out): 25 - 1 - 2.
    (BEZOS.replace("tech companies are", "companies are"), 22),
])
def test_passage_found_despite_small_edits(variant, n_words):
    passages = find_reuse(_pair(f"Bezos said: “{BEZOS}.” Then he left the stage.",
                                f'Earlier, "{variant}," Bezos told the audience.'))
    assert len(passages) == 1
    row = passages.iloc[0]
    assert row["n_words"] == n_words  # the shorter span, in the kit's words
    assert row["quoted"] == "both"
    assert row["text_a"].endswith("going to be in trouble")
    assert row["text_b"].lower().endswith("going to be in trouble")


def test_hyphenated_and_split_words_match():
    passages = find_reuse(_pair(
        "Amazon faced controversy over some uses of its AI-powered facial recognition product Rekognition.",
        "Last year Amazon faced controversy over some uses of its AI powered facial recognition product Rekognition."))
    assert passages["n_words"].tolist() == [13]  # "AI-powered" is one word in the first article
    assert passages.loc[0, "similarity"] == 1.0


def test_too_many_changes_break_the_passage():
    words = BEZOS.split()
    every_fourth = " ".join(w if k % 4 else "X" for k, w in enumerate(words))
    assert find_reuse(_pair(BEZOS, every_fourth)).empty


@pytest.mark.parametrize(("min_words", "found"), [(8, 1), (10, 1), (11, 0)])
def test_min_words(min_words, found):
    shared = "the data firm Palantir does business with the immigration agency"  # 10 words
    passages = find_reuse(_pair(f"One. {shared}. Two.", f"Three, {shared}, four."), min_words=min_words)
    assert len(passages) == found


@pytest.mark.parametrize(("text_a", "text_b", "quoted", "flags"), [
    (f"“{BEZOS}”", f"“{BEZOS}”", "both", (True, True)),
    (f"“{BEZOS}”", f"He wrote that {BEZOS}.", "one", (True, False)),
    (f"He wrote that {BEZOS}.", f"He wrote that {BEZOS}.", "neither", (False, False)),
])
def test_quotation_status(text_a, text_b, quoted, flags):
    row = find_reuse(_pair(text_a, text_b)).iloc[0]
    assert (row["quoted"], row["quoted_a"], row["quoted_b"]) == (quoted, *flags)


def test_passage_is_split_where_the_quotation_ends():
    prose = "Hundreds of employees signed a letter asking Amazon to stop selling Rekognition, citing"
    quote = "historic militarization of police and renewed targeting of Black activists across the country"
    passages = find_reuse(_pair(f"{prose} “{quote}.”", f"In June, {prose} “{quote}”, they said."))
    assert passages[["quoted", "n_words"]].values.tolist() == [["neither", 13], ["both", 13]]
    assert passages.loc[0, "text_a"] == prose


def test_quotes_table_replaces_built_in_detection():
    corpus = _pair(f"He wrote that {BEZOS}.", f"He wrote that {BEZOS}.")
    start = corpus.loc[0, "text"].index("If")
    quotes = pd.DataFrame({"article_id": ["a"], "start": [start], "end": [start + len(BEZOS)]})
    row = find_reuse(corpus, quotes=quotes).iloc[0]
    assert (row["quoted"], row["quoted_a"], row["quoted_b"]) == ("one", True, False)


def test_repeated_passage_is_found_at_each_place():
    letter = "We refuse to build the platform that powers ICE and we refuse to contribute"
    passages = find_reuse(_pair(f"“{letter}.”", f"“{letter}.” More text here. “{letter}.”"))
    assert len(passages) == 2
    # b is: “ letter .” (space) More text here. (space) “ letter .”
    assert passages["start_b"].tolist() == [1, 1 + len(letter) + 2 + len(" More text here. ") + 1]


def test_offsets_point_into_clean_text():
    corpus = _pair(f"Intro words here. {BEZOS}.", f"{BEZOS}! Other words follow.")
    row = find_reuse(corpus).iloc[0]
    assert corpus.loc[0, "text"][row["start_a"]:row["end_a"]] == row["text_a"] == BEZOS
    assert corpus.loc[1, "text"][row["start_b"]:row["end_b"]] == row["text_b"] == BEZOS
    assert list(find_reuse(corpus).columns) == list(REUSE_COLUMNS)


def test_index_compares_only_pairs_that_share_an_ngram():
    unrelated = [" ".join(_letters(100 * k + j) for j in range(12)) for k in range(30)]  # no shared words
    texts = unrelated + [f"One copy: {BEZOS}.", f"Another copy: {BEZOS}."]
    corpus = pd.DataFrame({"article_id": [f"d{k}" for k in range(32)], "text": texts})
    passages = find_reuse(corpus)
    assert passages[["article_id_a", "article_id_b"]].values.tolist() == [["d30", "d31"]]
    assert passages.attrs["pairs_possible"] == 32 * 31 // 2
    assert passages.attrs["pairs_compared"] == 1


def test_max_articles_skips_boilerplate_and_warns():
    corpus = pd.DataFrame({"article_id": list("abc"), "text": [f"{BEZOS}."] * 3})
    with pytest.warns(CorpusWarning, match=r"ignored \d+ n-gram\(s\) found in more than 2 articles"):
        assert find_reuse(corpus, max_articles=2).empty
    assert len(find_reuse(corpus)) == 3


def test_duplicate_ids_are_an_error():
    with pytest.raises(CorpusError, match=r"article_id 'a' appears more than once; give every article its own id"):
        find_reuse(pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]}))


def test_missing_column_is_named():
    with pytest.raises(ValueError, match=r"find_reuse\(\) needs column 'text'"):
        find_reuse(pd.DataFrame({"article_id": ["a"]}))


@pytest.mark.parametrize("option", [{"n": 0}, {"min_words": -1}, {"max_gap": -1}, {"n": 2.5}])
def test_bad_options(option):
    with pytest.raises(ValueError, match=f"^The '{next(iter(option))}' parameter of find_reuse must be a"):
        find_reuse(_pair("a", "b"), **option)


def test_article_without_text_is_counted_in_a_warning():
    corpus = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [BEZOS, None, BEZOS]})
    with pytest.warns(CorpusWarning, match="1 article"):
        passages = find_reuse(corpus)
    assert passages[["article_id_a", "article_id_b"]].values.tolist() == [["a", "c"]]


def test_input_is_not_mutated():
    corpus = _pair(BEZOS, BEZOS)
    before = corpus.copy()
    find_reuse(corpus)
    pd.testing.assert_frame_equal(corpus, before)


# --- pairs, direction, marks ----------------------------------------------------------


def _dated(published, estimated, texts=(f"Intro. {BEZOS}.", f"{BEZOS}. And ten more words of our very own here now.")):
    return pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "via": ["A", "Network (syndication)"],
                         "text": list(texts), "published": pd.to_datetime(published),
                         "date_estimated": estimated})


def test_pair_shares_by_hand():
    corpus = _dated(["2018-11-05", "2018-11-09"], [False, False])
    pairs = reuse_pairs(find_reuse(corpus), corpus)
    # a: "Intro" + 25 words -> 25/26; b: 25 + 10 own words -> 25/35; quoted in neither, so all prose.
    row = pairs.iloc[0]
    assert (row["n_passages"], row["n_prose_passages"]) == (1, 1)
    assert row["share_a"] == round(25 / 26, 4) and row["share_b"] == round(25 / 35, 4)
    assert (row["prose_share_a"], row["prose_share_b"]) == (row["share_a"], row["share_b"])


def test_quotation_in_both_is_not_prose():
    corpus = _dated(["2018-11-05", "2018-11-09"], [False, False], texts=(f"“{BEZOS}.”", f"“{BEZOS}.”"))
    row = reuse_pairs(find_reuse(corpus), corpus).iloc[0]
    assert (row["share_a"], row["prose_share_a"], row["n_prose_passages"]) == (1.0, 0.0, 0)


@pytest.mark.parametrize(("published", "estimated", "direction", "source", "basis"), [
    (["2018-11-05", "2018-11-09"], [False, False], "a->b", "a", "published earlier"),
    (["2018-11-09", "2018-11-05"], [False, False], "b->a", "b", "published earlier"),
    (["2018-11-05", "2018-11-05"], [False, False], "unknown", None, "published the same day"),
    (["2018-11-05", "2018-11-09"], [False, True], "unknown", None, "a publication date is estimated"),
    (["2018-11-05", None], [False, False], "unknown", None, "a publication date is missing"),
])
def test_direction(published, estimated, direction, source, basis):
    corpus = _dated(published, estimated)
    row = reuse_pairs(find_reuse(corpus), corpus).iloc[0]
    assert row["direction"] == direction and row["direction_basis"] == basis
    assert (pd.isna(row["probable_source"]) if source is None else row["probable_source"] == source)


def test_pairs_reject_passages_from_another_corpus():
    corpus = _dated(["2018-11-05", "2018-11-09"], [False, False])
    passages = find_reuse(corpus).assign(article_id_b="zzz")
    with pytest.raises(CorpusError, match=r"passages name article 'zzz', which is not in the corpus"):
        reuse_pairs(passages, corpus)


@pytest.mark.parametrize(("min_share", "reused_from", "partners"), [(0.5, ["", "a"], ["b", "a"]),
                                                                   (0.8, ["", ""], ["b", ""])])  # b shares 0.71
def test_marks(min_share, reused_from, partners):
    corpus = _dated(["2018-11-05", "2018-11-09"], [False, False])
    marks = reuse_marks(reuse_pairs(find_reuse(corpus), corpus), corpus, min_share=min_share)
    assert marks["article_id"].tolist() == ["a", "b"]
    assert marks["syndicated"].tolist() == [False, True]  # b is carried by a network, not by B
    assert marks["reused_from"].tolist() == reused_from  # b (0.71 prose share) came later
    assert marks["shares_prose_with"].tolist() == partners
    assert marks["max_prose_share"].tolist() == [round(25 / 26, 4), round(25 / 35, 4)]


def test_share_matrix_is_directional():
    pairs = pd.DataFrame({"article_id_a": ["a"], "article_id_b": ["b"], "share_a": [0.96], "share_b": [0.7],
                          "prose_share_a": [0.0], "prose_share_b": [0.0]})
    matrix = share_matrix(pairs, ["a", "b", "c"])
    assert matrix.loc["a", "b"] == 0.96 and matrix.loc["b", "a"] == 0.7
    assert matrix.loc["c"].fillna(-1).tolist() == [0.0, 0.0, -1]
    assert share_matrix(pairs, ["a", "b"], value="prose_share").loc["a", "b"] == 0.0


# --- the five shipped articles --------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_reuse(shipped_corpus):
    ids = dict(zip(shipped_corpus["outlet"], shipped_corpus["article_id"], strict=True))
    return find_reuse(shipped_corpus), ids


def _passages_between(passages, id_1, id_2):
    pair = {id_1, id_2}
    return passages[[{a, b} == pair for a, b in zip(passages["article_id_a"], passages["article_id_b"])]]


def _both_texts(rows):
    return " ".join(rows["text_a"]) + " " + " ".join(rows["text_b"])


@pytest.mark.parametrize(("outlet_1", "outlet_2", "phrase", "quoted"), [
    # the employees' letter, quoted by several outlets
    ("Forbes", "Tech Observer", "Our company should not be in the surveillance business", "both"),
    ("Forbes", "Packt Hub", "we should not be in the business of supporting those who monitor", "both"),
    ("Forbes", "Tech Observer", "we demand a choice in what we build", "both"),
    # the Bezos quotation: BI writes "US", Recode and Packt Hub "U.S."
    ("Business Insider", "Recode", "If big tech companies are going to turn their back on the", "both"),
    ("Business Insider", "Packt Hub", "Department of Defense, this country is going to be in trouble", "both"),
    ("Recode", "Packt Hub", "If big tech companies are going to turn their back on the U.S. Department", "both"),
    # Packt Hub's prose taken from Recode outside quotation marks
    ("Recode", "Packt Hub",
     "faced controversy over some uses of its AI-powered facial recognition product, Rekognition", "neither"),
    ("Recode", "Packt Hub", "commercial relationship with the data firm Palantir, which does business with the U.S. "
     "Immigration and Customs Enforcement", "neither"),
    ("Recode", "Packt Hub", "found that the software incorrectly matched 28 members of Congress", "neither"),
    ("Recode", "Packt Hub", "including six members of the Congressional Black Caucus", "neither"),
])
def test_shipped_reuse_found(shipped_reuse, outlet_1, outlet_2, phrase, quoted):
    passages, ids = shipped_reuse
    rows = _passages_between(passages, ids[outlet_1], ids[outlet_2])
    hits = rows[[phrase in a or phrase in b for a, b in zip(rows["text_a"], rows["text_b"])]]
    assert len(hits) >= 1, f"not found: {phrase!r} in {_both_texts(rows)[:300]!r}"
    assert set(hits["quoted"]) == {quoted}


def test_shipped_letter_not_counted_as_prose(shipped_corpus, shipped_reuse):
    passages, ids = shipped_reuse
    pairs = reuse_pairs(passages, shipped_corpus).set_index(["article_id_a", "article_id_b"])
    forbes_to = pairs.loc[(ids["Forbes"], ids["Tech Observer"])]
    assert forbes_to["share_a"] > 0.1 and forbes_to["prose_share_a"] == 0.0
    recode_packt = pairs.loc[(ids["Recode"], ids["Packt Hub"])]
    assert recode_packt["prose_share_b"] > 0.25  # Packt Hub: over a quarter of its words is Recode's prose
    assert set(pairs["direction"]) == {"unknown"}  # four of the five dates are estimates


def test_shipped_passage_lengths_are_kit_word_counts(shipped_reuse):
    passages, _ = shipped_reuse
    expected = [min(count_words(a), count_words(b)) for a, b in zip(passages["text_a"], passages["text_b"])]
    assert passages["n_words"].tolist() == expected
    assert passages["n_words"].min() >= 8


# --- scale: boilerplate cut-off, exact grouping, vectorised chaining ------------------

NEWSLETTER = "Subscribe to our newsletter for the latest technology news every morning"  # 11 words
LETTER = "Amazon employees asked Jeff Bezos to stop selling facial recognition to police"  # 12 words


def _boilerplate_corpus() -> pd.DataFrame:
    # Every article carries the newsletter line; only a and b share the letter, right after it.
    return pd.DataFrame({"article_id": list("abcd"), "text": [
        f"{NEWSLETTER}. {LETTER}. The letter had hundreds of signatures.",
        f"{NEWSLETTER}. {LETTER}! Shareholders raised the same concern in May.",
        f"{NEWSLETTER}. Something else entirely happened at Google this week.",
        f"{NEWSLETTER}. Microsoft staff wrote a similar letter about ICE.",
    ]})


@pytest.mark.parametrize(("n_articles", "cutoff"), [(1, 50), (50, 50), (5_000, 50), (5_001, 51), (10_000, 100),
                                                    (12_345, 124)])
def test_boilerplate_cutoff(n_articles, cutoff):
    assert boilerplate_cutoff(n_articles) == cutoff


def test_boilerplate_words_neither_seed_nor_extend_a_passage():
    with pytest.warns(CorpusWarning, match=r"ignored 7 n-gram\(s\) found in more than 2 articles"):  # 11 - 5 + 1
        passages = find_reuse(_boilerplate_corpus(), max_articles=2)
    assert passages[["article_id_a", "article_id_b", "text_a", "text_b", "n_words"]].values.tolist() == [
        ["a", "b", LETTER, LETTER, 12]]
    assert passages.attrs["pairs_compared"] == 1  # c and d share only boilerplate: never aligned


def test_without_cutoff_the_boilerplate_is_shared_text():
    passages = find_reuse(_boilerplate_corpus())
    assert passages["n_words"].tolist() == [11 + 12, 11, 11, 11, 11, 11]  # a-b: newsletter and letter in one passage
    assert passages.attrs["pairs_compared"] == 6


@pytest.mark.parametrize("value", [0, -1, 2.5, True, "50"])
def test_bad_max_articles(value):
    with pytest.raises(ValueError, match=r"^The 'max_articles' parameter of find_reuse must be a positive int or None\. Got "):
        find_reuse(_pair("a", "b"), max_articles=value)


def test_outlet_tables_applies_the_cutoff_only_past_50_articles():
    from coverage.compare.outlets import outlet_tables
    from coverage.text.sentences import split_sentences

    def corpus(n):
        return pd.DataFrame({
            "article_id": [f"x{k}" for k in range(n)], "outlet": [f"O{k % 3}" for k in range(n)],
            "via": "", "published": pd.Timestamp("2018-06-01"), "date_estimated": False, "body_start": 0,
            "text": [f"{NEWSLETTER}. Story {_letters(k)} told in words of its own." for k in range(n)]})

    small = corpus(50)
    assert len(outlet_tables(small, split_sentences(small))["reuse"]) == 50 * 49 // 2  # every pair shares it
    big = corpus(51)
    with pytest.warns(CorpusWarning, match=r"found in more than 50 articles as boilerplate"):
        assert outlet_tables(big, split_sentences(big))["reuse"].empty
    assert len(outlet_tables(big, split_sentences(big), max_articles=51)["reuse"]) == 51 * 50 // 2


def test_hash_collisions_cannot_pair_different_ngrams(shipped_corpus, shipped_reuse, monkeypatch):
    import numpy as np

    import coverage.reuse.seeds as reuse_module

    # With base 0 an n-gram's hash is its last word: thousands of collisions, same passages.
    monkeypatch.setattr(reuse_module, "HASH_BASE", np.uint64(0))
    pd.testing.assert_frame_equal(find_reuse(shipped_corpus), shipped_reuse[0])


def _reference_passages(corpus: pd.DataFrame, *, n: int, max_gap: int) -> list[tuple]:
    """The alignment done the slow way: seeds from dicts, one greedy loop per pair, seed by seed."""
    import numpy as np

    from coverage.reuse.find import Tokens, quote_spans
    from coverage.reuse.align import _quote_runs

    texts = corpus["text"].tolist()
    marked = [(d, s, e) for d, text in enumerate(texts) for s, e in quote_spans(text)]
    tokens = Tokens(texts, tuple(np.array(column, dtype=np.int64) for column in zip(*marked)))
    seqs = [tokens.seq(d) for d in range(len(texts))]
    where: dict[tuple, dict[int, list[int]]] = {}
    for d, seq in enumerate(seqs):
        for i in range(len(seq) - n + 1):
            where.setdefault(tuple(seq[i:i + n]), {}).setdefault(d, []).append(i)
    seeds: dict[tuple, list] = {}
    for by_doc in where.values():
        for a in by_doc:
            for b in by_doc:
                if a < b:
                    seeds.setdefault((a, b), []).extend((i, j) for i in by_doc[a] for j in by_doc[b])
    found = []
    for (a, b), pair_seeds in sorted(seeds.items()):
        reach, open_chains, done = n + max_gap, [], []
        for i, j in sorted(pair_seeds):
            still_open, best = [], None
            for chain in open_chains:
                if i - chain["i"] > reach:
                    done.append(chain)
                    continue
                still_open.append(chain)
                di, dj = i - chain["i"], j - chain["j"]
                if 0 < di and 0 < dj <= reach and abs(di - dj) <= max_gap and (
                        best is None or abs(di - dj) < abs(best["i"] - best["j"] - (i - j))):
                    best = chain
            open_chains = still_open
            if best is None:
                best = {"pairs": {}}
                open_chains.append(best)
            for k in range(n):
                best["pairs"].setdefault(i + k, j + k)
            best["i"], best["j"] = i, j
        extended = []
        for chain in done + open_chains:
            aligned = sorted(chain["pairs"].items())
            while aligned[0][0] > 0 and aligned[0][1] > 0 and seqs[a][aligned[0][0] - 1] == seqs[b][aligned[0][1] - 1]:
                aligned.insert(0, (aligned[0][0] - 1, aligned[0][1] - 1))
            while (aligned[-1][0] + 1 < len(seqs[a]) and aligned[-1][1] + 1 < len(seqs[b])
                   and seqs[a][aligned[-1][0] + 1] == seqs[b][aligned[-1][1] + 1]):
                aligned.append((aligned[-1][0] + 1, aligned[-1][1] + 1))
            monotone = []
            for i, j in aligned:
                if not monotone or j > monotone[-1][1]:
                    monotone.append((i, j))
            extended.append(monotone)
        kept = []
        for aligned in sorted(extended, key=len, reverse=True):
            if not any(_inside_reference(aligned, other) for other in kept):
                kept.append(aligned)
        for aligned in sorted(kept):
            status = [(bool(tokens.quoted[tokens.base[a] + i]), bool(tokens.quoted[tokens.base[b] + j]))
                      for i, j in aligned]
            for (qa, qb), first, last in _quote_runs(status, n=n):
                (i0, j0), (i1, j1) = aligned[first], aligned[last]
                found.append((corpus["article_id"].iloc[a], corpus["article_id"].iloc[b],
                              int(tokens.starts[tokens.base[a] + i0]), int(tokens.ends[tokens.base[a] + i1]),
                              int(tokens.starts[tokens.base[b] + j0]), int(tokens.ends[tokens.base[b] + j1]), qa, qb))
    return found


def _inside_reference(aligned, other) -> bool:
    def share(lo, hi, olo, ohi):
        return max(0, min(hi, ohi) - max(lo, olo) + 1) / (hi - lo + 1)

    return (share(aligned[0][0], aligned[-1][0], other[0][0], other[-1][0]) > 0.5
            and share(aligned[0][1], aligned[-1][1], other[0][1], other[-1][1]) > 0.5)


def _edited_copies(shipped: pd.DataFrame, *, seed: int, n_articles: int = 16) -> pd.DataFrame:
    """Articles of shipped paragraphs, each copy with words dropped, added and changed at random."""
    import random

    rng = random.Random(seed)
    paragraphs = [p for text in shipped["text"] for p in text.split("\n\n") if len(p.split()) >= 12]
    texts = []
    for _ in range(n_articles):
        parts = []
        for paragraph in rng.sample(paragraphs, 4):
            words = []
            for word in paragraph.split():
                roll = rng.random()
                if roll < 0.06:
                    continue  # dropped
                words.append(_letters(rng.randrange(50)) if roll < 0.12 else word)  # changed
                if rng.random() < 0.06:
                    words.append(rng.choice(["really", "also", "the", "said"]))  # added
            parts.append(" ".join(words))
        texts.append("\n\n".join(parts))
    # Chants from a three-word vocabulary: echoes on many nearby and distant diagonals.
    texts += [" ".join(rng.choice(["no", "tech", "for"]) for _ in range(rng.randrange(30, 60))) for _ in range(6)]
    return pd.DataFrame({"article_id": [f"e{k}" for k in range(len(texts))], "text": texts})


@pytest.mark.parametrize(("seed", "n", "max_gap", "n_articles"), [
    (0, 5, 3, 16), (1, 5, 3, 16), (2, 3, 1, 16), (3, 4, 0, 16), (4, 5, 6, 16),
    # found by fuzzing: tie-breaks between equally long echoes and between equally near chains
    (6, 2, 2, 6), (1, 3, 1, 6)])
def test_vectorised_alignment_matches_the_seed_by_seed_loop(shipped_corpus, seed, n, max_gap, n_articles):
    # Copies with words dropped, added and changed, plus chants of three words:
    # gaps, shifted diagonals and echoes, so both the vectorised path and the
    # seed-by-seed one run.
    corpus = _edited_copies(shipped_corpus, seed=seed, n_articles=n_articles)
    columns = ["article_id_a", "article_id_b", "start_a", "end_a", "start_b", "end_b", "quoted_a", "quoted_b"]
    got = [tuple(row) for row in find_reuse(corpus, n=n, max_gap=max_gap, min_words=1)[columns].itertuples(index=False)]
    assert got == _reference_passages(corpus, n=n, max_gap=max_gap)
    assert len(got) > 40


def test_pair_shares_count_overlapping_passages_once():
    corpus = pd.DataFrame({"article_id": ["x", "y", "z"], "outlet": ["X", "Y", "Z"],
                           "text": ["w0 w1 w2 w3 w4 w5 w6 w7 w8 w9", "v0 v1 v2 v3", "u0 u1 u2 u3 u4"],
                           "published": pd.to_datetime(["2018-06-01", "2018-06-02", "2018-06-03"]),
                           "date_estimated": False})
    # x/y: x words 0-4 and 3-7 overlap (8 of 10 words), y words 0-1 twice (2 of 4);
    # x/z, listed first and quoted in both: all of z's five words, no prose.
    passages = pd.DataFrame({
        "article_id_a": ["x", "x", "x"], "article_id_b": ["z", "y", "y"],
        "start_a": [0, 0, 9], "end_a": [2, 14, 23], "start_b": [0, 0, 0], "end_b": [14, 5, 5],
        "quoted": ["both", "neither", "one"]})
    pairs = reuse_pairs(passages, corpus)
    assert pairs[["article_id_a", "article_id_b", "n_passages", "n_prose_passages"]].values.tolist() == [
        ["x", "y", 2, 2], ["x", "z", 1, 0]]
    assert pairs[["share_a", "share_b", "prose_share_a", "prose_share_b"]].values.tolist() == [
        [0.8, 0.5, 0.8, 0.5], [0.1, 1.0, 0.0, 0.0]]
    pd.testing.assert_frame_equal(reuse_pairs(passages.iloc[::-1], corpus), pairs)  # order of passages is irrelevant


def test_share_matrix_rejects_repeated_ids():
    pairs = pd.DataFrame({"article_id_a": ["a"], "article_id_b": ["b"], "share_a": [0.5], "share_b": [0.5]})
    with pytest.raises(ValueError, match=r"article 'a' appears twice in article_ids"):
        share_matrix(pairs, ["a", "b", "a"])


def _old_echo_filter(ordered, span):
    """The echo filter as it was: every chain against every chain kept before it (quadratic)."""
    from coverage.reuse.align import _inside

    kept = []
    for c in ordered:
        if not any(_inside(span[c], span[k]) for k in kept):
            kept.append(c)
    return kept


@pytest.mark.parametrize("bucket", [1, 4, 64])
@pytest.mark.parametrize("seed", range(6))
def test_echo_filter_matches_the_all_pairs_loop(monkeypatch, seed, bucket):
    # Random chains crowded into a small square, so many lie partly or mostly
    # inside others, across bucket edges; narrow buckets file long chains many times.
    import random

    from coverage.reuse import align as reuse_align

    monkeypatch.setattr(reuse_align, "_BUCKET", bucket)
    rng = random.Random(seed)
    span = []
    for _ in range(300):
        i0, j0 = rng.randrange(200), rng.randrange(200)
        span.append((i0, i0 + rng.randrange(40), j0, j0 + rng.randrange(40)))
    ordered = rng.sample(range(len(span)), len(span))
    got = reuse_align._not_echoes(ordered, span)
    assert got == _old_echo_filter(ordered, span)
    assert 30 < len(got) < 300  # both outcomes occur


def test_repeated_sentences_match_the_seed_by_seed_loop():
    # The shape of a scraped page pasted as one article: two sentences over and
    # over (every copy a chain of the same pair), a short article quoting them,
    # and a second copy of the page with one sentence changed in every fifth copy.
    pair = "Amazon workers asked Bezos to stop selling Rekognition to police. The company said it would not. "
    varied = "".join(pair.replace("not", "never") if k % 5 == 0 else pair for k in range(25))
    corpus = pd.DataFrame({"article_id": ["page", "quote", "copy"],
                           "text": [pair * 40, f"He said: “{pair.strip()}” That was all.", varied]})
    columns = ["article_id_a", "article_id_b", "start_a", "end_a", "start_b", "end_b", "quoted_a", "quoted_b"]
    got = [tuple(row) for row in find_reuse(corpus, min_words=1)[columns].itertuples(index=False)]
    assert got == _reference_passages(corpus, n=5, max_gap=3)
    assert sum(row[:2] == ("page", "quote") for row in got) == 40  # one passage per copy on the page
