"""Activations and their logarithms, stable for any finite input.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .log_sigmoid import (
    log_sigmoid,
)
from .log_softmax import (
    log_softmax,
)
from .logsumexp import (
    logsumexp,
)
from .sigmoid import (
    sigmoid,
)
from .softmax import (
    softmax,
)

__all__ = [
    "sigmoid",
    "log_sigmoid",
    "softmax",
    "log_softmax",
    "logsumexp",
]
