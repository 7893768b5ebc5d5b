"""gaussian_nll against torch.nn.functional.gaussian_nll_loss: every var form, full, eps."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt

SHAPE = (4, 3, 5)
# Every shape torch accepts for var against a (4, 3, 5) input, and a number.
VAR_FORMS = {
    "same": SHAPE,
    "one-fewer-axis": SHAPE[:-1],
    "last-axis-1": (4, 3, 1),
    "middle-axis-1": (4, 1, 5),
    "first-axis-1": (1, 3, 5),
    "number": None,
}


def _data(form, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    mean = rng.normal(0, 2, SHAPE)
    target = rng.normal(0, 2, SHAPE)
    mean[0, 0, :2] = target[0, 0, :2]  # perfect means
    shape = VAR_FORMS[form]
    if shape is None:
        return mean.astype(dtype), target.astype(dtype), 0.7
    var = rng.uniform(0.05, 3.0, shape)
    var.flat[0] = 0.0  # clamped to eps
    var.flat[1] = 1e-9  # below the default eps
    return mean.astype(dtype), target.astype(dtype), var.astype(dtype)


def _tvar(var):
    return var if isinstance(var, float) else tt(var)


@pytest.mark.parametrize("form", VAR_FORMS)
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("eps", [None, 1e-3, 0.5])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(form, full, eps, reduction):
    mean, target, var = _data(form)
    kw = {} if eps is None else {"eps": eps}
    assert_close(
        ld("gaussian_nll")(mean, target, var, full=full, reduction=reduction, **kw),
        F.gaussian_nll_loss(tt(mean), tt(target), _tvar(var), full=full, reduction=reduction, **kw),
    )


@pytest.mark.parametrize("form", VAR_FORMS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient_wrt_the_mean_matches_autograd(form, reduction):
    mean, target, var = _data(form, 1)
    expected = autograd(F.gaussian_nll_loss, mean, tt(target), _tvar(var), reduction=reduction)
    assert_close(ld("gaussian_nll_grad")(mean, target, var, reduction=reduction), expected)


@pytest.mark.parametrize("form", VAR_FORMS)
def test_float32(form):
    mean, target, var = _data(form, 2, np.float32)
    for reduction in REDUCTIONS:
        assert_close(
            ld("gaussian_nll")(mean, target, var, full=True, reduction=reduction),
            F.gaussian_nll_loss(tt(mean), tt(target), _tvar(var), full=True, reduction=reduction),
            dtype=np.float32,
        )
    expected = autograd(F.gaussian_nll_loss, mean, tt(target), _tvar(var))
    assert_close(ld("gaussian_nll_grad")(mean, target, var), expected, dtype=np.float32)


def test_a_one_dimensional_input_with_a_zero_dimensional_var():
    # input (5,), var () is "one fewer axis": torch unsqueezes it to (1,).
    mean, target = np.arange(5.0), np.zeros(5)
    var = np.array(2.0)
    assert_close(
        ld("gaussian_nll")(mean, target, var, reduction="none"),
        F.gaussian_nll_loss(tt(mean), tt(target), tt(var), reduction="none"),
    )


@pytest.mark.parametrize("shape", [(4, 5), (3, 5), (4, 3, 2), (1, 1, 5), (4, 1, 1), (1, 3, 5, 1)])
def test_the_shapes_torch_refuses_are_refused(shape):
    mean, target = np.zeros(SHAPE), np.zeros(SHAPE)
    var = np.ones(shape)
    with pytest.raises(ValueError, match="var is of incorrect size"):
        F.gaussian_nll_loss(tt(mean), tt(target), tt(var))
    with pytest.raises(ValueError, match="var must have the shape of mean"):
        ld("gaussian_nll")(mean, target, var)


def test_negative_var_is_refused_by_both():
    with pytest.raises(ValueError, match="var has negative"):
        F.gaussian_nll_loss(tt([0.0]), tt([0.0]), tt([-1.0]))
    with pytest.raises(ValueError, match="var must be >= 0"):
        ld("gaussian_nll")([0.0], [0.0], [-1.0])


def test_extremes_and_nan_like_torch():
    mean = np.array([1e200, np.inf, 0.0, np.nan, 3.0, 0.0])
    target = np.array([-1e200, 0.0, 0.0, 0.0, 0.0, 0.0])
    var = np.array([1.0, np.inf, np.nan, 1.0, 0.0, np.inf])
    assert_close(
        ld("gaussian_nll")(mean, target, var, reduction="none"),
        F.gaussian_nll_loss(tt(mean), tt(target), tt(var), reduction="none"),
    )


def test_torch_clamps_without_stopping_the_variance_gradient():
    # The clamp runs under no_grad on a clone: a variance below eps still gets the
    # gradient of the formula at eps, 0.5 (1 / eps - r^2 / eps^2), not 0. That is what
    # the page says; lossdocs' gradient is w.r.t. the mean only.
    var = torch.tensor([0.0, 1e-9], requires_grad=True)
    loss = F.gaussian_nll_loss(tt([1.0, 0.0]), tt([0.0, 0.0]), var, reduction="sum")
    (g,) = torch.autograd.grad(loss, var)
    eps = 1e-6
    np.testing.assert_allclose(g.numpy(), [0.5 * (1 / eps - 1 / eps**2), 0.5 / eps], rtol=1e-12)
    # The values use the clamped variance, as lossdocs does.
    assert ld("gaussian_nll")([1.0, 0.0], [0.0, 0.0], [0.0, 1e-9], reduction="sum") == (
        pytest.approx(loss.item(), rel=1e-12)
    )


def test_the_functional_docstring_says_added_while_the_code_clamps():
    # The page and the edge-case entry say so; this fails once PyTorch's docs change.
    assert "added to var" in F.gaussian_nll_loss.__doc__
    assert "clamp" in torch.nn.GaussianNLLLoss.__doc__
    # Clamped: var = 2 with eps = 0.5 is left alone (adding would give 2.5).
    loss = F.gaussian_nll_loss(tt([1.0]), tt([0.0]), tt([2.0]), eps=0.5)
    assert loss.item() == pytest.approx(0.5 * (np.log(2.0) + 1 / 2.0))
