"""``mse`` against ``torch.nn.functional.mse_loss``: where lossdocs refuses what torch accepts."""

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt


def test_broadcasting_is_refused_where_torch_warns():
    # Deliberate difference: torch broadcasts a (3, 1) target against a (3,) input
    # with a UserWarning (a (3, 3) result); lossdocs raises.
    pred, target = np.zeros(3), np.ones((3, 1))
    with pytest.warns(UserWarning, match="target size"):
        assert F.mse_loss(tt(pred), tt(target), reduction="none").shape == (3, 3)
    with pytest.raises(ValueError, match="target"):
        ld("mse")(pred, target)


def test_empty_mean_raises_where_torch_gives_nan():
    empty = np.zeros(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert torch.isnan(F.mse_loss(tt(empty), tt(empty)))
    with pytest.raises(ValueError, match="pred"):
        ld("mse")(empty, empty)
    assert_close(
        ld("mse")(empty, empty, reduction="sum"), F.mse_loss(tt(empty), tt(empty), reduction="sum")
    )
