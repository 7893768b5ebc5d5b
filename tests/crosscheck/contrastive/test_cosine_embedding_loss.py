"""cosine_embedding_loss against torch.nn.functional.cosine_embedding_loss."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt

RNG = np.random.default_rng(3)
A, B = RNG.normal(size=(2, 10, 6))
Y = RNG.choice([-1.0, 1.0], 10)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [-0.5, 0.0, 0.3, 1.0])
def test_cosine_embedding_loss(reduction, margin):
    expected = F.cosine_embedding_loss(tt(A), tt(B), tt(Y), margin=margin, reduction=reduction)
    got = ld("cosine_embedding_loss")(A, B, Y, margin=margin, reduction=reduction)
    # torch's 1e-12 inside the norms shifts the cosine by ~1e-12 relative at norm ~2.
    assert_close(got, expected, rtol=1e-10, atol=1e-11)


def test_float32():
    a, b = A.astype(np.float32), B.astype(np.float32)
    expected = F.cosine_embedding_loss(tt(a), tt(b), tt(Y.astype(np.float32)), reduction="none")
    got = ld("cosine_embedding_loss")(a, b, Y.astype(np.float32), reduction="none")
    assert_close(got, expected, dtype=np.float32)


def test_torch_eps_breaks_small_vectors():
    # The docstring's example: rows of norm 1e-7 with themselves; torch gives 0.9901.
    tiny = np.array([[1e-7, 0.0]])
    torch_loss = F.cosine_embedding_loss(tt(tiny), tt(tiny), tt([1.0])).item()
    assert torch_loss == pytest.approx(1 - 1e-14 / (1e-14 + 1e-12), rel=1e-9)
    assert round(torch_loss, 4) == 0.9901
    assert ld("cosine_embedding_loss")(tiny, tiny, [1]) == 0


def test_torch_scores_a_zero_vector_cosine_zero():
    # edge-cases.md: PyTorch scores the cosine with a zero vector 0; lossdocs raises.
    x, zero = tt([[1.0, 2.0]]), tt([[0.0, 0.0]])
    assert F.cosine_embedding_loss(x, zero, tt([1.0])).item() == 1.0
    assert F.cosine_embedding_loss(x, zero, tt([-1.0])).item() == 0.0
    with pytest.raises(ValueError, match="zero vector"):
        ld("cosine_embedding_loss")([[1.0, 2.0]], [[0.0, 0.0]], [1])
