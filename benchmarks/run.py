"""Benchmarks: what each stage costs at N = 100, 1,000 and 10,000 generated articles.

Run from the repository root with ``make bench`` (or ``.venv/bin/python
benchmarks/run.py``); ``--sizes 100 1000`` for a quicker run. For each size
it writes a corpus with ``benchmarks/generate.py`` (paragraphs of the
shipped articles recombined, deterministic by seed) and measures it in a
fresh child process, so peak memory of one size never mixes with another:

1. the full feature pipeline (``build_tables`` + ``write_processed``, what
   ``media-coverage features`` does) with ``--jobs`` workers, cold (empty
   per-article cache), broken down into load, per-article stages, each
   corpus stage and writing;
2. the figures of that run, one by one;
3. the same pipeline after adding one article (warm: every other article
   comes from the cache), and the warm / cold ratio; then
   ``media-coverage features`` in a new process after adding another one
   (imports and model loading included);
4. every stage again on one core without cache, one at a time (load, clean,
   each per-article stage, each corpus stage, keyness, text reuse), with
   the pairs text reuse compared versus the pairs possible;
5. the naive baseline: a per-article ``DataFrame.apply`` of TextBlob and
   VADER over pysbd sentences, no cache (skipped, saying so, if pysbd is
   not installed: ``pip install pysbd``).

Then it times ``media-coverage figures`` on a copy of the shipped corpus
(cold and warm), prints every number with articles/s, MB/s and the peak
resident memory, fits the scaling exponent of each stage (slope of
log seconds against log N), and writes everything to ``results.json`` in
the work folder. See ``benchmarks/README.md`` for what each number means.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
FIGURE_BUDGET = 180  # seconds one figure may take before it is stopped and reported as such
NEW_ARTICLE = ("---\narticle_id: bench-added-article\noutlet: Bench Daily\npublished: 2018-12-01\n---\n"
               "Amazon workers renew their protest\n\n"
               "Employees at Amazon renewed their call on Monday for the company to stop selling its "
               "Rekognition face-recognition service to police departments and to ICE, the benchmark says.\n")


# --- measuring ---------------------------------------------------------------------------


class Memory:
    """Peak resident memory of this process and of its children (joblib workers), sampled.

    Sampling every 0.1 s misses spikes shorter than that; ``ru_maxrss`` (the
    kernel's exact peak of this process alone) is reported beside it.
    """

    def __init__(self, interval: float = 0.1):
        try:
            import psutil
        except ImportError:  # without psutil only this process's exact peak is known
            psutil = None
        self._process = psutil.Process() if psutil else None
        self._interval = interval
        self._peaks: dict[str, float] = {}
        self._open: set[str] = set()
        self._stop = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _tree_mb(self) -> float:
        if self._process is None:
            return float("nan")
        total = 0
        for proc in [self._process, *self._process.children(recursive=True)]:
            with contextlib.suppress(Exception):  # a worker may exit between listing and reading
                total += proc.memory_info().rss
        return total / 2**20

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            now = self._tree_mb()
            for name in list(self._open):
                self._peaks[name] = max(self._peaks.get(name, 0.0), now)

    @contextlib.contextmanager
    def phase(self, name: str):
        self._peaks[name] = self._tree_mb()
        self._open.add(name)
        try:
            yield
        finally:
            self._open.discard(name)
            self._peaks[name] = max(self._peaks[name], self._tree_mb())

    def peak(self, name: str) -> float:
        return round(self._peaks.get(name, float("nan")), 1)


def self_peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


class Clock:
    """Seconds and peak memory of named steps, in the order measured."""

    def __init__(self, memory: Memory):
        self.memory = memory
        self.rows: list[dict] = []

    @contextlib.contextmanager
    def step(self, name: str, kind: str):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        with self.memory.phase(name):
            yield
        # CPU seconds of this process too: on a shared machine wall time also counts waiting for a core.
        self.rows.append({"name": name, "kind": kind, "seconds": round(time.perf_counter() - start, 3),
                          "cpu_seconds": round(time.process_time() - cpu, 3), "peak_mb": self.memory.peak(name)})


def timed(fn, name: str, sink: dict):
    """Wrap ``fn`` so that its seconds add up under ``name`` in ``sink``."""
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            sink[name] = round(sink.get(name, 0.0) + time.perf_counter() - start, 3)
    return wrapper


# --- one size, in a child process ------------------------------------------------------


def measure(folder: Path, *, jobs: int, baseline: bool, figures: bool, stages_only: bool = False) -> dict:
    """Measure every stage on the data folder ``folder``; return a JSON-able dict.

    ``stages_only``: only step 4, every stage on one core without cache.
    """
    from coverage._engine import pipeline

    warnings.simplefilter("ignore")  # CorpusWarnings are expected on generated text; they are not timed
    memory = Memory()
    clock = Clock(memory)
    result: dict = {"folder": str(folder), "jobs": jobs}
    if stages_only:
        return _every_stage(folder, clock, result, baseline=baseline)

    # 1. The full pipeline, cold, with a breakdown of where its time goes.
    shutil.rmtree(folder / "processed" / "cache", ignore_errors=True)
    cold: dict = {}
    with instrumented(pipeline, cold), clock.step("pipeline, cold", "pipeline"):
        tables = pipeline.build_tables(folder, jobs=jobs, cache=True)
        timed(pipeline.write_processed, "write tables", cold)(tables, folder / "processed")
    corpus = tables["corpus"]
    n = len(corpus)
    result.update(n=n, mb=round(sum(len(t.encode()) for t in corpus["text"]) / 1e6, 2), cold=cold)
    result["reuse"] = {**tables["reuse"].attrs, "passages": len(tables["reuse"]), "pairs": len(tables["reuse_pairs"])}

    # 2. Figures of that run, one at a time, each with a time budget.
    if figures:
        result["figures"] = draw_figures(tables, folder / "figures", clock)
    del tables
    gc.collect()

    # 3. One article added: everything else from the cache.
    added = folder / "raw" / "bench-added-article.md"
    added.write_text(NEW_ARTICLE, encoding="utf-8")
    warm: dict = {}
    try:
        with instrumented(pipeline, warm), clock.step("pipeline, one article added", "pipeline"):
            tables = pipeline.build_tables(folder, jobs=jobs, cache=True)
            timed(pipeline.write_processed, "write tables", warm)(tables, folder / "processed")
    finally:
        added.unlink()
    result["warm"] = warm
    del tables
    gc.collect()
    # 3b. What a user waits for: the command in a new process (imports and
    # model loading included) after adding another article.
    added.write_text(NEW_ARTICLE.replace("renew their protest", "renew their protest again"), encoding="utf-8")
    try:
        with clock.step("features command, one article added", "pipeline"):
            subprocess.run([sys.executable, "-m", "coverage", "features", "--data", str(folder),
                            "--jobs", str(jobs)], check=True, cwd=REPO, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    finally:
        added.unlink()

    return _every_stage(folder, clock, result, baseline=baseline)


def _every_stage(folder: Path, clock: Clock, result: dict, *, baseline: bool) -> dict:
    from coverage._engine import pipeline
    from coverage._engine.stages import RunContext
    from coverage.io.corpus import load_corpus

    # 4. Every stage on one core, no cache.
    with clock.step("load + clean", "load"):
        corpus = load_corpus(folder)
    split_load(folder, clock)
    model = pipeline._stance_model(folder)[0] if hasattr(pipeline, "_stance_model") else None
    tables = {"corpus": corpus}
    context = RunContext(stance_model=model)
    for name, stage in pipeline.ARTICLE_STAGES:
        with clock.step(name, "article"):
            tables.update(stage(tables, context))
    context = RunContext()
    for name, stage in pipeline.CORPUS_STAGES:
        with clock.step(name, "corpus"):
            tables.update(stage(tables, context))
    corpus_steps(tables, clock)
    result.setdefault("n", len(corpus))
    result.setdefault("mb", round(sum(len(t.encode()) for t in corpus["text"]) / 1e6, 2))

    # 5. The naive baseline.
    if baseline:
        result["naive"] = naive_baseline(corpus, clock)
    result["steps"] = clock.rows
    result["self_peak_mb"] = self_peak_mb()
    return result


@contextlib.contextmanager
def instrumented(pipeline, sink: dict):
    """Time the parts of ``build_tables`` (loading, per-article stages, each corpus stage) into ``sink``."""
    saved = {name: getattr(pipeline, name) for name in ("read_articles", "clean_articles", "_per_article",
                                                        "_stance_model") if hasattr(pipeline, name)}
    stages = list(pipeline.CORPUS_STAGES)
    labels = {"read_articles": "load", "clean_articles": "clean", "_per_article": "per-article stages (cache + compute)",
              "_stance_model": "stance model"}
    for name, fn in saved.items():
        setattr(pipeline, name, timed(fn, labels[name], sink))
    pipeline.CORPUS_STAGES[:] = [(name, timed(fn, name, sink)) for name, fn in stages]
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(pipeline, name, fn)
        pipeline.CORPUS_STAGES[:] = stages


def split_load(folder: Path, clock: Clock) -> None:
    """Time reading and cleaning apart."""
    import coverage.io.corpus as corpus_module
    from coverage.io.cleaning import clean_articles

    with clock.step("read files", "load"):
        table, _ = corpus_module.read_articles(folder)
    with clock.step("clean", "load"):
        corpus_module.assemble_corpus(table, clean_articles(table["raw_text"].tolist(), table["title"].tolist()))


def corpus_steps(tables: dict, clock: Clock) -> None:
    """Keyness and text reuse on their own (the outlets stage runs both)."""
    from coverage.measures.keyness import keyness
    from coverage.reuse.find import boilerplate_cutoff, find_reuse
    from coverage.reuse.summary import reuse_pairs

    corpus = tables["corpus"]
    with clock.step("keyness", "corpus"):
        keyness(corpus)
    with clock.step("reuse: passages", "corpus"):
        passages = find_reuse(corpus, quotes=tables.get("quotes"), max_articles=boilerplate_cutoff(len(corpus)))
    with clock.step("reuse: pairs", "corpus"):
        reuse_pairs(passages, corpus)


class _TooLong(Exception):
    pass


def draw_figures(tables: dict, out: Path, clock: Clock) -> list[dict]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from coverage.commands.figures import all_specs
    from coverage.plots.registry import save_figures

    def stop(signum, frame):
        raise _TooLong

    signal.signal(signal.SIGALRM, stop)
    drawn = []
    with clock.step("figures: specs", "figures"):
        specs = all_specs(tables)
    for spec in specs:
        start = time.perf_counter()
        signal.alarm(FIGURE_BUDGET)
        try:
            save_figures([spec], out)
            status = "drawn"
        except _TooLong:
            status = f"stopped after {FIGURE_BUDGET} s"
        finally:
            signal.alarm(0)
            plt.close("all")  # a figure stopped half-drawn was never closed; free it before the next
            gc.collect()
        drawn.append({"name": spec.name, "seconds": round(time.perf_counter() - start, 2), "status": status})
    clock.rows.append({"name": "figures: drawing", "kind": "figures",
                       "seconds": round(sum(f["seconds"] for f in drawn), 3), "peak_mb": float("nan")})
    return drawn


def _naive_article(row, segmenter, analyzer):
    from textblob import TextBlob

    sentences = segmenter.segment(row["text"]) or [""]
    polarity = [TextBlob(s).sentiment.polarity for s in sentences]
    compound = [analyzer.polarity_scores(s)["compound"] for s in sentences]
    return (len(sentences), sum(polarity) / len(polarity), sum(compound) / len(compound))


def naive_baseline(corpus, clock: Clock) -> float | None:
    """Per-article ``DataFrame.apply``: pysbd sentences, TextBlob and VADER on each, no cache, one core."""
    try:
        import pysbd
    except ImportError:
        print("naive baseline skipped: pysbd is not installed (pip install pysbd)", file=sys.stderr)
        return None
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    segmenter, analyzer = pysbd.Segmenter(language="en", clean=False), SentimentIntensityAnalyzer()
    with clock.step("naive baseline", "baseline"):
        corpus.apply(_naive_article, axis=1, args=(segmenter, analyzer))
    return clock.rows[-1]["seconds"]


def reuse_model(n: int, *, seed: int = 0) -> dict:
    """Text reuse on ``n`` articles whose sharing looks like news: small clusters, not all-with-all.

    The generated corpora recombine only 61 paragraphs, so from 1,000
    articles on every paragraph is boilerplate to :func:`find_reuse`. Here
    each article is shuffled words of shipped paragraphs (its own prose) and,
    one time in two, one "story" copied from a pool of ``n / 4`` stories with
    one word changed: about two articles carry each story, as syndication
    and rewrites do, whatever ``n``.
    """
    import numpy as np
    import pandas as pd

    from coverage.io.corpus import load_corpus
    from coverage.reuse.find import boilerplate_cutoff, find_reuse
    from coverage.reuse.summary import reuse_pairs

    rng = np.random.default_rng(seed)
    paragraphs = [p.split() for t in load_corpus(DATA)["text"] for p in t.split("\n\n") if len(p.split()) >= 20]
    stories = [" ".join(rng.permutation(paragraphs[k])) for k in rng.integers(len(paragraphs), size=max(n // 4, 1))]
    texts = []
    for _ in range(n):
        parts = [" ".join(rng.permutation(paragraphs[k])) for k in rng.integers(len(paragraphs), size=8)]
        if rng.random() < 0.5:
            words = stories[rng.integers(len(stories))].split()
            words[rng.integers(len(words))] = "changed"
            parts.insert(int(rng.integers(len(parts))), " ".join(words))
        texts.append("\n\n".join(parts))
    corpus = pd.DataFrame({"article_id": [f"m{k:06d}" for k in range(n)], "outlet": "X", "text": texts,
                           "published": pd.Timestamp("2018-11-01"), "date_estimated": False})
    start = time.perf_counter()
    passages = find_reuse(corpus, max_articles=boilerplate_cutoff(n))
    reuse_pairs(passages, corpus)
    return {"n": n, "seconds": round(time.perf_counter() - start, 2), "passages": len(passages),
            "mb": round(sum(map(len, texts)) / 1e6, 1), **passages.attrs, "peak_mb": self_peak_mb()}


# --- the parent: generate, run children, report ---------------------------------------------


#: The generators ``--corpus`` chooses from: shipped paragraphs recombined, or distinct NewsMTSC sentences.
GENERATORS = {"recombined": ("generate.py", "n{n}"), "distinct": ("generate_distinct.py", "distinct-n{n}")}


def prepare(n: int, work: Path, *, seed: int, corpus: str = "recombined") -> Path:
    """Generate ``n`` articles into ``work/n<N>/data`` (``distinct-n<N>`` for distinct text; kept between
    runs) with the shipped stance model."""
    script, name = GENERATORS[corpus]
    folder = work / name.format(n=n) / "data"
    if not (folder / "raw" / "synthetic.csv").exists():
        subprocess.run([sys.executable, str(REPO / "benchmarks" / script), str(n), str(folder),
                        "--source", str(DATA), "--seed", str(seed)], check=True, cwd=REPO)
    give_stance_model(folder)
    return folder


def give_stance_model(folder: Path) -> None:
    # The NewsMTSC training data and, if trained already, the cached model:
    # the pipeline then classifies stance as it does on the shipped data.
    source = DATA / "external" / "newsmtsc"
    if source.is_dir() and not (folder / "external" / "newsmtsc").exists():
        shutil.copytree(source, folder / "external" / "newsmtsc")
    (folder / "processed").mkdir(parents=True, exist_ok=True)
    for path in (DATA / "processed").glob("stance_model.pkl*"):
        shutil.copy2(path, folder / "processed" / path.name)


def run_child(folder: Path, *, jobs: int, baseline: bool, figures: bool, stages_only: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", str(folder), "--jobs", str(jobs)]
    command += ["--stages-only"] if stages_only else []
    command += [] if baseline else ["--no-baseline"]
    command += [] if figures else ["--no-figures"]
    done = subprocess.run(command, check=True, cwd=REPO, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def shipped_figures(work: Path) -> dict:
    """Wall seconds of ``media-coverage figures`` on a copy of the shipped data: empty cache, then warm."""
    folder = work / "shipped" / "data"
    shutil.rmtree(folder.parent, ignore_errors=True)
    (folder / "raw").mkdir(parents=True)
    for path in (DATA / "raw").iterdir():
        shutil.copy2(path, folder / "raw" / path.name)
    shutil.copy2(DATA / "articles.csv", folder / "articles.csv")
    give_stance_model(folder)
    command = [str(Path(sys.executable).with_name("media-coverage")), "figures", "--data", str(folder),
               "--out", str(folder.parent / "figures")]
    seconds = {}
    for label in ("empty cache", "warm cache"):
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        seconds[label] = round(time.perf_counter() - start, 2)
    return seconds


def slope(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) against log(N): 1 is linear, 2 quadratic."""
    import numpy as np

    pairs = [(n, s) for n, s in zip(sizes, seconds, strict=True) if s and s > 0]
    if len(pairs) < 2:
        return float("nan")
    x, y = np.log([p[0] for p in pairs]), np.log([p[1] for p in pairs])
    return float(np.polyfit(x, y, 1)[0])


def report(results: list[dict], shipped: dict | None, reuse: list[dict] | None = None) -> None:
    sizes = [r["n"] for r in results]
    print(f"\nmachine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; jobs={results[0]['jobs']}")
    print("corpora: " + "; ".join(f"N={r['n']:,}: {r['mb']} MB of clean text" for r in results))
    names = list(dict.fromkeys(step["name"] for r in results for step in r["steps"]))
    header = f"\n{'stage':36}" + "".join(f"{'N=' + format(n, ','):>30}" for n in sizes) + f"{'exponent':>10}"
    print(header + "\n" + " " * 36 + "".join(f"{'s / art/s / MB/s / peak MB':>30}" for _ in sizes))
    for name in names:
        cells, secs = [], []
        for r in results:
            step = next((s for s in r["steps"] if s["name"] == name), None)
            if step is None:
                cells.append(f"{'-':>30}")
                secs.append(None)
                continue
            s = step["seconds"]
            rate = f"{r['n'] / s:,.0f} / {r['mb'] / s:.2f}" if s > 0 else "- / -"
            cells.append(f"{s:>9.2f} / {rate} / {step['peak_mb']:,.0f}".rjust(30))
            secs.append(s)
        print(f"{name:36}" + "".join(cells) + f"{slope(sizes, secs):>10.2f}")
    if "cold" not in results[0]:  # --stages-only
        return
    for label in ("cold", "warm"):
        print(f"\npipeline {'cold' if label == 'cold' else 'after adding one article'} (jobs={results[0]['jobs']}), seconds:")
        parts = list(dict.fromkeys(k for r in results for k in r[label]))
        for part in parts:
            print(f"  {part:36}" + "".join(f"{r[label].get(part, float('nan')):>12.2f}" for r in results))
    print()
    for r in results:
        cold = next(s for s in r["steps"] if s["name"] == "pipeline, cold")
        warm = next(s for s in r["steps"] if s["name"] == "pipeline, one article added")
        command = next((s for s in r["steps"] if s["name"] == "features command, one article added"), None)
        found = r["reuse"]
        print(f"N={r['n']:,}: cold {cold['seconds']:.1f} s (peak {cold['peak_mb']:,.0f} MB, main process "
              f"{r['self_peak_mb']:,.0f} MB), warm {warm['seconds']:.1f} s = {warm['seconds'] / cold['seconds']:.1%} "
              f"of cold; reuse compared {found.get('pairs_compared', 0):,} of {found.get('pairs_possible', 0):,} "
              f"pairs ({found.get('pairs_compared', 0) / max(found.get('pairs_possible', 1), 1):.2%}), "
              f"{found['passages']:,} passages")
        if command is not None:
            print(f"  'media-coverage features' in a new process after adding one article: "
                  f"{command['seconds']:.1f} s = {command['seconds'] / cold['seconds']:.1%} of cold")
        if r.get("naive") is not None:
            kit = sum(s["seconds"] for s in r["steps"] if s["name"] in ("sentences", "framing"))
            print(f"  naive baseline {r['naive']:.1f} s vs kit sentences + framing on one core {kit:.1f} s "
                  f"(naive / kit = {r['naive'] / kit:.2f}); vs the whole cold pipeline {cold['seconds']:.1f} s "
                  f"({r['naive'] / cold['seconds']:.2f}); vs the warm re-run {warm['seconds']:.1f} s "
                  f"({r['naive'] / warm['seconds']:.1f})")
        slow = [f for f in r.get("figures", []) if f["seconds"] > 5 or f["status"] != "drawn"]
        if slow:
            print("  slow figures: " + ", ".join(f"{f['name']} {f['seconds']:.0f} s ({f['status']})" for f in slow))
    cold_secs = [next(s["seconds"] for s in r["steps"] if s["name"] == "pipeline, cold") for r in results]
    print(f"\ncold pipeline scaling exponent over N={sizes}: {slope(sizes, cold_secs):.2f}")
    if shipped:
        print(f"media-coverage figures on the shipped corpus: {shipped}")
    for r in reuse or []:
        print(f"text reuse, syndication model, N={r['n']:,} ({r['mb']} MB): {r['seconds']:.1f} s, compared "
              f"{r['pairs_compared']:,} of {r['pairs_possible']:,} pairs, {r['passages']:,} passages, "
              f"peak {r['peak_mb']:,.0f} MB")
    if reuse and len(reuse) > 1:
        print(f"  exponent: {slope([r['n'] for r in reuse], [r['seconds'] for r in reuse]):.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and results (default: a temp folder)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-figures", action="store_true")
    parser.add_argument("--corpus", choices=list(GENERATORS), default="recombined",
                        help="recombined shipped paragraphs (generate.py, default) or distinct NewsMTSC sentences "
                             "(generate_distinct.py)")
    parser.add_argument("--stages-only", action="store_true",
                        help="only every stage on one core without cache (no pipeline runs, figures or reuse model)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--reuse-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reuse_child:
        print(json.dumps(reuse_model(args.reuse_child, seed=args.seed)))
        return 0
    if args.child:
        result = measure(args.child, jobs=args.jobs, baseline=not args.no_baseline, figures=not args.no_figures,
                         stages_only=args.stages_only)
        print(json.dumps(result))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="media-coverage-bench-"))
    results = []
    for n in args.sizes:
        folder = prepare(n, work, seed=args.seed, corpus=args.corpus)
        print(f"N={n:,}: measuring {args.corpus} text in {folder} ...", flush=True)
        results.append(run_child(folder, jobs=args.jobs, baseline=not args.no_baseline, figures=not args.no_figures,
                                 stages_only=args.stages_only))
    if args.stages_only:
        (work / "results.json").write_text(json.dumps({"sizes": results}, indent=1))
        report(results, None, None)
        print(f"\nall numbers: {work / 'results.json'}")
        return 0
    shipped = shipped_figures(work)
    reuse = [json.loads(subprocess.run([sys.executable, __file__, "--reuse-child", str(n), "--seed", str(args.seed)],
                                       check=True, cwd=REPO, stdout=subprocess.PIPE, text=True).stdout)
             for n in args.sizes]
    (work / "results.json").write_text(json.dumps({"sizes": results, "shipped_figures": shipped,
                                                   "reuse_model": reuse}, indent=1))
    report(results, shipped, reuse)
    print(f"\nall numbers: {work / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))  # run as a script from anywhere: import the kit and benchmarks/
    sys.exit(main())
