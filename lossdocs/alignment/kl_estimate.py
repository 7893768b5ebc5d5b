"""Schulman's k1, k2 and k3 estimators of the KL divergence from policy samples."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_choice
from ._inputs import check_log_probs, ieee_quiet, same_shape_floats

__all__ = ["kl_estimate"]

KINDS = ("k1", "k2", "k3")
# 1/n! for n = 2..15: the Taylor series of e^x - 1 - x, used for |x| < 1/2, where
# expm1(x) - x loses the low bits of a result of size x^2 / 2 to cancellation.
_K3_COEFS = 1 / np.cumprod(np.arange(1.0, 16.0))[1:]
_K3_SERIES_BELOW = 0.5


# Below it, float64's expm1(x) - x has lost too many digits for a float32 x, and
# x^2 / 2 (1 + x / 3) is exact to float64 (the next term is x^2 / 12 relative).
_K3_FLOAT32_SERIES_BELOW = 2.0**-20


def _exp_minus_one_minus(x: np.ndarray) -> np.ndarray:
    """``e^x - 1 - x`` without cancellation near 0 and without overflow warnings."""
    if x.dtype == np.float32:
        return _exp_minus_one_minus_float32(x)
    with np.errstate(over="ignore"):  # inf for x > 709: the rounded value
        out = np.expm1(x) - x
    small = np.flatnonzero(np.abs(x) < _K3_SERIES_BELOW)  # flat: one scan of the mask
    if small.size:
        xs = np.take(x, small)
        # Horner, highest power first, in place (a new array per step cost more than the
        # arithmetic); starting at the last coefficient skips the exact step 0 * x + c.
        poly = np.full_like(xs, _K3_COEFS[-1])
        for c in _K3_COEFS[-2::-1]:
            poly *= xs
            poly += x.dtype.type(c)
        poly *= xs
        poly *= xs
        np.put(out, small, poly)
    return out


def _exp_minus_one_minus_float32(x: np.ndarray) -> np.ndarray:
    """The float32 case: ``expm1(x) - x`` in float64, rounded to float32.

    For ``|x| >= 2**-20`` the float64 difference keeps at least 30 bits (its
    error is about ``2**-52 * 2 / |x|`` relative), so the rounded result is
    float32's; below, ``x**2 / 2 * (1 + x / 3)``. Faster than the float32 series
    over all ``|x| < 1/2``, and beyond float32's range it rounds to inf.
    """
    wide = x.astype(np.float64)
    out = np.expm1(wide)
    out -= wide
    small = np.flatnonzero(np.abs(x) < x.dtype.type(_K3_FLOAT32_SERIES_BELOW))
    if small.size:
        xs = np.take(wide, small)
        np.put(out, small, xs * xs / 2 * (1 + xs / 3))
    with np.errstate(over="ignore"):  # beyond float32's range: inf, its rounded value
        return out.astype(np.float32)


@ieee_quiet
def kl_estimate(logp, ref_logp, *, kind="k3", reduction="mean"):
    r"""Estimate the KL divergence from the policy to a reference model from policy samples.

    In RL fine-tuning the KL to the reference model cannot be summed over all
    sequences; it is estimated from the sampled tokens, with the
    log-probabilities both models give them. Each kind is a function of the
    log-ratio :math:`\log \rho = \log \pi_{\text{ref}}(x) - \log \pi_\theta(x)`
    at a sample :math:`x \sim \pi_\theta`:

    .. math::

        k_1 = -\log \rho, \qquad
        k_2 = \tfrac{1}{2} (\log \rho)^2, \qquad
        k_3 = (\rho - 1) - \log \rho

    Parameters
    ----------
    logp : array_like
        :math:`\log \pi_\theta(x)`, the policy's log-probability of each
        sample (token), any shape; the samples must come from the policy.
        Values :math:`\le 0`.
    ref_logp : array_like
        :math:`\log \pi_{\text{ref}}(x)`, the reference model's
        log-probability of the same samples; the shape of `logp`.
    kind : {"k1", "k2", "k3"}, default "k3"
        ``"k1"``: unbiased, high variance, can be negative; ``"k2"``: biased,
        low variance, :math:`\ge 0`; ``"k3"``: unbiased, low variance,
        :math:`\ge 0` (GRPO's choice).
    reduction : {"mean", "sum", "none"}, default "mean"
        ``"mean"`` is the Monte Carlo estimate of the KL from these samples;
        ``"none"`` the per-sample values (GRPO adds them to the per-token loss).

    Returns
    -------
    ndarray or float
        The estimate, the floating dtype of the inputs.

    Raises
    ------
    ValueError
        If the shapes differ, an input holds a positive value, `kind` or
        `reduction` is unknown, or the inputs are empty under
        ``reduction="mean"``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    kl_divergence : The exact KL of two distributions given in full.
    ppo_clip_loss : The loss GRPO adds the k3 penalty to.

    Notes
    -----
    PyTorch: none.

    TRL's ``GRPOTrainer`` computes k3 as ``exp(d) - d - 1``; we compute the
    same quantity as ``expm1(d) - d`` and, for :math:`|d| < 1/2`, by its Taylor
    series :math:`d^2/2 + d^3/6 + \dots`, because TRL's form cancels almost
    every digit when the policy is close to the reference (in float32 it can
    come out negative): :ref:`edge-trl-alignment`. A float32 input is computed
    in float64 (``expm1(d) - d``, and the first two terms of the series for
    :math:`|d| < 2^{-20}`) and rounded to float32: exact to float32, and faster.

    Why they work (Schulman, 2020): :math:`\mathbb{E}_{\pi_\theta}[-\log \rho]
    = D_{\mathrm{KL}}(\pi_\theta \| \pi_{\text{ref}})`, so k1 is unbiased, but
    half its samples can be negative. :math:`\mathbb{E}_{\pi_\theta}[\rho] = 1`,
    so adding the zero-mean control variate :math:`\rho - 1` to k1 keeps it
    unbiased, and since :math:`\log \rho \le \rho - 1` every k3 sample is
    :math:`\ge 0`, with lower variance when the two models are close. k2 is
    biased, but its bias is third order in the log-ratio (its expectation is
    an f-divergence that agrees with KL to second order). Only
    :math:`\mathbb{E}` over samples of the *policy* is the KL: on samples
    from elsewhere, k1 and k3 are biased. k3 overflows to ``inf`` for
    :math:`d > 709` (88 in float32), its rounded value; NaN propagates. The
    question page: :doc:`/alignment/ppo-grpo`.

    References
    ----------
    .. [1] J. Schulman, "Approximating KL Divergence", blog post, 2020,
       http://joschu.net/blog/kl-approx.html.
    .. [2] Z. Shao et al., "DeepSeekMath: Pushing the Limits of Mathematical
       Reasoning in Open Language Models" (GRPO), arXiv:2402.03300, 2024.

    Examples
    --------
    Samples where the reference gives half, the same and twice the policy's
    probability:

    >>> from lossdocs import kl_estimate
    >>> logp = np.log([0.4, 0.4, 0.4])
    >>> ref_logp = logp + np.log([0.5, 1.0, 2.0])
    >>> for kind in ("k1", "k2", "k3"):
    ...     print(kind, kl_estimate(logp, ref_logp, kind=kind, reduction="none"))
    k1 [ 0.6931  0.     -0.6931]
    k2 [0.2402 0.     0.2402]
    k3 [0.1931 0.     0.3069]
    """
    logp, ref_logp = same_shape_floats(reduction, logp=logp, ref_logp=ref_logp)
    check_log_probs(logp, "logp")
    check_log_probs(ref_logp, "ref_logp")
    check_choice(kind, "kind", KINDS)
    log_ratio = ref_logp - logp
    if kind == "k1":
        est = 0 - log_ratio  # not -log_ratio: equal log-probabilities give 0.0, not -0.0
    elif kind == "k2":
        est = np.square(log_ratio) / log_ratio.dtype.type(2)
    else:
        est = _exp_minus_one_minus(log_ratio)
    return reduce(est, reduction)
