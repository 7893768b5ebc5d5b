"""Properties the activations share: infinite and NaN rows, dtypes, axis and keepdims, bad input."""

import numpy as np
import pytest

from lossdocs import log_sigmoid, log_softmax, logsumexp, sigmoid, softmax


def test_axis_argument_and_keepdims():
    x = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(logsumexp(x, axis=0), np.log(np.exp(x).sum(axis=0)))
    assert logsumexp(x, axis=0, keepdims=True).shape == (1, 3)
    np.testing.assert_allclose(softmax(x, axis=0).sum(axis=0), 1.0)


def test_infinite_and_nan_rows():
    x = np.array([[-np.inf, -np.inf], [np.inf, 0.0], [np.nan, 1.0]])
    out = logsumexp(x)
    assert out[0] == -np.inf and out[1] == np.inf and np.isnan(out[2])
    assert np.isnan(softmax(np.array([np.nan, 1.0]))).all()


@pytest.mark.parametrize("fn", [sigmoid, log_sigmoid, softmax, log_softmax, logsumexp])
def test_float32_stays_float32(fn):
    assert fn(np.array([1.0, -2.0], dtype=np.float32)).dtype == np.float32


@pytest.mark.parametrize("fn", [sigmoid, log_sigmoid, softmax, log_softmax, logsumexp])
def test_ints_become_float64(fn):
    assert np.asarray(fn(np.array([1, 2]))).dtype == np.float64


@pytest.mark.parametrize("fn", [softmax, log_softmax, logsumexp])
def test_bad_axis_and_shapes(fn):
    with pytest.raises(ValueError, match="axis"):
        fn(np.ones((2, 3)), axis=2)
    with pytest.raises(TypeError, match="axis"):
        fn(np.ones((2, 3)), axis=1.5)
    with pytest.raises(ValueError, match="x must have at least one dimension"):
        fn(1.0)


def test_non_numeric_input_names_x():
    with pytest.raises(TypeError, match="x must hold real numbers"):
        sigmoid(np.array(["a"]))
    with pytest.raises(TypeError, match="x must hold real numbers"):
        softmax(np.array([1 + 2j]))
