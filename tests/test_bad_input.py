"""Every bad-input case raises at the entry point, naming the argument.

The checks behind them are the validation vocabulary of CONTRIBUTING.md
("Validation"): lossdocs/_validation.py and lossdocs/_reduction.py.
"""

import inspect
import pathlib

import numpy as np
import pytest
from examples import EXAMPLES

import lossdocs as L

P = np.array([[0.2, 0.7], [0.9, 0.4]])  # probabilities
Z = np.array([[2.0, -1.0], [0.5, 0.0]])  # logits / scores / predictions
Y01 = np.array([[0.0, 1.0], [1.0, 0.0]])
YPM = np.array([[-1.0, 1.0], [1.0, -1.0]])
BOX = np.array([[0.0, 0.0, 2.0, 2.0]])
BAD_BOX = np.array([[2.0, 0.0, 0.0, 2.0]])  # x1 < x0
Q = np.eye(2)  # two unit vectors as queries / keys
E = np.empty((0, 2))
OWN_FILES = {p.name for p in pathlib.Path(L.__file__).parent.rglob("*.py")}

CASES = [
    # shapes that do not match (no silent broadcasting)
    (L.mse, (Z, Z[:1]), {}, ValueError, "target must have the shape of pred"),
    (L.huber, (Z, Z.ravel()), {}, ValueError, "target"),
    (L.binary_cross_entropy, (P, Y01[:, :1]), {}, ValueError, "target"),
    (L.binary_cross_entropy_with_logits, (Z, Y01.T[:1]), {}, ValueError, "target"),
    (L.hinge, (Z, YPM[0]), {}, ValueError, "target"),
    (L.focal_loss, (Z, Y01[0]), {}, ValueError, "target"),
    (L.dice_loss, (P, P[:1]), {}, ValueError, "target"),
    (L.cross_entropy, (Z, np.array([0, 1, 1])), {}, ValueError, "target"),
    (L.kl_divergence, (P / P.sum(1, keepdims=True), np.ones(3) / 3), {}, ValueError, "q"),
    (L.info_nce, (Q, Q[:1]), {}, ValueError, "positive_key"),
    # probabilities outside [0, 1]
    (L.binary_cross_entropy, (P + 1, Y01), {}, ValueError, "probs"),
    (L.jaccard_loss, (P - 1, Y01), {}, ValueError, "probs"),
    (L.dice_loss, (P, Y01 * 2), {}, ValueError, "target"),
    # BCE targets outside [0, 1]
    (L.binary_cross_entropy, (P, Y01 + 0.5), {}, ValueError, "target"),
    (L.binary_cross_entropy_with_logits, (Z, -Y01 - 1), {}, ValueError, "target"),
    (L.focal_loss, (Z, Y01 * 3), {}, ValueError, "target"),
    # class indices outside [0, C)
    (L.cross_entropy, (Z, np.array([0, 2])), {}, ValueError, "target"),
    (L.nll_loss, (Z, np.array([-1, 0])), {}, ValueError, "target"),
    (L.softmax_focal_loss, (Z, np.array([0, 5])), {}, ValueError, "target"),
    (L.confusion_matrix, ([0, 3], [0, 1], 2), {}, ValueError, "pred_labels"),
    (L.mean_iou, ([0, 1], [0, 7], 2), {}, ValueError, "target"),
    # labels that are not +-1 where +-1 is required
    (L.hinge, (Z, Y01), {}, ValueError, "target"),
    (L.exponential, (Z, Y01), {}, ValueError, "target"),
    (L.logistic, (Z, Y01 * 2), {}, ValueError, "target"),
    # boxes with x1 < x0
    (L.box_area, (BAD_BOX,), {}, ValueError, "boxes"),
    (L.box_iou, (BOX, BAD_BOX), {}, ValueError, "boxes2"),
    (L.giou_loss, (BAD_BOX, BOX), {}, ValueError, "boxes1"),
    # unknown reduction
    (L.mse, (Z, Z), {"reduction": "avg"}, ValueError, "reduction"),
    (L.cross_entropy, (Z, np.array([0, 1])), {"reduction": None}, ValueError, "reduction"),
    (L.focal_loss, (Z, Y01), {"reduction": "batchmean"}, ValueError, "reduction"),
    (L.giou_loss, (BOX, BOX), {"reduction": "max"}, ValueError, "reduction"),
    (L.info_nce, (Q, Q), {"reduction": "avg"}, ValueError, "reduction"),
    (L.mse_grad, (Z, Z), {"reduction": "none"}, ValueError, "reduction"),
    # not a string: refused before NumPy compares it elementwise
    (L.mse, (Z, Z), {"reduction": np.array(["mean", "sum"])}, ValueError, "reduction must be a"),
    # negative gamma, temperature <= 0 and other bad hyperparameters
    (L.focal_loss, (Z, Y01), {"gamma": -1.0}, ValueError, "gamma"),
    (L.softmax_focal_loss, (Z, np.array([0, 1])), {"gamma": -0.5}, ValueError, "gamma"),
    (L.info_nce, (Q, Q), {"temperature": 0.0}, ValueError, "temperature"),
    (L.info_nce_grad, (Q, Q), {"temperature": -0.1}, ValueError, "temperature"),
    (L.huber, (Z, Z), {"delta": 0.0}, ValueError, "delta"),
    (L.smooth_l1, (Z, Z), {"beta": -1.0}, ValueError, "beta"),
    (L.cross_entropy, (Z, [0, 1]), {"label_smoothing": 1.5}, ValueError, "label_smoothing"),
    (L.cross_entropy, (Z, [0, 1]), {"ignore_index": 0.5}, TypeError, "ignore_index"),
    (L.focal_loss, (Z, Y01), {"alpha": 1.5}, ValueError, r"alpha must be <= 1"),
    (L.dice_loss, (P, Y01), {"eps": np.inf}, ValueError, "eps must be finite"),
    (L.dice_loss, (P, Y01), {"squared": "yes"}, TypeError, "squared must be True or False"),
    (L.info_nce, (Q, Q), {"normalize": 1}, TypeError, "normalize must be True or False"),
    (L.dice_coefficient, (Y01, Y01), {"empty_score": 2}, ValueError, r"lie in \[0, 1\] or be"),
    (L.confusion_matrix, ([0, 1], [0, 1], 0), {}, ValueError, "num_classes must be >= 1"),
    (L.mean_iou, ([0, 1], [0, 1], 2.0), {}, TypeError, "num_classes must be an integer"),
    # None where a number is required raises (it used to mean 0 for the margin)
    (L.hinge, (Z, YPM), {"margin": None}, TypeError, "margin must be a real number"),
    (L.hinge_grad, (Z, YPM), {"margin": None}, TypeError, "margin must be a real number"),
    (L.hinge, (Z, YPM), {"margin": np.inf}, ValueError, "margin must be finite"),
    (L.huber, (Z, Z), {"delta": None}, TypeError, "delta must be a real number"),
    # an empty batch under reduction="mean" (PyTorch 2.13 returns nan, without a warning)
    (L.mse, (E, E), {}, ValueError, "empty"),
    (L.binary_cross_entropy_with_logits, (E, E), {}, ValueError, "empty"),
    (L.cross_entropy, (E, np.empty(0, dtype=int)), {}, ValueError, "empty"),
    (L.giou_loss, (np.empty((0, 4)), np.empty((0, 4))), {}, ValueError, "empty"),
    # values that are not numbers
    (L.sigmoid, (np.array(["a"]),), {}, TypeError, "x"),
    (L.mae, (Z, np.array([["a", "b"], ["c", "d"]])), {}, TypeError, "target"),
]


@pytest.mark.parametrize(
    "fn, args, kwargs, exc, match",
    CASES,
    ids=[f"{c[0].__name__}-{c[4]}-{i}" for i, c in enumerate(CASES)],
)
def test_bad_input_raises_naming_the_argument(fn, args, kwargs, exc, match):
    with pytest.raises(exc, match=match) as info:
        fn(*args, **kwargs)
    # Raised by lossdocs' own checks, not by NumPy deep inside the computation.
    assert info.traceback[-1].path.name in OWN_FILES


REDUCING = [n for n in L.__all__ if "reduction" in inspect.signature(getattr(L, n)).parameters]


@pytest.mark.parametrize("name", REDUCING)
def test_an_array_of_reductions_is_refused_by_name_everywhere(name):
    # Issue 11: NumPy's "truth value of an array is ambiguous" in all of them, once.
    args, kwargs, _ = EXAMPLES[name]
    with pytest.raises(ValueError, match="reduction must be a string"):
        getattr(L, name)(*args, **kwargs, reduction=np.array(["mean", "sum"]))
