"""Language-model losses: next-token loss, perplexity, z-loss, MoE balancing, distillation.

One module per main function, named after it; see "Where code lives" in CONTRIBUTING.md.
"""

from .causal_lm_loss import (
    causal_lm_loss,
)
from .distillation_loss import (
    distillation_loss,
)
from .load_balancing_loss import (
    load_balancing_loss,
)
from .perplexity import (
    perplexity,
)
from .z_loss import (
    z_loss,
)

__all__ = [
    "causal_lm_loss",
    "perplexity",
    "z_loss",
    "load_balancing_loss",
    "distillation_loss",
]
