"""GRPO's group-relative advantages: each reward standardised within its group."""

from __future__ import annotations

import numpy as np

from .._validation import as_float, check_real
from ._inputs import ieee_quiet

__all__ = ["group_advantages"]


@ieee_quiet
def group_advantages(rewards, *, eps=1e-4):
    r"""Standardise rewards within each group of responses to one prompt (GRPO).

    GRPO samples :math:`G` responses per prompt and uses the group's mean
    reward as the baseline in place of PPO's learned value function (the
    critic): a response's advantage is how much better it scored than its
    siblings, in units of the group's standard deviation.

    .. math::

        A_i = \frac{r_i - \bar r}{s + \varepsilon}, \qquad
        \bar r = \frac{1}{G} \sum_{j=1}^{G} r_j, \quad
        s = \sqrt{\frac{1}{G - 1} \sum_{j=1}^{G} (r_j - \bar r)^2}

    Parameters
    ----------
    rewards : array_like
        Shape (..., G): one group of :math:`G \ge 2` rewards per row, for
        :math:`G` responses to the same prompt.
    eps : float, default 1e-4
        :math:`\varepsilon \ge 0`, added to the standard deviation (not the
        variance), as TRL does.

    Returns
    -------
    ndarray
        The advantages, the shape and floating dtype of `rewards`; each row
        sums to 0 (up to rounding). A row of equal rewards gets exactly 0,
        whatever `eps`.

    Raises
    ------
    ValueError
        If `rewards` is 0-d, a group has fewer than 2 rewards (the sample
        standard deviation of one value is undefined), or `eps` is negative.
    TypeError
        If `rewards` does not hold real numbers or `eps` is not a real number.

    See Also
    --------
    ppo_clip_loss : The clipped loss these advantages feed.
    kl_estimate : GRPO's KL penalty to the reference model.

    Notes
    -----
    PyTorch: none.

    TRL's ``GRPOTrainer`` (``scale_rewards="group"``) computes
    ``(rewards - mean) / (std + 1e-4)`` per group with the sample standard
    deviation (Bessel's correction, ``ddof=1``: torch's default, not
    NumPy's), the same values (in float64, to about :math:`2 \times 10^{-8}`:
    TRL's ``nanstd`` computes the factor :math:`n / (n - 1)` in float32,
    :doc:`/rosetta`); the DeepSeekMath paper writes
    ``mean`` and ``std`` without saying which. A group of one is an error
    here, advantage 0 in TRL (:ref:`edge-trl-alignment`).

    A group whose rewards are all equal (every answer right, or every answer
    wrong) carries no signal: its advantages are exactly 0 and, with the
    clipped loss, so is its gradient, where the rounding of the mean gives
    the naive formula advantages of about :math:`\pm 0.8` with ``eps=0``
    (:ref:`edge-trl-alignment`). The standard
    deviation scaling gives easy and hard prompts equal weight; Dr. GRPO
    (Liu et al., 2025) drops it (``scale_rewards="none"`` in TRL, i.e.
    ``rewards - rewards.mean(-1, keepdims=True)``). NaN propagates within its
    group. The question page: :doc:`/alignment/ppo-grpo`.

    References
    ----------
    .. [1] Z. Shao et al., "DeepSeekMath: Pushing the Limits of Mathematical
       Reasoning in Open Language Models" (GRPO), arXiv:2402.03300, 2024.
    .. [2] Z. Liu et al., "Understanding R1-Zero-Like Training: A Critical
       Perspective" (Dr. GRPO), arXiv:2503.20783, 2025.

    Examples
    --------
    Two prompts, four responses each, rewarded 1 for a correct answer:

    >>> from lossdocs import group_advantages
    >>> rewards = np.array([[1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    >>> print(group_advantages(rewards))
    [[ 1.4997 -0.4999 -0.4999 -0.4999]
     [ 0.      0.      0.      0.    ]]
    """
    r = as_float(rewards, "rewards")
    eps = check_real(eps, "eps", low=0, finite=True)
    if r.ndim == 0:
        raise ValueError("rewards must have a group axis (the last), got a 0-d array")
    size = r.shape[-1]
    if size < 2:
        raise ValueError(
            f"rewards must hold groups of at least 2 along the last axis, got groups of "
            f"{size}: the sample standard deviation of one reward is undefined"
        )
    if r.size == 0:
        return r.copy()
    dev = r - r.mean(axis=-1, keepdims=True)
    # Equal rewards: make the deviations exactly 0 (their mean can be off by an ulp).
    dev[np.ptp(r, axis=-1) == 0] = 0
    # The std of the deviations scaled by their largest magnitude: squaring rewards of
    # 1e-200 (or 1e200) would underflow to a zero std (or overflow to inf).
    scale = np.max(np.abs(dev), axis=-1, keepdims=True)
    scale[scale == 0] = 1
    norm = np.sqrt(np.square(dev / scale).sum(axis=-1, keepdims=True) / r.dtype.type(size - 1))
    std = scale * norm
    with np.errstate(invalid="ignore"):  # 0 / 0 only for equal rewards with eps = 0
        adv = dev / (std + r.dtype.type(eps))
    return np.where(dev == 0, 0, adv).astype(r.dtype, copy=False)
