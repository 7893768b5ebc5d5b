"""class_balanced_weights against the authors' weights, written out in torch.

Cui et al.'s code (richardaecn/class-balanced-loss, src/cifar_main.py) in NumPy:
``effective_num = 1.0 - np.power(beta, n)``, ``weights = (1.0 - beta) /
effective_num``, ``weights = weights / np.sum(weights) * C``; the same in torch
ops below, on the long-tailed CIFAR counts of the paper (imbalance factors 10,
50, 100: n_i = 5000 * mu^i, as the authors' data_utils builds them) and with
the weights used in torch's cross_entropy.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt


def authors_weights(samples_per_class, beta):
    """The authors' three lines, in torch (float64)."""
    n = tt(samples_per_class, dtype=np.float64)
    effective_num = 1.0 - torch.pow(torch.tensor(beta, dtype=torch.float64), n)
    weights = (1.0 - beta) / effective_num
    return weights / torch.sum(weights) * n.numel()


def cifar_lt_counts(num_classes, imbalance_factor):
    """Exponentially decaying counts from 5000 (CIFAR-10) or 500 (CIFAR-100) per class."""
    n_max = 50_000 // num_classes
    mu = (1 / imbalance_factor) ** (1 / (num_classes - 1))
    return np.array([int(n_max * mu**i) for i in range(num_classes)])


@pytest.mark.parametrize("num_classes", [10, 100])
@pytest.mark.parametrize("imbalance", [10, 50, 100])
@pytest.mark.parametrize("beta", [0.9, 0.99, 0.999, 0.9999])
def test_equals_the_authors_weights(num_classes, imbalance, beta):
    counts = cifar_lt_counts(num_classes, imbalance)
    # 1 - beta^n cancels in the authors' form for beta near 1: agreement to 1e-10 relative
    # there is the authors' error, not ours (see test_unit against mpmath).
    assert_close(ld("class_balanced_weights")(counts, beta=beta), authors_weights(counts, beta))


def test_float32_counts():
    counts = cifar_lt_counts(10, 100).astype(np.float32)
    assert_close(ld("class_balanced_weights")(counts, beta=0.999),
                 authors_weights(counts, 0.999).float(), dtype=np.float32)  # fmt: skip


def test_in_torch_cross_entropy():
    # The weights plugged into F.cross_entropy's weight: the class-balanced softmax CE.
    counts = cifar_lt_counts(10, 100)
    rng = np.random.default_rng(0)
    logits, target = rng.normal(0, 2, (64, 10)), rng.integers(0, 10, 64)
    w = ld("class_balanced_weights")(counts, beta=0.9999)
    expected = F.cross_entropy(tt(logits), tt(target), weight=authors_weights(counts, 0.9999))
    assert_close(ld("cross_entropy")(logits, target, weight=w), expected)


def test_an_absent_class():
    # In the authors' code the absent class's weight is inf, so the sum is inf: the present
    # classes get 0 and the absent one NaN (inf / inf). A loss weighted so is 0 and trains
    # nothing, silently. lossdocs refuses the 0 by name.
    weights = authors_weights([10, 0, 3], 0.99)
    assert weights[0] == weights[2] == 0 and torch.isnan(weights[1])
    with pytest.raises(ValueError, match=r"samples_per_class\[1\] is 0"):
        ld("class_balanced_weights")([10, 0, 3], beta=0.99)


def test_the_authors_softmax_loss_divides_by_n():
    # tf.losses.softmax_cross_entropy with per-sample weights divides by the number of
    # samples (SUM_BY_NONZERO_WEIGHTS), not by the weights' sum as F.cross_entropy does:
    # the authors' loss is lossdocs' "sum" divided by N, not its weighted "mean".
    counts = cifar_lt_counts(10, 100)
    rng = np.random.default_rng(1)
    logits, target = rng.normal(0, 2, (32, 10)), rng.integers(0, 10, 32)
    w = authors_weights(counts, 0.9999)
    authors = (w[tt(target)] * F.cross_entropy(tt(logits), tt(target), reduction="none")).mean()
    ours = ld("cross_entropy")(logits, target, weight=w.numpy(), reduction="sum") / 32
    assert_close(ours, authors)
    weighted_mean = ld("cross_entropy")(logits, target, weight=w.numpy())
    assert abs(weighted_mean - float(authors)) > 0.1 * float(authors)
