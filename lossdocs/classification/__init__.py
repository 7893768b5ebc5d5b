"""Classification losses: 0-1, cross-entropy, binary cross-entropy, margin and focal losses."""

# Each submodule lists its public names in __all__; the family re-exports them.
from . import binary, categorical, focal, margin
from .binary import *  # noqa: F403
from .categorical import *  # noqa: F403
from .focal import *  # noqa: F403
from .margin import *  # noqa: F403

__all__ = [
    *categorical.__all__,
    *binary.__all__,
    *margin.__all__,
    *focal.__all__,
]
