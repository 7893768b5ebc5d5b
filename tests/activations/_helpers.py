"""Inputs shared by the activation tests."""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

finite = st.floats(-1e4, 1e4, allow_nan=False)
rows = arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 6)), elements=finite)


INF = np.inf
