"""Doctest set-up shared by docstrings and pages: examples print 4 significant digits."""

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _print_precision(doctest_namespace):
    doctest_namespace["np"] = np
    with np.printoptions(precision=4, legacy=False):
        yield
