"""Issue 11's reproducer for hinge: margin=None is refused, as delta=None is."""

import pytest

from lossdocs import hinge, hinge_grad


@pytest.mark.parametrize("fn", [hinge, hinge_grad])
def test_margin_none_raises_instead_of_meaning_the_perceptron_loss(fn):
    with pytest.raises(TypeError, match="margin must be a real number, got None"):
        fn([1.0], [1.0], margin=None)
