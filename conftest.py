"""Doctest set-up shared by docstrings and pages: examples print 4 significant digits."""

import numpy as np
import pytest
from hypothesis import settings

# Property tests measure correctness, not speed: a loaded 2-core machine (CI, or helpers
# building the site) must not fail them with DeadlineExceeded.
settings.register_profile("lossdocs", deadline=None)
settings.load_profile("lossdocs")


@pytest.fixture(autouse=True)
def _print_precision(doctest_namespace):
    doctest_namespace["np"] = np
    with np.printoptions(precision=4, legacy=False):
        yield
