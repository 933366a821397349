"""Write ``report.html``: the page, its own small script and style, the figures as data: URIs."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

import pandas as pd

from coverage.io.write import write_text
from coverage.report.changes import diff_summaries, read_summary, run_summary
from coverage.report.content import report_content

__all__ = ["write_report"]

#: The summary of the last run, beside the processed tables.
SUMMARY_FILE = "report_summary.json"


def write_report(tables: Mapping[str, pd.DataFrame], figures_dir: str | Path, *, specs: Iterable = (),
                 summary_path: str | Path | None = None, by: str = "outlet", title: str | None = None) -> Path:
    """Write ``figures_dir/report.html``, one standalone file, and return its path.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The tables of ``build_tables`` (what ``data/processed/`` holds).
    figures_dir : str or Path
        The folder the figures were saved in (``NAME.png`` for each spec);
        the report is written there.
    specs : iterable of FigureSpec, optional
        The figures to show, with their titles and captions.
    summary_path : str or Path, optional
        The summary of the last run (``data/processed/report_summary.json``):
        read to show what changed, then replaced by this run's. Without it,
        the report has no "what changed" section.
    by : str, default "outlet"
        The unit of comparison.
    title : str, optional
        Heading of the page.

    Returns
    -------
    Path
        The report.
    """
    figures_dir = Path(figures_dir)
    content = report_content(tables, by=by)
    corpus = tables["articles"] if "articles" in tables else tables["corpus"]
    if summary_path is not None:
        measures = pd.DataFrame([row[:3] for row in content["measures"]], columns=["unit", "measure", "estimate"])
        summary = run_summary(corpus, measures)
        content["changes"] = diff_summaries(read_summary(summary_path), summary)
    content["figures"] = [_figure(spec, figures_dir) for spec in specs]
    content["figures"] = [f for f in content["figures"] if f]
    page = _page(content, title or "How the outlets covered the story")
    out = write_text(page, figures_dir / "report.html")
    if summary_path is not None:
        write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", Path(summary_path))
    return out


def _figure(spec, folder: Path) -> dict | None:
    png = folder / f"{spec.name}.png"
    if not png.is_file():
        return None
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    return {"name": spec.name, "title": spec.title, "caption": spec.caption, "src": f"data:image/png;base64,{data}"}


def _asset(name: str) -> str:
    return resources.files("coverage.report").joinpath(name).read_text(encoding="utf-8")


def _page(content: dict, title: str) -> str:
    # JSON inside <script>: "</" would end the element early.
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    n_articles, n_units = len(content["articles"]), len({a[1] for a in content["articles"]})
    heading = html.escape(title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title>
<style>
{_asset("report.css")}
</style>
</head>
<body>
<header>
<h1>{heading}</h1>
<p class="lede">{n_articles} article{'s' * (n_articles != 1)} from {n_units} {html.escape(content['unit_label'])}{'s' * (n_units != 1)},
{len(content['sentences'])} sentences. Every number links to the sentences behind it: click a cell, a term,
a word or a dot. Made by <code>media-coverage figures</code>; this file needs no network.</p>
<nav><a href="#measures">Measures</a> <a href="#changes">What changed</a> <a href="#terms">Frame terms</a>
<a href="#words">Distinctive words</a> <a href="#stance">Stance</a> <a href="#figures">Figures</a>
<a href="#search">Search</a></nav>
</header>
<main>
<section id="measures"><h2>Measures by {html.escape(content['unit_label'])}</h2>
<p class="help">Estimate with its 95% bootstrap interval; click a column heading to sort, a cell for its
evidence. <span class="one">Italic</span>: the unit rests on one article, so its interval spans only that
article's sentences.</p>
<div class="scroll"><table id="measure-table"></table></div></section>
<section id="changes"><h2>What changed since the last run</h2><div id="changes-body"></div></section>
<section id="terms"><h2>Frame terms</h2><p class="help">Every term of the frame lexicon found, with its
count; click one for its sentences.</p><div id="terms-body"></div></section>
<section id="words"><h2>Distinctive words</h2><p class="help">The words each unit uses more than the
others (z-score of the log-odds ratio with an informative Dirichlet prior).</p><div id="words-body"></div></section>
<section id="stance"><h2>Stance, mention by mention</h2><p class="help">One dot per mention of the target,
from -1 (negative) to +1 (positive); click a dot for its sentence.</p><div id="stance-body"></div></section>
<section id="figures"><h2>Figures</h2><div id="figures-body"></div></section>
<section id="search"><h2>Search the sentences</h2>
<input id="search-box" type="search" placeholder="a word or phrase, e.g. surveillance" aria-label="search sentences">
<div id="search-body"></div></section>
</main>
<aside id="evidence" hidden><button id="evidence-close" type="button" aria-label="close">×</button>
<h2 id="evidence-title"></h2><div id="evidence-body"></div></aside>
<script type="application/json" id="report-data">{data}</script>
<script>
{_asset("report.js")}
</script>
</body>
</html>
"""
