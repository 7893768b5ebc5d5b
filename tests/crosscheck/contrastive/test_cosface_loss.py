"""``cosface_loss`` against insightface's CosFace logits and cross-entropy."""

import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt
from contrastive._xhelpers import _data, cosine_logits, insightface_cosface


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.35, 0.4])
@pytest.mark.parametrize("scale", [1.0, 64.0])
def test_cosface_loss(reduction, margin, scale):
    x, w, labels = _data(1)
    lab = torch.from_numpy(labels)
    logits = insightface_cosface(cosine_logits(tt(x), tt(w)), lab, scale, margin)
    expected = F.cross_entropy(logits, lab, reduction=reduction)
    got = ld("cosface_loss")(x, w, labels, scale=scale, margin=margin, reduction=reduction)
    assert_close(got, expected)
