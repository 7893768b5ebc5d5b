"""``generalized_dice_loss`` and ``generalized_dice_loss_grad``."""

from __future__ import annotations

import numpy as np

from ._overlap import _generalized_dice, _one_minus_ratio, _ratio_grad_coefs

__all__ = ["generalized_dice_loss", "generalized_dice_loss_grad"]


def generalized_dice_loss(probs, target, *, eps=1e-7, reduction="mean"):
    r"""Compute the generalised Dice loss of Sudre et al., a Dice over classes weighted by size.

    For multi-class segmentation with very unequal class sizes: each class's
    overlap and size enter one ratio per sample, weighted by the inverse
    square of the class's size in the target, so a class of 10 pixels counts
    as much as one of 10 000.

    .. math::

        \mathcal{L}_{GD} = 1 - \frac{2 \sum_c w_c \sum_i p_{ci} t_{ci}}
            {\max\left(\sum_c w_c \sum_i (p_{ci} + t_{ci}),\ \varepsilon\right)},
        \qquad w_c = \frac{1}{\left(\sum_i t_{ci}\right)^2}

    with :math:`p` = `probs`, :math:`t` = `target`, :math:`\varepsilon` =
    `eps`, the sums over the classes :math:`c` (axis 1) and the pixels
    :math:`i` (axes 2 and up) of one sample. A class absent from the
    sample's target (:math:`w_c = \infty`) takes the largest finite weight of
    that sample.

    Parameters
    ----------
    probs : array_like
        Predicted class probabilities in [0, 1], shape (N, C, ...) (a softmax
        over axis 1, or sigmoids).
    target : array_like
        One-hot target in [0, 1], the shape of `probs`.
    eps : float, default 1e-7
        Floor of the denominator; must be >= 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns one loss per sample, shape (N,).

    Returns
    -------
    ndarray or float
        The loss in [0, 1]; 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `probs` has fewer than 2 dimensions or no
        class, `probs` or `target` leaves [0, 1], `eps` < 0, `reduction` is
        unknown, or the mean is taken over zero samples.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    dice_loss : One class, no weights (the same value for C = 1).
    generalized_dice_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    The weights and their repair match MONAI's ``GeneralizedDiceLoss``
    (``w_type="square"``, ``batch=False``): ``1 / (sum of target)^2`` per
    sample and class, and each infinite weight replaced by the largest
    finite weight of its sample (0 when no class is present, which makes an
    all-zero target score 1 here). MONAI adds ``smooth_nr = smooth_dr =
    1e-5`` to numerator and denominator; they are not used here (`eps` is a
    floor, as in :func:`dice_loss`), because after squared-inverse weighting
    the denominator is about :math:`\sum_c 2 / \sum_i t_{ci}`, so a constant
    1e-5 is no longer small once every class has more than about
    :math:`10^5` pixels. For the same reason keep `eps` well below
    :math:`2 / \max_c \sum_i t_{ci}`. With soft targets a class of tiny
    target mass gets a huge weight; weights that overflow are repaired as
    absent classes, as MONAI's are. With ``C = 1`` the weight cancels and
    the loss is :func:`dice_loss` (if the class is present). MONAI computes
    the weights from ``ground_o.float()``, in float32 even for float64
    input; here they are in the input's dtype.

    References
    ----------
    .. [1] C. H. Sudre, W. Li, T. Vercauteren, S. Ourselin and M. J.
       Cardoso, "Generalised Dice Overlap as a Deep Learning Loss Function
       for Highly Unbalanced Segmentations", DLMIA 2017.
    .. [2] W. R. Crum, O. Camara and D. L. G. Hill, "Generalized Overlap
       Measures for Evaluation and Validation in Medical Image Analysis",
       IEEE TMI 2006.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import generalized_dice_loss
    >>> target = np.array([[[1, 1, 1, 0], [0, 0, 0, 1]]])  # (N=1, C=2, 4 pixels)
    >>> probs = np.array([[[1, 1, 1, 1], [0, 0, 0, 0]]]) * 1.0  # the small class missed
    >>> # w = (1/9, 1): 1 - 2 * (3/9) / ((3 + 4)/9 + 1)
    >>> print(round(generalized_dice_loss(probs, target), 4))
    0.625
    >>> probs = np.array([[[1, 1, 0, 0], [0, 0, 1, 1]]]) * 1.0  # one big-class pixel lost
    >>> print(round(generalized_dice_loss(probs, target), 4))  # 1 - 2 (2/9 + 1) / (5/9 + 3)
    0.3125
    """
    o, _ = _generalized_dice(probs, target, eps, reduction)
    return _one_minus_ratio(*o.dice(), o, reduction)


def generalized_dice_loss_grad(probs, target, *, eps=1e-7, reduction="mean"):
    r"""Compute the gradient of :func:`generalized_dice_loss` with respect to `probs`.

    .. math::

        \frac{\partial \mathcal{L}_{GD}}{\partial p_{ck}} =
        \begin{cases}
            w_c\, \dfrac{2 I - 2 t_{ck} S}{S^2} & S \ge \varepsilon \\
            -2 w_c t_{ck} / \varepsilon & \text{otherwise}
        \end{cases}

    with :math:`I = \sum_c w_c \sum_i p_{ci} t_{ci}` and
    :math:`S = \sum_c w_c \sum_i (p_{ci} + t_{ci})` over the sample of pixel
    :math:`k`, divided by the number of samples for the mean. The weights
    depend on the target only, so they are constants here.

    Parameters
    ----------
    probs, target, eps
        As for :func:`generalized_dice_loss`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `probs`.

    Raises
    ------
    ValueError
        As for :func:`generalized_dice_loss`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    generalized_dice_loss : The loss.
    dice_loss_grad : One class, no weights.

    Notes
    -----
    PyTorch: none.

    The gradient on class :math:`c` is proportional to :math:`w_c`: with a
    one-pixel class in a large image its pixels receive a gradient about
    :math:`(\text{size of the largest class})^2` times larger than the
    largest class's, the instability of the generalised Dice for tiny
    classes.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import generalized_dice_loss_grad
    >>> target = np.array([[[1.0, 1.0], [0.0, 0.0]]])  # class 1 absent: its weight is 1/4
    >>> probs = np.array([[[0.5, 0.5], [0.5, 0.5]]])
    >>> # I = 1/4, S = 3/4 + 1/4 = 1: w_c (2 I - 2 t S) / S^2
    >>> print(generalized_dice_loss_grad(probs, target))
    [[[-0.375 -0.375]
      [ 0.125  0.125]]]
    """
    o, w = _generalized_dice(probs, target, eps, reduction, grad=True)
    a, b = _ratio_grad_coefs(*o.dice(), o, reduction)  # dnum = 2 w t; dden = w
    with np.errstate(invalid="ignore", over="ignore"):  # an empty pair at eps = 0: NaN
        g = np.multiply(o.t, -2 * b * w)  # w (a - 2 b t), in two passes over the pixels
        g += a * w
    return g
