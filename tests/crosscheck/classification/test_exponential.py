"""``exponential`` against its formula in torch ops (PyTorch has no exponential loss)."""

import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from classification._xhelpers import _exponential, _reduce, _scores_targets


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_exponential_values(reduction):
    scores, target = _scores_targets(5)
    expected = _reduce(torch.exp(-tt(target) * tt(scores)), reduction)
    assert_close(ld("exponential")(scores, target, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_exponential_grad_matches_autograd(reduction):
    scores, target = _scores_targets(6)
    expected = autograd(_exponential, scores, tt(target), reduction)
    assert_close(ld("exponential_grad")(scores, target, reduction=reduction), expected)
