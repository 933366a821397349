"""Text reuse updated from the last run: always the result of a full search."""

from __future__ import annotations

import hashlib
import random
import warnings

import numpy as np
import pandas as pd
import pytest

import coverage._engine.reuse_scan as reuse_scan
from coverage._engine.stages import find_reuse_again
from coverage._engine.reuse_memo import ReuseMemo
from coverage.reuse.tokens import reuse_tokens

VOCABULARY = [f"w{k}" for k in range(400)]


def _sentence(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(n_words)).capitalize() + "."


def _corpus(seed: int, n_articles: int, *, prefix: str = "a") -> pd.DataFrame:
    """Own prose, stories two or three articles share (one word changed, some quoted), boilerplate most carry."""
    rng = random.Random(seed)
    stories = [" ".join(_sentence(rng, 12) for _ in range(2)) for _ in range(max(2, n_articles // 3))]
    furniture = ["Sign up for our newsletter to get the best of the week in your inbox every day.",
                 "Follow us on social media for more stories like this one and share it with friends."]
    texts = []
    for k in range(n_articles):
        paragraphs = [_sentence(rng, rng.randrange(8, 20)) for _ in range(rng.randrange(1, 3))]
        if rng.random() < 0.7:
            words = rng.choice(stories).split()
            words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
            story = " ".join(words)
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), f"“{story}”" if rng.random() < 0.3 else story)
        # Furniture in every second and every third article: far above a cut-off of 8 in 40 articles.
        paragraphs += [line for line, every in zip(furniture, (2, 3)) if k % every == 0]
        texts.append("\n\n".join(paragraphs))
    return pd.DataFrame({"article_id": [f"{prefix}{k:03d}" for k in range(n_articles)], "text": texts})


def _keys(corpus: pd.DataFrame) -> dict[str, str]:
    return {a: hashlib.sha256(f"{a}\0{t}".encode()).hexdigest() for a, t in zip(corpus["article_id"], corpus["text"])}


def _insert(corpus: pd.DataFrame, added: pd.DataFrame, seed: int) -> pd.DataFrame:
    rows = corpus.to_dict("records")
    rng = random.Random(seed)
    for row in added.to_dict("records"):
        rows.insert(rng.randrange(len(rows) + 1), row)
    return pd.DataFrame(rows)


def _grown(seed: int, n_old: int, n_added: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A corpus, and the same with articles added in random places (sharing its stories and furniture)."""
    every = _corpus(seed, n_old + n_added)
    old = every.iloc[:n_old].reset_index(drop=True)
    rng = random.Random(seed)
    # Each new article also repeats a paragraph of an old one: at least one new pair shares a passage.
    paragraphs = [p for text in old["text"] for p in text.split("\n\n")]
    own = sorted({p for p in paragraphs if paragraphs.count(p) == 1 and len(p.split()) >= 10})
    copied = [rng.choice(own) for _ in range(n_added)]
    added = every.iloc[n_old:].assign(article_id=[f"new{k}" for k in range(n_added)],
                                      text=[f"{t}\n\n{c}" for t, c in zip(every["text"].iloc[n_old:], copied)])
    return old, _insert(old, added, seed)


def _search(corpus, memo=None, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return find_reuse_again(corpus, tokens=reuse_tokens(corpus), memo=memo, **options)


def _same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs == expected.attrs


def _update(old, new, *, through_disk=None, with_removed=False, **options):
    """Search ``old`` with a memo, then ``new`` with it; return (updated result, full search, memo).

    ``with_removed`` gives the memo the words of the articles that left, as the pipeline does.
    """
    memo = ReuseMemo(_keys(old))
    _same(_search(old, memo, **options), _search(old, **options))
    if through_disk is not None:
        memo.write(through_disk)
        memo = ReuseMemo.read(through_disk, keys=_keys(new))
    memo.keys = _keys(new)
    if with_removed:
        _with_removed(memo, old)
    return _search(new, memo, **options), _search(new, **options), memo


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n_added", [1, 3])
def test_adding_articles_updates_to_the_full_result(seed, n_added):
    old, new = _grown(seed, 40, n_added)
    got, expected, memo = _update(old, new, max_articles=8)
    assert memo.updated_
    _same(got, expected)
    assert len(expected) > 10  # something to find, in old pairs and new ones
    assert expected["article_id_a"].str.startswith("new").any() or expected["article_id_b"].str.startswith("new").any()


@pytest.mark.parametrize("seed", range(3))
def test_updates_in_a_row_and_through_the_disk(seed, tmp_path):
    corpus = _corpus(seed, 30)
    memo = ReuseMemo(_keys(corpus))
    _search(corpus, memo, max_articles=8)
    for round_ in range(4):
        corpus = _insert(corpus, _corpus(seed, 31 + round_).iloc[-1:].assign(article_id=f"r{round_}"), round_)
        memo.write(tmp_path)
        memo = ReuseMemo.read(tmp_path, keys=_keys(corpus))
        got = _search(corpus, memo, max_articles=8)
        assert memo.updated_
        _same(got, _search(corpus, max_articles=8))


def test_quotation_table_and_builtin_quotes():
    old, new = _grown(7, 30, 1)
    quotes = pd.DataFrame({"article_id": ["a001", "new0", "a005"], "start": [0, 3, 10], "end": [60, 80, 90]})
    got, expected, memo = _update(old, new, quotes=quotes)
    assert memo.updated_
    _same(got, expected)
    # Quotations found by the kit in one run, given as a table in the next: searched again.
    memo.keys = _keys(new)
    _same(_search(new, memo, quotes=quotes), _search(new, quotes=quotes))
    assert memo.updated_
    _search(new, memo)
    assert not memo.updated_


def test_nothing_changed_gives_the_same_table():
    corpus = _corpus(3, 30)
    got, expected, memo = _update(corpus, corpus, max_articles=5)
    assert memo.updated_
    _same(got, expected)


@pytest.mark.parametrize("change", ["removed", "text changed", "other n", "other min_words", "no key"])
def test_other_changes_search_everything(change):
    old = _corpus(4, 30)
    new, options = old, {"max_articles": 6}
    if change == "removed":
        new = old.drop(index=5).reset_index(drop=True)
    elif change == "text changed":
        new = old.assign(text=old["text"].where(old.index != 3, old["text"] + " Extra words here now."))
    got, expected, memo = _update(old, new, **options)
    if change.startswith("other"):
        option = change.split()[1]
        memo.keys = _keys(new)
        got = _search(new, memo, **options, **{option: 4})
        expected = _search(new, **options, **{option: 4})
    elif change == "no key":
        memo.keys = {}
        got = _search(new, memo, **options)
    assert not memo.updated_
    _same(got, expected)


def _boilerplate_corpus(n_carrying: int, n_other: int) -> pd.DataFrame:
    """A paragraph carried by ``n_carrying`` articles, each with its own sentence too."""
    rng = random.Random(0)
    paragraph = "The same paragraph of site furniture appears in this many articles of the corpus."
    texts = [f"{_sentence(rng, 10)}\n\n{paragraph}" for _ in range(n_carrying)]
    texts += [_sentence(rng, 12) for _ in range(n_other)]
    return pd.DataFrame({"article_id": [f"b{k:02d}" for k in range(len(texts))], "text": texts})


@pytest.mark.parametrize(("carrying", "carried", "cutoff", "new_cutoff", "updated"), [
    (5, True, 5, 5, True),  # the new article makes the paragraph boilerplate (6 > 5): old masks change
    (6, True, 5, 5, True),  # boilerplate before and after
    (3, True, 5, 5, True),  # in 4 articles, under the cut-off
    (6, True, 5, 6, True),  # the cut-off moves, the paragraph moves with it (7 > 6)
    (6, False, 5, 6, True),  # the cut-off moves past the paragraph's 6 articles: no longer boilerplate
    (3, False, 5, 6, True),  # the cut-off moves, no n-gram is counted between the two
    (6, False, 3, 7, True),  # moved up a long way: every n-gram that crosses it is in the table
    (6, False, 10, 5, True),  # moved down to the table's floor (n-grams in 5 or more articles are kept)
    (6, False, 10, 3, False),  # moved down below it: n-grams in 4 articles were not kept
    (6, False, None, 5, False),  # a cut-off where there was none: nothing was counted
    (6, False, 5, None, False),  # no cut-off where there was one
    (3, False, None, None, True),
])
def test_cut_off_crossed_or_moved(carrying, carried, cutoff, new_cutoff, updated):
    old = _boilerplate_corpus(carrying, 10)
    text = "A new sentence of its own here."
    if carried:
        text += "\n\nThe same paragraph of site furniture appears in this many articles of the corpus."
    new = _insert(old, pd.DataFrame({"article_id": ["new"], "text": [text]}), 1)
    memo = ReuseMemo(_keys(old))
    _search(old, memo, max_articles=cutoff)
    memo.keys = _keys(new)
    got = _search(new, memo, max_articles=new_cutoff)
    _same(got, _search(new, max_articles=new_cutoff))
    assert memo.updated_ is updated


def test_hash_collisions_search_everything(monkeypatch):
    # With base 0 an n-gram's hash is its last word: different n-grams collide and are told apart by their words.
    old, new = _grown(5, 30, 1)
    memo = ReuseMemo(_keys(old))
    _search(old, memo)
    monkeypatch.setattr(reuse_scan, "HASH_BASE", np.uint64(0))
    memo.keys = _keys(new)
    got = _search(new, memo)
    assert not memo.updated_
    _same(got, _search(new))


@pytest.mark.parametrize("damage", ["missing articles", "missing passages", "garbage", "other run"])
def test_a_damaged_memo_is_a_full_search(tmp_path, damage):
    old, new = _grown(9, 30, 1)
    memo = ReuseMemo(_keys(old))
    _search(old, memo)
    memo.write(tmp_path)
    if damage == "missing articles":
        (tmp_path / "articles.parquet").unlink()
    elif damage == "missing passages":
        (tmp_path / "passages.parquet").unlink()
    elif damage == "garbage":
        (tmp_path / "articles.parquet").write_bytes(b"PAR1 garbage")
    else:  # the passages of a later run, written before a crash
        kept = (tmp_path / "articles.parquet").read_bytes()
        memo.write(tmp_path)
        (tmp_path / "articles.parquet").write_bytes(kept)
    memo = ReuseMemo.read(tmp_path, keys=_keys(new))
    assert memo.state is None
    _same(_search(new, memo), _search(new))
    assert not memo.updated_


def test_many_new_articles_search_everything():
    old, new = _grown(11, 20, 6)  # 6 of 26: more than a fifth
    got, expected, memo = _update(old, new)
    assert not memo.updated_
    _same(got, expected)


def test_old_articles_keep_their_boilerplate_masked():
    # y tells a story followed by site furniture that ten articles carry (masked as boilerplate);
    # the new article tells it followed by the furniture's first four words only, which are not.
    # The passage must stop where y's masked words begin, as in a full search.
    furniture = "Read more of our reporting on the technology industry and its workers every single day here."
    story = "Amazon employees wrote to the chief executive about selling face recognition to the police."
    rng = random.Random(3)
    texts = [f"{_sentence(rng, 10)} {furniture}" for _ in range(10)] + [f"{story} {furniture}"]
    old = pd.DataFrame({"article_id": [f"o{k:02d}" for k in range(len(texts))], "text": texts})
    added = pd.DataFrame({"article_id": ["new"], "text": [f"{story} {' '.join(furniture.split()[:4])} and so on."]})
    new = _insert(old, added, 2)
    got, expected, memo = _update(old, new, max_articles=5)
    assert memo.updated_
    _same(got, expected)
    assert expected["n_words"].tolist() == [len(story.split())]


def _with_removed(memo: ReuseMemo, old: pd.DataFrame) -> None:
    """Give the memo the words of the last run's articles that left (as the pipeline does from its cache)."""
    tokens = reuse_tokens(old)
    by_key = dict(zip(_keys(old).values(), tokens["token_hash"]))
    memo.removed = {key: by_key[key] for key in memo.removed_keys()}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("change", ["removed", "changed", "removed and added", "two changed"])
def test_removed_and_changed_articles_update_to_the_full_result(seed, change):
    old, grown = _grown(seed, 40, 1)
    rng = random.Random(seed)
    victims = rng.sample(range(40), 2)
    if change == "removed":
        new = old.drop(index=victims[0]).reset_index(drop=True)
    elif change == "removed and added":
        new = grown[grown["article_id"] != old["article_id"][victims[0]]].reset_index(drop=True)
    else:  # a changed article keeps its id and place; its text (so its key) is new
        edited = old["text"].copy()
        for k in victims[:1 if change == "changed" else 2]:
            words = edited[k].split(" ")
            words[len(words) // 2] = "changed"
            edited[k] = " ".join(words)
        new = old.assign(text=edited)
    got, expected, memo = _update(old, new, with_removed=True, max_articles=8)
    assert memo.updated_
    _same(got, expected)
    # Without the removed articles' words there is nothing to take out: a full search.
    without, _, memo = _update(old, new, max_articles=8)
    _same(without, got)
    assert not memo.updated_


def test_removing_an_article_that_made_text_boilerplate():
    old = _boilerplate_corpus(6, 10)  # the paragraph is in 6 articles: boilerplate with a cut-off of 5
    new = old.drop(index=0).reset_index(drop=True)  # now in 5: no longer boilerplate, so shared text
    got, expected, memo = _update(old, new, with_removed=True, max_articles=5)
    assert memo.updated_
    _same(got, expected)
    assert len(got) == 5 * 4 // 2  # every pair of the five articles that carry it


def _stories_corpus(seed: int, n_articles: int = 30) -> pd.DataFrame:
    """Articles carrying stories that 3 to 7 of them share, around the cut-offs tried below."""
    rng = random.Random(seed)
    stories = [_sentence(rng, 14) for _ in range(8)]
    carriers = [rng.sample(range(n_articles), 3 + k % 5) for k in range(len(stories))]
    texts = []
    for a in range(n_articles):
        paragraphs = [_sentence(rng, 9)] + [s for s, c in zip(stories, carriers) if a in c]
        rng.shuffle(paragraphs)
        texts.append("\n\n".join(paragraphs))
    return pd.DataFrame({"article_id": [f"s{k:02d}" for k in range(n_articles)], "text": texts})


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("cutoff", [4, 5, 6])
@pytest.mark.parametrize("move", [-1, 0, 1])
@pytest.mark.parametrize("change", ["added", "removed", "changed"])
def test_n_grams_crossing_the_cut_off_are_updated_too(seed, cutoff, move, change):
    every = _stories_corpus(seed, 31)
    old = every.iloc[:30].reset_index(drop=True)
    if change == "added":  # carries stories of the others: their counts go up by one
        new = _insert(old, every.iloc[30:].assign(article_id="new"), seed)
    elif change == "removed":
        new = old.drop(index=seed).reset_index(drop=True)
    else:
        new = old.assign(text=old["text"].where(old.index != seed, every["text"][30]))
    memo = ReuseMemo(_keys(old))
    _search(old, memo, max_articles=cutoff)
    memo.keys = _keys(new)
    _with_removed(memo, old)
    got = _search(new, memo, max_articles=cutoff + move)
    assert memo.updated_
    _same(got, _search(new, max_articles=cutoff + move))
