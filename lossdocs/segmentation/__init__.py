"""Segmentation: soft Jaccard, Dice, Tversky and generalised Dice losses; IoU, mIoU and Dice.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .confusion_matrix import (
    confusion_matrix,
)
from .dice_coefficient import (
    dice_coefficient,
)
from .dice_loss import (
    dice_loss,
    dice_loss_grad,
)
from .focal_tversky_loss import (
    focal_tversky_loss,
)
from .generalized_dice_loss import (
    generalized_dice_loss,
    generalized_dice_loss_grad,
)
from .iou_from_confusion_matrix import (
    iou_from_confusion_matrix,
)
from .iou_per_class import (
    iou_per_class,
)
from .jaccard_index import (
    jaccard_index,
)
from .jaccard_loss import (
    jaccard_loss,
    jaccard_loss_grad,
)
from .mean_iou import (
    mean_iou,
)
from .tversky_loss import (
    tversky_loss,
    tversky_loss_grad,
)

__all__ = [
    "jaccard_loss",
    "dice_loss",
    "jaccard_loss_grad",
    "dice_loss_grad",
    "confusion_matrix",
    "iou_from_confusion_matrix",
    "iou_per_class",
    "mean_iou",
    "dice_coefficient",
    "jaccard_index",
    "tversky_loss",
    "tversky_loss_grad",
    "focal_tversky_loss",
    "generalized_dice_loss",
    "generalized_dice_loss_grad",
]
