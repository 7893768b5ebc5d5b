"""lossdocs: reference NumPy implementations of deep-learning loss functions.

Every public name of every family module is re-exported here, so
``from lossdocs import huber`` works; ``lossdocs.__all__`` lists them.
"""

# Each family lists its public names in __all__, so the star imports are exact.
from . import (
    activations,
    classification,
    contrastive,
    detection,
    divergence,
    language,
    regression,
    segmentation,
)
from .activations import *  # noqa: F403
from .classification import *  # noqa: F403
from .contrastive import *  # noqa: F403
from .detection import *  # noqa: F403
from .divergence import *  # noqa: F403
from .language import *  # noqa: F403
from .regression import *  # noqa: F403
from .segmentation import *  # noqa: F403

__version__ = "0.1.0"

__all__ = [
    *activations.__all__,
    *regression.__all__,
    *classification.__all__,
    *segmentation.__all__,
    *detection.__all__,
    *contrastive.__all__,
    *divergence.__all__,
    *language.__all__,
]
