"""Text reuse: passages two articles share, whether each is quoted, and who copied whom."""

from coverage.reuse.find import REUSE_COLUMNS, boilerplate_cutoff, find_reuse
from coverage.reuse.summary import reuse_marks, reuse_pairs, share_matrix

__all__ = ["REUSE_COLUMNS", "boilerplate_cutoff", "find_reuse", "reuse_marks", "reuse_pairs", "share_matrix"]
