"""Entropy and divergences between distributions: KL, Jensen-Shannon and the Gaussian KL.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .entropy import (
    entropy,
)
from .gaussian_kl import (
    gaussian_kl,
)
from .js_divergence import (
    js_divergence,
)
from .kl_divergence import (
    kl_divergence,
    kl_divergence_grad,
)

__all__ = [
    "entropy",
    "kl_divergence",
    "kl_divergence_grad",
    "js_divergence",
    "gaussian_kl",
]
