"""The HTML report: one standalone file a teacher can e-mail or open offline.

``media-coverage figures`` writes ``figures/report.html``: every figure with
its caption, a sortable table of units (outlets) by measure with intervals,
and one click from any cell, frame term, distinctive word or stance dot to
the sentences behind it; a search box over all sentences; and what changed
since the last run (kept in ``data/processed/report_summary.json``).
Scripts, styles and images are inline, so the file loads nothing from the
network.
"""

from coverage.report.changes import diff_summaries, read_summary, run_summary
from coverage.report.content import MEASURES, report_content, unit_measures
from coverage.report.page import SUMMARY_FILE, write_report

__all__ = ["MEASURES", "SUMMARY_FILE", "diff_summaries", "read_summary", "report_content", "run_summary",
           "unit_measures", "write_report"]
