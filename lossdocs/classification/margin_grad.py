"""Gradients of the margin losses (hinge, exponential, logistic) with respect to the scores."""

from __future__ import annotations

import numpy as np

from .._checks import scale_grad
from ..activations import sigmoid
from .margin import _margins

__all__ = ["hinge_grad", "exponential_grad", "logistic_grad"]


def hinge_grad(scores, target, *, margin=1.0, reduction="mean"):
    r"""Compute a subgradient of :func:`hinge` with respect to `scores`, 0 at the kink.

    .. math::

        \frac{\partial \ell}{\partial s_i} =
        \begin{cases} -y_i & \text{if } y_i s_i < m \\ 0 & \text{if } y_i s_i \ge m \end{cases}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, margin, reduction
        As in :func:`hinge`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The subgradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`hinge`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    hinge : The loss.

    Notes
    -----
    At :math:`y s = m` every value between :math:`-y` and 0 is a subgradient.
    We take 0, the one of least norm: a point exactly on the margin has loss
    0 and is not pushed further. Autograd gives the same through
    ``torch.nn.functional.relu`` and ``multi_margin_loss``, but :math:`-y`
    through ``torch.clamp(..., min=0)`` (which ``hinge_embedding_loss`` uses).

    Examples
    --------
    >>> from lossdocs import hinge_grad
    >>> print(hinge_grad([0.3, 1.0, 2.0], [1, 1, -1], reduction="sum"))
    [-1.  0.  1.]
    """
    y, ys, m = _margins(scores, target, reduction, grad=True, margin=margin)
    # heaviside(x, 0): 1 for x > 0, 0 at the kink and below, NaN for NaN; "0 - ..." avoids -0.
    return scale_grad(0 - y * np.heaviside(m - ys, 0), reduction, ys.size)


def exponential_grad(scores, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`exponential` with respect to `scores`.

    .. math::

        \frac{\partial \ell}{\partial s_i} = -y_i \, e^{-y_i s_i}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, reduction
        As in :func:`exponential`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`exponential`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    exponential : The loss.

    Notes
    -----
    Its size is the loss itself: infinite exactly where the loss overflows.

    Examples
    --------
    >>> from lossdocs import exponential_grad
    >>> print(exponential_grad([0.0, 0.6931471805599453], [1, -1], reduction="sum"))
    [-1.  2.]
    """
    y, ys, _ = _margins(scores, target, reduction, grad=True)
    with np.errstate(over="ignore"):
        return scale_grad(-y * np.exp(-ys), reduction, ys.size)


def logistic_grad(scores, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`logistic` with respect to `scores`.

    .. math::

        \frac{\partial \ell}{\partial s_i} = -y_i \, \sigma(-y_i s_i)
        = \frac{-y_i}{1 + e^{y_i s_i}}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, reduction
        As in :func:`logistic`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`, each entry in :math:`[-1, 1]`.

    Raises
    ------
    ValueError
        As :func:`logistic`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    logistic : The loss.
    binary_cross_entropy_with_logits_grad : The same in 0/1 form.

    Notes
    -----
    Bounded by 1, unlike :func:`exponential_grad`: one badly wrong (perhaps
    mislabelled) point cannot dominate the gradient.

    Examples
    --------
    >>> from lossdocs import logistic_grad
    >>> print(logistic_grad([0.0, 2.0, -1e4], [1, 1, 1], reduction="sum"))
    [-0.5    -0.1192 -1.    ]
    """
    y, ys, _ = _margins(scores, target, reduction, grad=True)
    return scale_grad(-y * sigmoid(-ys), reduction, ys.size)
