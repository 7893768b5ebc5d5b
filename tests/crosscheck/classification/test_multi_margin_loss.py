"""multi_margin_loss against torch.nn.functional.multi_margin_loss (p, margin, weight)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def _data(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1.0, (9, 5)).astype(dtype)
    return x, rng.integers(0, 5, 9), rng.uniform(0.2, 3.0, 5).astype(dtype)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("margin", [0.0, 0.5, 1.0, 2.0, -0.3])
@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(reduction, p, margin, weighted):
    x, y, w = _data()
    weight = w if weighted else None
    expected = F.multi_margin_loss(
        tt(x), torch.from_numpy(y), p=p, margin=margin,
        weight=None if weight is None else tt(w), reduction=reduction,
    )  # fmt: skip
    got = ld("multi_margin_loss")(x, y, p=p, margin=margin, weight=weight, reduction=reduction)
    assert_close(got, expected)


def test_p2_weight_is_outside_the_square_in_torch():
    # The documentation's max(0, w_y (m - x_y + x_j))^p would square w_y for p = 2; the code
    # multiplies the squared hinge by w_y. lossdocs follows the code.
    x = np.array([[0.1, 0.2, 0.4, 0.8]])
    w = np.array([1.0, 1.0, 1.0, 4.0])
    torch_value = F.multi_margin_loss(tt(x), torch.tensor([3]), p=2, weight=tt(w)).item()
    h = np.array([0.3, 0.4, 0.6])
    assert torch_value == pytest.approx(4 * (h**2).sum() / 4, rel=1e-15)
    assert torch_value != pytest.approx(((4 * h) ** 2).sum() / 4)
    assert ld("multi_margin_loss")(x, [3], p=2, weight=w) == pytest.approx(torch_value, rel=1e-15)


@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient(reduction, p):
    x, y, w = _data(1)
    expected = autograd(
        F.multi_margin_loss, x, torch.from_numpy(y), p=p, margin=0.8, weight=tt(w),
        reduction=reduction,
    )  # fmt: skip
    got = ld("multi_margin_loss_grad")(x, y, p=p, margin=0.8, weight=w, reduction=reduction)
    assert_close(got, expected)


def test_unbatched_and_float32():
    x, y, w = _data(2, np.float32)
    assert_close(
        ld("multi_margin_loss")(x[0], y[0], reduction="none"),
        F.multi_margin_loss(tt(x[0]), torch.tensor(y[0]), reduction="none"),
        dtype=np.float32,
    )
    assert_close(
        ld("multi_margin_loss")(x, y, p=2, weight=w),
        F.multi_margin_loss(tt(x), torch.from_numpy(y), p=2, weight=tt(w)),
        dtype=np.float32,
    )
