"""triplet_margin_loss against torch.nn.functional.triplet_margin_loss (and its module forms).

Also TripletMarginWithDistanceLoss with its default distance (pairwise_distance),
the page's worked examples (a distance the reader computes, fed to
margin_ranking_loss: cosine, L1 and squared Euclidean, with and without swap),
and the eps convention of pairwise_distance.
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


# TripletMarginWithDistanceLoss with any distance (issue 19): the triplet page's recipe,
# the distances computed by the reader and fed to lossdocs' margin_ranking_loss as
# (d_an, d_ap) with target +1, against the torch module with the same distance.

DISTANCES = {
    "cosine": (
        lambda x, y: 1 - np.sum(x * y, 1) / (np.linalg.norm(x, axis=1) * np.linalg.norm(y, axis=1)),
        lambda x, y: 1 - F.cosine_similarity(x, y),
    ),
    "l1": (lambda x, y: np.abs(x - y).sum(1), lambda x, y: (x - y).abs().sum(1)),
    "squared": (lambda x, y: ((x - y) ** 2).sum(1), lambda x, y: ((x - y) ** 2).sum(1)),
}


def _with_distance(distance, anchor, positive, negative, *, margin, swap, reduction):
    d_ap, d_an = distance(anchor, positive), distance(anchor, negative)
    if swap:
        d_an = np.minimum(d_an, distance(positive, negative))
    target = np.ones(len(d_ap))
    return ld("margin_ranking_loss")(d_an, d_ap, target, margin=margin, reduction=reduction)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("margin", [0.2, 1.0])
@pytest.mark.parametrize("name", DISTANCES)
def test_with_distance_loss_any_distance(name, margin, swap, reduction):
    ours, theirs = DISTANCES[name]
    module = torch.nn.TripletMarginWithDistanceLoss(
        distance_function=theirs, margin=margin, swap=swap, reduction=reduction
    )
    expected = module(tt(A), tt(P), tt(N))  # rows of any norm: the cosine normalises them
    got = _with_distance(ours, A, P, N, margin=margin, swap=swap, reduction=reduction)
    assert_close(got, expected)


def test_with_distance_loss_the_triplet_page_numbers():
    a = np.array([[1.0, 0.0], [0.0, 3.0]])
    p = np.array([[2.0, 1.0], [1.0, 1.0]])
    n = np.array([[1.0, 1.0], [-1.0, 2.0]])
    ours, theirs = DISTANCES["cosine"]
    for swap, shown in [(False, [0.0127, 0.3873]), (True, [0.2543, 0.3873])]:
        module = torch.nn.TripletMarginWithDistanceLoss(
            distance_function=theirs, margin=0.2, swap=swap, reduction="none"
        )
        expected = module(tt(a), tt(p), tt(n))
        got = _with_distance(ours, a, p, n, margin=0.2, swap=swap, reduction="none")
        assert_close(got, expected)
        np.testing.assert_allclose(expected.numpy(), shown, atol=5e-5)  # the page's 4 digits
    # The Euclidean distance without eps is triplet_margin_loss(eps=0).
    module = torch.nn.TripletMarginWithDistanceLoss(
        distance_function=lambda x, y: (x - y).norm(dim=1)
    )
    assert_close(ld("triplet_margin_loss")(a, p, n, eps=0.0), module(tt(a), tt(p), tt(n)))
