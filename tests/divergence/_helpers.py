"""Distributions shared by the divergence tests."""

import math

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

LOG2 = math.log(2)


def _normalise(x):
    x = np.asarray(x, dtype=np.float64)
    x = np.where(x.sum(axis=-1, keepdims=True) == 0, 1.0, x)  # an all-zero row -> uniform
    return x / x.sum(axis=-1, keepdims=True)


# Rows of 1-6 outcomes with exact zeros allowed, normalised.
dists = arrays(
    np.float64,
    st.tuples(st.integers(1, 3), st.integers(1, 6)),
    elements=st.one_of(st.just(0.0), st.floats(1e-3, 1.0)),
).map(_normalise)


@st.composite
def dist_pairs(draw, positive_q=False):
    p = draw(dists)
    lo = 1e-3 if positive_q else 0.0
    q = draw(arrays(np.float64, p.shape, elements=st.floats(lo, 1.0)))
    return p, _normalise(q)
