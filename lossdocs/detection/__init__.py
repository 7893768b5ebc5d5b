"""Box geometry and box losses: area, IoU, generalized IoU and the GIoU loss.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .box_area import (
    box_area,
)
from .box_iou import (
    box_iou,
)
from .generalized_box_iou import (
    generalized_box_iou,
)
from .giou_loss import (
    giou_loss,
)

__all__ = [
    "box_area",
    "box_iou",
    "generalized_box_iou",
    "giou_loss",
]
