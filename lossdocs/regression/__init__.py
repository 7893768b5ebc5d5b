"""Regression losses: squared, absolute, Huber and smooth L1, with their gradients.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .huber import (
    huber,
    huber_grad,
)
from .mae import (
    mae,
    mae_grad,
)
from .mse import (
    mse,
    mse_grad,
)
from .smooth_l1 import (
    smooth_l1,
    smooth_l1_grad,
)

__all__ = [
    "mse",
    "mae",
    "mse_grad",
    "mae_grad",
    "huber",
    "smooth_l1",
    "huber_grad",
    "smooth_l1_grad",
]
