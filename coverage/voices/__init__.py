"""Who speaks: direct quotations, their speakers and roles, the voice of each sentence, and their evaluation."""

from coverage.voices.evaluate import align_annotations, read_annotations, score_quotes
from coverage.voices.ledger import mean_by_voice, quote_tables, sentence_voices, voice_ledger
from coverage.voices.quotes import extract_quotes
from coverage.voices.roles import ROLES, load_roles

__all__ = ["ROLES", "align_annotations", "extract_quotes", "load_roles", "mean_by_voice", "quote_tables",
           "read_annotations", "score_quotes", "sentence_voices", "voice_ledger"]
