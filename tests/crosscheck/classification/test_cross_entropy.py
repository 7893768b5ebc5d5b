"""Cross-entropy and NLL against torch.nn.functional.cross_entropy / nll_loss.

Every option of torch's signature is crossed with every other: class-index
targets (with ignored entries, under the default ignore_index -100 and under a
valid class as ignore_index), class-probability targets, a class weight,
label smoothing (0, 0.2, 1), K-dimensional inputs and the three reductions;
gradients of ``cross_entropy_grad`` against autograd.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, autograd, ld, tt
from classification._xhelpers import SHAPE_IDS, SHAPES, _indices, _logits, _weight


def _probs(shape, seed=0):
    """Class probabilities with the shape of the logits (a Dirichlet draw per position)."""
    rng = np.random.default_rng(seed + 200)
    p = rng.dirichlet(np.ones(shape[1]), size=(shape[0], *shape[2:]))
    p = np.moveaxis(p, -1, 1)
    p[(0, slice(None)) + (0,) * len(shape[2:])] = np.eye(shape[1])[0]  # exact 0s and a 1
    return p


def _torch_ce(logits, target, *, weight=None, **kwargs):
    w = None if weight is None else tt(weight)
    return F.cross_entropy(logits, tt(target), weight=w, **kwargs)


OPTIONS = [
    pytest.param(w, ii, ls, id=f"w={w}-ignore={ii}-ls={ls}")
    for w in (False, True)
    for ii in (-100, 2)
    for ls in (0.0, 0.2, 1.0)
]


def _check_ce(logits, target, weight, reduction, **kwargs):
    """cross_entropy equals torch's; for 'mean' and 'sum' its gradient equals autograd's.

    Checks the dtype of ``logits`` is kept and returns lossdocs' value.
    """
    kwargs.update(weight=weight, reduction=reduction)
    expected = _torch_ce(tt(logits), target, **kwargs)
    got = ld("cross_entropy")(logits, target, **kwargs)
    assert_close(got, expected, dtype=logits.dtype)
    if reduction != "none":
        expected = autograd(_torch_ce, logits, target, **kwargs)
        grad = ld("cross_entropy_grad")(logits, target, **kwargs)
        assert_close(grad, expected, dtype=logits.dtype)
    return got


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
@pytest.mark.parametrize(("use_weight", "ignore_index", "smoothing"), OPTIONS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_cross_entropy_index_targets(shape, use_weight, ignore_index, smoothing, reduction):
    # With a weight and label smoothing, torch's "mean" divides the smoothing term by
    # sum(weight[target]) too (LossNLL.cpp, cross_entropy_loss_label_smoothing).
    logits = _logits(shape)
    target = _indices(shape, ignore_index=ignore_index)
    weight = _weight(shape[1]) if use_weight else None
    _check_ce(
        logits, target, weight, reduction, ignore_index=ignore_index, label_smoothing=smoothing
    )


PROB_OPTIONS = [
    pytest.param(w, ls, id=f"w={w}-ls={ls}") for w in (False, True) for ls in (0.0, 0.2, 1.0)
]


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
@pytest.mark.parametrize(("use_weight", "smoothing"), PROB_OPTIONS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_cross_entropy_probability_targets(shape, use_weight, smoothing, reduction):
    # torch's "mean" here divides by the number of positions, never by the weights.
    logits, target = _logits(shape, seed=2), _probs(shape, seed=2)
    weight = _weight(shape[1], seed=2) if use_weight else None
    _check_ce(logits, target, weight, reduction, label_smoothing=smoothing)


def test_cross_entropy_defaults():
    logits, target = _logits((6, 5), seed=4), _indices((6, 5), seed=4)
    assert_close(ld("cross_entropy")(logits, target), F.cross_entropy(tt(logits), tt(target)))
    assert_close(
        ld("cross_entropy_grad")(logits, target), autograd(F.cross_entropy, logits, tt(target))
    )


EXTREME_LOGITS = np.array(
    [
        [1e4, 0.0, -1e4],
        [-1e4, 1e4, 0.0],
        [745.0, -745.0, 0.0],
        [-745.0, -745.0, -745.0],
        [1e4, 1e4, -1e4],
        [40.0, 0.0, -40.0],
        [0.0, 0.0, 0.0],
    ]
)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(("use_weight", "smoothing"), PROB_OPTIONS)
def test_cross_entropy_extreme_logits(dtype, use_weight, smoothing):
    logits = EXTREME_LOGITS.astype(dtype)
    weight = np.array([0.5, 2.0, 1.0], dtype=dtype) if use_weight else None
    for target in (np.array([0, 0, 0, 1, 2, 2, 1]), np.array([2, 2, 1, 0, 0, 0, 2])):
        assert np.all(
            np.isfinite(_check_ce(logits, target, weight, "none", label_smoothing=smoothing))
        )
        _check_ce(logits, target, weight, "sum", label_smoothing=smoothing)


@pytest.mark.parametrize("shape", [(6, 5), (2, 3, 4, 5)], ids=["NC", "NCdd"])
def test_cross_entropy_float32(shape):
    logits = _logits(shape, seed=5, dtype=np.float32)
    target, probs = _indices(shape, seed=5), _probs(shape, seed=5).astype(np.float32)
    weight = _weight(shape[1]).astype(np.float32)
    for tgt in (target, probs):
        _check_ce(logits, tgt, weight, "mean", label_smoothing=0.1)


def test_cross_entropy_all_ignored_mean():
    # torch: 0 / 0 = nan for the mean when every target is ignored. lossdocs must
    # either agree (nan) or refuse it as an empty mean, naming the target.
    logits, target = _logits((3, 4)), np.full(3, -100)
    assert torch.isnan(F.cross_entropy(tt(logits), tt(target)))
    try:
        got = ld("cross_entropy")(logits, target)
    except ValueError as exc:
        assert "target" in str(exc)
    else:
        assert np.isnan(got)
    assert_close(
        ld("cross_entropy")(logits, target, reduction="sum"),
        F.cross_entropy(tt(logits), tt(target), reduction="sum"),
    )


def test_nll_loss_of_log_softmax_is_cross_entropy():
    logits, target = _logits((6, 5), seed=8), _indices((6, 5), seed=8)
    weight = _weight(5)
    assert_close(
        ld("nll_loss")(ld("log_softmax")(logits, axis=1), target, weight=weight),
        F.cross_entropy(tt(logits), tt(target), weight=tt(weight)),
    )


@pytest.mark.parametrize("smoothing", [0.0, 0.3])
def test_cross_entropy_unbatched(smoothing):
    # torch accepts one sample: logits (C,) with a 0-d class index or (C,) probabilities.
    logits = _logits((5,), seed=9)
    for target in (np.array(3), _probs((1, 5), seed=9)[0]):
        kwargs = dict(label_smoothing=smoothing)
        assert_close(
            ld("cross_entropy")(logits, target, **kwargs), _torch_ce(tt(logits), target, **kwargs)
        )
        assert_close(
            ld("cross_entropy_grad")(logits, target, **kwargs),
            autograd(_torch_ce, logits, target, **kwargs),
        )


def test_weighted_mean_differs_between_index_and_one_hot_targets_in_torch():
    # torch's "mean" divides by sum(weight[target]) for class indices but by the number
    # of samples for probability targets, even one-hot ones; lossdocs follows both.
    logits, target = _logits((6, 5), seed=10), np.array([0, 1, 1, 4, 2, 0])
    weight = _weight(5, seed=10)
    one_hot = np.eye(5)[target]
    by_index = F.cross_entropy(tt(logits), tt(target), weight=tt(weight))
    by_probs = F.cross_entropy(tt(logits), tt(one_hot), weight=tt(weight))
    assert_close(np.asarray(by_probs.item() * 6 / weight[target].sum()), by_index)
    assert_close(ld("cross_entropy")(logits, target, weight=weight), by_index)
    assert_close(ld("cross_entropy")(logits, one_hot, weight=weight), by_probs)
