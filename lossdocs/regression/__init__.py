"""Regression losses: squared, absolute, Huber, smooth L1, and the probabilistic ones
(Gaussian and Poisson NLL, quantile, log-cosh), with their gradients.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .gaussian_nll import (
    gaussian_nll,
    gaussian_nll_grad,
)
from .huber import (
    huber,
    huber_grad,
)
from .log_cosh import (
    log_cosh,
    log_cosh_grad,
)
from .mae import (
    mae,
    mae_grad,
)
from .mse import (
    mse,
    mse_grad,
)
from .poisson_nll import (
    poisson_nll,
)
from .quantile_loss import (
    quantile_loss,
    quantile_loss_grad,
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
    "gaussian_nll",
    "poisson_nll",
    "quantile_loss",
    "log_cosh",
    "gaussian_nll_grad",
    "quantile_loss_grad",
    "log_cosh_grad",
]
