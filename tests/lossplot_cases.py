"""What each ``{lossplot}`` widget of the site must show, computed here with lossdocs.

``CASES[page]`` lists the page's widgets in page order; each is a function
``(x, params) -> curves``, the curves in the page's order, each one value per x.
The x values and the parameter values are read from the page (they are the
inputs the page used); the curves are computed here, by another route through
lossdocs where there is one (the probability instead of the logit, a soft
target instead of ``label_smoothing``, InfoNCE's gradient instead of a softmax),
so a widget that drew anything but lossdocs' numbers would fail.
tests/site/test_lossplot.py compares them with the data in the built pages,
tests/browser/test_lossplot.py with the lines drawn on screen, both to 1e-9.

A new widget on a page needs its entry here (the tests fail on a widget with none).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

import lossdocs

__all__ = ["CASES", "TOLERANCE", "disagreement"]

TOLERANCE = 1e-9
Case = Callable[[np.ndarray, dict[str, float]], list[np.ndarray]]


def disagreement(shown: np.ndarray, expected: np.ndarray) -> float:
    """max |shown - expected| / max(1, |expected|): 1e-9 means 10 digits, or 1e-9 near 0."""
    shown, expected = np.asarray(shown, float), np.asarray(expected, float)
    if shown.shape != expected.shape:
        return np.inf
    return float(np.max(np.abs(shown - expected) / np.maximum(1.0, np.abs(expected))))


def _focal(p_t: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    logit = np.log(p_t / (1 - p_t))
    positive = np.ones_like(p_t)
    focal = lossdocs.focal_loss(logit, positive, gamma=p["gamma"], alpha=p["alpha"],
                                reduction="none")  # fmt: skip
    return [focal, lossdocs.binary_cross_entropy(p_t, positive, reduction="none")]


def _robust(r: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    zero = np.zeros_like(r)
    # The residual is pred - target: 0 - (-r) here.
    return [
        lossdocs.huber(zero, -r, delta=p["delta"], reduction="none"),
        lossdocs.smooth_l1(zero, -r, beta=p["beta"], reduction="none"),
        lossdocs.mae(zero, -r, reduction="none"),
    ]


def _robust_grad(r: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    zero = np.zeros_like(r)
    return [
        lossdocs.huber_grad(r, zero, delta=p["delta"], reduction="sum"),
        lossdocs.smooth_l1_grad(r, zero, beta=p["beta"], reduction="sum"),
    ]


def _infonce(s: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # Unit keys along the axes and normalize=False: the query's coordinates are its
    # similarities, and d loss / d similarity of negative j is p_j / tau.
    similarities = np.concatenate([[0.8], s])[None, :]
    keys = np.eye(len(s) + 1)
    grad = lossdocs.info_nce_grad(similarities, keys[:1], keys[1:], temperature=p["tau"],
                                  normalize=False, reduction="sum")  # fmt: skip
    return [grad[0, 1:] * p["tau"]]


def _label_smoothing(gap: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    logits = np.stack([np.zeros_like(gap), gap, np.zeros_like(gap)], axis=1)
    eps = p["eps"]
    soft = np.tile([eps / 3, 1 - eps + eps / 3, eps / 3], (len(gap), 1))
    onehot = np.tile([0.0, 1.0, 0.0], (len(gap), 1))
    return [
        lossdocs.cross_entropy(logits, soft, reduction="none"),
        lossdocs.entropy(soft),
        lossdocs.cross_entropy(logits, onehot, reduction="none"),
    ]


def _distillation(z0: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # By another route: T^2 times the KL of the softened rows, from softmax and kl_divergence.
    t = p["T"]
    student = np.stack([z0, np.full_like(z0, 2.0), np.zeros_like(z0)], axis=1)
    teacher = np.tile([4.0, 1.0, 0.0], (z0.size, 1))
    kl = lossdocs.kl_divergence(lossdocs.softmax(teacher / t), lossdocs.softmax(student / t))
    return [t * t * kl, kl]


CASES: dict[str, list[Case]] = {
    "detection/focal-loss.html": [_focal],
    "detection/smooth-l1-vs-huber.html": [_robust, _robust_grad],
    "contrastive/infonce.html": [_infonce],
    "classification/ce-design.html": [_label_smoothing],
    "language/distillation.html": [_distillation],
}
