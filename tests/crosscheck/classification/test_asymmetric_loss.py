"""asymmetric_loss against the ASL authors' AsymmetricLoss, written out in torch.

The reference follows ``AsymmetricLoss.forward`` in Alibaba-MIIL/ASL
(src/loss_functions/losses.py): sigmoid, the negatives' probability shifted by
``clip`` (``(1 - p + clip).clamp(max=1)``), logs of probabilities clamped at
``eps``, the weight ``(1 - p_t) ** (gamma_pos y + gamma_neg (1 - y))`` kept in
the graph, and the sum. Per element here (the authors' sum is ``reduction='sum'``).
"""

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt

SETTINGS = [
    {},  # the paper's gamma_pos=0, gamma_neg=4, clip=0.05
    {"gamma_pos": 1.0},  # the authors' class defaults
    {"gamma_pos": 0.5, "gamma_neg": 2.0, "clip": 0.2, "eps": 1e-5},
    {"gamma_pos": 0.0, "gamma_neg": 0.0, "clip": 0.0},  # BCE
]


def _authors(x, y, gamma_pos=0.0, gamma_neg=4.0, clip=0.05, eps=1e-8, reduction="none"):
    x_sigmoid = torch.sigmoid(x)
    xs_pos, xs_neg = x_sigmoid, 1 - x_sigmoid
    if clip is not None and clip > 0:
        xs_neg = (xs_neg + clip).clamp(max=1)
    loss = y * torch.log(xs_pos.clamp(min=eps)) + (1 - y) * torch.log(xs_neg.clamp(min=eps))
    if gamma_neg > 0 or gamma_pos > 0:
        pt = xs_pos * y + xs_neg * (1 - y)
        loss = loss * torch.pow(1 - pt, gamma_pos * y + gamma_neg * (1 - y))
    loss = -loss
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


def _data(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 3.0, (8, 6)).astype(dtype)
    return x, (rng.random((8, 6)) < 0.3).astype(dtype)


@pytest.mark.parametrize("kw", SETTINGS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(reduction, kw):
    x, y = _data()
    assert_close(
        ld("asymmetric_loss")(x, y, reduction=reduction, **kw),
        _authors(tt(x), tt(y), reduction=reduction, **kw),
    )


def test_the_authors_sum_is_our_sum_and_our_mean_divides_by_n_c():
    x, y = _data(3)
    total = _authors(tt(x), tt(y), reduction="sum").item()
    assert ld("asymmetric_loss")(x, y, reduction="sum") == pytest.approx(total, rel=1e-12)
    assert ld("asymmetric_loss")(x, y) == pytest.approx(total / x.size, rel=1e-12)


@pytest.mark.parametrize("kw", SETTINGS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient(reduction, kw):
    x, y = _data(1)
    expected = autograd(_authors, x, tt(y), reduction=reduction, **kw)
    assert_close(ld("asymmetric_loss_grad")(x, y, reduction=reduction, **kw), expected)


def test_float32_and_saturated_logits():
    x, y = _data(2, np.float32)
    assert_close(ld("asymmetric_loss")(x, y), _authors(tt(x), tt(y), reduction="mean"),
                 dtype=np.float32)  # fmt: skip
    # beyond |z| = 40 the authors' sigmoid rounds to 0 or 1; the clamps give the same values
    big = np.array([[-60.0, 60.0, -60.0, 60.0]])
    lab = np.array([[1.0, 1.0, 0.0, 0.0]])
    assert_close(
        ld("asymmetric_loss")(big, lab, gamma_pos=1.0, reduction="none"),
        _authors(tt(big), tt(lab), gamma_pos=1.0),
    )
    assert_close(
        ld("asymmetric_loss_grad")(big, lab, gamma_pos=1.0, reduction="sum"),
        torch.zeros(1, 4, dtype=torch.float64),
    )
