"""ctc_loss against torch.nn.functional.ctc_loss: every reduction, zero_infinity, dtypes.

Padded 2-D targets, a batch with different input and target lengths, repeated
labels, an empty target, an impossible alignment and a non-zero blank.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, RTOL32, assert_close, ld, tt


def batch(seed=0, dtype=np.float64, blank=0):
    rng = np.random.default_rng(seed)
    n_frames, n_classes = 12, 5
    x = rng.normal(size=(n_frames, 6, n_classes)) * 2
    lp = (x - np.log(np.exp(x).sum(-1, keepdims=True))).astype(dtype)
    labels = [c for c in range(n_classes) if c != blank]
    targets = rng.choice(labels, size=(6, 5))
    targets[1, :3] = labels[0]  # a run of equal labels
    targets[3, :] = labels[1]  # five equal labels in 4 frames: impossible
    input_lengths = np.array([12, 12, 9, 4, 7, 1])
    target_lengths = np.array([5, 3, 4, 5, 0, 1])
    return lp, targets, input_lengths, target_lengths


def torch_ctc(lp, targets, input_lengths, target_lengths, **kw):
    return F.ctc_loss(tt(lp), tt(targets), tt(input_lengths), tt(target_lengths), **kw)


@pytest.mark.parametrize("zero_infinity", [False, True])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("blank", [0, 3])
def test_ctc_loss(reduction, zero_infinity, blank):
    args = batch(blank=blank)
    kw = {"blank": blank, "reduction": reduction, "zero_infinity": zero_infinity}
    expected = torch_ctc(*args, **kw)
    assert_close(ld("ctc_loss")(*args, **kw), expected)
    # The batch holds an impossible alignment: inf unless zeroed.
    assert bool(torch.isinf(expected).any()) != zero_infinity


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_ctc_loss_float32(reduction):
    args = batch(seed=1, dtype=np.float32)
    kw = {"reduction": reduction, "zero_infinity": True}
    assert_close(ld("ctc_loss")(*args, **kw), torch_ctc(*args, **kw), dtype=np.float32, rtol=RTOL32)


def test_ctc_loss_long_sequences():
    rng = np.random.default_rng(2)
    n_frames, n, n_classes, length = 300, 4, 10, 60
    x = rng.normal(size=(n_frames, n, n_classes))
    lp = x - np.log(np.exp(x).sum(-1, keepdims=True))
    targets = rng.integers(1, n_classes, size=(n, length))
    args = (lp, targets, np.array([300, 250, 200, 120]), np.array([60, 40, 59, 1]))
    assert_close(ld("ctc_loss")(*args, reduction="none"), torch_ctc(*args, reduction="none"))


def test_torch_accepts_a_blank_inside_a_target_that_lossdocs_refuses():
    # The difference stated in the Notes: torch treats it as an ordinary label.
    lp, targets, input_lengths, target_lengths = batch()
    targets[0, 2] = 0
    assert torch.isfinite(
        torch_ctc(lp, targets, input_lengths, target_lengths, reduction="none")[0]
    )
    with pytest.raises(ValueError, match="targets must not contain the blank"):
        ld("ctc_loss")(lp, targets, input_lengths, target_lengths)
