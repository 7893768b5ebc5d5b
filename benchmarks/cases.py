"""What is timed: every lossdocs function beside its PyTorch counterpart, and its inputs.

``n`` is the number of elements of the prediction (``N * C`` for class scores,
``N * 4`` for matched boxes, ``N * D`` for InfoNCE queries) except for the
pairwise box functions, where it is the number of pairs ``N * M`` (the output).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import counterparts as tc
import numpy as np
import torch.nn.functional as F
from torch import logsumexp, sigmoid, softmax

import lossdocs as ld

C = 10  # classes (and outcomes per row for the divergences)
C_SEG = 21  # classes of the label maps (PASCAL VOC)
D, QUEUE = 64, 63  # InfoNCE: embedding size, queued negatives (logits N x 64, as the query)
SEG_N = 8  # samples of the soft segmentation masks
SEG_C = 4  # classes of the generalised Dice's one-hot masks
CTC_N, CTC_C = 32, 30  # CTC: sequences per batch, classes (blank included)


@dataclass(frozen=True)
class Case:
    """One lossdocs function, its torch counterpart and how to make inputs of size n."""

    name: str
    make: Callable[[int, np.random.Generator], tuple]
    torch: Callable
    counterpart: str
    grad: bool = False  # lossdocs has ``<name>_grad`` (same arguments)
    wrt: int = 0  # the argument it differentiates
    size: str = "elements"

    def ld(self, *args):
        return getattr(ld, self.name)(*args)

    def ld_grad(self, *args):
        return getattr(ld, self.name + "_grad")(*args)


def _real(n, rng):
    return rng.normal(0, 3, n), rng.normal(0, 3, n)


def _logits01(n, rng):
    return rng.normal(0, 3, n), rng.integers(0, 2, n).astype(float)


def _probs01(n, rng):
    return rng.uniform(1e-3, 1 - 1e-3, n), rng.integers(0, 2, n).astype(float)


def _scores_pm1(n, rng):
    return rng.normal(0, 3, n), 2.0 * rng.integers(0, 2, n) - 1


def _rows(n, rng):
    return (rng.normal(0, 3, (n // C, C)),)


def _flat(n, rng):
    return (rng.normal(0, 3, n),)


def _class_logits(n, rng):
    return rng.normal(0, 3, (n // C, C)), rng.integers(0, C, n // C)


def _class_log_probs(n, rng):
    logits, target = _class_logits(n, rng)
    return ld.log_softmax(logits, axis=1), target


def _class_probs(n, rng):
    logits, target = _class_logits(n, rng)
    return ld.softmax(logits, axis=1), target


def _labels(n, rng):
    return rng.integers(0, C, n).astype(float), rng.integers(0, C, n).astype(float)


def _masks(n, rng):
    shape = (SEG_N, n // SEG_N)
    return rng.uniform(0, 1, shape), (rng.uniform(0, 1, shape) < 0.3).astype(float)


def _class_masks(n, rng):
    """Softmax-like probabilities and one-hot targets, (SEG_N, SEG_C, pixels)."""
    p = rng.uniform(0, 1, (SEG_N, SEG_C, n // (SEG_N * SEG_C)))
    labels = rng.integers(0, SEG_C, (SEG_N, n // (SEG_N * SEG_C)))
    return p / p.sum(axis=1, keepdims=True), np.moveaxis(np.eye(SEG_C)[labels], -1, 1)


def _label_maps(n, rng):
    return rng.integers(0, C_SEG, n), rng.integers(0, C_SEG, n), C_SEG


def _boxes(n, rng):
    xy = rng.uniform(0, 100, (n, 2))
    return np.concatenate([xy, xy + rng.uniform(1, 30, (n, 2))], axis=1)


def _box_sets(n, rng):
    side = math.isqrt(n)
    return _boxes(side, rng), _boxes(side, rng)


def _box_pairs(n, rng):
    return _boxes(n // 4, rng), _boxes(n // 4, rng)


def _embeddings(n, rng):
    q = rng.normal(0, 1, (n // D, D))
    return q, q + rng.normal(0, 0.5, q.shape), rng.normal(0, 1, (QUEUE, D))


def _triplets(n, rng):
    a = rng.normal(0, 1, (n // D, D))
    return a, a + rng.normal(0, 0.5, a.shape), a + rng.normal(0, 0.55, a.shape)  # some active


def _pairs_pm1(n, rng):
    a = rng.normal(0, 1, (n // D, D))
    return a, a + rng.normal(0, 1, a.shape), 2.0 * rng.integers(0, 2, n // D) - 1


def _scores_pair_pm1(n, rng):
    return rng.normal(0, 3, n), rng.normal(0, 3, n), 2.0 * rng.integers(0, 2, n) - 1


def _distribution(n, rng):
    return (rng.dirichlet(np.ones(C), n // C),)


def _distributions(n, rng):
    return _distribution(n, rng) + _distribution(n, rng)


def _gaussians(n, rng):
    return rng.normal(0, 1, n), rng.uniform(0.5, 2, n), rng.normal(0, 1, n), rng.uniform(0.5, 2, n)


def _ctc_batch(n, rng):
    # n = T * N * C with N = 32 sequences and C = 30 classes; targets T / 10 long,
    # so n = 10**6 is the T = 1000, S = 100 case of issue 18.
    n_frames = max(n // (CTC_N * CTC_C), 2)
    length = max(n_frames // 10, 1)
    x = rng.normal(0, 1, (n_frames, CTC_N, CTC_C))
    log_probs = x - np.log(np.exp(x).sum(-1, keepdims=True))
    targets = rng.integers(1, CTC_C, (CTC_N, length))
    return log_probs, targets, np.full(CTC_N, n_frames), np.full(CTC_N, length)


def _reward_pairs(n, rng):
    return rng.normal(0, 3, n), rng.normal(0, 3, n)


def _dpo_logps(n, rng):
    return tuple(-rng.uniform(1, 100, n) for _ in range(4))


def _policy_logps(n, rng):
    old = np.log(rng.uniform(0.01, 1, n))
    return np.minimum(old + rng.normal(0, 0.3, n), 0.0), old


def _ppo(n, rng):
    return (*_policy_logps(n, rng), rng.normal(size=n))


def _groups(n, rng):
    return (rng.normal(size=(max(n // 8, 1), 8)),)


def _gaussian_nll(n, rng):
    return rng.normal(0, 3, n), rng.normal(0, 3, n), rng.uniform(0.1, 4, n)


def _counts(n, rng):
    return rng.normal(1, 1, n), rng.poisson(3.0, n).astype(float)


def _label_lists(n, rng):
    """Rows of C scores and multilabel_margin_loss targets: up to 3 classes, then -1."""
    scores, _ = _class_logits(n, rng)
    target = np.full(scores.shape, -1)
    for row, k in zip(target, rng.integers(0, 4, len(target)), strict=True):
        row[:k] = rng.choice(C, k, replace=False)
    return scores, target


def _multilabel_rows(n, rng):
    return rng.normal(0, 3, (n // C, C)), (rng.random((n // C, C)) < 0.2).astype(float)


def _class_logits_priors(n, rng):
    priors = rng.dirichlet(np.ones(C))
    return (*_class_logits(n, rng), np.maximum(priors, 1e-3))


def _class_counts(n, rng):
    return (np.ceil(5000 * 0.01 ** (np.arange(n) / max(n - 1, 1))),)  # a CIFAR-LT-100 tail


def _torch_ce_focal(z, t):
    return tc.sigmoid_focal_loss(z, t, 0.25, 2.0, "mean")  # its default reduction is "none"


CASES = [
    Case("sigmoid", _flat, sigmoid, "torch.sigmoid"),
    Case("log_sigmoid", _flat, F.logsigmoid, "F.logsigmoid"),
    Case("softmax", _rows, lambda x: softmax(x, -1), "torch.softmax", size="N*C, C=10"),
    Case("log_softmax", _rows, lambda x: F.log_softmax(x, -1), "F.log_softmax", size="N*C, C=10"),
    Case("logsumexp", _rows, lambda x: logsumexp(x, -1), "torch.logsumexp", size="N*C, C=10"),
    Case("mse", _real, F.mse_loss, "F.mse_loss", grad=True),
    Case("mae", _real, F.l1_loss, "F.l1_loss", grad=True),
    Case("huber", _real, F.huber_loss, "F.huber_loss", grad=True),
    Case("smooth_l1", _real, F.smooth_l1_loss, "F.smooth_l1_loss", grad=True),
    Case("zero_one", _labels, tc.zero_one, "(a != b).mean()"),
    Case("cross_entropy", _class_logits, F.cross_entropy, "F.cross_entropy", True, 0, "N*C, C=10"),
    Case("nll_loss", _class_log_probs, F.nll_loss, "F.nll_loss", size="N*C, C=10"),
    Case("softmax_focal_loss", _class_logits, tc.softmax_focal_loss, "formula", size="N*C, C=10"),
    Case("binary_cross_entropy", _probs01, F.binary_cross_entropy, "F.binary_cross_entropy", True),
    Case(
        "binary_cross_entropy_with_logits",
        _logits01,
        F.binary_cross_entropy_with_logits,
        "F.binary_cross_entropy_with_logits",
        grad=True,
    ),
    Case("hinge", _scores_pm1, tc.hinge, "relu(1 - y s).mean()", grad=True),
    Case("exponential", _scores_pm1, tc.exponential, "exp(-y s).mean()", grad=True),
    Case("logistic", _scores_pm1, F.soft_margin_loss, "F.soft_margin_loss", grad=True),
    Case("focal_loss", _logits01, _torch_ce_focal, "torchvision sigmoid_focal_loss", grad=True),
    Case("jaccard_loss", _masks, tc.jaccard_loss, "formula", grad=True, size="N*P, N=8"),
    Case("dice_loss", _masks, tc.dice_loss, "formula", grad=True, size="N*P, N=8"),
    Case("tversky_loss", _masks, tc.tversky_loss, "formula", grad=True, size="N*P, N=8"),
    Case("focal_tversky_loss", _masks, tc.focal_tversky_loss, "formula", size="N*P, N=8"),
    Case(
        "generalized_dice_loss",
        _class_masks,
        tc.generalized_dice_loss,
        "MONAI formula",
        grad=True,
        size="N*C*P, N=8, C=4",
    ),
    Case("confusion_matrix", _label_maps, tc.confusion_matrix, "torch.bincount", size="pixels"),
    Case("mean_iou", _label_maps, tc.mean_iou, "bincount + nanmean", size="pixels"),
    Case("box_iou", _box_sets, tc.box_iou, "torchvision box_iou", size="pairs N*M"),
    Case(
        "generalized_box_iou",
        _box_sets,
        tc.generalized_box_iou,
        "torchvision generalized_box_iou",
        size="pairs N*M",
    ),
    Case("giou_loss", _box_pairs, tc.giou_loss, "torchvision generalized_box_iou_loss", size="N*4"),
    Case("diou_loss", _box_pairs, tc.diou_loss, "torchvision distance_box_iou_loss", size="N*4"),
    Case("ciou_loss", _box_pairs, tc.ciou_loss, "torchvision complete_box_iou_loss", size="N*4"),
    Case("info_nce", _embeddings, tc.info_nce, "normalize + cross_entropy", True, 0, "N*D, D=64"),
    Case(
        "triplet_margin_loss",
        _triplets,
        F.triplet_margin_loss,
        "F.triplet_margin_loss",
        size="N*D, D=64",
    ),
    Case("margin_ranking_loss", _scores_pair_pm1, F.margin_ranking_loss, "F.margin_ranking_loss"),
    Case(
        "cosine_embedding_loss",
        _pairs_pm1,
        F.cosine_embedding_loss,
        "F.cosine_embedding_loss",
        size="N*D, D=64",
    ),
    Case("hinge_embedding_loss", _scores_pm1, F.hinge_embedding_loss, "F.hinge_embedding_loss"),
    Case("entropy", _distribution, tc.entropy, "-xlogy(p, p).sum(-1)", size="N*C, C=10"),
    Case("kl_divergence", _distributions, tc.kl_div, "F.kl_div(q.log(), p)", True, 1, "N*C, C=10"),
    Case("js_divergence", _distributions, tc.js_divergence, "formula", size="N*C, C=10"),
    Case("gaussian_kl", _gaussians, tc.gaussian_kl, "distributions.kl_divergence(Normal, Normal)"),
    Case("ctc_loss", _ctc_batch, F.ctc_loss, "F.ctc_loss", size="T*N*C, N=32, C=30, S=T/10"),
    Case("bradley_terry_loss", _reward_pairs, tc.bradley_terry_loss, "-F.logsigmoid(c - r)"),
    Case("dpo_loss", _dpo_logps, tc.dpo_loss, "TRL DPOTrainer sigmoid", size="pairs"),
    Case("ppo_clip_loss", _ppo, tc.ppo_clip_loss, "TRL GRPOTrainer per-token loss"),
    Case("group_advantages", _groups, tc.group_advantages, "TRL GRPOTrainer", size="N*G, G=8"),
    Case("kl_estimate", _policy_logps, tc.kl_estimate, "TRL GRPOTrainer k3"),
    Case("gaussian_nll", _gaussian_nll, F.gaussian_nll_loss, "F.gaussian_nll_loss", grad=True),
    Case("poisson_nll", _counts, F.poisson_nll_loss, "F.poisson_nll_loss"),
    Case("quantile_loss", _real, tc.quantile_loss, "max(q u, (q - 1) u).mean(), q=0.5", grad=True),
    Case("log_cosh", _real, tc.log_cosh, "x + softplus(-2x) - log 2 (Keras)", grad=True),
    Case("squared_hinge", _scores_pm1, tc.squared_hinge, "relu(1 - y s).pow(2).mean()", True),
    Case(
        "multi_margin_loss",
        _class_logits,
        F.multi_margin_loss,
        "F.multi_margin_loss",
        True,
        0,
        "N*C, C=10",
    ),
    Case(
        "multilabel_margin_loss",
        _label_lists,
        F.multilabel_margin_loss,
        "F.multilabel_margin_loss",
        True,
        0,
        "N*C, C=10",
    ),
    Case(
        "multilabel_soft_margin_loss",
        _multilabel_rows,
        F.multilabel_soft_margin_loss,
        "F.multilabel_soft_margin_loss",
        True,
        0,
        "N*C, C=10",
    ),
    Case(
        "asymmetric_loss",
        _multilabel_rows,
        tc.asymmetric_loss,
        "ASL authors' AsymmetricLoss",
        True,
        0,
        "N*C, C=10",
    ),
    Case(
        "logit_adjusted_cross_entropy",
        _class_logits_priors,
        tc.logit_adjusted_cross_entropy,
        "F.cross_entropy(z + log(priors))",
        True,
        0,
        "N*C, C=10",
    ),
    Case(
        "class_balanced_weights",
        _class_counts,
        tc.class_balanced_weights,
        "the authors' formula",
        size="classes",
    ),
    Case(
        "expected_calibration_error",
        _class_probs,
        tc.expected_calibration_error,
        "torchmetrics multiclass_calibration_error",
        size="N*C, C=10",
    ),
    Case("fit_temperature", _class_logits, tc.fit_temperature, "LBFGS on 1/T", size="N*C, C=10"),
]
