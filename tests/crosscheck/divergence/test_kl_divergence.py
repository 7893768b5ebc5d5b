"""``kl_divergence(p, q)`` against ``kl_div(q.log(), p)`` (torch takes the log of Q first).

Its gradient is autograd of ``kl_div(q.log(), p, reduction="sum")`` with respect to q.
"""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, autograd, ld, tt
from divergence._xhelpers import _dists


def torch_kl(p, q):
    return F.kl_div(q.log(), p, reduction="none").sum(-1)


def torch_kl_sum(q, p):
    return F.kl_div(q.log(), p, reduction="sum")


@pytest.mark.parametrize("zeros", [False, True])
def test_kl_divergence_matches_kl_div_mapping(zeros):
    p, q = _dists(zeros=zeros)
    assert_close(ld("kl_divergence")(p, q), torch_kl(tt(p), tt(q)))


def test_kl_divergence_batchmean():
    p, q = _dists(1)
    expected = F.kl_div(tt(q).log(), tt(p), reduction="batchmean")
    assert_close(np.mean(ld("kl_divergence")(p, q)), expected)


def test_kl_divergence_axis():
    p, q = _dists(2, shape=(3, 4, 5))
    expected = torch_kl(tt(p), tt(q))
    assert_close(
        ld("kl_divergence")(np.moveaxis(p, -1, 0), np.moveaxis(q, -1, 0), axis=0), expected
    )
    assert_close(
        ld("kl_divergence")(np.moveaxis(p, -1, 1), np.moveaxis(q, -1, 1), axis=1), expected
    )


def test_kl_divergence_near_equal_rows():
    # Q a small perturbation of P: the KL is ~1e-13, and both torch's plain sum and
    # lossdocs' sum of p log(p/q) - p + q carry an absolute error of a few 1e-16
    # (rows sum to 1 only up to rounding), so compare at that size.
    p, _ = _dists(3)
    q = p * (1 + 1e-6 * np.sin(np.arange(p.size)).reshape(p.shape))
    q /= q.sum(-1, keepdims=True)
    got = ld("kl_divergence")(p, q)
    assert_close(got, torch_kl(tt(p), tt(q)), rtol=0, atol=2e-15)


def test_kl_divergence_zero_q_is_inf_as_torch():
    p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    q = np.array([[0.5, 0.0, 0.5], [0.2, 0.3, 0.5]])
    assert_close(ld("kl_divergence")(p, q), torch_kl(tt(p), tt(q)))
    assert np.isinf(ld("kl_divergence")(p, q)[0])


def test_kl_divergence_p_and_q_zero_is_0_where_torch_is_nan():
    # Deliberate difference: kl_div(q.log(), p) has 0 * log(0) = 0 * -inf = nan where
    # p = q = 0; lossdocs uses 0 log 0 = 0 (as if the outcome were not there).
    p = np.array([[0.5, 0.5, 0.0]])
    q = np.array([[0.25, 0.75, 0.0]])
    assert torch.isnan(torch_kl(tt(p), tt(q))).all()
    assert_close(ld("kl_divergence")(p, q), torch_kl(tt(p[:, :2]), tt(q[:, :2])))


def test_kl_divergence_float32():
    p, q = _dists(4, zeros=True, dtype=np.float32)
    assert_close(ld("kl_divergence")(p, q), torch_kl(tt(p), tt(q)), dtype=np.float32)


@pytest.mark.parametrize("zeros", [False, True])
def test_kl_divergence_grad_matches_autograd_wrt_q(zeros):
    p, q = _dists(5, zeros=zeros)
    assert_close(ld("kl_divergence_grad")(p, q), autograd(torch_kl_sum, q, tt(p)))


def test_kl_divergence_grad_axis_and_float32():
    p, q = _dists(6, shape=(3, 4, 5), dtype=np.float32)
    expected = np.moveaxis(autograd(torch_kl_sum, q, tt(p)), -1, 0)
    got = ld("kl_divergence_grad")(np.moveaxis(p, -1, 0), np.moveaxis(q, -1, 0), axis=0)
    assert_close(got, expected, dtype=np.float32)


def test_kl_divergence_grad_at_zeros():
    # p > 0 = q: -inf in both. p = q = 0: autograd gives 0 * (1 / 0) = nan, lossdocs 0.
    p = np.array([[0.5, 0.5, 0.0], [0.5, 0.0, 0.5]])
    q = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = autograd(torch_kl_sum, q, tt(p))
    ours = ld("kl_divergence_grad")(p, q)
    assert ours[0, 1] == theirs[0, 1] == -np.inf
    assert np.isnan(theirs[0, 2]) and ours[0, 2] == 0
    assert_close(ours[1, :2], theirs[1, :2])
    assert ours[1, 2] == theirs[1, 2] == -np.inf
