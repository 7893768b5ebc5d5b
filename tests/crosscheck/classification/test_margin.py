"""Margin losses against torch: logistic (soft_margin_loss), hinge, exponential, 0-1.

Only ``logistic`` has a torch function, ``torch.nn.functional.soft_margin_loss``.
Hinge, exponential and 0-1 losses are written here in torch (``relu``,
``exp``, ``!=``) so that their gradients come from autograd.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def _scores_targets(seed=0, scale=3.0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    scores = rng.normal(0, scale, (8, 6))
    target = rng.choice([-1.0, 1.0], scores.shape)
    return scores.astype(dtype), target.astype(dtype)


def _reduce(loss, reduction):
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_logistic_is_soft_margin_loss(reduction):
    scores, target = _scores_targets()
    assert_close(
        ld("logistic")(scores, target, reduction=reduction),
        F.soft_margin_loss(tt(scores), tt(target), reduction=reduction),
    )


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_logistic_grad_matches_autograd(reduction):
    scores, target = _scores_targets(1)
    expected = autograd(F.soft_margin_loss, scores, tt(target), reduction=reduction)
    assert_close(ld("logistic_grad")(scores, target, reduction=reduction), expected)


def test_logistic_float32():
    scores, target = _scores_targets(2, dtype=np.float32)
    assert_close(
        ld("logistic")(scores, target), F.soft_margin_loss(tt(scores), tt(target)), dtype=np.float32
    )
    assert_close(
        ld("logistic_grad")(scores, target),
        autograd(F.soft_margin_loss, scores, tt(target)),
        dtype=np.float32,
    )


def _stable_logistic(s, t, reduction="none"):
    return _reduce(-F.logsigmoid(t * s), reduction)


def test_logistic_finite_where_soft_margin_loss_overflows():
    # Deliberate difference: torch evaluates log1p(exp(-y s)) literally, so a margin
    # y s <= -710 gives inf (float64; <= -89 in float32) and its backward gives nan.
    # lossdocs stays finite and equals the stable -logsigmoid(y s).
    scores = np.concatenate([EXTREME, EXTREME])
    target = np.repeat([1.0, -1.0], len(EXTREME))
    torch_value = F.soft_margin_loss(tt(scores), tt(target), reduction="none").numpy()
    overflow = target * scores <= -745
    assert np.all(np.isinf(torch_value[overflow]))
    got = ld("logistic")(scores, target, reduction="none")
    assert np.all(np.isfinite(got))
    assert_close(got, _stable_logistic(tt(scores), tt(target)))
    assert_close(got[overflow], -(target * scores)[overflow])  # log(1 + e^m) = m to 1e-300
    grad = ld("logistic_grad")(scores, target, reduction="sum")
    assert_close(grad, autograd(_stable_logistic, scores, tt(target), reduction="sum"))
    torch_grad = autograd(F.soft_margin_loss, scores, tt(target), reduction="sum")
    assert np.all(np.isnan(torch_grad[overflow]))


@pytest.mark.parametrize("margin", [None, 0.5, 1.0, 2.0])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_hinge_values(margin, reduction):
    scores, target = _scores_targets(3)
    m = 1.0 if margin is None else margin
    kwargs = {} if margin is None else {"margin": margin}
    expected = _reduce(F.relu(m - tt(target) * tt(scores)), reduction)
    assert_close(ld("hinge")(scores, target, reduction=reduction, **kwargs), expected)


def _hinge_relu(s, t, m, reduction):
    return _reduce(F.relu(m - t * s), reduction)


def _hinge_clamp(s, t, m, reduction):
    return _reduce(torch.clamp(m - t * s, min=0), reduction)


@pytest.mark.parametrize("margin", [0.5, 1.0, 2.0])
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_hinge_grad_matches_autograd_of_relu(margin, reduction):
    # At the kink y s = m (set exactly below) lossdocs takes the subgradient 0,
    # which is what autograd of relu gives; autograd of clamp(min=0) gives -y there.
    scores, target = _scores_targets(4)
    scores[0] = target[0] * margin
    expected = autograd(_hinge_relu, scores, tt(target), margin, reduction)
    assert_close(ld("hinge_grad")(scores, target, margin=margin, reduction=reduction), expected)
    clamp = autograd(_hinge_clamp, scores, tt(target), margin, "sum")
    assert np.array_equal(clamp[0], -target[0])


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_exponential_values(reduction):
    scores, target = _scores_targets(5)
    expected = _reduce(torch.exp(-tt(target) * tt(scores)), reduction)
    assert_close(ld("exponential")(scores, target, reduction=reduction), expected)


def _exponential(s, t, reduction):
    return _reduce(torch.exp(-t * s), reduction)


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_exponential_grad_matches_autograd(reduction):
    scores, target = _scores_targets(6)
    expected = autograd(_exponential, scores, tt(target), reduction)
    assert_close(ld("exponential_grad")(scores, target, reduction=reduction), expected)


def test_margin_losses_float32():
    scores, target = _scores_targets(7, dtype=np.float32)
    st, tg = tt(scores), tt(target)
    assert_close(ld("hinge")(scores, target), F.relu(1 - tg * st).mean(), dtype=np.float32)
    assert_close(ld("exponential")(scores, target), torch.exp(-tg * st).mean(), dtype=np.float32)
    assert_close(
        ld("exponential_grad")(scores, target),
        autograd(_exponential, scores, tg, "mean"),
        dtype=np.float32,
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_zero_one(reduction):
    rng = np.random.default_rng(8)
    pred, target = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
    expected = _reduce((tt(pred) != tt(target)).to(torch.float64), reduction)
    assert_close(ld("zero_one")(pred, target, reduction=reduction), expected)
