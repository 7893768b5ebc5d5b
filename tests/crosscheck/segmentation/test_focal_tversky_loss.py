"""focal_tversky_loss against Abraham and Khan's released focal Tversky, written out in torch.

Their ``losses.py`` (nabsabraham/focal-tversky-unet): ``tversky`` flattens the
whole batch, puts ``alpha = 0.7`` on false negatives and ``1 - alpha`` on false
positives, adds ``smooth = 1`` to numerator and denominator; ``focal_tversky``
returns ``(1 - tversky) ** 0.75``. lossdocs gives the same number with
``beta=0.7, alpha=0.3, smooth=1``, the batch pooled (``axis`` every axis) and
``eps=0``.
"""

import numpy as np
import pytest
import torch
from _xcheck import assert_close, ld, tt


def abraham_khan_focal_tversky(y_pred, y_true, alpha=0.7, gamma=0.75, smooth=1.0):
    y_true_pos, y_pred_pos = y_true.flatten(), y_pred.flatten()
    true_pos = torch.sum(y_true_pos * y_pred_pos)
    false_neg = torch.sum(y_true_pos * (1 - y_pred_pos))
    false_pos = torch.sum((1 - y_true_pos) * y_pred_pos)
    ti = (true_pos + smooth) / (true_pos + alpha * false_neg + (1 - alpha) * false_pos + smooth)
    return torch.pow(1 - ti, gamma)


def _masks(seed, shape=(4, 1, 6, 7), dtype=np.float64):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0, 1, shape)
    t = (rng.uniform(0, 1, shape) < 0.2).astype(float)
    return p.astype(dtype), t.astype(dtype)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("gamma", [0.75, 1.0, 4 / 3])
def test_focal_tversky_pooled_over_the_batch(seed, gamma):
    p, t = _masks(seed)
    expected = abraham_khan_focal_tversky(tt(p), tt(t), gamma=gamma)
    pooled = tuple(range(p.ndim))
    got = ld("focal_tversky_loss")(
        p, t, alpha=0.3, beta=0.7, gamma=gamma, smooth=1.0, eps=0.0, axis=pooled
    )
    assert_close(got, expected)


def test_per_sample_is_not_pooled():
    # lossdocs' default is one index per sample, then the mean: not their pooled value.
    p, t = _masks(3)
    pooled = abraham_khan_focal_tversky(tt(p), tt(t)).item()
    per_sample = ld("focal_tversky_loss")(p, t, smooth=1.0)
    assert abs(per_sample - pooled) > 1e-3
    each = [abraham_khan_focal_tversky(tt(p[i]), tt(t[i])).item() for i in range(len(p))]
    assert_close(ld("focal_tversky_loss")(p, t, smooth=1.0, eps=0.0), torch.tensor(each).mean())


def test_swapped_alpha_is_a_different_loss():
    # Passing their alpha = 0.7 as lossdocs' (Salehi's) alpha weights false positives instead.
    p, t = _masks(4)
    pooled = tuple(range(p.ndim))
    theirs = abraham_khan_focal_tversky(tt(p), tt(t)).item()
    swapped = ld("focal_tversky_loss")(p, t, alpha=0.7, beta=0.3, smooth=1.0, axis=pooled)
    assert abs(swapped - theirs) > 1e-2


def test_float32():
    p, t = _masks(5, dtype=np.float32)
    expected = abraham_khan_focal_tversky(tt(p), tt(t))
    got = ld("focal_tversky_loss")(p, t, smooth=1.0, eps=0.0, axis=tuple(range(p.ndim)))
    assert_close(got, expected, dtype=np.float32)
