"""multilabel_margin_loss against torch.nn.functional.multilabel_margin_loss."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def _data(seed=0, n=12, c=6, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1.0, (n, c)).astype(dtype)
    # random lists, stopped by -1 and followed by valid leftovers (torch ignores them)
    target = rng.integers(-1, c, (n, c))
    target[0] = -1  # no targets
    target[1] = np.arange(c)  # every class a target
    target[2, :3] = [4, 4, -1]  # a class listed twice
    return x, target


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(reduction):
    x, target = _data()
    assert_close(
        ld("multilabel_margin_loss")(x, target, reduction=reduction),
        F.multilabel_margin_loss(tt(x), torch.from_numpy(target), reduction=reduction),
    )


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient(reduction):
    x, target = _data(1)
    expected = autograd(F.multilabel_margin_loss, x, torch.from_numpy(target), reduction=reduction)
    assert_close(ld("multilabel_margin_loss_grad")(x, target, reduction=reduction), expected)


def test_unbatched_and_float32():
    x, target = _data(2, dtype=np.float32)
    assert_close(
        ld("multilabel_margin_loss")(x[3], target[3], reduction="none"),
        F.multilabel_margin_loss(tt(x[3]), torch.from_numpy(target[3]), reduction="none"),
        dtype=np.float32,
    )
    assert_close(
        ld("multilabel_margin_loss")(x, target),
        F.multilabel_margin_loss(tt(x), torch.from_numpy(target)),
        dtype=np.float32,
    )


def test_both_refuse_an_entry_outside_minus_one_to_c_even_after_the_stop():
    x = np.zeros((1, 4))
    target = np.array([[3, -1, 7, 0]])
    with pytest.raises(RuntimeError):
        F.multilabel_margin_loss(tt(x), torch.from_numpy(target))
    with pytest.raises(ValueError, match="target holds 7"):
        ld("multilabel_margin_loss")(x, target)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_non_finite_scores_as_torch(dtype):
    # torch adds a pair only `if z > 0`: a NaN z (a NaN score, or inf - inf) is skipped;
    # an inf z adds inf
    x, target = _data(3, dtype=dtype)
    x[3, :3] = [np.nan, np.inf, -np.inf]
    x[4, :2] = [np.inf, np.inf]
    x[5, 4] = -np.inf
    x[6, :] = np.nan
    expected = F.multilabel_margin_loss(tt(x), torch.from_numpy(target), reduction="none")
    got = ld("multilabel_margin_loss")(x, target, reduction="none")
    assert np.isnan(got).sum() == 0 and np.isinf(got).any()
    assert_close(got, expected, dtype=dtype)
    expected = autograd(F.multilabel_margin_loss, x, torch.from_numpy(target), reduction="sum")
    assert_close(
        ld("multilabel_margin_loss_grad")(x, target, reduction="sum"), expected, dtype=dtype
    )
