"""Sequence losses: CTC, which trains a frame-wise classifier from unaligned label sequences.

One module per main function, named after it; see "Where code lives" in
CONTRIBUTING.md.
"""

from .ctc_loss import (
    ctc_loss,
)

__all__ = [
    "ctc_loss",
]
