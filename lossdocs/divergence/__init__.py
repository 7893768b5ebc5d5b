"""Entropy and divergences between distributions: KL, Jensen-Shannon and the Gaussian KL."""

# Each submodule lists its public names in __all__; the family re-exports them.
from . import gaussian, jensen_shannon, kl
from .gaussian import *  # noqa: F403
from .jensen_shannon import *  # noqa: F403
from .kl import *  # noqa: F403

__all__ = [
    *kl.__all__,
    *jensen_shannon.__all__,
    *gaussian.__all__,
]
