"""``binary_cross_entropy_with_logits`` against torch's function of the same name."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from classification._xhelpers import WEIGHTS, _logits_targets, _t


def _logit_weights(kind, shape, seed=0):
    rng = np.random.default_rng(seed + 20)
    shapes = {"none": None, "full": shape, "per_class": shape[-1:], "per_sample": (shape[0], 1)}
    s = shapes[kind]
    return None if s is None else rng.uniform(0.1, 3.0, s)


POS_WEIGHTS = ["none", "per_class", "full"]


@pytest.mark.parametrize("weight_kind", WEIGHTS)
@pytest.mark.parametrize("pos_kind", POS_WEIGHTS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_bce_logits_values(weight_kind, pos_kind, reduction):
    logits, target = _logits_targets()
    weight = _logit_weights(weight_kind, logits.shape)
    pos_weight = _logit_weights(pos_kind, logits.shape, seed=5)
    expected = F.binary_cross_entropy_with_logits(
        tt(logits), tt(target), weight=_t(weight), pos_weight=_t(pos_weight), reduction=reduction
    )
    got = ld("binary_cross_entropy_with_logits")(
        logits, target, weight=weight, pos_weight=pos_weight, reduction=reduction
    )
    assert np.all(np.isfinite(got))
    assert_close(got, expected)


@pytest.mark.parametrize("weight_kind", WEIGHTS)
@pytest.mark.parametrize("pos_kind", POS_WEIGHTS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_bce_logits_grad_matches_autograd(weight_kind, pos_kind, reduction):
    logits, target = _logits_targets(1)
    weight = _logit_weights(weight_kind, logits.shape, 1)
    pos_weight = _logit_weights(pos_kind, logits.shape, 6)
    expected = autograd(
        F.binary_cross_entropy_with_logits,
        logits,
        tt(target),
        weight=_t(weight),
        pos_weight=_t(pos_weight),
        reduction=reduction,
    )
    got = ld("binary_cross_entropy_with_logits_grad")(
        logits, target, weight=weight, pos_weight=pos_weight, reduction=reduction
    )
    assert_close(got, expected)


def test_bce_logits_float32():
    logits, target = _logits_targets(2, dtype=np.float32)
    pos_weight = _logit_weights("per_class", logits.shape).astype(np.float32)
    kwargs = dict(pos_weight=pos_weight, reduction="none")
    tkwargs = dict(pos_weight=tt(pos_weight), reduction="none")
    got = ld("binary_cross_entropy_with_logits")(logits, target, **kwargs)
    expected = F.binary_cross_entropy_with_logits(tt(logits), tt(target), **tkwargs)
    assert_close(got, expected, dtype=np.float32)
    assert_close(
        ld("binary_cross_entropy_with_logits_grad")(logits, target, pos_weight=pos_weight),
        autograd(F.binary_cross_entropy_with_logits, logits, tt(target), pos_weight=tt(pos_weight)),
        dtype=np.float32,
    )


def test_bce_logits_keeps_accuracy_where_torch_cancels():
    # torch evaluates (1 - t) z - logsigmoid(z), which for t = 0 and z << 0 subtracts
    # two numbers near z: relative error 3e-7 at z = -20, and 0 for z <= -37 where the
    # loss is log1p(exp(z)) ~ exp(z). lossdocs matches log1p(exp(z)) to full precision.
    z = np.array([-20.0, -30.0, -40.0, -100.0])
    t = np.zeros_like(z)
    exact = np.log1p(np.exp(z))
    theirs = F.binary_cross_entropy_with_logits(tt(z), tt(t), reduction="none").numpy()
    assert abs(theirs[0] / exact[0] - 1) > 1e-8 and theirs[2] == 0.0
    assert_close(ld("binary_cross_entropy_with_logits")(z, t, reduction="none"), exact, atol=0)
