"""Tests of box_area."""

import numpy as np

from lossdocs import box_area


def test_box_area_by_hand():
    # 2 x 3 = 6; a vertical segment has area 0; 0.5 x 4 = 2.
    np.testing.assert_array_equal(box_area([[0, 0, 2, 3], [1, 1, 1, 5], [1, 0, 1.5, 4]]), [6, 0, 2])
