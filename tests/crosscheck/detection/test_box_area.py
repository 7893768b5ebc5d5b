"""``box_area`` against ``torchvision.ops.box_area`` (written in torch ops)."""

from _xcheck import assert_close, ld, tt
from detection._xhelpers import _boxes, tv_box_area


def test_box_area():
    boxes = _boxes(9)
    assert_close(ld("box_area")(boxes), tv_box_area(tt(boxes)))
