"""Issue 11's reproducers for BCE with logits at infinite logits: the limit, no warning."""

import numpy as np
import pytest

from lossdocs import binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_grad

INF = np.inf


@pytest.mark.parametrize(
    ("z", "t", "loss", "grad"),
    [(INF, 1.0, 0.0, 0.0), (-INF, 0.0, 0.0, 0.0), (INF, 0.0, INF, 1.0), (-INF, 1.0, INF, -1.0),
     (INF, 0.5, INF, 0.5)],
)  # fmt: skip
def test_an_infinite_logit_gives_the_limit(z, t, loss, grad):
    assert binary_cross_entropy_with_logits([z], [t]) == loss
    assert binary_cross_entropy_with_logits([z], [t], pos_weight=[2.0]) == loss
    assert binary_cross_entropy_with_logits_grad([z], [t])[0] == grad


def test_nan_still_propagates():
    assert np.isnan(binary_cross_entropy_with_logits([np.nan, INF], [1.0, 1.0]))
