"""Comparing groups and checking measures against people: units and periods of comparison, bootstrap intervals,
hand coding, reliability."""

from coverage.compare.coding import coding_sheet, collect_codes, read_codes, sample_sentences
from coverage.compare.intervals import compare_groups, interval_store, permutation_test_groups
from coverage.compare.measures import compare_measures
from coverage.compare.outlets import outlet_tables
from coverage.compare.periods import coverage_volume, period_table, read_periods
from coverage.compare.reliability import measure_agreement, reliability
from coverage.compare.units import pooling_note, unit_order, unit_table, with_units

__all__ = ["coding_sheet", "collect_codes", "compare_groups", "compare_measures", "coverage_volume", "interval_store",
           "measure_agreement", "outlet_tables", "period_table", "permutation_test_groups", "pooling_note",
           "read_codes", "read_periods", "reliability", "sample_sentences", "unit_order", "unit_table", "with_units"]
