"""DIoU and CIoU losses against torchvision's formulas, written out in torch.

torchvision does not import beside this torch build, so its functions are
copied below from pytorch/vision (read with the search tool):

- ``_loss_inter_union`` from ``torchvision/ops/_utils.py``: the intersection
  where ``xkis2 > xkis1 and ykis2 > ykis1``, else 0; the union is the sum of
  the areas minus it.
- ``_diou_iou_loss`` and ``distance_box_iou_loss`` from
  ``torchvision/ops/diou_loss.py`` (commit ae5c346): ``iou = intsct / (union +
  eps)``, ``diagonal_distance_squared = (xc2 - xc1)**2 + (yc2 - yc1)**2 +
  eps``, the centres ``(x2 + x1) / 2``, ``loss = 1 - iou + centers_distance_squared
  / diagonal_distance_squared``; default reduction 'none'; 'mean' of zero
  pairs is ``0.0 * loss.sum()``.
- ``complete_box_iou_loss`` from ``torchvision/ops/ciou_loss.py`` (commit
  28fbd4b): ``diou_loss, iou = _diou_iou_loss(boxes1, boxes2)`` -- note: without
  its ``eps``, so 1e-7 there whatever the caller passes --, ``v = (4 /
  (torch.pi**2)) * torch.pow(torch.atan(w_gt / h_gt) - torch.atan(w_pred /
  h_pred), 2)``, ``alpha = v / (1 - iou + v + eps)`` under ``torch.no_grad()``,
  ``loss = diou_loss + alpha * v``.
"""

import numpy as np
import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt
from detection._xhelpers import _boxes, tv_loss_inter_union


def tv_diou_iou_loss(boxes1, boxes2, eps=1e-7):
    intsct, union = tv_loss_inter_union(boxes1, boxes2)
    iou = intsct / (union + eps)
    x1, y1, x2, y2 = boxes1.unbind(dim=-1)
    x1g, y1g, x2g, y2g = boxes2.unbind(dim=-1)
    xc1, yc1 = torch.min(x1, x1g), torch.min(y1, y1g)
    xc2, yc2 = torch.max(x2, x2g), torch.max(y2, y2g)
    diagonal_distance_squared = ((xc2 - xc1) ** 2) + ((yc2 - yc1) ** 2) + eps
    x_p, y_p = (x2 + x1) / 2, (y2 + y1) / 2
    x_g, y_g = (x1g + x2g) / 2, (y1g + y2g) / 2
    centers_distance_squared = ((x_p - x_g) ** 2) + ((y_p - y_g) ** 2)
    loss = 1 - iou + (centers_distance_squared / diagonal_distance_squared)
    return loss, iou


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean() if loss.numel() > 0 else 0.0 * loss.sum()
    if reduction == "sum":
        return loss.sum()
    return loss


def tv_distance_box_iou_loss(boxes1, boxes2, reduction="none", eps=1e-7):
    loss, _ = tv_diou_iou_loss(boxes1, boxes2, eps)
    return _reduce(loss, reduction)


def tv_complete_box_iou_loss(boxes1, boxes2, reduction="none", eps=1e-7):
    diou_loss, iou = tv_diou_iou_loss(boxes1, boxes2)  # torchvision passes no eps here
    x1, y1, x2, y2 = boxes1.unbind(dim=-1)
    x1g, y1g, x2g, y2g = boxes2.unbind(dim=-1)
    w_pred, h_pred = x2 - x1, y2 - y1
    w_gt, h_gt = x2g - x1g, y2g - y1g
    v = (4 / (torch.pi**2)) * torch.pow((torch.atan(w_gt / h_gt) - torch.atan(w_pred / h_pred)), 2)
    with torch.no_grad():
        alpha = v / (1 - iou + v + eps)
    loss = diou_loss + alpha * v
    return _reduce(loss, reduction)


# Identical, nested (concentric and not), partial overlap, disjoint, touching along an
# edge, touching at a corner, same aspect ratio far apart.
SPECIAL_1 = np.array(
    [[0, 0, 2, 2], [0, 0, 4, 4], [1, 1, 3, 3], [0, 0, 2, 2], [0, 0, 1, 1], [0, 0, 1, 1],
     [0, 0, 1, 1], [0, 0, 1, 2]],
    float,
)  # fmt: skip
SPECIAL_2 = np.array(
    [[0, 0, 2, 2], [1, 1, 2, 2], [0, 0, 4, 4], [1, 0, 3, 2], [5, 5, 6, 7], [1, 0, 2, 1],
     [1, 1, 3, 3], [7, 3, 9, 7]],
    float,
)  # fmt: skip
PAIRS = {"diou_loss": tv_distance_box_iou_loss, "ciou_loss": tv_complete_box_iou_loss}


@pytest.mark.parametrize("name", PAIRS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_random_and_special_pairs_default_eps(name, reduction):
    b1 = np.concatenate([_boxes(12, 1), SPECIAL_1])
    b2 = np.concatenate([_boxes(12, 2), SPECIAL_2])
    expected = PAIRS[name](tt(b1), tt(b2), reduction=reduction)
    assert_close(ld(name)(b1, b2, reduction=reduction), expected)


@pytest.mark.parametrize("eps", [0.0, 1e-7, 0.5])
def test_diou_loss_any_eps(eps):
    b1, b2 = np.concatenate([_boxes(8, 3), SPECIAL_1]), np.concatenate([_boxes(8, 4), SPECIAL_2])
    expected = tv_distance_box_iou_loss(tt(b1), tt(b2), eps=eps)
    assert_close(ld("diou_loss")(b1, b2, eps=eps, reduction="none"), expected)


@pytest.mark.parametrize("name", PAIRS)
def test_float32(name):
    b1, b2 = _boxes(10, 5, np.float32), _boxes(10, 6, np.float32)
    expected = PAIRS[name](tt(b1), tt(b2), "mean")
    assert_close(ld(name)(b1, b2), expected, dtype=np.float32)


def test_ciou_loss_eps_differs_from_torchvision_only_in_the_iou_and_distance_terms():
    # torchvision's complete_box_iou_loss passes its eps to alpha only; the IoU and
    # the diagonal always get 1e-7. lossdocs uses eps in all three places.
    b1, b2 = _boxes(6, 7), _boxes(6, 8)
    eps = 0.5
    theirs = tv_complete_box_iou_loss(tt(b1), tt(b2), eps=eps)
    ours = ld("ciou_loss")(b1, b2, eps=eps, reduction="none")
    assert np.all(np.abs(ours - theirs.numpy()) > 1e-4)
    # Written out with eps in all three places, torchvision's formula gives ours.
    diou, iou = tv_diou_iou_loss(tt(b1), tt(b2), eps)
    x1, y1, x2, y2 = tt(b1).unbind(-1)
    x1g, y1g, x2g, y2g = tt(b2).unbind(-1)
    v = (4 / torch.pi**2) * (
        torch.atan((x2g - x1g) / (y2g - y1g)) - torch.atan((x2 - x1) / (y2 - y1))
    ) ** 2
    assert_close(ours, diou + v / (1 - iou + v + eps) * v)


def test_degenerate_boxes_finite_where_torchvision_is_nan():
    # A point has no aspect ratio: torchvision's atan(0 / 0) is NaN, lossdocs drops the
    # aspect term (CIoU = DIoU). A zero-height segment: atan(w / 0) = pi/2 in both.
    point, flat = [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 2.0, 0.0]
    b1, b2 = (
        np.array([point, flat, flat]),
        np.array([[0, 0, 2, 2], [0, 0, 2, 2], [0, 0, 1, 3]], float),
    )
    theirs = tv_complete_box_iou_loss(tt(b1), tt(b2)).numpy()
    ours = ld("ciou_loss")(b1, b2, reduction="none")
    assert np.isnan(theirs[0]) and ours[0] == ld("diou_loss")(b1[:1], b2[:1])
    assert_close(ours[1:], torch.from_numpy(theirs[1:]))
    # Without the aspect term (DIoU) the point is finite in torchvision too.
    assert_close(
        ld("diou_loss")(b1, b2, reduction="none"), tv_distance_box_iou_loss(tt(b1), tt(b2))
    )


@pytest.mark.parametrize("name", PAIRS)
def test_default_reduction_and_empty_mean_differ_from_torchvision(name):
    b1, b2 = _boxes(6, 9), _boxes(6, 10)
    assert_close(ld(name)(b1, b2), PAIRS[name](tt(b1), tt(b2)).mean())
    assert PAIRS[name](tt(b1), tt(b2)).shape == (6,)  # torchvision's default: 'none'
    empty = np.zeros((0, 4))
    assert PAIRS[name](tt(empty), tt(empty), "mean").item() == 0.0
    with pytest.raises(ValueError, match="boxes1"):
        ld(name)(empty, empty)


def test_diou_gradient_inside_a_containing_box_by_autograd():
    # The page's claim: inside a containing target, GIoU's penalty is 0 and IoU does not
    # change as the box moves, so only DIoU's term moves the centre, with gradient
    # 2 (centre - target centre) / c^2 per centre coordinate (c the target's diagonal).
    centre = torch.tensor([3.0, 7.0], dtype=torch.float64, requires_grad=True)
    box = torch.cat([centre - 1, centre + 1])[None]
    target = torch.tensor([[0.0, 0.0, 10.0, 10.0]], dtype=torch.float64)
    tv_distance_box_iou_loss(box, target, eps=0.0).sum().backward()
    expected = 2 * (np.array([3.0, 7.0]) - 5.0) / 200
    np.testing.assert_allclose(centre.grad.numpy(), expected, rtol=1e-12)


def test_the_pages_torchvision_numbers():
    # docs/edge-cases.md (edge-ciou-eps): torchvision's CIoU with eps = 0.5 is 0.9392 for
    # the square and the 4 x 2 box, lossdocs' 0.9464; at the default both give 0.9400.
    a, b = np.array([[0.0, 0.0, 2.0, 2.0]]), np.array([[1.0, 0.0, 5.0, 2.0]])
    assert tv_complete_box_iou_loss(tt(a), tt(b), eps=0.5).item() == pytest.approx(0.9392, abs=5e-5)
    assert ld("ciou_loss")(a, b, eps=0.5) == pytest.approx(0.9464, abs=5e-5)
    assert tv_complete_box_iou_loss(tt(a), tt(b)).item() == pytest.approx(0.9400, abs=5e-5)
    # docs/detection/iou-losses.md: d CIoU / d w for a w x 2 box at the centre of a 4 x 2
    # target, w = 2: torchvision's backward pass (alpha held) gives -0.2550; differentiating
    # alpha too (a finite difference of the loss) gives -0.2582.
    w = torch.tensor(2.0, requires_grad=True)
    box = torch.stack([2 - w / 2, torch.tensor(0.0), 2 + w / 2, torch.tensor(2.0)])[None]
    wide = torch.tensor([[0.0, 0.0, 4.0, 2.0]])
    tv_complete_box_iou_loss(box, wide, eps=0.0).sum().backward()
    assert w.grad.item() == pytest.approx(-0.2550, abs=5e-5)
    h = 1e-6

    def loss(width):
        return ld("ciou_loss")([[2 - width / 2, 0.0, 2 + width / 2, 2.0]], wide.numpy(), eps=0.0)

    assert (loss(2 + h) - loss(2 - h)) / (2 * h) == pytest.approx(-0.2582, abs=5e-5)
