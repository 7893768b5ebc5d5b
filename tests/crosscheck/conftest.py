"""Set-up of the PyTorch cross-check: float64 by default, the shared helpers importable.

This folder is left out of the default ``pytest`` run (``norecursedirs`` in
pyproject.toml) because it needs torch; ``nox -s crosscheck`` runs it.
"""

import sys
from pathlib import Path

import pytest
import torch

# Tensors made from Python floats are float64, as lossdocs computes from float64 input.
torch.set_default_dtype(torch.float64)
# One CPU thread: reductions then sum in a fixed order, run after run.
torch.set_num_threads(1)

# --import-mode=importlib does not put this folder on sys.path; the tests import _xcheck.
sys.path.insert(0, str(Path(__file__).parent))


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.torch)
