"""PPO's clipped surrogate objective, written as a loss to minimise."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_real
from ._inputs import check_log_probs, ieee_quiet, same_shape_floats

__all__ = ["ppo_clip_loss"]


@ieee_quiet
def ppo_clip_loss(logp, old_logp, advantages, *, clip_eps=0.2, reduction="mean"):
    r"""Compute PPO's clipped surrogate loss (the objective negated), per token or action.

    Policy-gradient steps on samples from an older policy: the probability
    ratio :math:`\rho = \pi_\theta / \pi_{\text{old}}` re-weights each sampled
    action's advantage :math:`A`, and clipping :math:`\rho` to
    :math:`[1 - \epsilon, 1 + \epsilon]` removes the incentive to move the
    policy further once the ratio has left that range in the direction the
    advantage favours. The minimum makes it a pessimistic bound: the clip
    never raises the objective.

    .. math::

        \rho = \exp\left(\log \pi_\theta(a) - \log \pi_{\text{old}}(a)\right), \qquad
        \ell = -\min\left(\rho A,\; \operatorname{clip}(\rho, 1 - \epsilon, 1 + \epsilon)\, A\right)

    Parameters
    ----------
    logp : array_like
        :math:`\log \pi_\theta(a)`, the current policy's log-probability of
        each sampled action (token), any shape; values :math:`\le 0`.
    old_logp : array_like
        :math:`\log \pi_{\text{old}}(a)`, the same under the policy that
        sampled the actions (held fixed); the shape of `logp`.
    advantages : array_like
        :math:`A`, the advantage of each action, the shape of `logp` (for one
        advantage per sequence, as in GRPO, broadcast it over the tokens first:
        ``np.broadcast_to(adv[:, None], logp.shape)``).
    clip_eps : float, default 0.2
        :math:`\epsilon \ge 0`, the half-width of the trust region of the ratio.
    reduction : {"mean", "sum", "none"}, default "mean"
        As in PyTorch. Masking padded tokens and averaging per sequence or per
        token (GRPO, DAPO) is the caller's choice: use ``"none"``.

    Returns
    -------
    ndarray or float
        The loss, the floating dtype of the inputs: :math:`-A` where
        :math:`\rho = 1` (on-policy), 0 where :math:`A = 0`.

    Raises
    ------
    ValueError
        If the shapes differ, `logp` or `old_logp` holds a positive value,
        `clip_eps` is negative, `reduction` is unknown, or the inputs are
        empty under ``reduction="mean"``.
    TypeError
        If an input does not hold real numbers or `clip_eps` is not a real
        number.

    See Also
    --------
    group_advantages : GRPO's advantages, without a value network.
    kl_estimate : The per-token KL penalty added to this loss in GRPO.

    Notes
    -----
    PyTorch: none.

    TRL's ``GRPOTrainer`` writes it per token as
    ``-torch.min(coef_1 * advantages, torch.clamp(coef_1, 1 - eps, 1 + eps) * advantages)``
    with ``coef_1 = torch.exp(logp - old_logp)``, the same values.

    Per element, for :math:`A > 0` the loss is :math:`-\min(\rho, 1 + \epsilon) A`:
    flat (zero gradient) once :math:`\rho > 1 + \epsilon`, but not clipped
    below :math:`1 - \epsilon`, where raising the action's probability still
    pays. For :math:`A < 0` it is :math:`-\max(\rho, 1 - \epsilon) A`: flat once
    :math:`\rho < 1 - \epsilon`, unbounded above as :math:`\rho` grows. The
    gradient with respect to :math:`\log \pi_\theta` is :math:`-\rho A` where
    the unclipped term is the minimum and 0 where the clipped one is.

    A log-ratio above about 709 (88 in float32) overflows the ratio to
    ``inf``: with :math:`A = 0` the loss is then 0, where torch gives NaN, and
    with :math:`A < 0` it is ``inf`` (:ref:`edge-trl-alignment`). NaN
    propagates. The question page: :doc:`/alignment/ppo-grpo`.

    References
    ----------
    .. [1] J. Schulman, F. Wolski, P. Dhariwal, A. Radford and O. Klimov,
       "Proximal Policy Optimization Algorithms", arXiv:1707.06347, 2017.
    .. [2] Z. Shao et al., "DeepSeekMath: Pushing the Limits of Mathematical
       Reasoning in Open Language Models" (GRPO), arXiv:2402.03300, 2024.

    Examples
    --------
    Ratios 0.5, 1 and 1.5, first with a positive advantage, then a negative one:

    >>> from lossdocs import ppo_clip_loss
    >>> old_logp = np.log([0.4, 0.4, 0.4])
    >>> logp = old_logp + np.log([0.5, 1.0, 1.5])
    >>> print(ppo_clip_loss(logp, old_logp, np.ones(3), reduction="none"))
    [-0.5 -1.  -1.2]
    >>> print(ppo_clip_loss(logp, old_logp, -np.ones(3), reduction="none"))
    [0.8 1.  1.5]
    """
    logp, old_logp, adv = same_shape_floats(
        reduction, logp=logp, old_logp=old_logp, advantages=advantages
    )
    check_log_probs(logp, "logp")
    check_log_probs(old_logp, "old_logp")
    eps = check_real(clip_eps, "clip_eps", low=0, finite=True)
    one = logp.dtype.type(1)
    with np.errstate(over="ignore"):  # the ratio overflows to inf: its rounded value
        ratio = np.exp(logp - old_logp)
    with np.errstate(invalid="ignore"):  # inf * 0 where A = 0: replaced by the exact 0
        unclipped = np.where(adv == 0, 0, ratio * adv)
    clipped = np.clip(ratio, one - eps, one + eps) * adv
    loss = 0 - np.minimum(unclipped, clipped)  # not -min: A = 0 gives 0.0, not -0.0
    return reduce(loss.astype(logp.dtype, copy=False), reduction)
