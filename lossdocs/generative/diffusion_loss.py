"""The denoising loss of a diffusion model: epsilon, x0 or v prediction, with min-SNR weights."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import as_floats, check_choice, check_real, check_same_shape
from ._batch import check_batch_size, check_batched, per_sample
from ._schedule import alphas_cumprod_array

__all__ = ["diffusion_loss"]

PREDICTIONS = ("epsilon", "x0", "v")


def _min_snr_weight(abar: np.ndarray, gamma: float, prediction: str) -> np.ndarray:
    """Hang et al.'s weight ``min(snr, gamma)`` on the x0 error, moved to the chosen target.

    Written in abar so that neither end of the schedule divides by zero: with
    snr = abar / (1 - abar), min(snr, g) / snr = min(1, g (1 - abar) / abar)
    (1 at abar = 0, its limit), and min(snr, g) / (snr + 1) = min(abar, g (1 - abar)).
    """
    one_minus = 1 - abar
    if prediction == "v":
        return np.minimum(abar, gamma * one_minus)
    if prediction == "epsilon":
        num, den = gamma * one_minus, abar
        cap = np.ones((), abar.dtype)
    else:
        num, den = abar, one_minus
        cap = abar.dtype.type(gamma)
    ratio = np.divide(num, den, out=np.full_like(abar, np.inf), where=den > 0)
    return np.minimum(ratio, cap)


def diffusion_loss(
    model_output,
    x0,
    noise,
    alphas_cumprod,
    *,
    prediction="epsilon",
    snr_gamma=None,
    reduction="mean",
):
    r"""Compute a diffusion model's denoising loss for one parameterisation, min-SNR optional.

    The network sees :math:`x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 -
    \bar\alpha_t}\, \epsilon` and predicts the noise, the clean sample or the
    velocity :math:`v = \sqrt{\bar\alpha}\, \epsilon - \sqrt{1 - \bar\alpha}\, x_0`;
    the loss is the mean squared error to that target per sample, optionally
    weighted by the min-SNR strategy (Hang et al. 2023).

    .. math::

        \ell = w \cdot \frac{1}{D} \sum_{j=1}^{D} (\hat y_j - y_j)^2, \qquad
        (y, w) = \begin{cases}
        \left(\epsilon,\ \min(\mathrm{SNR}, \gamma) / \mathrm{SNR}\right) & \text{epsilon} \\
        \left(x_0,\ \min(\mathrm{SNR}, \gamma)\right) & \text{x0} \\
        \left(v,\ \min(\mathrm{SNR}, \gamma) / (\mathrm{SNR} + 1)\right) & \text{v}
        \end{cases}

    Parameters
    ----------
    model_output : array_like, shape (B, ...)
        The network's prediction :math:`\hat y` of the chosen target.
    x0 : array_like, same shape as model_output
        The clean samples.
    noise : array_like, same shape as model_output
        The Gaussian noise :math:`\epsilon` that made :math:`x_t`.
    alphas_cumprod : array_like, shape (B,)
        :math:`\bar\alpha_t` at each sample's timestep, in [0, 1].
    prediction : {'epsilon', 'x0', 'v'}, default 'epsilon'
        What the network predicts (diffusers: ``'epsilon'``, ``'sample'``,
        ``'v_prediction'``).
    snr_gamma : float or None, default None
        :math:`\gamma > 0` of the min-SNR weights (5 in Hang et al.); ``None``
        means :math:`w = 1`, the plain loss (:math:`L_\text{simple}` for epsilon).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        Over samples; ``'none'`` returns the (B,) weighted per-sample losses.

    Returns
    -------
    ndarray or float
        The loss, >= 0.

    Raises
    ------
    ValueError
        If `x0` or `noise` differs in shape from `model_output`,
        `alphas_cumprod` is not one value in [0, 1] per sample, `snr_gamma` <= 0,
        `prediction` or `reduction` is unknown, or the batch is empty under ``'mean'``.
    TypeError
        If an array does not hold real numbers or `snr_gamma` is not a real number.

    See Also
    --------
    diffusion_snr : The signal-to-noise ratio the weights are built from.
    mse : The unweighted squared error, for a flow-matching velocity target.

    Notes
    -----
    PyTorch: ``torch.nn.functional.mse_loss``.

    That is the loss without `snr_gamma`, under ``'mean'`` (every sample has
    the same size). The weights are those
    of diffusers' training scripts (``examples/text_to_image/train_text_to_image.py``):
    each is the x0 weight :math:`\min(\mathrm{SNR}, \gamma)` divided by the factor
    that turns an x0 error into the chosen target's error
    (:math:`\|\epsilon - \hat\epsilon\|^2 = \mathrm{SNR}\, \|x_0 - \hat x_0\|^2`
    and :math:`\|v - \hat v\|^2 = (\mathrm{SNR} + 1) \|x_0 - \hat x_0\|^2`).
    They are computed from :math:`\bar\alpha` without dividing by 0: the
    epsilon weight is its limit 1 at :math:`\bar\alpha = 0`, where diffusers
    gives NaN (:ref:`edge-min-snr-ends`).
    From diffusers pull request 5238 (2023) to its fixes in 2024 (issue 5654),
    the scripts used :math:`\min(\mathrm{SNR} + 1, \gamma) / (\mathrm{SNR} + 1)`
    for v, not the paper's weight.
    NaN propagates. Explained on the page :doc:`/generative/diffusion`.

    References
    ----------
    .. [1] J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic
       Models", NeurIPS, 2020.
    .. [2] T. Salimans and J. Ho, "Progressive Distillation for Fast Sampling
       of Diffusion Models", ICLR, 2022.
    .. [3] T. Hang et al., "Efficient Diffusion Training via Min-SNR Weighting
       Strategy", ICCV, 2023.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import diffusion_loss
    >>> x0, noise = np.array([[1.0, -1.0]]), np.array([[0.5, 0.5]])
    >>> abar = np.array([0.8])                      # SNR = 4
    >>> print(diffusion_loss(np.zeros((1, 2)), x0, noise, abar))   # mean(noise^2)
    0.25
    >>> for p in ("epsilon", "x0", "v"):
    ...     print(p, round(diffusion_loss(np.zeros((1, 2)), x0, noise, abar,
    ...                                   prediction=p, snr_gamma=1.0), 4))
    epsilon 0.0625
    x0 1.0
    v 0.08
    """
    check_choice(prediction, "prediction", PREDICTIONS)
    check_reduction(reduction)
    gamma = check_real(snr_gamma, "snr_gamma", low=0, low_open=True, finite=True, allow_none=True)
    out, x0, noise = as_floats(model_output=model_output, x0=x0, noise=noise)
    check_batched(out, "model_output")
    check_same_shape(out, x0, "model_output", "x0")
    check_same_shape(out, noise, "model_output", "noise")
    abar = alphas_cumprod_array(alphas_cumprod, dtype=out.dtype)
    if abar.ndim != 1:
        raise ValueError(
            f"alphas_cumprod must be 1-D, one value per sample, got shape {abar.shape}"
        )
    check_batch_size(abar, "alphas_cumprod", out.shape[0], "model_output")
    check_nonempty_mean(out.shape[0], reduction, "model_output")
    if prediction == "epsilon":
        target = noise
    elif prediction == "x0":
        target = x0
    else:
        a = abar.reshape((-1,) + (1,) * (out.ndim - 1))
        target = np.sqrt(a) * noise - np.sqrt(1 - a) * x0
    # A squared error beyond the float range is inf, silently, as in mse.
    with np.errstate(over="ignore", invalid="ignore"):
        err = out - target
        loss = per_sample(err * err, "mean")
    if gamma is not None:
        loss = loss * _min_snr_weight(abar, gamma, prediction)
    return reduce(loss, reduction)
