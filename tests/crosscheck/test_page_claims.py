"""What the pages say PyTorch does, checked against PyTorch itself.

docs/edge-cases.md and docs/classification/bce-vs-ce.md state PyTorch's
behaviour in prose (their doctests run lossdocs only, torch is not a run-time
dependency): an empty batch, a saturated sigmoid followed by BCE, and BCE with
logits at z = -40. A PyTorch release that changes one of them fails here, and
the page must then change with it.
"""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import lossdocs

E, E2 = torch.zeros(0), torch.zeros(0, 3)
INDEX = torch.zeros(0, dtype=torch.long)
EMPTY_MEANS = {
    "mse_loss": lambda: F.mse_loss(E, E),
    "l1_loss": lambda: F.l1_loss(E, E),
    "huber_loss": lambda: F.huber_loss(E, E),
    "smooth_l1_loss": lambda: F.smooth_l1_loss(E, E),
    "cross_entropy-indices": lambda: F.cross_entropy(E2, INDEX),
    "cross_entropy-probabilities": lambda: F.cross_entropy(E2, E2),
    "nll_loss": lambda: F.nll_loss(E2, INDEX),
    "binary_cross_entropy": lambda: F.binary_cross_entropy(E, E),
    "binary_cross_entropy_with_logits": lambda: F.binary_cross_entropy_with_logits(E, E),
    "soft_margin_loss": lambda: F.soft_margin_loss(E, E),
    "kl_div-batchmean": lambda: F.kl_div(E2, E2, reduction="batchmean"),
}


@pytest.mark.parametrize("loss", EMPTY_MEANS.values(), ids=EMPTY_MEANS.keys())
def test_the_mean_over_an_empty_batch_is_nan_without_a_warning(loss):
    # edge-cases.md, "An empty batch": NaN, and no warning of any kind.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = loss()
    assert torch.isnan(value)
    assert [str(w.message) for w in caught] == []


def _grad_to_logit(z, dtype, with_logits):
    z = torch.tensor(z, dtype=dtype, requires_grad=True)
    target = torch.zeros((), dtype=dtype)
    if with_logits:
        loss = F.binary_cross_entropy_with_logits(z, target)
    else:
        loss = F.binary_cross_entropy(torch.sigmoid(z), target)
    loss.backward()
    return loss.item(), z.grad.item()


@pytest.mark.parametrize("z", [17.0, 20.0, 30.0])
def test_sigmoid_then_bce_passes_no_gradient_once_float32_saturates(z):
    # bce-vs-ce.md: in float32 sigma(z) is exactly 1 above z = 16.6; the loss is the clamp's
    # 100 and the gradient reaching the logit is exactly 0, where the logits form gives 1.
    assert _grad_to_logit(z, torch.float32, with_logits=False) == (100.0, 0.0)
    loss, grad = _grad_to_logit(z, torch.float32, with_logits=True)
    assert loss == pytest.approx(z) and grad == 1.0


def test_sigmoid_then_bce_below_the_float32_threshold_and_in_float64():
    # bce-vs-ce.md: at z = 16 float32 still passes the gradient; in float64 the clamp of
    # p(1 - p) at 1e-12 in BCE's backward shrinks it at z = 30 and sigma rounds to 1 at 40.
    assert _grad_to_logit(16.0, torch.float32, with_logits=False)[1] == pytest.approx(1.0)
    assert _grad_to_logit(20.0, torch.float64, with_logits=False)[1] == pytest.approx(1.0)
    assert _grad_to_logit(30.0, torch.float64, with_logits=False)[1] == pytest.approx(
        0.0935, abs=5e-5
    )
    assert _grad_to_logit(40.0, torch.float64, with_logits=False) == (100.0, 0.0)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bce_with_logits_at_minus_40_is_zero_in_pytorch(dtype):
    # edge-cases.md and bce-vs-ce.md: the exact value is log(1 + e^-40) = 4.25e-18; PyTorch
    # returns exactly 0 (its formula cancels), lossdocs the exact value.
    z, t = torch.tensor(-40.0, dtype=dtype), torch.tensor(0.0, dtype=dtype)
    assert F.binary_cross_entropy_with_logits(z, t).item() == 0.0
    exact = np.log1p(np.exp(-40.0))
    assert lossdocs.binary_cross_entropy_with_logits(-40.0, 0.0) == pytest.approx(exact, rel=1e-15)
