"""Stance toward a target (Amazon by default): its mentions, the classifier, summaries and hand labels."""

from coverage.stance.finetuned import load_finetuned_stance
from coverage.stance.labels import label_agreement, read_stance_labels
from coverage.stance.mentions import find_mentions
from coverage.stance.model import (
    StanceClassifier,
    baseline_predictions,
    load_stance_model,
    newsmtsc_splits,
    read_newsmtsc,
    stance_scores,
)
from coverage.stance.tables import (
    article_stance,
    compare_stance,
    mention_stance,
    predict_stance,
    stance_counts,
    stance_summary,
    stance_tables,
)
from coverage.stance.targets import load_targets

__all__ = ["StanceClassifier", "article_stance", "baseline_predictions", "compare_stance", "find_mentions", "label_agreement",
           "load_finetuned_stance", "load_stance_model", "load_targets", "mention_stance", "newsmtsc_splits", "predict_stance", "read_newsmtsc",
           "read_stance_labels", "stance_counts", "stance_scores", "stance_summary", "stance_tables"]
