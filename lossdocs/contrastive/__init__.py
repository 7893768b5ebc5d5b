"""Representation learning: the InfoNCE contrastive loss and its gradient.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .info_nce import (
    info_nce,
    info_nce_grad,
)

__all__ = [
    "info_nce",
    "info_nce_grad",
]
