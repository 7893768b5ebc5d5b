"""Activations against torch: sigmoid, logsigmoid, softmax, log_softmax, logsumexp."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, assert_close, ld, tt

ELEMENTWISE = [("sigmoid", torch.sigmoid), ("log_sigmoid", F.logsigmoid)]
ROWWISE = [
    ("softmax", lambda t, axis: F.softmax(t, dim=axis)),
    ("log_softmax", lambda t, axis: F.log_softmax(t, dim=axis)),
    ("logsumexp", lambda t, axis: torch.logsumexp(t, dim=axis)),
]


@pytest.mark.parametrize(("name", "ref"), ELEMENTWISE)
def test_elementwise_random_and_extreme(name, ref):
    x = np.concatenate([np.random.default_rng(0).normal(0, 20, 200), EXTREME])
    assert_close(ld(name)(x), ref(tt(x)))


@pytest.mark.parametrize(("name", "ref"), ELEMENTWISE)
def test_elementwise_float32(name, ref):
    x = np.concatenate([np.random.default_rng(1).normal(0, 20, 50), EXTREME]).astype(np.float32)
    assert_close(ld(name)(x), ref(tt(x)), dtype=np.float32)


@pytest.mark.parametrize(("name", "ref"), ROWWISE)
@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_rowwise_random(name, ref, axis):
    x = np.random.default_rng(2).normal(0, 10, (4, 5, 6))
    assert_close(ld(name)(x, axis=axis), ref(tt(x), axis))


@pytest.mark.parametrize(("name", "ref"), ROWWISE)
def test_rowwise_extreme_rows(name, ref):
    # Rows mixing +-1e4, +-745 and ties: the shifted forms must agree with torch's.
    x = np.array(
        [
            [1e4, 0.0, -1e4],
            [745.0, 745.0, -745.0],
            [-1e4, -1e4, -1e4],
            [0.0, -40.0, -800.0],
            [1e4, 1e4 - 1e-9, 1e4 - 50],
        ]
    )
    assert_close(ld(name)(x), ref(tt(x), -1))


@pytest.mark.parametrize(("name", "ref"), ROWWISE)
def test_rowwise_float32(name, ref):
    x = np.random.default_rng(3).normal(0, 30, (6, 7)).astype(np.float32)
    x[0, :3] = [1e4, -1e4, 0.0]
    assert_close(ld(name)(x), ref(tt(x), -1), dtype=np.float32)


def test_infinities_as_torch():
    # -inf logits are probability 0; a row of all -inf has logsumexp -inf in both.
    x = np.array([[0.0, -np.inf, 1.0], [-np.inf, -np.inf, -np.inf]])
    assert_close(ld("logsumexp")(x), torch.logsumexp(tt(x), -1))
    assert_close(ld("softmax")(x[:1]), F.softmax(tt(x[:1]), -1))
    assert_close(ld("log_softmax")(x[:1]), F.log_softmax(tt(x[:1]), -1))
    assert_close(ld("sigmoid")(x[1]), torch.sigmoid(tt(x[1])))
