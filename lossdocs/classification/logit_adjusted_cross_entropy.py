"""``logit_adjusted_cross_entropy`` and its gradient: cross-entropy on prior-shifted logits."""

from __future__ import annotations

import numpy as np

from .._validation import as_floats, check_real, in_dtype
from ._per_class import per_class_positive
from .cross_entropy import cross_entropy, cross_entropy_grad

__all__ = ["logit_adjusted_cross_entropy", "logit_adjusted_cross_entropy_grad"]


def logit_adjusted_cross_entropy(
    logits, target, class_priors, *, tau=1.0, weight=None, ignore_index=-100, reduction="mean"
):
    r"""Compute the logit-adjusted cross-entropy of Menon et al. for long-tailed classes.

    Cross-entropy on the logits shifted by :math:`\tau` times the log of each
    class's prior (its frequency in the training set). During training a
    frequent class gets a head start it must not rely on, so the model learns
    larger margins for the rare classes; at test time the raw logits are used
    as they are. With :math:`\tau = 1` the argmax of the learned logits is
    the Bayes-optimal rule for the *balanced* error (the mean of the per-class
    error rates), not for the ordinary error. :math:`\tau = 0`, or equal
    priors, give plain cross-entropy.

    .. math::

        \ell_i = -\log
        \frac{e^{z_{iy_i} + \tau \log \pi_{y_i}}}{\sum_{c=1}^{C} e^{z_{ic} + \tau \log \pi_c}}

    Here :math:`z` is `logits`, :math:`y` is `target`, :math:`\pi` is
    `class_priors` and :math:`\tau` is `tau`: the loss is
    ``cross_entropy(z + tau * log(pi), y)``, with the same `weight`,
    `ignore_index` and reductions. Only the ratios of the priors matter:
    multiplying them all by a constant adds one number to every logit, which
    the softmax ignores, so class counts can be passed as they are.

    Parameters
    ----------
    logits : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Unnormalised scores :math:`z`; the class axis is 1 (0 when unbatched).
    target : array_like
        Class indices, or class probabilities the shape of `logits`, as for
        :func:`cross_entropy`.
    class_priors : array_like, shape (C,)
        :math:`\pi`, the class frequencies of the training set, every one > 0
        (they need not sum to 1: counts give the same loss).
    tau : float, default 1.0
        :math:`\tau \ge 0`, the strength of the adjustment; 1 in the paper.
    weight : array_like, shape (C,), optional
        Per-class weights, as for :func:`cross_entropy`.
    ignore_index : int, default -100
        Index targets equal to it give 0 and leave the mean's divisor.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        As for :func:`cross_entropy`.

    Returns
    -------
    ndarray or float
        The loss; 'none' gives the per-sample losses.

    Raises
    ------
    ValueError
        If `class_priors` is not (C,) for the C classes of `logits`, holds a
        value that is not finite, or a value <= 0; if `tau` is negative or
        not finite; and for every bad input of :func:`cross_entropy`.
    TypeError
        If an input does not hold real numbers or `tau` is not a real number,
        and as for :func:`cross_entropy`.

    See Also
    --------
    cross_entropy : The loss on the unshifted logits.
    logit_adjusted_cross_entropy_grad : Its gradient.
    class_balanced_weights : Re-weighting by the effective number instead.

    Notes
    -----
    PyTorch: none.

    In PyTorch: ``F.cross_entropy(logits + tau * torch.log(priors), target)``
    (the class axis is dim 1). The authors' code
    (``google-research/logit_adjustment``, ``utils.py``) adds
    ``log(base_probs**tau + 1e-12)``: the :math:`10^{-12}` keeps a prior of 0
    finite and shifts the others by a relative :math:`10^{-12} / \pi^\tau`, a
    difference below float32's resolution for priors above about
    :math:`10^{-5}`. Here a prior of 0 raises instead: it would give its class
    a logit of :math:`-\infty` (the authors' :math:`\log 10^{-12} \approx
    -27.6` is an arbitrary finite stand-in). Priors are not required to sum
    to 1, since the loss does not depend on their scale (see above); a
    negative `tau` is refused, because subtracting :math:`\tau \log \pi` is
    the *post-hoc* correction of a trained model's logits, not a loss.

    Pitfall: the adjusted logits are for training only. Predict with the raw
    logits :math:`z`; adding :math:`\tau \log \pi` at test time undoes the
    effect.

    References
    ----------
    .. [1] A. K. Menon, S. Jayasumana, A. S. Rawat, H. Jain, A. Veit and
       S. Kumar, "Long-tail learning via logit adjustment", ICLR, 2021.

    Examples
    --------
    >>> from lossdocs import cross_entropy, logit_adjusted_cross_entropy
    >>> logits = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])
    >>> priors = np.array([0.7, 0.2, 0.1])
    >>> print(logit_adjusted_cross_entropy(logits, [0, 2], priors, reduction="none"))
    [0.1191 2.3026]
    >>> print(logit_adjusted_cross_entropy(logits, [0, 2], priors, tau=0.0, reduction="none"))
    [0.417  1.0986]
    >>> print(logit_adjusted_cross_entropy(logits, [0, 2], [700, 200, 100], reduction="none"))
    [0.1191 2.3026]
    """
    adjusted = _adjusted(logits, class_priors, tau)
    return cross_entropy(
        adjusted, target, weight=weight, ignore_index=ignore_index, reduction=reduction
    )


def logit_adjusted_cross_entropy_grad(
    logits, target, class_priors, *, tau=1.0, weight=None, ignore_index=-100, reduction="mean"
):
    r"""Compute the gradient of :func:`logit_adjusted_cross_entropy` with respect to `logits`.

    The shift :math:`\tau \log \pi` does not depend on the logits, so the
    gradient is the cross-entropy gradient at the shifted logits: the
    adjusted softmax minus the one-hot target.

    .. math::

        \frac{\partial \ell_i}{\partial z_{ic}} = \tilde p_{ic} - [c = y_i],
        \qquad
        \tilde p_{ic} = \frac{e^{z_{ic} + \tau \log \pi_c}}{\sum_{k} e^{z_{ik} + \tau \log \pi_k}}

    With the symbols of :func:`logit_adjusted_cross_entropy`, without
    weights; with `weight`, ignored samples, probability targets and the
    'mean' divisor as :func:`cross_entropy_grad` describes.

    Parameters
    ----------
    logits : array_like, shape (C,), (N, C) or (N, C, d1, ...)
        Unnormalised scores :math:`z`.
    target : array_like
        Class indices or class probabilities, as for :func:`cross_entropy`.
    class_priors : array_like, shape (C,)
        :math:`\pi`, every one > 0.
    tau : float, default 1.0
        :math:`\tau \ge 0`.
    weight : array_like, shape (C,), optional
        Per-class weights.
    ignore_index : int, default -100
        Index targets equal to it contribute nothing.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `logits`.

    Raises
    ------
    ValueError
        For the bad inputs listed in :func:`logit_adjusted_cross_entropy`,
        and for ``reduction='none'``.
    TypeError
        As for :func:`logit_adjusted_cross_entropy`.

    See Also
    --------
    logit_adjusted_cross_entropy : The loss.
    cross_entropy_grad : The same at :math:`\tau = 0`.

    Notes
    -----
    PyTorch: none.

    The ``.grad`` of the logits after ``F.cross_entropy(logits + tau *
    torch.log(priors), target).backward()``. Each unweighted row sums to 0.
    The frequent classes get larger adjusted probabilities, so a sample of a
    rare class is pushed harder towards its own class than under plain
    cross-entropy, and a sample of a frequent class less.

    Examples
    --------
    >>> from lossdocs import logit_adjusted_cross_entropy_grad
    >>> logits, priors = np.zeros((1, 3)), np.array([0.7, 0.2, 0.1])
    >>> print(logit_adjusted_cross_entropy_grad(logits, [2], priors, reduction="sum"))
    [[ 0.7  0.2 -0.9]]
    >>> print(logit_adjusted_cross_entropy_grad(logits, [2], priors, tau=0.0, reduction="sum"))
    [[ 0.3333  0.3333 -0.6667]]
    """
    adjusted = _adjusted(logits, class_priors, tau)
    return cross_entropy_grad(
        adjusted, target, weight=weight, ignore_index=ignore_index, reduction=reduction
    )


def _adjusted(logits, class_priors, tau):
    """``logits + tau * log(class_priors)`` along the class axis, after checking both."""
    tau = check_real(
        tau,
        "tau",
        low=0,
        finite=True,
        why="subtracting tau * log(prior) is the post-hoc correction of trained logits, not a loss",
    )
    logits, priors = as_floats(logits=logits, class_priors=class_priors)
    priors = per_class_positive(
        priors,
        "class_priors",
        zero="a class with prior 0 would get a logit of -inf; give it a small positive prior",
    )
    if logits.ndim == 0:  # not a batch of logits: cross_entropy raises, naming logits
        return logits
    n_classes = logits.shape[0 if logits.ndim == 1 else 1]
    if priors.shape != (n_classes,):
        raise ValueError(
            f"class_priors must have shape (C,) = ({n_classes},), one prior per class of "
            f"logits, got class_priors.shape={priors.shape}"
        )
    t = in_dtype(tau, "tau", logits.dtype)
    shape = [1] * logits.ndim
    shape[0 if logits.ndim == 1 else 1] = n_classes
    # A huge tau overflows the shift to -inf, and +inf + -inf is NaN: both quietly, as the
    # loss of such logits is documented to be inf or NaN.
    with np.errstate(over="ignore", invalid="ignore"):
        return logits + (t * np.log(priors)).reshape(shape)
