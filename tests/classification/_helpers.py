"""Inputs shared by the classification tests."""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
)

labels = arrays(np.float64, 8, elements=st.sampled_from([-1.0, 1.0]))


RNG = np.random.default_rng(0)
Z = RNG.normal(size=(5, 4))  # logits, N=5, C=4
Y = np.array([0, 3, 1, 1, 2])


BCEL, BCEL_GRAD = binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_grad
unit = st.floats(0, 1)
moderate = st.floats(-8, 8)
