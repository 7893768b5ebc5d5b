"""Classification losses: 0-1, cross-entropy, binary cross-entropy, margin and focal losses."""

# Each submodule lists its public names in __all__; the family re-exports them.
from . import (
    binary,
    categorical,
    categorical_grad,
    focal,
    margin,
    margin_grad,
    softmax_focal,
    zero_one_loss,
)
from .binary import *  # noqa: F403
from .categorical import *  # noqa: F403
from .categorical_grad import *  # noqa: F403
from .focal import *  # noqa: F403
from .margin import *  # noqa: F403
from .margin_grad import *  # noqa: F403
from .softmax_focal import *  # noqa: F403
from .zero_one_loss import *  # noqa: F403

__all__ = [
    *zero_one_loss.__all__,
    *categorical.__all__,
    *categorical_grad.__all__,
    *softmax_focal.__all__,
    *binary.__all__,
    *margin.__all__,
    *margin_grad.__all__,
    *focal.__all__,
]
