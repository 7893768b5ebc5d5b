"""Tests for lossdocs.causal_lm_loss: the shift, the token mean, masking, gradient, bad input."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import causal_lm_loss, softmax


def _loop_loss(logits, labels, ignore_index=-100):
    """Per-position losses by a plain loop over positions, with math.log: an independent oracle."""
    b, t, _ = logits.shape
    out = np.zeros((b, t - 1))
    for i in range(b):
        for j in range(t - 1):
            y = labels[i, j + 1]
            if y == ignore_index:
                continue
            row = logits[i, j]
            m = max(row)
            log_z = m + math.log(sum(math.exp(v - m) for v in row))
            out[i, j] = log_z - row[y]
    return out


def _batch(seed=0, b=3, t=6, v=5, pad=True):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(b, t, v))
    labels = rng.integers(0, v, size=(b, t))
    if pad:
        labels[0, :2] = -100  # a masked prompt
        labels[1, 4:] = -100  # right padding
    return logits, labels


def test_matches_a_loop_over_positions():
    logits, labels = _batch()
    expected = _loop_loss(logits, labels)
    got = causal_lm_loss(logits, labels, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-15)
    scored = np.count_nonzero(labels[:, 1:] != -100)
    assert scored == 3 * 5 - 1 - 2  # labels[0, 0] is never scored anyway: 1 + 2 masked
    assert causal_lm_loss(logits, labels, reduction="sum") == pytest.approx(expected.sum())
    assert causal_lm_loss(logits, labels) == pytest.approx(expected.sum() / scored, rel=1e-13)


def test_uniform_logits_cost_log_v_per_token():
    labels = np.array([[1, 2, 3, 4, 0, 1]])
    assert causal_lm_loss(np.zeros((1, 6, 7)), labels) == pytest.approx(math.log(7), rel=1e-15)


def test_shift_first_label_and_last_logits_are_never_used():
    logits, labels = _batch(1, pad=False)
    base = causal_lm_loss(logits, labels, reduction="none")
    other = labels.copy()
    other[:, 0] = (other[:, 0] + 1) % 5
    np.testing.assert_array_equal(causal_lm_loss(logits, other, reduction="none"), base)
    changed = logits.copy()
    changed[:, -1] += 100.0
    np.testing.assert_array_equal(causal_lm_loss(changed, labels, reduction="none"), base)
    # ...but the label at t + 1 is what position t is scored on.
    other[0, 1] = (labels[0, 1] + 1) % 5
    assert causal_lm_loss(logits, other, reduction="none")[0, 0] != base[0, 0]


def test_ignored_positions_are_zero_and_out_of_the_mean():
    logits, labels = _batch(2)
    loss = causal_lm_loss(logits, labels, reduction="none")
    assert loss.shape == (3, 5)
    assert np.all(loss[0, :1] == 0) and np.all(loss[1, 3:] == 0)
    keep = labels[:, 1:] != -100
    assert causal_lm_loss(logits, labels) == pytest.approx(loss[keep].mean(), rel=1e-14)


def test_custom_ignore_index():
    logits, labels = _batch(3, pad=False)
    masked = labels.copy()
    masked[2, 3:] = 4  # token 4 treated as padding
    a = causal_lm_loss(logits, np.where(masked == 4, -1, masked), ignore_index=-1)
    b = causal_lm_loss(logits, np.where(masked == 4, -100, masked))
    assert a == b


def test_micro_batch_means_weight_short_sequences_more():
    # Two micro-batches: 1 scored token with loss log(3), 9 scored tokens with uniform V = 2.
    short_logits, short_labels = np.zeros((1, 2, 3)), np.array([[0, 1]])
    long_logits = np.zeros((1, 10, 2))
    long_labels = np.zeros((1, 10), dtype=int)
    means = [causal_lm_loss(short_logits, short_labels), causal_lm_loss(long_logits, long_labels)]
    sums = [
        causal_lm_loss(short_logits, short_labels, reduction="sum"),
        causal_lm_loss(long_logits, long_labels, reduction="sum"),
    ]
    true_mean = (math.log(3) + 9 * math.log(2)) / 10
    assert sum(sums) / 10 == pytest.approx(true_mean, rel=1e-15)
    assert np.mean(means) == pytest.approx((math.log(3) + math.log(2)) / 2, rel=1e-15)
    assert abs(np.mean(means) - true_mean) > 0.04


def test_gradient_is_softmax_minus_onehot_over_scored_tokens():
    # The page's gradient: (softmax(z_t) - e_{y_{t+1}}) / |S| at scored positions, 0 elsewhere.
    logits, labels = _batch(4, b=2, t=4, v=3)
    keep = labels[:, 1:] != -100
    expected = np.zeros_like(logits)
    onehot = np.eye(3)[np.where(keep, labels[:, 1:], 0)]
    expected[:, :-1] = np.where(keep[..., None], softmax(logits[:, :-1]) - onehot, 0) / keep.sum()
    got = numeric_grad(lambda z: causal_lm_loss(z, labels), logits)
    np.testing.assert_allclose(got, expected, atol=1e-8)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_and_extreme_logits(dtype):
    logits = np.zeros((1, 3, 2), dtype=dtype)
    logits[0, :, 0] = 1e4  # confident in token 0 everywhere
    labels = np.array([[0, 1, 0]])
    loss = causal_lm_loss(logits, labels, reduction="none")
    assert loss.dtype == dtype
    np.testing.assert_allclose(loss, [[1e4, 0.0]], rtol=1e-6)
    assert causal_lm_loss(logits, labels).dtype == dtype


def test_all_ignored_gives_nan_quietly_and_nan_propagates():
    assert np.isnan(causal_lm_loss(np.zeros((2, 3, 4)), np.full((2, 3), -100)))
    logits, labels = _batch(5, pad=False)
    logits[1, 2, 0] = np.nan
    loss = causal_lm_loss(logits, labels, reduction="none")
    assert np.isnan(loss[1, 2]) and np.isfinite(np.delete(loss.ravel(), 1 * 5 + 2)).all()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(-50, 50))
def test_a_shift_of_every_logit_changes_nothing(seed, c):
    logits, labels = _batch(seed)
    np.testing.assert_allclose(
        causal_lm_loss(logits + c, labels, reduction="none"),
        causal_lm_loss(logits, labels, reduction="none"),
        atol=1e-11,
    )


@pytest.mark.parametrize(
    "logits, labels, kwargs, error, match",
    [
        (np.zeros((3, 4)), np.zeros((3,), int), {}, ValueError, "logits must have shape"),
        (np.zeros((2, 3, 0)), np.zeros((2, 3), int), {}, ValueError, "V >= 1"),
        (
            np.zeros((2, 3, 4)),
            np.zeros((2, 4), int),
            {},
            ValueError,
            r"labels must hold one token id per row of logits: shape \(B, T\) = \(2, 3\)",
        ),
        (np.zeros((1, 3, 4)), [[0, 4, 1]], {}, ValueError, "labels holds token id 4"),
        (np.zeros((1, 3, 4)), [[0, -1, 1]], {}, ValueError, "token id -1"),
        (np.zeros((1, 3, 4)), [[0, 1.5, 1]], {}, TypeError, "labels must hold integer"),
        (np.zeros((1, 3, 4)), [[0, 1, 1]], {"ignore_index": 1.0}, TypeError, "ignore_index"),
        (np.zeros((1, 3, 4)), [[0, 1, 1]], {"reduction": "avg"}, ValueError, "reduction"),
        (np.zeros((1, 1, 4)), [[0]], {}, ValueError, "logits .B . .T - 1. positions. is empty"),
        (np.zeros((0, 3, 4)), np.zeros((0, 3), int), {}, ValueError, "is empty"),
        ([["a"]], [[0]], {}, TypeError, "logits must hold real numbers"),
    ],
)
def test_bad_input(logits, labels, kwargs, error, match):
    with pytest.raises(error, match=match):
        causal_lm_loss(logits, labels, **kwargs)


def test_no_position_to_score_is_fine_without_mean():
    assert causal_lm_loss(np.zeros((2, 1, 4)), [[0], [1]], reduction="none").shape == (2, 0)
    assert causal_lm_loss(np.zeros((2, 1, 4)), [[0], [1]], reduction="sum") == 0.0
