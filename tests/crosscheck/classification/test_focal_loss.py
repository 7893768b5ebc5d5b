"""Focal losses against torchvision's formula and a torch formulation of the softmax form.

torchvision does not import beside this torch build, so
``torchvision.ops.sigmoid_focal_loss`` is written out below, copied line for
line from pytorch/vision ``torchvision/ops/focal_loss.py`` (read at commit
148ddaa): ``p = sigmoid(inputs)``, ``ce_loss = binary_cross_entropy_with_logits(...,
reduction="none")``, ``p_t = p * targets + (1 - p) * (1 - targets)``,
``loss = ce_loss * ((1 - p_t) ** gamma)``, then ``alpha_t = alpha * targets +
(1 - alpha) * (1 - targets)`` applied only ``if alpha >= 0``, and
``reduction`` 'none' (its default), 'mean' or 'sum'.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def tv_sigmoid_focal_loss(inputs, targets, alpha: float = 0.25, gamma: float = 2, reduction="none"):
    """torchvision.ops.sigmoid_focal_loss, as in torchvision/ops/focal_loss.py."""
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


def _data(seed=0, dtype=np.float64, soft=False):
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 3, (12, 7))
    target = rng.integers(0, 2, logits.shape).astype(np.float64)
    if soft:
        target[::2] = rng.uniform(0, 1, target[::2].shape)
    return logits.astype(dtype), target.astype(dtype)


ALPHAS = [0.25, 0.5, 0.9, 0.0, -1.0]
GAMMAS = [0.0, 0.5, 1.0, 2.0, 3.5]


@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("gamma", GAMMAS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("soft", [False, True], ids=["hard", "soft"])
def test_focal_loss_values(alpha, gamma, reduction, soft):
    logits, target = _data(soft=soft)
    expected = tv_sigmoid_focal_loss(tt(logits), tt(target), alpha, gamma, reduction)
    got = ld("focal_loss")(logits, target, alpha=alpha, gamma=gamma, reduction=reduction)
    assert_close(got, expected)


@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("gamma", GAMMAS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
@pytest.mark.parametrize("soft", [False, True], ids=["hard", "soft"])
def test_focal_loss_grad_matches_autograd(alpha, gamma, reduction, soft):
    logits, target = _data(1, soft=soft)
    expected = autograd(tv_sigmoid_focal_loss, logits, tt(target), alpha, gamma, reduction)
    got = ld("focal_loss_grad")(logits, target, alpha=alpha, gamma=gamma, reduction=reduction)
    assert_close(got, expected)


def test_focal_loss_defaults_differ_from_torchvision_in_reduction_only():
    # Same alpha=0.25 and gamma=2 defaults; torchvision's default reduction is 'none',
    # lossdocs' is 'mean'.
    logits, target = _data(2)
    tv_default = tv_sigmoid_focal_loss(tt(logits), tt(target))
    assert tv_default.shape == logits.shape
    assert_close(ld("focal_loss")(logits, target), tv_default.mean())
    assert_close(ld("focal_loss")(logits, target, reduction="none"), tv_default)
    assert_close(
        ld("focal_loss_grad")(logits, target),
        autograd(lambda z, t: tv_sigmoid_focal_loss(z, t).mean(), logits, tt(target)),
    )


def test_focal_loss_alpha_none_is_torchvision_alpha_minus_one():
    # torchvision has no alpha=None (``None >= 0`` raises TypeError); lossdocs reads
    # None as "no weighting", torchvision's alpha=-1.
    logits, target = _data(3)
    with pytest.raises(TypeError):
        tv_sigmoid_focal_loss(tt(logits), tt(target), alpha=None)
    expected = tv_sigmoid_focal_loss(tt(logits), tt(target), alpha=-1, reduction="sum")
    assert_close(ld("focal_loss")(logits, target, alpha=None, reduction="sum"), expected)
    assert_close(
        ld("focal_loss_grad")(logits, target, alpha=None, reduction="sum"),
        autograd(tv_sigmoid_focal_loss, logits, tt(target), -1, 2.0, "sum"),
    )


@pytest.mark.parametrize("gamma", [0.0, 1.0, 2.0, 3.5])
def test_focal_loss_extreme_logits(gamma):
    # Logits up to +-1e4 against targets 0 and 1: finite, and torchvision's values
    # (its 1 - p_t rounds to 0 where ours keeps the tiny value: far below ATOL64).
    logits = np.tile(EXTREME, 2)
    target = np.repeat([0.0, 1.0], len(EXTREME))
    got = ld("focal_loss")(logits, target, gamma=gamma, reduction="none")
    assert np.all(np.isfinite(got))
    assert_close(got, tv_sigmoid_focal_loss(tt(logits), tt(target), 0.25, gamma))
    grad = ld("focal_loss_grad")(logits, target, gamma=gamma, reduction="sum")
    assert np.all(np.isfinite(grad))
    assert_close(grad, autograd(tv_sigmoid_focal_loss, logits, tt(target), 0.25, gamma, "sum"))


def test_focal_loss_float32():
    logits, target = _data(4, dtype=np.float32, soft=True)
    assert_close(
        ld("focal_loss")(logits, target),
        tv_sigmoid_focal_loss(tt(logits), tt(target), reduction="mean"),
        dtype=np.float32,
    )
    assert_close(
        ld("focal_loss_grad")(logits, target),
        autograd(tv_sigmoid_focal_loss, logits, tt(target), 0.25, 2.0, "mean"),
        dtype=np.float32,
    )


def test_softmax_focal_loss_gamma_0_is_cross_entropy_and_mean_ignores_alpha_sum():
    # With gamma = 0 and alpha as weight, torch's weighted cross_entropy divides the
    # sum by sum(alpha[target]); the softmax focal loss divides by N (its docstring).
    rng = np.random.default_rng(6)
    logits, target, alpha = rng.normal(0, 2, (9, 4)), rng.integers(0, 4, 9), rng.uniform(0.2, 2, 4)
    got = ld("softmax_focal_loss")(logits, target, alpha=alpha, gamma=0.0)
    ce_sum = F.cross_entropy(tt(logits), tt(target), weight=tt(alpha), reduction="sum")
    assert_close(got, ce_sum / 9)


def test_focal_loss_grad_finite_where_torchvision_autograd_is_nan():
    # With gamma < 1, torchvision's 1 - p_t rounds to 0 for saturated logits and the
    # backward of (1 - p_t) ** gamma is 0 ** (gamma - 1) = inf times 0: nan.
    # lossdocs forms 1 - p_t as a sum (never rounded to 0) and stays finite.
    logits, target = np.array([-40.0, 40.0, 1e4, -1e4]), np.array([0.0, 1.0, 1.0, 0.0])
    theirs = autograd(tv_sigmoid_focal_loss, logits, tt(target), 0.25, 0.5, "sum")
    assert np.all(np.isnan(theirs))
    ours = ld("focal_loss_grad")(logits, target, gamma=0.5, reduction="sum")
    assert np.all(np.isfinite(ours)) and np.all(np.abs(ours) < 1e-20)
