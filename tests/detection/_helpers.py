"""Boxes shared by the detection tests."""

import numpy as np
from hypothesis import strategies as st


@st.composite
def box_sets(draw, n=None, min_side=0.0):
    """(n, 4) arrays of valid boxes with sides >= min_side (some degenerate if 0)."""
    n = draw(st.integers(1, 5)) if n is None else n
    coord = st.floats(-50, 50, allow_nan=False)
    side = st.one_of(st.just(min_side), st.floats(min_side, 20))
    xy = np.array(draw(st.lists(st.tuples(coord, coord), min_size=n, max_size=n)))
    wh = np.array(draw(st.lists(st.tuples(side, side), min_size=n, max_size=n)))
    return np.concatenate([xy, xy + wh], axis=1)


@st.composite
def box_pairs(draw, n=None):
    """(n, 4) arrays of pairs of boxes with sides >= 0.5 (ints/4, so every product is exact)."""
    n = draw(st.integers(1, 5)) if n is None else n
    coord, side = st.integers(-80, 80), st.integers(2, 40)
    rows = [
        [x := draw(coord) / 4, y := draw(coord) / 4, x + draw(side) / 4, y + draw(side) / 4]
        for _ in range(2 * n)
    ]
    return np.array(rows[:n]), np.array(rows[n:])
