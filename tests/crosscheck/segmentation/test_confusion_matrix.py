"""``confusion_matrix`` against torchvision's reference recipe (a bincount, in _xhelpers.py)."""

import numpy as np
import pytest
from _xcheck import assert_close, ld, tt
from segmentation._xhelpers import C, _labels, torch_confusion


@pytest.mark.parametrize("ignore_index", [None, 255, 2])
def test_confusion_matrix(ignore_index):
    pred, target = _labels(ignore_index=ignore_index)
    expected = torch_confusion(tt(pred), tt(target), C, ignore_index)
    got = ld("confusion_matrix")(pred, target, C, ignore_index=ignore_index)
    assert_close(got, expected, dtype=np.int64)
