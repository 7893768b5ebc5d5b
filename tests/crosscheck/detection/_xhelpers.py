"""Box IoU, GIoU and the GIoU loss against torchvision's formulas, written out in torch.

torchvision does not import beside this torch build, so its functions are
copied below from pytorch/vision:

- ``box_area``, ``_box_inter_union``, ``box_iou`` and ``generalized_box_iou``
  from ``torchvision/ops/boxes.py`` (read at commit 2f3a43f): areas
  ``(x1 - x0) * (y1 - y0)``; ``lt = max(b1[:, None, :2], b2[:, :2])``,
  ``rb = min(b1[:, None, 2:], b2[:, 2:])``, ``wh = (rb - lt).clamp(min=0)``,
  ``union = area1[:, None] + area2 - inter``, ``iou = inter / union``; the
  GIoU subtracts ``(areai - union) / areai`` for the enclosing box.
- ``generalized_box_iou_loss`` from ``torchvision/ops/giou_loss.py`` (commit
  90a8f70; newer versions move the intersection into ``_loss_inter_union`` in
  ``_utils.py``, the same code): the intersection is taken where
  ``xkis2 > xkis1 and ykis2 > ykis1``, ``iouk = intsctk / (unionk + eps)``,
  ``miouk = iouk - (area_c - unionk) / (area_c + eps)``, ``loss = 1 - miouk``;
  'mean' of zero pairs is ``0.0 * loss.sum()``.
"""

import numpy as np
import torch


def tv_box_area(boxes):
    return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])


def tv_box_inter_union(boxes1, boxes2):
    area1, area2 = tv_box_area(boxes1), tv_box_area(boxes2)
    lt = torch.max(boxes1[:, None, :2], boxes2[:, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[:, :, 0] * wh[:, :, 1]
    union = area1[:, None] + area2 - inter
    return inter, union


def tv_generalized_box_iou(boxes1, boxes2):
    inter, union = tv_box_inter_union(boxes1, boxes2)
    iou = inter / union
    lti = torch.min(boxes1[:, None, :2], boxes2[:, :2])
    rbi = torch.max(boxes1[:, None, 2:], boxes2[:, 2:])
    whi = (rbi - lti).clamp(min=0)
    areai = whi[:, :, 0] * whi[:, :, 1]
    return iou - (areai - union) / areai


def tv_loss_inter_union(boxes1, boxes2):
    """torchvision's ``_loss_inter_union`` (ops/_utils.py), used by its GIoU, DIoU and CIoU."""
    x1, y1, x2, y2 = boxes1.unbind(dim=-1)
    x1g, y1g, x2g, y2g = boxes2.unbind(dim=-1)
    xkis1, ykis1 = torch.max(x1, x1g), torch.max(y1, y1g)
    xkis2, ykis2 = torch.min(x2, x2g), torch.min(y2, y2g)
    intsctk = torch.zeros_like(x1)
    mask = (ykis2 > ykis1) & (xkis2 > xkis1)
    intsctk[mask] = (xkis2[mask] - xkis1[mask]) * (ykis2[mask] - ykis1[mask])
    unionk = (x2 - x1) * (y2 - y1) + (x2g - x1g) * (y2g - y1g) - intsctk
    return intsctk, unionk


def _boxes(n, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 10, (n, 2))
    wh = rng.uniform(0.1, 6, (n, 2))
    return np.concatenate([xy, xy + wh], axis=1).astype(dtype)


# Identical, nested, partial overlap, disjoint, touching along an edge, touching at a corner.
SPECIAL_1 = np.array(
    [[0, 0, 2, 2], [0, 0, 4, 4], [0, 0, 2, 2], [0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]], float
)


SPECIAL_2 = np.array(
    [[0, 0, 2, 2], [1, 1, 2, 2], [1, 0, 3, 2], [5, 5, 6, 7], [1, 0, 2, 1], [1, 1, 3, 3]], float
)


# Zero-area boxes: a point, a horizontal and a vertical segment.
DEGENERATE = np.array([[1, 1, 1, 1], [0, 3, 4, 3], [5, 0, 5, 2]], float)
