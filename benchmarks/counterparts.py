"""The PyTorch side of the benchmark: each lossdocs function's counterpart, in torch.

Where torch has the function, it is called (``F.mse_loss``, ``F.cross_entropy``,
``F.soft_margin_loss``, ``torch.distributions.kl_divergence``, ...). torchvision
does not import beside torch 2.13.0 here, so its losses are the line-for-line
copies that the PyTorch cross-check (tests/crosscheck) already holds:

- ``sigmoid_focal_loss``: pytorch/vision ``torchvision/ops/focal_loss.py``
  (commit 148ddaa), in ``tests/crosscheck/classification/test_focal_loss.py``;
- ``box_iou`` / ``generalized_box_iou`` (with ``_box_inter_union``):
  ``torchvision/ops/boxes.py`` (commit 2f3a43f), in
  ``tests/crosscheck/detection/_xhelpers.py`` and ``test_box_iou.py``;
- ``generalized_box_iou_loss``: ``torchvision/ops/giou_loss.py`` (commit 90a8f70),
  in ``tests/crosscheck/detection/test_giou_loss.py``;
- ``distance_box_iou_loss`` / ``complete_box_iou_loss``:
  ``torchvision/ops/diou_loss.py`` and ``ciou_loss.py``, in
  ``tests/crosscheck/detection/test_distance.py``.

Losses torch has no function for (hinge, exponential, 0-1, Dice, Jaccard, mIoU,
softmax focal, entropy, JS) are the same formula written in torch ops.
Every function takes tensors in the argument order of its lossdocs twin.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence

_CROSSCHECK = Path(__file__).resolve().parents[1] / "tests" / "crosscheck"
for _folder in (_CROSSCHECK, _CROSSCHECK / "detection", _CROSSCHECK / "classification"):
    sys.path.insert(0, str(_folder))
from detection._xhelpers import tv_generalized_box_iou as generalized_box_iou  # noqa: E402
from test_box_iou import tv_box_iou as box_iou  # noqa: E402
from test_distance import (  # noqa: E402
    tv_complete_box_iou_loss,
    tv_distance_box_iou_loss,
)
from test_focal_loss import tv_sigmoid_focal_loss as sigmoid_focal_loss  # noqa: E402
from test_giou_loss import tv_generalized_box_iou_loss  # noqa: E402

__all__ = [
    "box_iou", "generalized_box_iou", "giou_loss", "diou_loss", "ciou_loss", "sigmoid_focal_loss",
]  # fmt: skip


def giou_loss(boxes1, boxes2):
    """torchvision.ops.generalized_box_iou_loss with reduction 'mean' (its default: 'none')."""
    return tv_generalized_box_iou_loss(boxes1, boxes2, reduction="mean")


def diou_loss(boxes1, boxes2):
    """torchvision.ops.distance_box_iou_loss with reduction 'mean' (its default: 'none')."""
    return tv_distance_box_iou_loss(boxes1, boxes2, reduction="mean")


def ciou_loss(boxes1, boxes2):
    """torchvision.ops.complete_box_iou_loss with reduction 'mean' (its default: 'none')."""
    return tv_complete_box_iou_loss(boxes1, boxes2, reduction="mean")


def _reduce(loss, reduction):
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


def hinge(scores, target, margin=1.0, reduction="mean"):
    return _reduce(F.relu(margin - target * scores), reduction)


def exponential(scores, target, reduction="mean"):
    return _reduce(torch.exp(-target * scores), reduction)


def zero_one(pred_labels, target):
    return (pred_labels != target).to(pred_labels.dtype).mean()


def softmax_focal_loss(logits, target, gamma=2.0, reduction="mean"):
    """-(1 - p_t)^gamma log p_t over the class axis 1."""
    log_pt = F.log_softmax(logits, dim=1).gather(1, target.unsqueeze(1)).squeeze(1)
    return _reduce(-((-torch.expm1(log_pt)) ** gamma) * log_pt, reduction)


def _pixel_axes(p):
    return tuple(range(1, p.ndim))


def dice_loss(p, t, eps=1e-7):
    inter = (p * t).sum(_pixel_axes(p))
    card = (p + t).sum(_pixel_axes(p))
    return (1 - 2 * inter / torch.clamp(card, min=eps)).mean()


def jaccard_loss(p, t, eps=1e-7):
    inter = (p * t).sum(_pixel_axes(p))
    union = (p + t).sum(_pixel_axes(p)) - inter
    return (1 - inter / torch.clamp(union, min=eps)).mean()


def tversky_loss(p, t, alpha=0.3, beta=0.7, eps=1e-7):
    tp = (p * t).sum(_pixel_axes(p))
    fp = (p * (1 - t)).sum(_pixel_axes(p))
    fn = ((1 - p) * t).sum(_pixel_axes(p))
    return (1 - tp / torch.clamp(tp + alpha * fp + beta * fn, min=eps)).mean()


def focal_tversky_loss(p, t, gamma=0.75):
    tp = (p * t).sum(_pixel_axes(p))
    fp = (p * (1 - t)).sum(_pixel_axes(p))
    fn = ((1 - p) * t).sum(_pixel_axes(p))
    return ((1 - tp / torch.clamp(tp + 0.3 * fp + 0.7 * fn, min=1e-7)) ** gamma).mean()


def generalized_dice_loss(p, t, eps=1e-7):
    """MONAI's GeneralizedDiceLoss (square weights, absent classes at the sample's max)."""
    axes = tuple(range(2, p.ndim))
    t_sum = t.sum(axes)
    w = torch.reciprocal(t_sum * t_sum)
    infs = torch.isinf(w)
    w = torch.where(infs, torch.where(infs, 0, w).amax(1, keepdim=True), w)
    num = 2 * (w * (p * t).sum(axes)).sum(1)
    den = (w * (p.sum(axes) + t_sum)).sum(1)
    return (1 - num / torch.clamp(den, min=eps)).mean()


def confusion_matrix(pred, target, num_classes):
    idx = (target * num_classes + pred).reshape(-1)
    return torch.bincount(idx, minlength=num_classes**2).reshape(num_classes, num_classes)


def mean_iou(pred, target, num_classes):
    cm = confusion_matrix(pred, target, num_classes).double()
    inter = torch.diag(cm)
    return torch.nanmean(inter / (cm.sum(0) + cm.sum(1) - inter))


def info_nce(q, k, neg, temperature=0.1):
    """cross_entropy over [q.k+, q @ K-.T] / temperature, target 0 (normalised rows)."""
    q, k, neg = F.normalize(q, dim=1), F.normalize(k, dim=1), F.normalize(neg, dim=1)
    logits = torch.cat([(q * k).sum(dim=1, keepdim=True), q @ neg.T], dim=1)
    target = torch.zeros(len(q), dtype=torch.long)
    return F.cross_entropy(logits / temperature, target)


def entropy(p):
    return -torch.special.xlogy(p, p).sum(-1)


def kl_div(p, q):
    """D_KL(p || q) per row: ``F.kl_div`` takes log q first."""
    return F.kl_div(q.log(), p, reduction="none").sum(-1)


def js_divergence(p, q):
    m = (p + q) / 2
    return (kl_div(p, m) + kl_div(q, m)) / 2


def gaussian_kl(mu_p, sigma_p, mu_q, sigma_q):
    return kl_divergence(Normal(mu_p, sigma_p), Normal(mu_q, sigma_q))


# Alignment (issue 15): the formulas of TRL (DPOTrainer, GRPOTrainer), written in torch as
# in tests/crosscheck/alignment.
def bradley_terry_loss(chosen, rejected):
    return (-F.logsigmoid(chosen - rejected)).mean()


def dpo_loss(pc, pr, rc, rr, beta=0.1):
    return (-F.logsigmoid(beta * ((pc - pr) - (rc - rr)))).mean()


def ppo_clip_loss(logp, old_logp, advantages, eps=0.2):
    ratio = torch.exp(logp - old_logp)
    clipped = torch.clamp(ratio, 1 - eps, 1 + eps)
    return (-torch.min(ratio * advantages, clipped * advantages)).mean()


def group_advantages(rewards):
    mean = rewards.mean(-1, keepdim=True)
    return (rewards - mean) / (rewards.std(-1, keepdim=True) + 1e-4)


def kl_estimate(logp, ref_logp):
    d = ref_logp - logp
    return (torch.exp(d) - d - 1).mean()


# Probabilistic regression (issue 18): the pinball formula and Keras' LogCosh, written in torch
# as in tests/crosscheck/regression.
def quantile_loss(pred, target, quantile=0.5):
    u = target - pred
    return torch.maximum(quantile * u, (quantile - 1) * u).mean()


def log_cosh(pred, target):
    x = pred - target
    return (x + F.softplus(-2 * x) - math.log(2)).mean()


def squared_hinge(scores, target, margin=1.0, reduction="mean"):
    return _reduce(F.relu(margin - target * scores) ** 2, reduction)


def asymmetric_loss(logits, target, gamma_pos=0.0, gamma_neg=4.0, clip=0.05, eps=1e-8):
    """The ASL authors' AsymmetricLoss (Alibaba-MIIL/ASL), divided by N * C (lossdocs' mean)."""
    xs_pos = torch.sigmoid(logits)
    xs_neg = (1 - xs_pos + clip).clamp(max=1)
    loss = target * torch.log(xs_pos.clamp(min=eps))
    loss = loss + (1 - target) * torch.log(xs_neg.clamp(min=eps))
    pt = xs_pos * target + xs_neg * (1 - target)
    loss = loss * torch.pow(1 - pt, gamma_pos * target + gamma_neg * (1 - target))
    return -loss.mean()


# Imbalance (issue 19): the authors' formulas in torch, as in tests/crosscheck/classification.
def logit_adjusted_cross_entropy(logits, target, priors, tau=1.0):
    return F.cross_entropy(logits + tau * torch.log(priors), target)


def class_balanced_weights(samples_per_class, beta=0.9999):
    weights = (1.0 - beta) / (1.0 - torch.pow(beta, samples_per_class))
    return weights / weights.sum() * samples_per_class.numel()


def expected_calibration_error(probs, target):
    """torchmetrics' top-label ECE (15 bins, l1 norm); it computes in float32."""
    from torchmetrics.functional.classification import multiclass_calibration_error

    return multiclass_calibration_error(probs, target, num_classes=probs.shape[1], norm="l1")


def fit_temperature(logits, target):
    """LBFGS on 1/T with a strong Wolfe line search, run to convergence."""
    inv_t = torch.nn.Parameter(torch.ones(1, dtype=logits.dtype))
    opt = torch.optim.LBFGS([inv_t], line_search_fn="strong_wolfe", max_iter=100)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits * inv_t, target)
        loss.backward()
        return loss

    opt.step(closure)
    return 1 / inv_t.detach()
