"""distillation_loss against torch: kl_div(batchmean) times T^2, forward and reverse.

``distillation_loss`` is ``kl_div(log_softmax(z / T), softmax(v / T),
reduction="batchmean") * T**2`` (api-2.md), the reverse form with the roles
swapped.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, REDUCTIONS, assert_close, ld, tt


def torch_distill(s, v, t, reduction="batchmean"):
    return F.kl_div(F.log_softmax(s / t, dim=-1), F.softmax(v / t, dim=-1), reduction=reduction) * (
        t**2
    )


@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0, 8.0])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_distillation_is_kl_div_batchmean_times_t_squared(temperature, reduction):
    rng = np.random.default_rng(40)
    s, v = rng.normal(size=(6, 9)) * 3, rng.normal(size=(6, 9)) * 3
    st, vt = tt(s), tt(v)
    if reduction == "none":
        fwd = torch_distill(st, vt, temperature, "none").sum(-1)
        rev = torch_distill(vt, st, temperature, "none").sum(-1)
    else:
        torch_reduction = "batchmean" if reduction == "mean" else "sum"
        fwd = torch_distill(st, vt, temperature, torch_reduction)
        rev = torch_distill(vt, st, temperature, torch_reduction)
    kw = {"temperature": temperature, "reduction": reduction}
    assert_close(ld("distillation_loss")(s, v, **kw), fwd)
    assert_close(ld("distillation_loss")(s, v, reverse=True, **kw), rev)


def test_distillation_float32_extreme_and_gradient():
    rng = np.random.default_rng(41)
    s = EXTREME[rng.permuted(np.tile(np.arange(11), (4, 1)), axis=1)].astype(np.float32)
    v = (rng.normal(size=(4, 11)) * 5).astype(np.float32)
    assert_close(
        ld("distillation_loss")(s, v, temperature=2.0),
        torch_distill(tt(s), tt(v), 2.0),
        dtype=np.float32,
        rtol=1e-4,
    )
    # The page's gradient T (q - p) / N against autograd, in float64.
    s64, v64 = rng.normal(size=(3, 5)), rng.normal(size=(3, 5))
    zt = tt(s64, grad=True)
    (g,) = torch.autograd.grad(torch_distill(zt, tt(v64), 4.0), zt)
    softmax = ld("softmax")
    assert_close(4.0 * (softmax(s64 / 4) - softmax(v64 / 4)) / 3, g)


def test_batchmean_on_sequences_divides_by_the_batch_only():
    # kl_div's "batchmean" divides by size(0): on (B, L, V) that is B, not B * L tokens.
    rng = np.random.default_rng(42)
    s, v = rng.normal(size=(2, 5, 7)), rng.normal(size=(2, 5, 7))
    per_token = ld("distillation_loss")(s.reshape(10, 7), v.reshape(10, 7))
    assert_close(5 * per_token, torch_distill(tt(s), tt(v), 1.0))
