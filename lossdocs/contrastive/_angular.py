"""Helpers of the angular-margin softmax losses (ArcFace, CosFace): cosines and the CE."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import as_floats, as_int_labels, check_real, in_dtype
from ..activations.log_softmax import log_softmax
from ._embeddings import check_row_labels, unit_rows


def class_cosines(embeddings, weight, labels, scale, reduction):
    """Validate; return the (N, C) cosines of rows and class centres, labels, scale.

    Both `embeddings` and `weight` are row-normalised; the cosines are
    clipped to [-1, 1], which rounding can leave by an ulp.
    """
    scale = check_real(scale, "scale", low=0, low_open=True, finite=True)
    check_reduction(reduction)
    x, w = as_floats(embeddings=embeddings, weight=weight)
    if x.ndim != 2 or x.shape[1] == 0:
        raise ValueError(f"embeddings must have shape (N, D) with D >= 1, got {x.shape}")
    if w.ndim != 2 or w.shape[1] != x.shape[1] or w.shape[0] == 0:
        raise ValueError(
            f"weight must have shape (C, D) with C >= 1 and D = embeddings.shape[1] = "
            f"{x.shape[1]}, got {w.shape}"
        )
    labels = as_int_labels(labels, "labels")
    check_row_labels(labels, len(x), "labels")
    if np.any((labels < 0) | (labels >= len(w))):
        bad = labels[(labels < 0) | (labels >= len(w))][0]
        raise ValueError(f"labels must lie in [0, C) = [0, {len(w)}), found {bad}")
    check_nonempty_mean(len(x), reduction, "embeddings")
    fix = "an embedding needs a direction"
    cos = unit_rows(x, "embeddings", fix)[0] @ unit_rows(w, "weight", "a class centre")[0].T
    return np.clip(cos, -1, 1), labels, scale


def margin_cross_entropy(cos, labels, target_logit, scale, reduction):
    """Cross-entropy of ``scale * cos``, each row's target cosine replaced by ``target_logit``."""
    rows = np.arange(len(cos))
    logits = cos.copy()
    logits[rows, labels] = target_logit
    logits *= in_dtype(scale, "scale", cos.dtype)
    if len(cos) == 0:
        return reduce(logits[:, 0], reduction)
    return reduce(-log_softmax(logits, axis=1)[rows, labels], reduction)
