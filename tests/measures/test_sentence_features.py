"""Tests of coverage.measures.sentence_features: the pipeline stage and its traceability guarantee."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coverage.measures.sentence_features import framing_tables
from coverage.measures.keyword_context import KWIC_COLUMNS
from coverage.schema import SENTENCE_COLUMNS


@pytest.fixture(scope="module")
def amazon_mentions(shipped_sentences):
    # Stand-in for coverage.stance.mentions.find_mentions (another helper's module):
    # sentences naming Amazon, computed independently here.
    hit = shipped_sentences["text"].str.contains(r"\bAmazon", regex=True)
    rows = shipped_sentences.loc[hit, ["article_id", "sentence_id"]]
    return pd.concat([rows, rows.head(3)], ignore_index=True)  # duplicates: several mentions per sentence


@pytest.fixture(scope="module")
def tables(shipped_corpus, shipped_sentences, amazon_mentions):
    return framing_tables(shipped_corpus, shipped_sentences, mentions=amazon_mentions)


def test_shapes_and_keys(tables, shipped_corpus, shipped_sentences):
    assert set(tables) == {"sentence_framing", "article_framing", "evidence"}
    sent = tables["sentence_framing"]
    assert len(sent) == len(shipped_sentences)
    assert sent[["article_id", "sentence_id"]].values.tolist() == shipped_sentences[["article_id", "sentence_id"]].values.tolist()
    assert "text" not in sent.columns
    for col in [c for c in SENTENCE_COLUMNS if c != "text"] + ["outlet", "textblob_polarity", "vader_compound",
                                                                 "surveillance_terms", "safety_terms", "frame_tag", "target"]:
        assert col in sent.columns
    arts = tables["article_framing"]
    assert sorted(arts["article_id"]) == sorted(shipped_corpus["article_id"])
    assert arts["article_id"].is_unique
    assert list(tables["evidence"].columns) == [*KWIC_COLUMNS, "target"]


def test_article_counts_equal_evidence_rows(tables):
    arts = tables["article_framing"].set_index("article_id")
    ev = tables["evidence"]
    for frame in ("surveillance", "safety"):
        whole = ev[ev["frame"] == frame].groupby("article_id").size().reindex(arts.index, fill_value=0)
        scoped = ev[(ev["frame"] == frame) & ev["target"]].groupby("article_id").size().reindex(arts.index, fill_value=0)
        assert (arts[f"{frame}_count"] == whole).all()
        assert (arts[f"target_{frame}_count"] == scoped).all()
    counted = ev["decision"] == "counted"
    assert int(arts["surveillance_count"].sum() + arts["safety_count"].sum()) == int(counted.sum())
    # Excluded rows are told apart by decision, have no frame, and say why.
    assert set(ev["decision"]) <= {"counted", "excluded"}
    assert ev.loc[~counted, "frame"].isna().all() and ev.loc[counted, "frame"].notna().all()
    assert ev["rule"].notna().all()


def test_target_columns_by_hand(tables, amazon_mentions, shipped_sentences):
    arts = tables["article_framing"].set_index("article_id")
    unique = amazon_mentions.drop_duplicates()
    n_target = unique.groupby("article_id").size().reindex(arts.index, fill_value=0)
    assert (arts["target_n_sentences"] == n_target).all()
    words = shipped_sentences.merge(unique, on=["article_id", "sentence_id"]).groupby("article_id")["n_words"].sum()
    assert (arts["target_n_words"] == words.reindex(arts.index, fill_value=0)).all()
    assert int(tables["sentence_framing"]["target"].sum()) == len(unique)


def test_sentiment_columns_match_the_sentence_table(tables):
    sent, arts = tables["sentence_framing"], tables["article_framing"].set_index("article_id")
    for article_id, group in sent.groupby("article_id"):
        expected = np.average(group["vader_compound"], weights=group["n_words"])
        assert arts.loc[article_id, "vader_compound"] == pytest.approx(expected)
        body = group[group["position"] == "body"]
        assert arts.loc[article_id, "body_textblob_polarity"] == pytest.approx(
            np.average(body["textblob_polarity"], weights=body["n_words"]))


def test_without_mentions_target_columns_are_missing(shipped_corpus, shipped_sentences):
    out = framing_tables(shipped_corpus, shipped_sentences)
    target_cols = [c for c in out["article_framing"].columns if c.startswith("target_")]
    assert len(target_cols) == 7
    assert out["article_framing"][target_cols].isna().all().all()
    assert out["sentence_framing"]["target"].isna().all()


def test_extra_sentence_columns_are_carried_for_by(shipped_corpus, shipped_sentences):
    voiced = shipped_sentences.assign(voice=np.where(shipped_sentences["text"].str.contains("“"), "quoted", "author"))
    out = framing_tables(shipped_corpus, voiced)
    assert out["sentence_framing"]["voice"].tolist() == voiced["voice"].tolist()


def test_article_without_sentences_keeps_a_row(shipped_corpus, shipped_sentences):
    first = shipped_corpus["article_id"].iloc[0]
    out = framing_tables(shipped_corpus, shipped_sentences[shipped_sentences["article_id"] != first])
    row = out["article_framing"].set_index("article_id").loc[first]
    assert (row["surveillance_count"], row["safety_count"]) == (0, 0)
    assert np.isnan(row["frame_balance"]) and np.isnan(row["vader_compound"])
