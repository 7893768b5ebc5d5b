"""``gaussian_kl`` against ``torch.distributions.kl_divergence`` of two Normals."""

import numpy as np
from _xcheck import assert_close, ld, tt
from torch.distributions import Normal, kl_divergence


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
