"""arcface_loss and cosface_loss against insightface (recognition/arcface_torch/losses.py).

insightface's ``ArcFace`` and ``CosFace`` modules transform the cosine logits
(normalised features times normalised class centres); the cross-entropy
follows (``torch.nn.functional.cross_entropy``). Written out here in torch.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt
from contrastive._xhelpers import _data, cosine_logits, insightface_arcface, insightface_cosface


@pytest.mark.parametrize("name", ["arcface_loss", "cosface_loss"])
def test_float32_defaults(name):
    x, w, labels = _data(2, np.float32)
    lab = torch.from_numpy(labels)
    transform = insightface_arcface if name == "arcface_loss" else insightface_cosface
    m = 0.5 if name == "arcface_loss" else 0.35
    logits = transform(cosine_logits(tt(x), tt(w)), lab, 64.0, m)
    expected = F.cross_entropy(logits, lab, reduction="none")
    assert_close(ld(name)(x, w, labels, reduction="none"), expected, dtype=np.float32, rtol=1e-4)
