"""``multilabel_soft_margin_loss`` and ``multilabel_soft_margin_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ..activations.sigmoid import sigmoid
from ._binary import _bce_logits
from ._multilabel import binary_rows

__all__ = ["multilabel_soft_margin_loss", "multilabel_soft_margin_loss_grad"]


def multilabel_soft_margin_loss(scores, target, *, weight=None, reduction="mean"):
    r"""Compute PyTorch's multi-label soft-margin loss: BCE with logits, averaged over the labels.

    Multi-label classification as C independent binary problems: one
    sigmoid per label, a binary cross-entropy each, averaged over the C
    labels of a sample (then over the samples for 'mean').

    .. math::

        \ell_i = -\frac{1}{C} \sum_{c=1}^{C} w_c \left[ y_{ic} \log \sigma(x_{ic})
        + (1 - y_{ic}) \log \sigma(-x_{ic}) \right]

    Parameters
    ----------
    scores : array_like, shape (C,) or (N, C)
        Logits :math:`x`, one per label.
    target : array_like, shape (C,) or (N, C)
        Labels :math:`y_{ic} \in [0, 1]` (a 0/1 mask, or soft).
    weight : array_like, optional
        Per-label weights :math:`w_c`, shape (C,) or anything that broadcasts
        to the shape of `scores` without enlarging it; finite.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' gives one loss per sample, shape () or (N,).

    Returns
    -------
    ndarray or float
        The loss; 0 is approached as every :math:`\sigma(x_{ic})` nears its label.

    Raises
    ------
    ValueError
        If `scores` is not (C,) or (N, C), the shapes differ, `target` lies
        outside [0, 1], `weight` does not broadcast or is not finite,
        `reduction` is unknown, or the mean is taken over an empty batch.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    binary_cross_entropy_with_logits : The same terms averaged over all N C
        elements, so equal under 'mean' (without `weight`).
    multilabel_margin_loss : A ranking hinge over (target, non-target) pairs.
    asymmetric_loss : BCE per label with asymmetric focusing.
    multilabel_soft_margin_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.multilabel_soft_margin_loss``.

    Same values as PyTorch 2.13, which computes exactly this: the weighted
    per-label terms summed over the last axis and divided by C (the number
    of labels, not the sum of the weights), then reduced over the samples.
    Despite the name there is no margin: it is BCE with logits, so
    'mean' equals ``binary_cross_entropy_with_logits(scores, target)`` and
    'none' is that loss's 'none' averaged along each row. The terms use
    :math:`\log \sigma(\pm x) = -\operatorname{softplus}(\mp x)`, finite for
    every finite logit (PyTorch's ``logsigmoid`` is stable too).

    Deliberate differences: targets outside [0, 1] raise (PyTorch accepts
    any number); `weight` is cast to the dtype of `scores`; an empty batch
    under 'mean' raises (PyTorch returns nan).

    Examples
    --------
    >>> from lossdocs import multilabel_soft_margin_loss
    >>> x = np.log([[3.0, 1.0]])  # sigma = 0.75 and 0.5
    >>> print(multilabel_soft_margin_loss(x, [[1, 0]], reduction="none"))  # (log 4/3 + log 2) / 2
    [0.4904]
    >>> print(multilabel_soft_margin_loss(x, [[1, 0]], weight=[2.0, 0.0], reduction="none"))
    [0.2877]
    """
    x, t, w = binary_rows(scores, target, reduction, "scores", weight=weight)
    loss = _bce_logits(x, t)
    with np.errstate(over="ignore", invalid="ignore"):
        if w is not None:
            loss = loss * w
        per_row = loss.sum(axis=-1) / x.dtype.type(x.shape[-1])
    return reduce(per_row, reduction)


def multilabel_soft_margin_loss_grad(scores, target, *, weight=None, reduction="mean"):
    r"""Compute the gradient of :func:`multilabel_soft_margin_loss` with respect to `scores`.

    .. math::

        \frac{\partial \ell_i}{\partial x_{ic}} = \frac{w_c}{C}
        \left( \sigma(x_{ic}) - y_{ic} \right)
        \quad (\text{divided by } N \text{ for the mean})

    Parameters
    ----------
    scores, target, weight, reduction
        As in :func:`multilabel_soft_margin_loss`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`multilabel_soft_margin_loss`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    multilabel_soft_margin_loss : The loss.

    Notes
    -----
    PyTorch: none.

    :math:`\sigma(x) - y` is computed as
    :math:`(1 - y) \sigma(x) - y \sigma(-x)`, which keeps its digits when
    :math:`\sigma(x)` rounds to 1. It equals autograd's ``.grad``.

    Examples
    --------
    >>> from lossdocs import multilabel_soft_margin_loss_grad
    >>> print(multilabel_soft_margin_loss_grad(np.log([[3.0, 1.0]]), [[1, 0]]))
    [[-0.125  0.25 ]]
    """
    x, t, w = binary_rows(scores, target, reduction, "scores", grad=True, weight=weight)
    g = (1 - t) * sigmoid(x) - t * sigmoid(-x)
    if w is not None:
        g = g * w
    g /= x.dtype.type(x.shape[-1])
    n_rows = 1 if x.ndim == 1 else x.shape[0]
    return scale_grad(g, reduction, n_rows)
