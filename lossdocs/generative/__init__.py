"""Generative models: the VAE's negative ELBO, GAN losses, diffusion's SNR and denoising loss.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .diffusion_loss import (
    diffusion_loss,
)
from .diffusion_snr import (
    diffusion_snr,
)
from .gan_discriminator_loss import (
    gan_discriminator_loss,
)
from .gan_generator_loss import (
    gan_generator_loss,
    gan_generator_loss_grad,
)
from .vae_loss import (
    vae_loss,
)

__all__ = [
    "vae_loss",
    "gan_discriminator_loss",
    "gan_generator_loss",
    "gan_generator_loss_grad",
    "diffusion_snr",
    "diffusion_loss",
]
