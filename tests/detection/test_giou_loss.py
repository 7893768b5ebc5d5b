"""Tests of giou_loss: one minus the diagonal GIoU, eps in area units."""

import numpy as np
import pytest
from detection._helpers import box_sets
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import generalized_box_iou, giou_loss


@settings(max_examples=40)
@given(data=st.data(), n=st.integers(1, 5))
def test_giou_loss_is_one_minus_diagonal_giou(data, n):
    a, b = data.draw(box_sets(n)), data.draw(box_sets(n))
    diag = np.diag(generalized_box_iou(a, b))
    np.testing.assert_allclose(giou_loss(a, b, eps=0, reduction="none"), 1 - diag, atol=1e-12)
    np.testing.assert_allclose(giou_loss(a, b, reduction="none"), giou_loss(b, a, reduction="none"))
    loss = giou_loss(a, b, reduction="none")
    assert np.all((loss >= 0) & (loss <= 2))


def test_giou_loss_eps_keeps_its_meaning_in_area_units():
    # eps = 1e-7 is an area: it dominates boxes of area 1e-340 (loss 1, as torchvision).
    a, b = np.array([[0.0, 0.0, 1e-170, 1e-170]]), np.array([[0.0, 0.0, 1e-170, 5e-171]])
    assert giou_loss(a, b) == 1.0
    assert giou_loss(a * 1e300, b * 1e300) == pytest.approx(0.5, rel=1e-15)
