"""gaussian_nll: the Gaussian log-density, MSE at a fixed variance, var's shapes, the clamp."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import gaussian_nll, gaussian_nll_grad, mse

values = st.floats(-100, 100)


def _log_density(y, mu, var):
    # The normal log-density written from its definition, not from the loss's form.
    return np.log(np.exp(-((y - mu) ** 2) / (2 * var)) / np.sqrt(2 * math.pi * var))


def test_full_is_minus_the_gaussian_log_density():
    rng = np.random.default_rng(0)
    mu, y, var = rng.normal(size=20), rng.normal(size=20), rng.uniform(0.1, 3, 20)
    got = gaussian_nll(mu, y, var, full=True, reduction="none")
    np.testing.assert_allclose(got, -_log_density(y, mu, var), rtol=1e-13)
    # Without full, the constant 0.5 log(2 pi) is dropped.
    np.testing.assert_allclose(
        gaussian_nll(mu, y, var, reduction="none"), got - 0.5 * math.log(2 * math.pi), rtol=1e-13
    )


@given(
    mu=arrays(np.float64, 6, elements=values),
    y=arrays(np.float64, 6, elements=values),
    var=st.floats(1e-3, 1e3),
)
def test_a_fixed_variance_gives_mse_up_to_scale_and_constant(mu, y, var):
    got = gaussian_nll(mu, y, var)
    assert got == pytest.approx(mse(mu, y) / (2 * var) + 0.5 * math.log(var), rel=1e-12, abs=1e-12)
    g = gaussian_nll_grad(mu, y, var)
    np.testing.assert_allclose(g, 2 * (mu - y) / mu.size / (2 * var), rtol=1e-12, atol=1e-300)


def test_the_variance_that_minimises_it_is_the_squared_residual():
    # d/dv [log v + r^2 / v] = 0 at v = r^2: a model that can shrink v chases each residual.
    r = 0.3
    vs = np.linspace(0.01, 0.5, 4901)
    losses = gaussian_nll(np.full_like(vs, r), np.zeros_like(vs), vs, reduction="none")
    assert vs[np.argmin(losses)] == pytest.approx(r * r, abs=1e-4)
    # At a perfect mean the loss has no minimum: it falls without bound until the clamp.
    at_zero = gaussian_nll([0.0, 0.0], [0.0, 0.0], [1e-3, 1e-9], reduction="none")
    assert at_zero[1] < at_zero[0]
    assert at_zero[1] == pytest.approx(0.5 * math.log(1e-6))  # clamped at eps


def test_eps_clamps_the_variance_it_is_not_added():
    # PyTorch's code clamps (its functional docstring says "added").
    assert gaussian_nll([1.0], [0.0], [0.0], eps=0.25) == pytest.approx(0.5 * (math.log(0.25) + 4))
    assert gaussian_nll([1.0], [0.0], [2.0], eps=0.25) == pytest.approx(0.5 * (math.log(2.0) + 0.5))
    assert gaussian_nll_grad([1.0], [0.0], [0.0], eps=0.25, reduction="sum")[0] == 4.0


@pytest.mark.parametrize(
    ("var_shape", "per"),
    [
        ((2, 3), lambda v: v),  # heteroscedastic: one variance per element
        ((2,), lambda v: v[:, None]),  # one fewer axis: one variance per row (not column)
        ((2, 1), lambda v: v),  # last axis of size 1
        ((1, 3), lambda v: v),  # first axis of size 1: one variance per column
    ],
)
def test_var_shapes_follow_pytorch(var_shape, per):
    rng = np.random.default_rng(3)
    mu, y = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    var = rng.uniform(0.5, 2, var_shape)
    full_var = np.broadcast_to(per(var), (2, 3))
    np.testing.assert_allclose(
        gaussian_nll(mu, y, var, reduction="none"),
        gaussian_nll(mu, y, np.array(full_var), reduction="none"),
        rtol=1e-15,
    )


def test_a_row_of_variances_is_not_broadcast_as_numpy_would():
    # (3,) against (3, 3): PyTorch (and lossdocs) read one variance per row.
    mu, y = np.zeros((3, 3)), np.ones((3, 3))
    var = np.array([1.0, 2.0, 4.0])
    rows = gaussian_nll(mu, y, var, reduction="none")
    np.testing.assert_allclose(rows[:, 0], rows[:, 2])  # constant along each row
    assert rows[0, 0] != rows[1, 0]


@pytest.mark.parametrize("var_shape", [(3,), (3, 2), (1, 1), (2, 3, 1), (2, 2)])
def test_other_var_shapes_are_refused(var_shape):
    with pytest.raises(ValueError, match="var must have the shape of mean"):
        gaussian_nll(np.zeros((2, 3)), np.zeros((2, 3)), np.ones(var_shape))


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_gradient_matches_finite_differences(reduction):
    rng = np.random.default_rng(4)
    mu, y, var = rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), rng.uniform(0.2, 2, (3, 1))
    num = numeric_grad(lambda m: gaussian_nll(m, y, var, reduction=reduction), mu)
    got = gaussian_nll_grad(mu, y, var, reduction=reduction)
    np.testing.assert_allclose(got, num, rtol=1e-6)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_extremes(dtype):
    big = np.finfo(dtype).max
    mu = np.array([0.0, big, 1.0, 0.0, 2.0], dtype)
    y = np.array([0.0, -big, 0.0, 0.0, 0.0], dtype)
    var = np.array([1.0, 1.0, 0.0, np.inf, big], dtype)
    out = gaussian_nll(mu, y, var, reduction="none")
    assert out.dtype == dtype
    assert out[0] == 0 and out[1] == np.inf and out[3] == np.inf
    eps = dtype(1e-6)
    assert out[2] == pytest.approx(0.5 * (np.log(eps) + 1 / eps), rel=1e-6)
    assert out[4] == pytest.approx(0.5 * np.log(big), rel=1e-6)
    g = gaussian_nll_grad(mu, y, var, reduction="sum")
    assert g.dtype == dtype and g[1] == np.inf and g[3] == 0
    assert gaussian_nll(np.float32([1.0]), [0.0], 2.0).dtype == np.float32


def test_nan_propagates_and_an_inf_residual_over_an_inf_variance_is_nan():
    out = gaussian_nll([np.nan, np.inf, 0.0], [0.0, 0.0, 0.0], [1.0, np.inf, np.nan],
                       reduction="none")  # fmt: skip
    assert np.all(np.isnan(out))
