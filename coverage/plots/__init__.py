"""Plot functions: each takes a feature table and ``ax=None``, draws, and returns the Axes.

Each topic module (``corpus``, ``framing``, ``outlets``, ``stance``,
``voices``) is public and has ``figure_specs(tables)``, the figures that
``media-coverage figures`` saves (:class:`coverage.plots.registry.FigureSpec`).
"""

from coverage.plots import corpus, framing, outlets, stance, voices
from coverage.plots.corpus import plot_length, plot_timeline
from coverage.plots.framing import plot_intervals
from coverage.plots.outlets import plot_distinctive_words, plot_passages, plot_reuse_heatmap
from coverage.plots.registry import FigureSpec
from coverage.plots.stance import plot_stance_index, plot_stance_mentions
from coverage.plots.voices import plot_by_voice, plot_voice_ledger

__all__ = ["corpus", "framing", "outlets", "stance", "voices", "FigureSpec", "plot_by_voice", "plot_distinctive_words", "plot_intervals", "plot_length", "plot_passages",
           "plot_reuse_heatmap", "plot_stance_index", "plot_stance_mentions", "plot_timeline", "plot_voice_ledger"]
