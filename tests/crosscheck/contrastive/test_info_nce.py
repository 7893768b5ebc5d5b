"""InfoNCE against torch: cross_entropy over the similarity logits, queue and in-batch.

The torch reference normalises with ``torch.nn.functional.normalize`` (dim 1)
when asked, builds the logits ``[q.k+, q @ K-.T] / temperature`` with target 0
(queue) or ``q @ k.T / temperature`` with target ``arange(N)`` (in-batch), and
applies ``torch.nn.functional.cross_entropy``; gradients are autograd with
respect to the query.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def torch_info_nce(q, k, neg=None, temperature=0.1, normalize=True, reduction="mean"):
    if normalize:
        q, k = F.normalize(q, dim=1), F.normalize(k, dim=1)
        neg = None if neg is None else F.normalize(neg, dim=1)
    if neg is None:
        logits, target = q @ k.T, torch.arange(len(q))
    else:
        pos = (q * k).sum(dim=1, keepdim=True)
        logits, target = torch.cat([pos, q @ neg.T], dim=1), torch.zeros(len(q), dtype=torch.long)
    return F.cross_entropy(logits / temperature, target, reduction=reduction)


def _data(seed=0, n=6, d=8, m=10, scale=1.0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    q = rng.normal(0, scale, (n, d))
    k = q + rng.normal(0, 0.5 * scale, (n, d))  # positives correlated with their query
    neg = rng.normal(0, scale, (m, d))
    return q.astype(dtype), k.astype(dtype), neg.astype(dtype)


TEMPERATURES = [0.01, 0.07, 0.1, 1.0, 5.0]


@pytest.mark.parametrize("queue", [False, True], ids=["in_batch", "queue"])
@pytest.mark.parametrize("normalize", [True, False])
@pytest.mark.parametrize("temperature", TEMPERATURES)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_info_nce(queue, normalize, temperature, reduction):
    q, k, neg = _data()
    neg = neg if queue else None
    expected = torch_info_nce(
        tt(q), tt(k), None if neg is None else tt(neg), temperature, normalize, reduction
    )
    got = ld("info_nce")(
        q, k, neg, temperature=temperature, normalize=normalize, reduction=reduction
    )
    assert_close(got, expected)


@pytest.mark.parametrize("queue", [False, True], ids=["in_batch", "queue"])
@pytest.mark.parametrize("normalize", [True, False])
@pytest.mark.parametrize("temperature", TEMPERATURES)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_info_nce_grad_matches_autograd_wrt_query(queue, normalize, temperature, reduction):
    q, k, neg = _data(1)
    neg_t = tt(neg) if queue else None
    expected = autograd(torch_info_nce, q, tt(k), neg_t, temperature, normalize, reduction)
    got = ld("info_nce_grad")(
        q,
        k,
        neg if queue else None,
        temperature=temperature,
        normalize=normalize,
        reduction=reduction,
    )
    assert_close(got, expected)


def test_info_nce_defaults():
    q, k, neg = _data(2)
    assert_close(ld("info_nce")(q, k), torch_info_nce(tt(q), tt(k)))
    assert_close(ld("info_nce")(q, k, neg), torch_info_nce(tt(q), tt(k), tt(neg)))
    assert_close(ld("info_nce_grad")(q, k, neg), autograd(torch_info_nce, q, tt(k), tt(neg)))


@pytest.mark.parametrize("queue", [False, True], ids=["in_batch", "queue"])
def test_info_nce_huge_logits(queue):
    # Unnormalised vectors of size ~30 at temperature 0.01: logits of order 1e5.
    q, k, neg = _data(3, scale=30.0)
    neg = neg if queue else None
    neg_t = None if neg is None else tt(neg)
    kwargs = dict(temperature=0.01, normalize=False)
    got = ld("info_nce")(q, k, neg, reduction="none", **kwargs)
    assert np.all(np.isfinite(got))
    assert_close(got, torch_info_nce(tt(q), tt(k), neg_t, 0.01, False, "none"))
    assert_close(
        ld("info_nce_grad")(q, k, neg, reduction="sum", **kwargs),
        autograd(torch_info_nce, q, tt(k), neg_t, 0.01, False, "sum"),
    )


@pytest.mark.parametrize("queue", [False, True], ids=["in_batch", "queue"])
def test_info_nce_float32(queue):
    q, k, neg = _data(4, dtype=np.float32)
    neg = neg if queue else None
    neg_t = None if neg is None else tt(neg)
    assert_close(ld("info_nce")(q, k, neg), torch_info_nce(tt(q), tt(k), neg_t), dtype=np.float32)
    assert_close(
        ld("info_nce_grad")(q, k, neg),
        autograd(torch_info_nce, q, tt(k), neg_t),
        dtype=np.float32,
    )


def test_info_nce_scale_invariant_under_normalize_like_torch():
    # Tiny and huge vectors normalise to the same directions (torch's clamp at 1e-12
    # is not reached for 1e-10-sized rows in float64).
    q, k, neg = _data(5)
    expected = torch_info_nce(tt(q), tt(k), tt(neg))
    assert_close(ld("info_nce")(q * 1e-10, k * 1e150, neg * 1e-100), expected)


def test_info_nce_zero_vector_raises_where_torch_scores_zero():
    # Deliberate difference: F.normalize clamps the norm at 1e-12, so a zero query
    # becomes the zero vector (every logit 0, loss log(N)); lossdocs raises.
    q, k, _ = _data(6)
    q[2] = 0.0
    value = torch_info_nce(tt(q), tt(k), reduction="none")[2]
    assert_close(np.asarray(value.item()), torch.tensor(np.log(len(q))))
    with pytest.raises(ValueError, match="query"):
        ld("info_nce")(q, k)
