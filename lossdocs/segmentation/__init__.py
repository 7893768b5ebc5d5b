"""Segmentation: soft Jaccard and Dice losses, and the hard-mask metrics IoU, mIoU and Dice."""

# Each submodule lists its public names in __all__; the family re-exports them.
from . import masks, metrics, soft, soft_grad
from .masks import *  # noqa: F403
from .metrics import *  # noqa: F403
from .soft import *  # noqa: F403
from .soft_grad import *  # noqa: F403

__all__ = [
    *soft.__all__,
    *soft_grad.__all__,
    *metrics.__all__,
    *masks.__all__,
]
