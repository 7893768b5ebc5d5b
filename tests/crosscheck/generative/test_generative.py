"""The generative losses against torch and against the reference code they follow.

- GAN losses: ``F.binary_cross_entropy_with_logits`` (the minimax discriminator is its
  value on (r, 1) plus on (f, 0); the generator's non-saturating loss is its value on
  (f, 1), the minimax one minus its value on (f, 0)) and the softplus forms with
  ``F.softplus``; gradients by autograd.
- vae_loss: pytorch/examples ``vae/main.py`` (commit 77f55b91, 2025-08-25) written out:
  BCE summed over pixels and batch plus ``-0.5 * sum(1 + logvar - mu^2 - exp(logvar))``;
  and ``torch.distributions.kl_divergence`` to N(0, 1) per latent dimension.
- diffusion: diffusers' min-SNR weighting written out in torch from its source, commit
  58eb52c0803ea9af3abec60841c2a093bdf1f951 (2026-08-23): ``compute_snr`` in
  ``src/diffusers/training_utils.py`` (which casts to float32), the weights and the
  per-sample mean of ``examples/text_to_image/train_text_to_image.py``, and
  ``DDPMScheduler.get_velocity`` / its ``linear`` and ``scaled_linear`` schedules.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, assert_close, autograd, ld, tt
from torch.distributions import Normal, kl_divergence

KINDS = ("minimax", "non_saturating", "wasserstein", "hinge", "least_squares")


def _logits(seed, n=12, dtype=np.float64):
    return (np.random.default_rng(seed).normal(size=n) * 6).astype(dtype)


# --- GAN: BCE with logits ----------------------------------------------------------------


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_minimax_discriminator_is_bce_on_real_and_fake(reduction):
    r, f = _logits(0), _logits(1)
    bce = F.binary_cross_entropy_with_logits
    rt, ft = tt(r), tt(f)
    expected = bce(rt, torch.ones_like(rt), reduction=reduction) + bce(
        ft, torch.zeros_like(ft), reduction=reduction
    )
    assert_close(ld("gan_discriminator_loss")(r, f, reduction=reduction), expected)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_generator_losses_are_bce_at_extreme_logits(dtype):
    f = EXTREME.astype(dtype)
    ft = tt(f)
    ns = F.binary_cross_entropy_with_logits(ft, torch.ones_like(ft), reduction="none")
    mm = -F.binary_cross_entropy_with_logits(ft, torch.zeros_like(ft), reduction="none")
    g = ld("gan_generator_loss")
    assert_close(g(f, reduction="none"), ns, dtype=dtype)
    assert_close(g(f, kind="minimax", reduction="none"), mm, dtype=dtype)
    d = ld("gan_discriminator_loss")(f, f[::-1], reduction="none")
    rt, ft2 = tt(f), tt(f[::-1].copy())
    expected = F.binary_cross_entropy_with_logits(rt, torch.ones_like(rt), reduction="none")
    expected = expected + F.binary_cross_entropy_with_logits(
        ft2, torch.zeros_like(ft2), reduction="none"
    )
    assert_close(d, expected, dtype=dtype)


def _torch_generator(f, kind):
    return {
        "minimax": lambda: -F.softplus(f),
        "non_saturating": lambda: F.softplus(-f),
        "wasserstein": lambda: -f,
        "hinge": lambda: -f,
        "least_squares": lambda: (f - 1) ** 2 / 2,
    }[kind]()


def _torch_discriminator(r, f, kind):
    return {
        "minimax": lambda: F.softplus(-r) + F.softplus(f),
        "non_saturating": lambda: F.softplus(-r) + F.softplus(f),
        "wasserstein": lambda: f - r,
        "hinge": lambda: F.relu(1 - r) + F.relu(1 + f),
        "least_squares": lambda: ((r - 1) ** 2 + f**2) / 2,
    }[kind]()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_matches_its_torch_form(kind):
    # |logits| < 20 keeps clear of F.softplus's threshold (see the next test).
    r, f = np.clip(_logits(2), -19, 19), np.clip(_logits(3), -19, 19)
    got = ld("gan_discriminator_loss")(r, f, kind=kind, reduction="none")
    assert_close(got, _torch_discriminator(tt(r), tt(f), kind))
    got = ld("gan_generator_loss")(f, kind=kind, reduction="none")
    assert_close(got, _torch_generator(tt(f), kind))


def test_torch_softplus_threshold_drops_exp_minus_x_above_20():
    # F.softplus(x) returns x itself for x > threshold = 20, so it is low by
    # log1p(e^-x) ~ 2e-9 at x = 20.0001 (a relative 1e-10): BCE with logits, which
    # lossdocs matches, keeps the term.
    x = np.array([20.0001, 25.0, 30.0])
    exact = x + np.log1p(np.exp(-x))
    torch_sp = F.softplus(tt(x)).numpy()
    np.testing.assert_array_equal(torch_sp, x)
    mm = ld("gan_generator_loss")(x, kind="minimax", reduction="none")
    np.testing.assert_allclose(-mm, exact, rtol=1e-15)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_generator_grad_is_autograd(kind, reduction):
    f = np.concatenate([np.clip(_logits(4), -19, 19), [-100.0, 100.0]])

    def loss(ft):
        per = _torch_generator(ft, kind)
        return per.mean() if reduction == "mean" else per.sum()

    got = ld("gan_generator_loss_grad")(f, kind=kind, reduction=reduction)
    assert_close(got, autograd(loss, f))


# --- VAE -------------------------------------------------------------------------------


def _vae_batch(seed=0, b=5, d=7, k=3):
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(b, d)) * 3,
        rng.uniform(size=(b, d)),
        rng.normal(size=(b, k)),
        rng.normal(size=(b, k)) * 2,
    )


def _torch_kld(mu, logvar):
    # pytorch/examples vae/main.py: KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())


def test_vae_sum_is_pytorch_examples_loss_with_logits():
    recon, x, mu, logvar = _vae_batch()
    bce = F.binary_cross_entropy_with_logits(tt(recon), tt(x), reduction="sum")
    expected = bce + _torch_kld(tt(mu), tt(logvar))
    assert_close(ld("vae_loss")(recon, x, mu, logvar, reduction="sum"), expected)


def test_vae_on_sigmoid_outputs_is_the_example_as_written():
    # The example decodes with torch.sigmoid and calls F.binary_cross_entropy on
    # probabilities; for moderate logits that is the same number.
    recon, x, mu, logvar = _vae_batch(1)
    probs = torch.sigmoid(tt(recon))
    expected = F.binary_cross_entropy(probs, tt(x), reduction="sum") + _torch_kld(
        tt(mu), tt(logvar)
    )
    assert_close(ld("vae_loss")(recon, x, mu, logvar, reduction="sum"), expected, rtol=1e-9)


@pytest.mark.parametrize("reduction", ["mean", "none"])
def test_vae_gaussian_and_the_kl_per_sample(reduction):
    recon, x, mu, logvar = _vae_batch(2)
    kl = kl_divergence(Normal(tt(mu), torch.exp(0.5 * tt(logvar))), Normal(0.0, 1.0)).sum(-1)
    rec = 0.5 * F.mse_loss(tt(recon), tt(x), reduction="none").sum(-1)
    per = rec + 4.0 * kl
    expected = per.mean() if reduction == "mean" else per
    got = ld("vae_loss")(recon, x, mu, logvar, beta=4.0, likelihood="gaussian", reduction=reduction)
    assert_close(got, expected)


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
