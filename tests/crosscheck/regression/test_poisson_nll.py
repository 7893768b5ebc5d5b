"""poisson_nll against torch.nn.functional.poisson_nll_loss (log_input both ways, full)."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt


def _data(log_input, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    target = rng.poisson(3.0, (6, 7)).astype(float)
    target[0, :4] = [0.0, 1.0, 1.5, 0.5]  # the Stirling mask's edge and non-integers
    pred = rng.normal(1.0, 1.0, (6, 7)) if log_input else rng.uniform(0, 6, (6, 7))
    if not log_input:
        pred[1, 0] = 0.0  # a zero rate: eps keeps the log finite
    return pred.astype(dtype), target.astype(dtype)


@pytest.mark.parametrize("log_input", [True, False])
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("eps", [None, 1e-3])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(log_input, full, eps, reduction):
    pred, target = _data(log_input)
    kw = {} if eps is None else {"eps": eps}
    assert_close(
        ld("poisson_nll")(pred, target, log_input=log_input, full=full, reduction=reduction, **kw),
        F.poisson_nll_loss(
            tt(pred), tt(target), log_input=log_input, full=full, reduction=reduction, **kw
        ),
    )


@pytest.mark.parametrize("log_input", [True, False])
@pytest.mark.parametrize("full", [False, True])
def test_float32(log_input, full):
    pred, target = _data(log_input, 1, np.float32)
    for reduction in REDUCTIONS:
        assert_close(
            ld("poisson_nll")(pred, target, log_input=log_input, full=full, reduction=reduction),
            F.poisson_nll_loss(
                tt(pred), tt(target), log_input=log_input, full=full, reduction=reduction
            ),
            dtype=np.float32,
        )


def test_overflow_and_nan_like_torch():
    pred = np.array([800.0, -800.0, np.nan, 1.0, np.inf])
    target = np.array([2.0, 0.0, 1.0, np.nan, 0.0])
    for full in (False, True):
        assert_close(
            ld("poisson_nll")(pred, target, full=full, reduction="none"),
            F.poisson_nll_loss(tt(pred), tt(target), full=full, reduction="none"),
        )


def test_a_negative_rate_is_refused_where_torch_gives_nan():
    out = F.poisson_nll_loss(tt([-1.0]), tt([2.0]), log_input=False)
    assert out.isnan()
    with pytest.raises(ValueError, match="pred must be a rate"):
        ld("poisson_nll")([-1.0], [2.0], log_input=False)
