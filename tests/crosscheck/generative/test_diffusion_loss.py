"""diffusion_loss and diffusion_snr against diffusers' min-SNR training loss, in torch.

Written out from diffusers' source at commit 58eb52c0803ea9af3abec60841c2a093bdf1f951
(2026-08-23): ``compute_snr`` in ``src/diffusers/training_utils.py`` (which casts to
float32), the weights and the per-sample mean of
``examples/text_to_image/train_text_to_image.py``, and ``DDPMScheduler.get_velocity``
with its ``linear`` and ``scaled_linear`` schedules.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld

# --- diffusion: diffusers, written out in torch -------------------------------------------------


def _schedule(name):
    # DDPMScheduler.__init__: "linear" and "scaled_linear" betas, float32, then cumprod.
    if name == "linear":
        betas = torch.linspace(1e-4, 0.02, 1000, dtype=torch.float32)
    else:
        betas = torch.linspace(0.00085**0.5, 0.012**0.5, 1000, dtype=torch.float32) ** 2
    return torch.cumprod(1.0 - betas, dim=0)


def _compute_snr(alphas_cumprod, timesteps):
    # training_utils.compute_snr: sqrt, index, .float(), then (alpha / sigma) ** 2.
    alpha = (alphas_cumprod**0.5)[timesteps].float()
    sigma = ((1.0 - alphas_cumprod) ** 0.5)[timesteps].float()
    return (alpha / sigma) ** 2


def _get_velocity(alphas_cumprod, sample, noise, timesteps):
    a = alphas_cumprod.to(dtype=sample.dtype)[timesteps]
    sqrt_a = (a**0.5).flatten().reshape(-1, *([1] * (sample.ndim - 1)))
    sqrt_1ma = ((1 - a) ** 0.5).flatten().reshape(-1, *([1] * (sample.ndim - 1)))
    return sqrt_a * noise - sqrt_1ma * sample


def _diffusers_loss(model_pred, target, snr, prediction_type, snr_gamma):
    # train_text_to_image.py, the snr_gamma branch.
    if snr_gamma is None:
        return F.mse_loss(model_pred.float(), target.float(), reduction="mean")
    mse_loss_weights = torch.stack([snr, snr_gamma * torch.ones_like(snr)], dim=1).min(dim=1)[0]
    if prediction_type == "epsilon":
        mse_loss_weights = mse_loss_weights / snr
    elif prediction_type == "v_prediction":
        mse_loss_weights = mse_loss_weights / (snr + 1)
    loss = F.mse_loss(model_pred.float(), target.float(), reduction="none")
    loss = loss.mean(dim=list(range(1, len(loss.shape)))) * mse_loss_weights
    return loss.mean()


def _diffusion_case(schedule, seed=0, b=16):
    g = torch.Generator().manual_seed(seed)
    abar = _schedule(schedule)
    timesteps = torch.randint(0, 1000, (b,), generator=g)
    latents = torch.randn(b, 4, 3, 3, generator=g, dtype=torch.float32)
    noise = torch.randn(b, 4, 3, 3, generator=g, dtype=torch.float32)
    pred = torch.randn(b, 4, 3, 3, generator=g, dtype=torch.float32)
    return abar, timesteps, latents, noise, pred


@pytest.mark.parametrize("schedule", ["linear", "scaled_linear"])
@pytest.mark.parametrize("prediction", ["epsilon", "v", "x0"])
@pytest.mark.parametrize("snr_gamma", [None, 5.0, 1.0])
def test_diffusion_loss_is_diffusers_training_loss_float32(schedule, prediction, snr_gamma):
    abar, timesteps, latents, noise, pred = _diffusion_case(schedule)
    ptype = {"epsilon": "epsilon", "v": "v_prediction", "x0": "sample"}[prediction]
    if prediction == "epsilon":
        target = noise
    elif prediction == "v":
        target = _get_velocity(abar, latents, noise, timesteps)
    else:  # the script raises for "sample"; the weight is what its fall-through leaves
        target = latents
    snr = _compute_snr(abar, timesteps)
    expected = _diffusers_loss(pred, target, snr, ptype, snr_gamma)
    got = ld("diffusion_loss")(
        pred.numpy(), latents.numpy(), noise.numpy(), abar[timesteps].numpy(),
        prediction=prediction, snr_gamma=snr_gamma,
    )  # fmt: skip
    assert_close(got, expected, dtype=np.float32)


@pytest.mark.parametrize("prediction", ["epsilon", "v", "x0"])
def test_diffusion_loss_float64_against_the_same_formulas_without_the_cast(prediction):
    abar, timesteps, latents, noise, pred = (
        t.double() if t.is_floating_point() else t for t in _diffusion_case("linear", seed=1)
    )
    a = abar[timesteps]
    snr = a / (1 - a)
    ptype = {"epsilon": "epsilon", "v": "v_prediction", "x0": "sample"}[prediction]
    target = {"epsilon": noise, "x0": latents}.get(prediction)
    if target is None:
        target = _get_velocity(abar, latents, noise, timesteps)
    w = torch.minimum(snr, torch.full_like(snr, 5.0))
    w = {"epsilon": w / snr, "v_prediction": w / (snr + 1), "sample": w}[ptype]
    expected = (F.mse_loss(pred, target, reduction="none").mean(dim=(1, 2, 3)) * w).mean()
    got = ld("diffusion_loss")(
        pred.numpy(), latents.numpy(), noise.numpy(), a.numpy(), prediction=prediction,
        snr_gamma=5.0,
    )  # fmt: skip
    assert_close(got, expected)


def test_diffusion_snr_is_compute_snr():
    abar = _schedule("scaled_linear")
    t = torch.arange(1000)
    assert_close(ld("diffusion_snr")(abar.numpy()), _compute_snr(abar, t), dtype=np.float32)
    a64 = abar.double()
    assert_close(ld("diffusion_snr")(a64.numpy()), a64 / (1 - a64))


def test_zero_terminal_snr_epsilon_weight_is_nan_in_diffusers_and_1_here():
    # DDPMScheduler(rescale_betas_zero_snr=True) makes alphas_cumprod[-1] exactly 0:
    # diffusers' epsilon weight min(0, gamma) / 0 is NaN, so the whole batch mean is NaN.
    abar = torch.tensor([0.5, 0.0])
    snr = abar / (1 - abar)
    pred, target = torch.ones(2, 3), torch.zeros(2, 3)
    assert torch.isnan(_diffusers_loss(pred, target, snr, "epsilon", 5.0))
    got = ld("diffusion_loss")(pred.numpy(), target.numpy(), target.numpy(), abar.numpy(),
                               snr_gamma=5.0, reduction="none")  # fmt: skip
    np.testing.assert_array_equal(got, [1.0, 1.0])


def test_the_pre_2024_v_weight_differs_from_the_papers():
    # diffusers PR 5238 (fixed by PRs 6307 and 8466, issue 5654): snr + 1 before the min,
    # min(snr + 1, gamma) / (snr + 1), which is 1 wherever snr + 1 < gamma.
    abar = torch.tensor([0.2, 0.5, 0.75, 0.99])  # snr 0.25, 1, 3, 99
    snr = abar / (1 - abar)
    old = torch.minimum(snr + 1, torch.full_like(snr, 5.0)) / (snr + 1)
    pred, z = torch.ones(4, 2), torch.zeros(4, 2)  # unit error: the loss is the weight
    got = ld("diffusion_loss")(pred.numpy(), z.numpy(), z.numpy(), abar.numpy(),
                               prediction="v", snr_gamma=5.0, reduction="none")  # fmt: skip
    # v = sqrt(abar) * 0 - sqrt(1 - abar) * 0 = 0, so the squared error is 1 per element.
    assert_close(got, torch.minimum(snr, torch.full_like(snr, 5.0)) / (snr + 1))
    np.testing.assert_array_equal(old.numpy()[:3], 1.0)
    assert np.all(got[:3] < 0.76)
