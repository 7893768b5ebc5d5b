"""Tests for nt_xent: SimCLR's loss is InfoNCE with each view's own 2N - 2 negatives."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import info_nce, nt_xent

RNG = np.random.default_rng(7)
Z1 = RNG.normal(size=(5, 4))
Z2 = Z1 + 0.5 * RNG.normal(size=(5, 4))


def via_info_nce(z1, z2, tau):
    """Row by row: query u_i, positive its other view, negatives the 2N - 2 other rows."""
    u = np.concatenate([z1, z2])
    n = len(z1)
    out = []
    for i in range(2 * n):
        pos = (i + n) % (2 * n)
        neg = np.delete(u, [i, pos], axis=0)
        out.append(info_nce(u[i : i + 1], u[pos : pos + 1], neg, temperature=tau))
    return np.array(out)


@pytest.mark.parametrize("tau", [0.05, 0.1, 0.5, 1.0, 5.0])
def test_is_info_nce_in_other_clothes(tau):
    got = nt_xent(Z1, Z2, temperature=tau, reduction="none")
    np.testing.assert_allclose(got, via_info_nce(Z1, Z2, tau), rtol=1e-12)
    assert nt_xent(Z1, Z2, temperature=tau) == pytest.approx(got.mean(), rel=1e-14)


def test_symmetric_in_the_views_and_scale_invariant():
    a = nt_xent(Z1, Z2, reduction="none")
    np.testing.assert_allclose(nt_xent(Z2, Z1, reduction="none"), np.roll(a, 5), rtol=1e-14)
    np.testing.assert_allclose(nt_xent(1e3 * Z1, 1e-3 * Z2, reduction="none"), a, rtol=1e-12)


@settings(max_examples=20)
@given(n=st.integers(1, 6), seed=st.integers(0, 2**16))
def test_chance_level_at_high_temperature(n, seed):
    rng = np.random.default_rng(seed)
    z1, z2 = rng.normal(size=(2, n, 3))
    assert nt_xent(z1, z2, temperature=1e9) == pytest.approx(math.log(2 * n - 1), abs=1e-8)


def test_low_temperature_float32_is_finite():
    for dtype in (np.float32, np.float64):
        z = np.eye(3, dtype=dtype)
        # identical views, orthogonal images: logits 1/tau (positive) and 0 (negatives).
        got = nt_xent(z, z, temperature=1e-4)
        assert got.dtype == dtype and got == pytest.approx(4 * math.exp(-1e4), abs=1e-30)
        # opposite views: the positive at -1/tau, 4 negatives at 0; loss 1/tau + log 4.
        bad = nt_xent(z, -z, temperature=1e-3)
        assert np.isfinite(bad) and bad == pytest.approx(1e3 + math.log(4), rel=1e-5)
