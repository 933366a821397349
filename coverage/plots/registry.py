"""The figure registry: what ``media-coverage figures`` draws and how it is captioned.

Plot functions (in :mod:`coverage.plots`) only draw on an Axes. Each topic's
``figure_specs(tables)`` turns the processed tables into a list of
:class:`FigureSpec`: a file stem, a caption that states the measure and the
sample size, and a ``draw`` callable that returns a new Figure. This module
saves them (PNG and SVG) and writes the captions into ``figures/README.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


from coverage.io.write import atomic_write, write_text

__all__ = ["FigureSpec", "save_figures", "figures_index", "MAX_PIXELS", "DPI", "units_of", "unit_height", "fit_margins"]

#: Figures are saved at this resolution...
DPI = 150
#: ...unless a side would exceed this many pixels: then the resolution is lowered for that figure.
MAX_PIXELS = 3000


def units_of(tables) -> "object":
    """The unit of comparison of a run: ``tables["units"]`` (:func:`coverage.compare.units.unit_table`),
    else every outlet (pooled past 25) of the articles, or of the first table that names them."""
    from coverage.compare.units import unit_table

    if "units" in tables:
        return tables["units"]
    for name in ("articles", "corpus", "sentence_framing", "mentions", "voice_ledger"):
        table = tables.get(name)
        if table is not None and {"article_id", "outlet"} <= set(table.columns):
            return unit_table(table.drop_duplicates("article_id"), by="outlet")
    raise ValueError("figure_specs() needs the articles (tables['articles'] or tables['corpus']) to know "
                     "which outlet each article is from")


def unit_height(n_rows: int, *, per_row: float = 0.45, extra: float = 1.8) -> float:
    """Figure height in inches for ``n_rows`` rows: never more than the pixel cap allows at :data:`DPI`.

    Examples
    --------
    >>> unit_height(5), unit_height(1000) * DPI <= MAX_PIXELS
    (4.05, True)
    """
    return round(min(per_row * n_rows + extra, (MAX_PIXELS - 60) / DPI), 2)


def fit_margins(fig, *, top: float = 0.8, bottom: float = 0.9) -> None:
    """Keep the margins of a tall figure (many rows) in inches, not in shares of its height.

    Matplotlib's default margins are shares of the figure: on a figure of
    25 rows they leave inches of white under the title. A figure up to 6
    inches tall is left as it is.
    """
    height = fig.get_figheight()
    if height > 6:
        fig.subplots_adjust(top=1 - top / height, bottom=bottom / height)


def _dpi(fig) -> float:
    # bbox_inches="tight" saves the drawn extent, legends outside the axes included; measuring it
    # needs a renderer but no full draw.
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    side = max(box.width, box.height) + 0.2  # the tight box's padding
    return min(DPI, int((MAX_PIXELS - 2) / side)) if side > 0 else DPI


@dataclass(frozen=True)
class FigureSpec:
    """One figure of the regenerated set.

    Attributes
    ----------
    name : str
        File stem, e.g. ``"01_timeline"``; PNG and SVG are written.
    title : str
        Short title used as the heading in the index.
    caption : str
        What the figure measures and on how many articles/sentences.
    draw : callable
        Takes no arguments and returns a :class:`matplotlib.figure.Figure`.
    """

    name: str
    title: str
    caption: str
    draw: Callable[[], object]


def save_figures(specs: Iterable[FigureSpec], out_dir: str | Path, *, progress=None) -> list[Path]:
    """Draw every spec, save it as PNG and SVG, and write the captions index.

    Parameters
    ----------
    specs : iterable of FigureSpec
    out_dir : str or Path
        Folder for the figures; created if missing.
    progress : callable, optional
        Wraps the iterable of specs (e.g. a tqdm progress bar).

    Returns
    -------
    list of Path
        The files written, index last.
    """
    import matplotlib.pyplot as plt

    out = Path(out_dir)
    specs = list(specs)
    written: list[Path] = []
    # A fixed hash salt keeps SVG element ids, and so the files, stable across runs.
    with plt.rc_context({"svg.hashsalt": "media-coverage"}):
        for spec in progress(specs) if progress else specs:
            fig = spec.draw()
            try:
                dpi = _dpi(fig)
                for ext in ("png", "svg"):
                    # No date or software stamp: a rerun on the same data gives the same bytes.
                    meta = {"Date": None} if ext == "svg" else {"Software": None}
                    written.append(atomic_write(
                        out / f"{spec.name}.{ext}",
                        lambda tmp, ext=ext, meta=meta, dpi=dpi: fig.savefig(
                            tmp, format=ext, dpi=dpi, bbox_inches="tight", metadata=meta),
                    ))
            finally:
                plt.close(fig)
    written.append(write_text(figures_index(specs), out / "README.md"))
    return written


def figures_index(specs: Iterable[FigureSpec]) -> str:
    """Return the Markdown index of figures, one caption per figure.

    Examples
    --------
    >>> spec = FigureSpec("01_x", "X", "Counts of x; 5 articles.", lambda: None)
    >>> print(figures_index([spec]).splitlines()[-1])
    Counts of x; 5 articles.
    """
    lines = [
        "# Figures",
        "",
        "Regenerated by `make figures` (`media-coverage figures`) from the articles "
        "in `data/`. Do not edit by hand: every file here is overwritten.",
    ]
    for spec in specs:
        lines += ["", f"## {spec.title}", "", f"![{spec.title}]({spec.name}.png)", "", spec.caption]
    return "\n".join(lines) + "\n"

