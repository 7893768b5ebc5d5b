"""triplet_margin_loss against torch.nn.functional.triplet_margin_loss (and its module forms).

Also TripletMarginWithDistanceLoss with its default distance (pairwise_distance),
the page's worked example, and the eps convention of pairwise_distance.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt

RNG = np.random.default_rng(0)
A, P, N = RNG.normal(size=(3, 9, 6))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("p", [1.0, 2.0, 3.0, math.inf, 0.5])
@pytest.mark.parametrize("margin", [0.1, 1.0, 5.0])
@pytest.mark.parametrize("eps", [0.0, 1e-6, 0.1])
def test_triplet_margin_loss(reduction, swap, p, margin, eps):
    kw = {"margin": margin, "p": p, "eps": eps, "swap": swap, "reduction": reduction}
    expected = F.triplet_margin_loss(tt(A), tt(P), tt(N), **kw)
    assert_close(ld("triplet_margin_loss")(A, P, N, **kw), expected)


def test_float32_and_defaults():
    a, p, n = (x.astype(np.float32) for x in (A, P, N))
    expected = F.triplet_margin_loss(tt(a), tt(p), tt(n), swap=True, reduction="none")
    got = ld("triplet_margin_loss")(a, p, n, swap=True, reduction="none")
    assert_close(got, expected, dtype=np.float32)
    assert_close(ld("triplet_margin_loss")(A, P, N), F.triplet_margin_loss(tt(A), tt(P), tt(N)))


def test_with_distance_loss_default_is_the_same_loss():
    # TripletMarginWithDistanceLoss() defaults to pairwise_distance (p = 2, eps = 1e-6).
    module = torch.nn.TripletMarginWithDistanceLoss(swap=True)
    assert_close(ld("triplet_margin_loss")(A, P, N, swap=True), module(tt(A), tt(P), tt(N)))


def test_with_distance_loss_cosine_distance_is_triplet_on_unit_vectors():
    # The triplet page's worked example: distance 1 - cos. On unit vectors
    # |a - b|^2 = 2 (1 - cos), so 1 - cos is half the squared Euclidean distance.
    module = torch.nn.TripletMarginWithDistanceLoss(
        distance_function=lambda x, y: 1 - F.cosine_similarity(x, y), margin=0.2
    )
    u = [x / np.linalg.norm(x, axis=1, keepdims=True) for x in (A, P, N)]
    expected = module(*(tt(x) for x in u))
    d_ap = 0.5 * np.sum((u[0] - u[1]) ** 2, axis=1)
    d_an = 0.5 * np.sum((u[0] - u[2]) ** 2, axis=1)
    assert_close(np.mean(np.maximum(d_ap - d_an + 0.2, 0)), expected)


def test_pairwise_distance_adds_eps_to_the_difference():
    x, y = torch.zeros(1, 4), torch.ones(1, 4)
    assert F.pairwise_distance(x, x).item() == pytest.approx(2e-6, rel=1e-9)  # eps * sqrt(4)
    assert F.pairwise_distance(x, y).item() != F.pairwise_distance(y, x).item()


def test_margin_zero_is_refused_by_both():
    z = torch.zeros(1, 2)
    with pytest.raises(ValueError, match="margin"):
        F.triplet_margin_loss(z, z, z, margin=0.0)
    with pytest.raises(ValueError, match="margin"):
        ld("triplet_margin_loss")(np.zeros((1, 2)), np.zeros((1, 2)), np.zeros((1, 2)), margin=0)
