"""``cosface_loss`` against insightface's CosFace logits and cross-entropy."""

import pytest
from _xcheck import REDUCTIONS, assert_close, ld
from contrastive._xhelpers import insightface_case, insightface_cosface


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.35, 0.4])
@pytest.mark.parametrize("scale", [1.0, 64.0])
def test_cosface_loss(reduction, margin, scale):
    (x, w, labels), expected = insightface_case(1, insightface_cosface, scale, margin, reduction)
    got = ld("cosface_loss")(x, w, labels, scale=scale, margin=margin, reduction=reduction)
    assert_close(got, expected)
