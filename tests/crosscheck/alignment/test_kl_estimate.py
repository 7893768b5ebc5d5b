"""kl_estimate against torch: TRL's k3, the plain k1 and k2, torch.distributions' exact KL.

TRL's GRPOTrainer (trl/trainer/grpo_trainer.py at f2cd57710ae345ea6428ae95363267fcf38a3dc8,
``_compute_loss``): ``per_token_kl = torch.exp(ref_per_token_logps - per_token_logps) -
(ref_per_token_logps - per_token_logps) - 1``.
"""

import numpy as np
import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt
from torch.distributions import Categorical, kl_divergence


def trl_k3(logp, ref_logp):
    return torch.exp(ref_logp - logp) - (ref_logp - logp) - 1


def torch_estimates(logp, ref_logp):
    log_ratio = ref_logp - logp
    return {"k1": -log_ratio, "k2": log_ratio**2 / 2, "k3": trl_k3(logp, ref_logp)}


def _tokens(seed, n=50, spread=1.0):
    rng = np.random.default_rng(seed)
    logp = np.log(rng.uniform(0.01, 1, n))
    ref = np.minimum(logp + rng.normal(0, spread, n), 0.0)
    return logp, ref


@pytest.mark.parametrize("kind", ["k1", "k2", "k3"])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_matches_the_torch_formulas(kind, reduction):
    logp, ref = _tokens(0)
    per = torch_estimates(tt(logp), tt(ref))[kind]
    expected = {"mean": per.mean(), "sum": per.sum(), "none": per}[reduction]
    got = ld("kl_estimate")(logp, ref, kind=kind, reduction=reduction)
    # TRL's k3 cancels: its absolute error is a few ulps of exp(d) ~ 1, not of k3.
    assert_close(got, expected, rtol=1e-10, atol=1e-14)


def test_trl_k3_in_float32_loses_the_small_values_we_keep():
    # Policy and reference within 1e-3 in log-probability: TRL's float32 k3 is a
    # multiple of 2^-24 (it can be negative); ours matches the float64 value.
    rng = np.random.default_rng(1)
    logp = np.log(rng.uniform(0.05, 0.9, 2000)).astype(np.float32)
    ref = (logp + rng.normal(0, 1e-3, 2000)).astype(np.float32)
    reference64 = trl_k3(tt(logp, dtype=np.float64), tt(ref, dtype=np.float64)).numpy()
    trl32 = trl_k3(tt(logp), tt(ref)).numpy()
    ours32 = ld("kl_estimate")(logp, ref, reduction="none")
    assert np.any(trl32 < 0)
    np.testing.assert_allclose(ours32, reference64, rtol=2e-5, atol=0)
    assert np.max(np.abs(trl32 - reference64) / reference64) > 0.5


def test_monte_carlo_against_torch_distributions_exact_kl():
    gen = torch.Generator().manual_seed(0)
    p = torch.softmax(torch.randn(30, generator=gen), 0)
    q = torch.softmax(torch.randn(30, generator=gen), 0)
    exact = kl_divergence(Categorical(probs=p), Categorical(probs=q)).item()
    x = torch.multinomial(p, 200_000, replacement=True, generator=gen)
    logp, ref = p.log()[x].numpy(), q.log()[x].numpy()
    for kind in ("k1", "k3"):
        est = ld("kl_estimate")(logp, ref, kind=kind, reduction="none")
        standard_error = est.std(ddof=1) / np.sqrt(est.size)
        assert abs(est.mean() - exact) < 4 * standard_error, kind
