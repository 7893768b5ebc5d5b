"""Inputs shared by the regression tests."""

from hypothesis import strategies as st

values = st.floats(-100, 100, allow_nan=False)
