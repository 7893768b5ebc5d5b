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


def _asl_negative(prob: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # The chain rule on the probability, not asymmetric_loss_grad: with p_m = max(p - m, 0),
    # d/dz [p_m^g * -log(1 - p_m)] = p (1 - p) [g p_m^(g-1) (-log(1 - p_m)) + p_m^g / (1 - p_m)].
    g, shifted = p["gamma_neg"], np.maximum(prob - p["clip"], 0)
    nll = lossdocs.binary_cross_entropy(shifted, np.zeros_like(prob), reduction="none")
    with np.errstate(divide="ignore", invalid="ignore"):
        focus = np.where(shifted > 0, g * shifted ** (g - 1) * nll, 0) if g else 0
    slope = np.where(shifted > 0, prob * (1 - prob), 0)
    return [slope * (focus + shifted**g / (1 - shifted)), prob]  # BCE's gradient is p


def _min_snr(log_snr: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # The weights from the SNR itself, min(snr, g) / snr and min(snr, g) / (snr + 1),
    # not through diffusion_loss's unit-error route that the page takes.
    snr = lossdocs.diffusion_snr(lossdocs.sigmoid(log_snr))
    capped = np.minimum(snr, p["gamma"])
    return [capped / snr, capped / (snr + 1)]


def _reward_model(gap: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # Another route: DPO with beta = 1 is the Bradley-Terry loss of log-probabilities,
    # and the weight sigma(m - gap) is exp(-(-log sigma(m - gap))).
    h, zero = gap - p["m"], np.zeros_like(gap)
    loss = lossdocs.dpo_loss(np.minimum(h, 0), np.minimum(-h, 0), zero, zero, beta=1.0,
                             reduction="none")  # fmt: skip
    return [loss, np.exp(-lossdocs.bradley_terry_loss(-h, zero, reduction="none"))]


def _dpo(h: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # Another route: the Bradley-Terry loss of the implicit rewards beta * h and 0;
    # the weight sigma(-beta h) is exp(-(-log sigma(-beta h))).
    zero = np.zeros_like(h)
    loss = lossdocs.bradley_terry_loss(p["beta"] * h, zero, reduction="none")
    return [loss, np.exp(-lossdocs.bradley_terry_loss(-p["beta"] * h, zero, reduction="none"))]


def _ppo_clip(rho: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # Another route: the clipped objective written out, for A = +1 and A = -1.
    clipped = np.clip(rho, 1 - p["eps"], 1 + p["eps"])
    return [np.minimum(rho, clipped), np.minimum(-rho, -clipped)]


def _triplet(d: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # The triplet loss is a ranking loss on the two distances (d_an = d, d_ap = 1); the
    # contrastive loss of a dissimilar pair, on 1-D embeddings at distance d.
    triplet = lossdocs.margin_ranking_loss(d, np.ones_like(d), np.ones_like(d), margin=p["m"],
                                           reduction="none")  # fmt: skip
    pair = lossdocs.contrastive_loss(np.zeros((len(d), 1)), d[:, None], np.zeros_like(d),
                                     margin=p["m"], reduction="none")  # fmt: skip
    return [triplet, pair]


def _siglip_bias(b: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # -log sigma(b) for the positive, -log sigma(-b) for each of the N - 1 negatives.
    n = p["N"]
    loss = -lossdocs.log_sigmoid(b) - (n - 1) * lossdocs.log_sigmoid(-b)
    return [loss, np.full_like(b, np.log(n))]


def _angular(theta: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # The target logits written out (insightface's fallback past pi - m), checked
    # against what the loss implies on the page.
    m = p["m"]
    arc = np.where(theta + m < np.pi, np.cos(theta + m), np.cos(theta) - m * np.sin(m))
    return [np.cos(theta), arc, np.cos(theta) - m]


def _distillation(z0: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # By another route: T^2 times the KL of the softened rows, from softmax and kl_divergence.
    t = p["T"]
    student = np.stack([z0, np.full_like(z0, 2.0), np.zeros_like(z0)], axis=1)
    teacher = np.tile([4.0, 1.0, 0.0], (z0.size, 1))
    kl = lossdocs.kl_divergence(lossdocs.softmax(teacher / t), lossdocs.softmax(student / t))
    return [t * t * kl, kl]


def _pinball(u: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # Another route: max(q u, (q - 1) u) = |u| / 2 + (q - 1/2) u, from the absolute error.
    half = lossdocs.mae(np.zeros_like(u), u, reduction="none") / 2
    return [half + (p["q"] - 0.5) * u, half]


def _logit_adjustment(s: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # By another route: two classes, so the loss is the logistic loss of the adjusted
    # margin s + tau log(pi_y / pi_other), priors 0.1 (rare) and 0.9 (frequent).
    ones = np.ones_like(s)
    shift = p["tau"] * np.log(9.0)
    return [
        lossdocs.logistic(s - shift, ones, reduction="none"),
        lossdocs.logistic(s + shift, ones, reduction="none"),
        lossdocs.logistic(s, ones, reduction="none"),
    ]


def _temperature(p: np.ndarray, q: dict[str, float]) -> list[np.ndarray]:
    # By another route: the two-class softmax is sigmoid(logit / T); with nine tied
    # others, 1 / (1 + 9 exp(-g / T)) = sigmoid(g / T - log 9), g = log(9 p / (1 - p)).
    t = q["T"]
    logit = np.log(p / (1 - p))
    return [lossdocs.sigmoid(logit / t), lossdocs.sigmoid((logit + np.log(9)) / t - np.log(9)), p]


def _box_losses(dx: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # By another route: a w x 2 box at offset dx against the 2 x 2 target at the origin,
    # every area and length written out (eps = 1e-7 where torchvision adds it).
    w, eps = p["w"], 1e-7
    lo, hi = dx - w / 2, dx + w / 2
    inter = np.clip(np.minimum(hi, 1) - np.maximum(lo, -1), 0, None) * 2
    union = 2 * w + 4 - inter
    hull_w = np.maximum(hi, 1) - np.minimum(lo, -1)
    iou = inter / (union + eps)
    diou = 1 - iou + dx**2 / (hull_w**2 + 4 + eps)
    v = 4 / np.pi**2 * (np.pi / 4 - np.arctan(w / 2)) ** 2
    giou = 1 - iou + (2 * hull_w - union) / (2 * hull_w + eps)
    return [diou, diou + v / (1 - iou + v + eps) * v, giou, 1 - inter / union]


def _tversky(e: np.ndarray, p: dict[str, float]) -> list[np.ndarray]:
    # By another route: the counts of a 100-pixel target written out, TP / (TP + a FP + b FN)
    # (denominator floored at eps = 1e-7 where TP = 0 and alpha, beta are 0).
    fn, fp = np.maximum(-e, 0), np.maximum(e, 0)
    tp = 100 - fn
    tversky = 1 - tp / np.maximum(tp + p["alpha"] * fp + p["beta"] * fn, 1e-7)
    dice = 1 - lossdocs.dice_coefficient(
        (np.arange(300) >= fn[:, None]) & (np.arange(300) < 100 + fp[:, None]),
        np.broadcast_to(np.arange(300) < 100, (e.size, 300)),
        axis=1,
    )
    return [tversky, dice]


CASES: dict[str, list[Case]] = {
    "detection/focal-loss.html": [_focal],
    "detection/smooth-l1-vs-huber.html": [_robust, _robust_grad],
    "detection/iou-losses.html": [_box_losses],
    "contrastive/infonce.html": [_infonce],
    "classification/ce-design.html": [_label_smoothing],
    "generative/diffusion.html": [_min_snr],
    "classification/multilabel.html": [_asl_negative],
    "alignment/reward-model.html": [_reward_model],
    "alignment/dpo.html": [_dpo],
    "alignment/ppo-grpo.html": [_ppo_clip],
    "contrastive/triplet.html": [_triplet],
    "contrastive/clip-siglip.html": [_siglip_bias],
    "contrastive/arcface.html": [_angular],
    "language/distillation.html": [_distillation],
    "regression/probabilistic.html": [_pinball],
    "classification/imbalance.html": [_logit_adjustment],
    "classification/calibration.html": [_temperature],
    "segmentation/beyond-dice.html": [_tversky],
}
