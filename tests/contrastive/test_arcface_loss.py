"""Tests of arcface_loss: the additive angular margin, its fallback branch, rounding past 1."""

import math

import numpy as np
import pytest
from contrastive._helpers import LABELS, W, X, cosines
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import arcface_loss, cosface_loss, cross_entropy


@pytest.mark.parametrize("m", [0.2, 0.5, 1.0])
def test_arcface_adds_the_margin_to_the_angle(m):
    cos = cosines(X, W)
    theta = np.arccos(cos[np.arange(7), LABELS])
    target = np.where(theta + m < math.pi, np.cos(theta + m), np.cos(theta) - m * math.sin(m))
    logits = cos.copy()
    logits[np.arange(7), LABELS] = target
    expected = cross_entropy(8.0 * logits, LABELS, reduction="none")
    got = arcface_loss(X, W, LABELS, scale=8.0, margin=m, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def target_logit(theta, m, loss):
    """The target logit (scale 1) of an embedding at angle theta from its centre, via the loss.

    With two classes and the other centre orthogonal to the embedding (cosine 0), the loss is
    log(1 + e^-z) for target logit z, so z = -log(expm1(loss)).
    """
    x = [[math.cos(theta), math.sin(theta), 0.0]]
    w = [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    return -math.log(math.expm1(loss(x, w, [0], scale=1.0, margin=m)))


def test_arcface_target_logit_decreases_in_the_angle_through_the_fallback():
    thetas = np.linspace(0.01, math.pi - 0.01, 200)
    z = [target_logit(t, 0.5, arcface_loss) for t in thetas]
    assert np.all(np.diff(z) < 0)
    # Before the switch it is cos(theta + m); after, cos(theta) - m sin(m).
    assert z[0] == pytest.approx(math.cos(0.51), rel=1e-9)
    assert z[-1] == pytest.approx(math.cos(math.pi - 0.01) - 0.5 * math.sin(0.5), rel=1e-9)


@settings(max_examples=30)
@given(theta=st.floats(0.05, 2.0), m=st.floats(0.05, 0.6))
def test_arcface_margin_is_a_constant_angle(theta, m):
    # d(target logit)/d theta = -sin(theta + m): the margin shifts the curve by m in angle
    # (the page's statement), whatever theta is; CosFace's shift in angle varies with theta.
    h = 1e-5
    slope = target_logit(theta + h, m, arcface_loss) - target_logit(theta - h, m, arcface_loss)
    assert slope / (2 * h) == pytest.approx(-math.sin(theta + m), rel=1e-5, abs=1e-7)
    assert target_logit(theta, m, arcface_loss) == pytest.approx(math.cos(theta + m), abs=1e-12)
    cos_shift = math.acos(target_logit(theta, m, cosface_loss)) - theta if theta < 1.5 else None
    if cos_shift is not None:
        assert cos_shift == pytest.approx(math.acos(math.cos(theta) - m) - theta)


def test_cosine_rounding_past_one_gives_no_nan():
    # x = w exactly, large coordinates: the computed cosine may be 1 + ulp; clipped.
    x = np.array([[3.0, 1e-8, 7.0]], dtype=np.float32)
    for dtype in (np.float32, np.float64):
        got = arcface_loss(x.astype(dtype), np.concatenate([x, [[1, 0, 0]]]).astype(dtype), [0])
        assert got.dtype == dtype and np.isfinite(got)
