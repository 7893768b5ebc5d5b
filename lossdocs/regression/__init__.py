"""Regression losses: squared, absolute, Huber and smooth L1, with their gradients."""

# Each submodule lists its public names in __all__; the family re-exports them.
from . import elementary, robust
from .elementary import *  # noqa: F403
from .robust import *  # noqa: F403

__all__ = [
    *elementary.__all__,
    *robust.__all__,
]
