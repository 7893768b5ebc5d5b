"""Box geometry and box losses: area, IoU, generalized IoU and the GIoU, DIoU and CIoU losses.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .box_area import (
    box_area,
)
from .box_iou import (
    box_iou,
)
from .ciou_loss import (
    ciou_loss,
)
from .diou_loss import (
    diou_loss,
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
    "diou_loss",
    "ciou_loss",
]
