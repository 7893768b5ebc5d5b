"""ctc_loss against a brute-force sum over every alignment, its gradient, reductions, dtypes.

The brute force enumerates all C**T frame labellings, collapses each (merge
repeats, then drop blanks) and sums the probabilities of those that give the
target: the definition of CTC, independent of the forward recursion.
"""

import itertools

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import ctc_loss


def collapse(path, blank):
    merged = [k for i, k in enumerate(path) if i == 0 or k != path[i - 1]]
    return tuple(k for k in merged if k != blank)


def brute_force(lp, target, blank=0):
    """(-log p(target), posterior of each (frame, class)) by listing every path."""
    n_frames, n_classes = lp.shape
    total, occupancy = 0.0, np.zeros_like(lp)
    for path in itertools.product(range(n_classes), repeat=n_frames):
        if collapse(path, blank) == tuple(target):
            p = np.exp(sum(lp[t, k] for t, k in enumerate(path)))
            total += p
            occupancy[np.arange(n_frames), list(path)] += p
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.log(total), occupancy / total


def random_log_probs(rng, shape, dtype=np.float64):
    x = rng.normal(size=shape) * 2
    return (x - np.log(np.exp(x).sum(-1, keepdims=True))).astype(dtype)


# (T, C, blank, target): repeated labels, a target as long as the frames allow,
# an empty one, a non-zero blank.
CASES = [
    (4, 3, 0, [1, 2]),
    (5, 3, 0, [1, 1]),
    (5, 3, 0, [2, 2, 2]),
    (4, 3, 0, []),
    (6, 4, 0, [3, 1, 3]),
    (5, 3, 2, [0, 1, 0]),
    (1, 3, 0, [2]),
]


@pytest.mark.parametrize("n_frames, n_classes, blank, target", CASES)
def test_equals_the_sum_over_all_alignments(n_frames, n_classes, blank, target):
    lp = random_log_probs(np.random.default_rng(n_frames + len(target)), (n_frames, n_classes))
    expected, _ = brute_force(lp, target, blank)
    got = ctc_loss(
        lp[:, None], [target or [1]], [n_frames], [len(target)], blank=blank, reduction="none"
    )
    np.testing.assert_allclose(got, [expected], rtol=1e-12)


def test_a_batch_of_different_lengths_equals_each_sequence_alone():
    rng = np.random.default_rng(1)
    lp = random_log_probs(rng, (6, 3, 4))
    targets = np.array([[1, 2, 3], [2, 2, 0], [3, 0, 0]])  # padding: 0, the blank
    input_lengths, target_lengths = [6, 4, 5], [3, 2, 0]
    got = ctc_loss(lp, targets, input_lengths, target_lengths, reduction="none")
    expected = [
        brute_force(lp[: input_lengths[n], n], targets[n, : target_lengths[n]])[0] for n in range(3)
    ]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    # The padding is never read: any valid or invalid value gives the same loss.
    padded = np.where(np.arange(3) < np.array(target_lengths)[:, None], targets, -7)
    np.testing.assert_array_equal(
        ctc_loss(lp, padded, input_lengths, target_lengths, reduction="none"), got
    )


def test_repeated_labels_need_a_blank_between_them():
    lp = random_log_probs(np.random.default_rng(2), (3, 1, 3))
    # "a a" needs 3 frames (a - a); "a b" needs 2.
    assert np.isfinite(ctc_loss(lp, [[1, 1]], [3], [2]))
    assert ctc_loss(lp, [[1, 1]], [2], [2], reduction="none")[0] == np.inf
    assert np.isfinite(ctc_loss(lp, [[1, 2]], [2], [2]))
    assert ctc_loss(lp, [[1, 2]], [1], [2], reduction="none")[0] == np.inf


def test_impossible_alignments_and_zero_infinity():
    lp = random_log_probs(np.random.default_rng(3), (2, 2, 3))
    targets, input_lengths, target_lengths = [[1, 1], [1, 2]], [2, 2], [2, 2]
    loss = ctc_loss(lp, targets, input_lengths, target_lengths, reduction="none")
    assert loss[0] == np.inf and np.isfinite(loss[1])
    zeroed = ctc_loss(
        lp, targets, input_lengths, target_lengths, reduction="none", zero_infinity=True
    )
    np.testing.assert_array_equal(zeroed, [0.0, loss[1]])
    assert ctc_loss(lp, targets, input_lengths, target_lengths, reduction="sum") == np.inf


def test_no_frames_explains_only_the_empty_target():
    lp = random_log_probs(np.random.default_rng(4), (3, 2, 3))
    loss = ctc_loss(lp, [[1], [1]], [0, 0], [0, 1], reduction="none")
    np.testing.assert_array_equal(loss, [0.0, np.inf])


def test_mean_divides_by_the_target_lengths_then_averages():
    lp = random_log_probs(np.random.default_rng(5), (6, 3, 4))
    targets, input_lengths, target_lengths = [[1, 2, 3], [2, 2, 1], [3, 1, 1]], [6, 6, 5], [3, 2, 0]
    each = ctc_loss(lp, targets, input_lengths, target_lengths, reduction="none")
    mean = ctc_loss(lp, targets, input_lengths, target_lengths)
    assert mean == pytest.approx((each[0] / 3 + each[1] / 2 + each[2] / 1) / 3, rel=1e-12)
    total = ctc_loss(lp, targets, input_lengths, target_lengths, reduction="sum")
    assert total == pytest.approx(each.sum(), rel=1e-12)


def test_gradient_is_minus_the_posterior_of_each_frame_label():
    # The derivative stated in the Notes and on the page, by finite differences,
    # against the posterior counted by the brute force.
    lp = random_log_probs(np.random.default_rng(6), (4, 3))
    target = [1, 1]
    _, occupancy = brute_force(lp, target)

    def loss(x):
        return ctc_loss(x[:, None], [target], [4], [2], reduction="sum")

    np.testing.assert_allclose(numeric_grad(loss, lp), -occupancy, atol=1e-8)
    # Each frame emits exactly one symbol: the posterior of a frame sums to 1.
    np.testing.assert_allclose(occupancy.sum(1), 1.0)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_long_sequences_do_not_underflow_and_keep_the_dtype(dtype):
    rng = np.random.default_rng(7)
    n_frames, batch, n_classes, length = 1000, 4, 20, 100
    lp = random_log_probs(rng, (n_frames, batch, n_classes), dtype)
    targets = rng.integers(1, n_classes, size=(batch, length))
    loss = ctc_loss(lp, targets, [n_frames] * batch, [length] * batch, reduction="none")
    assert loss.dtype == dtype
    # The probability of the target is below 1e-300, yet the loss is finite and positive.
    assert np.all(np.isfinite(loss)) and np.all(loss > 700)
    reference = ctc_loss(
        lp.astype(np.float64), targets, [n_frames] * batch, [length] * batch, reduction="none"
    )
    np.testing.assert_allclose(loss, reference, rtol=1e-4 if dtype == np.float32 else 1e-14)


def test_uniform_frames_count_the_alignments():
    # With every class at probability 1/C, the loss is T log C - log(#alignments).
    # "a" in 3 frames has 6 alignments: aaa, aa-, a--, -aa, --a, -a-.
    lp = np.log(np.full((3, 1, 2), 0.5))
    assert ctc_loss(lp, [[1]], [3], [1]) == pytest.approx(3 * np.log(2) - np.log(6))
