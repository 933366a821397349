"""Comparing groups and checking measures against people: bootstrap intervals, hand coding, reliability."""

from coverage.compare.coding import coding_sheet, collect_codes, read_codes, sample_sentences
from coverage.compare.intervals import compare_groups, interval_store, permutation_test_groups
from coverage.compare.outlets import outlet_tables
from coverage.compare.reliability import measure_agreement, reliability

__all__ = ["coding_sheet", "collect_codes", "compare_groups", "interval_store", "measure_agreement", "outlet_tables",
           "permutation_test_groups",
           "read_codes", "reliability", "sample_sentences"]
