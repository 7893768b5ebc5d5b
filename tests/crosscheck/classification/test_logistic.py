"""``logistic`` against ``torch.nn.functional.soft_margin_loss``."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import EXTREME, GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from classification._xhelpers import _reduce, _scores_targets


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_logistic_is_soft_margin_loss(reduction):
    scores, target = _scores_targets()
    assert_close(
        ld("logistic")(scores, target, reduction=reduction),
        F.soft_margin_loss(tt(scores), tt(target), reduction=reduction),
    )


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_logistic_grad_matches_autograd(reduction):
    scores, target = _scores_targets(1)
    expected = autograd(F.soft_margin_loss, scores, tt(target), reduction=reduction)
    assert_close(ld("logistic_grad")(scores, target, reduction=reduction), expected)


def test_logistic_float32():
    scores, target = _scores_targets(2, dtype=np.float32)
    assert_close(
        ld("logistic")(scores, target), F.soft_margin_loss(tt(scores), tt(target)), dtype=np.float32
    )
    assert_close(
        ld("logistic_grad")(scores, target),
        autograd(F.soft_margin_loss, scores, tt(target)),
        dtype=np.float32,
    )


def _stable_logistic(s, t, reduction="none"):
    return _reduce(-F.logsigmoid(t * s), reduction)


def test_logistic_finite_where_soft_margin_loss_overflows():
    # Deliberate difference: torch evaluates log1p(exp(-y s)) literally, so a margin
    # y s <= -710 gives inf (float64; <= -89 in float32) and its backward gives nan.
    # lossdocs stays finite and equals the stable -logsigmoid(y s).
    scores = np.concatenate([EXTREME, EXTREME])
    target = np.repeat([1.0, -1.0], len(EXTREME))
    torch_value = F.soft_margin_loss(tt(scores), tt(target), reduction="none").numpy()
    overflow = target * scores <= -745
    assert np.all(np.isinf(torch_value[overflow]))
    got = ld("logistic")(scores, target, reduction="none")
    assert np.all(np.isfinite(got))
    assert_close(got, _stable_logistic(tt(scores), tt(target)))
    assert_close(got[overflow], -(target * scores)[overflow])  # log(1 + e^m) = m to 1e-300
    grad = ld("logistic_grad")(scores, target, reduction="sum")
    assert_close(grad, autograd(_stable_logistic, scores, tt(target), reduction="sum"))
    torch_grad = autograd(F.soft_margin_loss, scores, tt(target), reduction="sum")
    assert np.all(np.isnan(torch_grad[overflow]))
