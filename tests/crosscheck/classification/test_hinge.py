"""``hinge`` against its formula in torch ops (``relu(margin - y s)``)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from classification._xhelpers import _reduce, _scores_targets


@pytest.mark.parametrize("margin", [None, 0.5, 1.0, 2.0])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_hinge_values(margin, reduction):
    scores, target = _scores_targets(3)
    m = 1.0 if margin is None else margin
    kwargs = {} if margin is None else {"margin": margin}
    expected = _reduce(F.relu(m - tt(target) * tt(scores)), reduction)
    assert_close(ld("hinge")(scores, target, reduction=reduction, **kwargs), expected)


def _hinge_relu(s, t, m, reduction):
    return _reduce(F.relu(m - t * s), reduction)


def _hinge_clamp(s, t, m, reduction):
    return _reduce(torch.clamp(m - t * s, min=0), reduction)


@pytest.mark.parametrize("margin", [0.5, 1.0, 2.0])
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_hinge_grad_matches_autograd_of_relu(margin, reduction):
    # At the kink y s = m (set exactly below) lossdocs takes the subgradient 0,
    # which is what autograd of relu gives; autograd of clamp(min=0) gives -y there.
    scores, target = _scores_targets(4)
    scores[0] = target[0] * margin
    expected = autograd(_hinge_relu, scores, tt(target), margin, reduction)
    assert_close(ld("hinge_grad")(scores, target, margin=margin, reduction=reduction), expected)
    clamp = autograd(_hinge_clamp, scores, tt(target), margin, "sum")
    assert np.array_equal(clamp[0], -target[0])
