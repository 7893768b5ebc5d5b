"""The signal-to-noise ratio of a diffusion model's noisy sample at each timestep."""

from __future__ import annotations

import numpy as np

from ._schedule import alphas_cumprod_array

__all__ = ["diffusion_snr"]


def diffusion_snr(alphas_cumprod):
    r"""Compute the signal-to-noise ratio of the noisy sample from the noise schedule.

    With :math:`x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \epsilon`,
    the signal's variance over the noise's: large at :math:`t = 0`, near 0 at
    the last timestep. The min-SNR weights of :func:`diffusion_loss` are
    functions of it.

    .. math::

        \operatorname{SNR}(t) = \frac{\bar\alpha_t}{1 - \bar\alpha_t}

    Parameters
    ----------
    alphas_cumprod : array_like
        :math:`\bar\alpha_t = \prod_{s \le t} (1 - \beta_s)`, each in [0, 1],
        any shape (a whole schedule or one value per sample).

    Returns
    -------
    ndarray or float
        The SNR, the shape of `alphas_cumprod`: 0 at :math:`\bar\alpha = 0`,
        ``inf`` at :math:`\bar\alpha = 1` (no warning).

    Raises
    ------
    ValueError
        If a value lies outside [0, 1].
    TypeError
        If `alphas_cumprod` does not hold real numbers.

    See Also
    --------
    diffusion_loss : The denoising loss, whose min-SNR weights use this ratio.

    Notes
    -----
    PyTorch: none.

    diffusers' ``compute_snr`` (``src/diffusers/training_utils.py``)
    computes :math:`(\sqrt{\bar\alpha} / \sqrt{1 - \bar\alpha})^2` after
    casting to float32; the direct ratio here keeps the input's precision
    and differs from it only by rounding. The log-SNR,
    :math:`\log \bar\alpha - \log(1 - \bar\alpha)`, is what Kingma et al.
    (2021) parametrise schedules by. Explained on the page :doc:`/generative/diffusion`.

    References
    ----------
    .. [1] J. Ho, A. Jain and P. Abbeel, "Denoising Diffusion Probabilistic
       Models", NeurIPS, 2020.
    .. [2] D. P. Kingma, T. Salimans, B. Poole and J. Ho, "Variational
       Diffusion Models", NeurIPS, 2021.

    Examples
    --------
    DDPM's linear schedule, 1000 steps from :math:`\beta = 10^{-4}` to 0.02:

    >>> import numpy as np
    >>> from lossdocs import diffusion_snr
    >>> abar = np.cumprod(1 - np.linspace(1e-4, 0.02, 1000))
    >>> print(diffusion_snr(abar[[0, 499, 999]]))
    [9.999e+03 8.529e-02 4.036e-05]
    >>> print(diffusion_snr([0.0, 0.5, 1.0]))
    [ 0.  1. inf]
    """
    abar = alphas_cumprod_array(alphas_cumprod)
    with np.errstate(divide="ignore"):  # abar = 1: no noise, an infinite ratio
        return abar / (1 - abar)
