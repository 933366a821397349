"""Measures of a sentence or an article: sentiment, frame vocabulary, readability, distinctive words.

Each measure is computed per sentence (or per word) first, so that every
article or outlet number can be traced to the sentences behind it
(:func:`kwic`). Its blind spots are stated in each function's docstring.
"""

from coverage.measures.frames import compare_frames, frame_rates, load_frame_lexicon, tag_frames
from coverage.measures.lexicon_agreement import frame_agreement
from coverage.measures.human_ratings import human_rating_correlations, read_vader_nyt
from coverage.measures.keyness import keyness, word_counts
from coverage.measures.keyword_context import KWIC_COLUMNS, kwic
from coverage.measures.readability import readability
from coverage.measures.sentence_features import framing_tables
from coverage.measures.sentiment import (
    CLEAR_THRESHOLDS,
    article_sentiment,
    compare_sentiment,
    score_sentences,
    score_texts,
    summarise_sentiment,
)

__all__ = ["CLEAR_THRESHOLDS", "KWIC_COLUMNS", "article_sentiment", "compare_frames", "compare_sentiment", "frame_agreement", "frame_rates",
           "framing_tables", "human_rating_correlations", "keyness", "kwic", "load_frame_lexicon", "read_vader_nyt",
           "readability", "score_sentences", "score_texts", "summarise_sentiment", "tag_frames", "word_counts"]
