"""Tests for diffusion_snr: values, the ends of the schedule, float32, bad input."""

import numpy as np
import pytest

from lossdocs import diffusion_snr


def test_snr_values_and_ends():
    # 0.8 / (1 - 0.8) is 4 up to the rounding of 0.8 itself.
    np.testing.assert_allclose(diffusion_snr([0.0, 0.5, 0.8, 1.0]), [0.0, 1.0, 4.0, np.inf],
                               rtol=1e-15)  # fmt: skip
    # DDPM's linear schedule: the SNR falls monotonically over the 1000 steps.
    abar = np.cumprod(1 - np.linspace(1e-4, 0.02, 1000))
    snr = diffusion_snr(abar)
    assert np.all(np.diff(snr) < 0)
    assert snr[0] == pytest.approx((1 - 1e-4) / 1e-4, rel=1e-12)


def test_snr_keeps_float32():
    assert diffusion_snr(np.array([0.5], dtype=np.float32)).dtype == np.float32


@pytest.mark.parametrize("bad, exc, match", [
    ([1.5], ValueError, r"alphas_cumprod must lie in \[0, 1\]"),
    ([-0.1], ValueError, r"alphas_cumprod must lie in \[0, 1\]"),
    (["a"], TypeError, "alphas_cumprod must hold real numbers"),
])  # fmt: skip
def test_snr_bad_input(bad, exc, match):
    with pytest.raises(exc, match=match):
        diffusion_snr(bad)
