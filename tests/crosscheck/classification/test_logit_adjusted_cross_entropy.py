"""logit_adjusted_cross_entropy against torch's cross_entropy on shifted logits.

The reference is ``F.cross_entropy(logits + tau * log(priors), target, ...)``
with every option lossdocs passes through (weight, ignore_index, the three
reductions, (N, C, d) inputs), its autograd gradient, and the authors' form
(google-research/logit_adjustment, utils.py: ``logits + log(base_probs**tau +
1e-12)``), which differs only by the 1e-12.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, REDUCTIONS, assert_close, autograd, ld, tt

PRIORS = np.array([0.45, 0.25, 0.15, 0.1, 0.05])


def _shifted_ce(logits, target, priors, tau, **kwargs):
    shape = [1] * logits.dim()
    shape[1 if logits.dim() > 1 else 0] = -1
    shift = tau * torch.log(tt(priors, dtype=logits.numpy(force=True).dtype)).reshape(shape)
    return F.cross_entropy(logits + shift, target, **kwargs)


def authors_loss(logits, labels, base_probs, tau):
    """The authors' loss_fn (TensorFlow), in torch: the mean of sparse softmax CE."""
    logits = logits + torch.log(tt(base_probs) ** tau + 1e-12)
    return F.cross_entropy(logits, labels, reduction="none").mean(dim=0)


@pytest.mark.parametrize("shape", [(8, 5), (4, 5, 3)], ids=["NC", "NCd"])
@pytest.mark.parametrize("tau", [0.0, 0.5, 1.0, 2.0])
@pytest.mark.parametrize("use_weight", [False, True])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_equals_cross_entropy_of_shifted_logits(shape, tau, use_weight, reduction):
    rng = np.random.default_rng(len(shape) + int(10 * tau))
    logits = rng.normal(0, 3, shape)
    target = rng.integers(0, 5, (shape[0], *shape[2:]))
    target.flat[1] = -100
    weight = rng.uniform(0.2, 3.0, 5) if use_weight else None
    kwargs = {"weight": weight, "reduction": reduction}
    torch_kwargs = {"weight": None if weight is None else tt(weight), "reduction": reduction}
    expected = _shifted_ce(tt(logits), tt(target), PRIORS, tau, **torch_kwargs)
    got = ld("logit_adjusted_cross_entropy")(logits, target, PRIORS, tau=tau, **kwargs)
    assert_close(got, expected)
    if reduction != "none":
        expected = autograd(_shifted_ce, logits, tt(target), PRIORS, tau, **torch_kwargs)
        grad = ld("logit_adjusted_cross_entropy_grad")(logits, target, PRIORS, tau=tau, **kwargs)
        assert_close(grad, expected)


def test_ignore_index_and_float32():
    rng = np.random.default_rng(5)
    logits = rng.normal(0, 3, (16, 5)).astype(np.float32)
    target = rng.integers(0, 5, 16)
    expected = _shifted_ce(tt(logits), tt(target), PRIORS, 1.0, ignore_index=2)
    got = ld("logit_adjusted_cross_entropy")(logits, target, PRIORS.tolist(), ignore_index=2)
    assert_close(got, expected, dtype=np.float32)


@pytest.mark.parametrize("tau", [0.5, 1.0, 1.5])
def test_equals_the_authors_loss(tau):
    # The authors' 1e-12 shifts log(prior^tau) by about 1e-12 / prior^tau: within 1e-9 here.
    rng = np.random.default_rng(7)
    logits, labels = rng.normal(0, 2, (32, 5)), rng.integers(0, 5, 32)
    got = ld("logit_adjusted_cross_entropy")(logits, labels, PRIORS, tau=tau)
    assert_close(got, authors_loss(tt(logits), tt(labels), PRIORS, tau), rtol=1e-9)


def test_extreme_logits():
    logits = np.stack([EXTREME[:5], EXTREME[6:], -EXTREME[:5]])
    target = np.array([0, 4, 2])
    expected = _shifted_ce(tt(logits), tt(target), PRIORS, 1.0, reduction="none")
    assert_close(ld("logit_adjusted_cross_entropy")(logits, target, PRIORS, reduction="none"),
                 expected)  # fmt: skip
    expected = autograd(_shifted_ce, logits, tt(target), PRIORS, 1.0)
    assert_close(ld("logit_adjusted_cross_entropy_grad")(logits, target, PRIORS), expected)
