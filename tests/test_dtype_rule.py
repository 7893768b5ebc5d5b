"""The dtype rule (README, "dtypes"; CONTRIBUTING.md, "Validation"), for every public function.

float32 in, float32 out; float16 computes and returns float32; float64 and
integers or bools give float64; Python lists and numbers take on the dtype of
the NumPy floating arrays beside them, whether they hold ints or floats. The
label and count metrics (confusion_matrix: int64; iou_from_confusion_matrix,
iou_per_class, mean_iou: float64) have no floating input and are checked as such.
"""

import numpy as np
import pytest
from examples import EXAMPLES

import lossdocs

COUNTS = {"confusion_matrix": np.int64}  # the rest of the label metrics: float64


def _call(name, cast):
    args, kwargs, floats = EXAMPLES[name]
    args = [cast(a, i == floats[0]) if i in floats else a for i, a in enumerate(args)]
    return np.asarray(getattr(lossdocs, name)(*args, **kwargs))


def test_every_public_function_has_an_example():
    assert sorted(EXAMPLES) == sorted(lossdocs.__all__)


RULES = [
    ("float64 arrays", lambda a, first: a.astype(np.float64), np.float64),
    ("float32 arrays", lambda a, first: a.astype(np.float32), np.float32),
    ("float16 arrays", lambda a, first: a.astype(np.float16), np.float32),
    ("Python lists", lambda a, first: a.tolist(), np.float64),
    ("float32 first, float lists after",
     lambda a, first: a.astype(np.float32) if first else a.tolist(), np.float32),
    ("float32 first, int lists after",
     lambda a, first: a.astype(np.float32) if first else a.astype(int).tolist(), np.float32),
]  # fmt: skip


def _applies(name, label):
    """The int-list rule needs a second floating argument holding whole numbers."""
    args, _, floats = EXAMPLES[name]
    if "int lists" not in label:
        return True
    return len(floats) > 1 and all(np.array_equal(args[i], np.round(args[i])) for i in floats[1:])


CASES = [(n, *rule) for n in lossdocs.__all__ for rule in RULES if _applies(n, rule[0])]


@pytest.mark.parametrize(("name", "label", "cast", "expected"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])  # fmt: skip
def test_the_dtype_rule(name, label, cast, expected):
    if not EXAMPLES[name][2]:  # labels or counts: one dtype whatever they come as
        assert _call(name, cast).dtype == COUNTS.get(name, np.float64)
        return
    assert _call(name, cast).dtype == expected, label
