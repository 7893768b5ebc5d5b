"""Classification losses: 0-1, cross-entropy, binary cross-entropy, margin and focal losses.

One module per main function, named after it (its ``*_grad`` right below it);
see "Where code lives" in CONTRIBUTING.md.
"""

from .asymmetric_loss import (
    asymmetric_loss,
    asymmetric_loss_grad,
)
from .binary_cross_entropy import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
)
from .binary_cross_entropy_with_logits import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
)
from .class_balanced_weights import (
    class_balanced_weights,
)
from .cross_entropy import (
    cross_entropy,
    cross_entropy_grad,
)
from .expected_calibration_error import (
    expected_calibration_error,
)
from .exponential import (
    exponential,
    exponential_grad,
)
from .fit_temperature import (
    fit_temperature,
)
from .focal_loss import (
    focal_loss,
    focal_loss_grad,
)
from .hinge import (
    hinge,
    hinge_grad,
)
from .logistic import (
    logistic,
    logistic_grad,
)
from .logit_adjusted_cross_entropy import (
    logit_adjusted_cross_entropy,
    logit_adjusted_cross_entropy_grad,
)
from .multi_margin_loss import (
    multi_margin_loss,
    multi_margin_loss_grad,
)
from .multilabel_margin_loss import (
    multilabel_margin_loss,
    multilabel_margin_loss_grad,
)
from .multilabel_soft_margin_loss import (
    multilabel_soft_margin_loss,
    multilabel_soft_margin_loss_grad,
)
from .nll_loss import (
    nll_loss,
)
from .softmax_focal_loss import (
    softmax_focal_loss,
)
from .squared_hinge import (
    squared_hinge,
    squared_hinge_grad,
)
from .zero_one import (
    zero_one,
)

__all__ = [
    "zero_one",
    "cross_entropy",
    "nll_loss",
    "cross_entropy_grad",
    "softmax_focal_loss",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_grad",
    "binary_cross_entropy_with_logits_grad",
    "hinge",
    "exponential",
    "logistic",
    "hinge_grad",
    "exponential_grad",
    "logistic_grad",
    "focal_loss",
    "focal_loss_grad",
    "squared_hinge",
    "squared_hinge_grad",
    "multi_margin_loss",
    "multi_margin_loss_grad",
    "multilabel_margin_loss",
    "multilabel_margin_loss_grad",
    "multilabel_soft_margin_loss",
    "multilabel_soft_margin_loss_grad",
    "asymmetric_loss",
    "asymmetric_loss_grad",
    "class_balanced_weights",
    "logit_adjusted_cross_entropy",
    "logit_adjusted_cross_entropy_grad",
    "expected_calibration_error",
    "fit_temperature",
]
