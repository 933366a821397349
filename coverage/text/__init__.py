"""Text units the measures count in: words, sentences and search terms."""

from coverage.text.sentences import sentence_spans, split_sentences
from coverage.text.terms import find_matches, term_regex
from coverage.text.tokens import count_words, word_spans, words

__all__ = ["count_words", "find_matches", "sentence_spans", "split_sentences", "term_regex", "word_spans", "words"]
