"""The GAN kinds each loss accepts, and the stable softplus both GAN losses are built on."""

from __future__ import annotations

# The discriminator of the non-saturating GAN is the minimax one (Goodfellow et al.
# 2014 change only the generator's loss), so both losses accept the same five names.
KINDS = ("minimax", "non_saturating", "wasserstein", "hinge", "least_squares")
