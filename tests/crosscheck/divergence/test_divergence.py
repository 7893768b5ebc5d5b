"""Entropy and divergences against torch: kl_div (argument mapping), distributions.

``kl_divergence(p, q)`` per row is ``kl_div(q.log(), p, reduction="none").sum(-1)``
(torch takes the log of Q first); ``kl_divergence_grad`` is autograd of
``kl_div(q.log(), p, reduction="sum")`` with respect to q. Entropy and the
Gaussian KL are compared with ``torch.distributions``; Jensen-Shannon with
its definition through ``torch.special.xlogy``.
"""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, autograd, ld, tt
from torch.distributions import Categorical, Normal, kl_divergence


def torch_kl(p, q):
    return F.kl_div(q.log(), p, reduction="none").sum(-1)


def torch_kl_sum(q, p):
    return F.kl_div(q.log(), p, reduction="sum")


def _dists(seed=0, shape=(6, 5), zeros=False, dtype=np.float64):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(shape[-1]), shape[:-1])
    q = rng.dirichlet(np.ones(shape[-1]), shape[:-1])
    if zeros:  # some p = 0 with q > 0 (a 0 log 0 term), and a one-hot row
        p[0] = np.eye(shape[-1])[1]
        p[1, :2] = 0.0
        p[1] /= p[1].sum()
    return p.astype(dtype), q.astype(dtype)


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


@pytest.mark.parametrize("zeros", [False, True])
def test_entropy_matches_categorical(zeros):
    p, _ = _dists(7, zeros=zeros)
    assert_close(ld("entropy")(p), Categorical(probs=tt(p)).entropy())
    assert_close(ld("entropy")(p.T, axis=0), Categorical(probs=tt(p)).entropy())


def test_entropy_float32():
    p, _ = _dists(8, zeros=True, dtype=np.float32)
    assert_close(ld("entropy")(p), Categorical(probs=tt(p)).entropy(), dtype=np.float32)


def _torch_js(p, q):
    m = (p + q) / 2
    xlogy = torch.special.xlogy

    def kl(a):
        return (xlogy(a, a) - xlogy(a, m)).sum(-1)

    return (kl(p) + kl(q)) / 2


@pytest.mark.parametrize("zeros", [False, True])
def test_js_divergence(zeros):
    p, q = _dists(9, zeros=zeros)
    q[2] = np.eye(q.shape[1])[0]  # disjoint supports in row 2 when p[2, 0] is small
    assert_close(ld("js_divergence")(p, q), _torch_js(tt(p), tt(q)))
    disjoint = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])
    assert_close(ld("js_divergence")(*disjoint), torch.tensor([np.log(2)]))


def test_gaussian_kl_matches_torch_distributions():
    rng = np.random.default_rng(10)
    mu_p, mu_q = rng.normal(0, 3, 20), rng.normal(0, 3, 20)
    s_p, s_q = rng.uniform(0.05, 5, 20), rng.uniform(0.05, 5, 20)
    expected = kl_divergence(Normal(tt(mu_p), tt(s_p)), Normal(tt(mu_q), tt(s_q)))
    assert_close(ld("gaussian_kl")(mu_p, s_p, mu_q, s_q), expected)


def test_gaussian_kl_broadcasts_like_torch():
    mu_p, s_p = np.linspace(-2, 2, 5)[:, None], np.array([[0.5, 1.0, 2.0]])
    expected = kl_divergence(Normal(tt(mu_p), tt(s_p)), Normal(0.0, 1.0))
    assert_close(ld("gaussian_kl")(mu_p, s_p, 0.0, 1.0), expected)
