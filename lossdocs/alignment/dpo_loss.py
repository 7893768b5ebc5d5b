"""Direct preference optimisation: the DPO loss, its conservative and IPO variants."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_choice, check_real
from ..activations import log_sigmoid
from ._inputs import check_log_probs, ieee_quiet, same_shape_floats

__all__ = ["dpo_loss"]

LOSS_TYPES = ("sigmoid", "ipo")


@ieee_quiet
def dpo_loss(
    policy_chosen_logps,
    policy_rejected_logps,
    reference_chosen_logps,
    reference_rejected_logps,
    *,
    beta=0.1,
    label_smoothing=0.0,
    loss_type="sigmoid",
    reduction="mean",
):
    r"""Compute the DPO loss of a policy on preference pairs, against a frozen reference.

    DPO trains a language model directly on pairs (prompt, chosen response,
    rejected response), with no reward model and no sampling: the reward is
    implicit, :math:`\beta \log \pi_\theta(y \mid x) / \pi_{\text{ref}}(y \mid x)`,
    and the loss is the Bradley-Terry loss of that reward. Everything depends
    on one number per pair, how much more the policy has raised the chosen
    response's log-probability than the rejected one's, relative to the reference:

    .. math::

        h = \left(\log \pi_\theta(y_c) - \log \pi_{\text{ref}}(y_c)\right)
          - \left(\log \pi_\theta(y_r) - \log \pi_{\text{ref}}(y_r)\right)

    .. math::

        \ell_{\text{sigmoid}} = -(1 - \varepsilon) \log \sigma(\beta h)
            - \varepsilon \log \sigma(-\beta h),
        \qquad
        \ell_{\text{ipo}} = \left(h - \frac{1}{2 \beta}\right)^2

    Parameters
    ----------
    policy_chosen_logps : array_like
        :math:`\log \pi_\theta(y_c \mid x)`, the policy's log-probability of
        each chosen response, summed over its tokens (one value per pair).
    policy_rejected_logps : array_like
        :math:`\log \pi_\theta(y_r \mid x)`, the same for the rejected responses.
    reference_chosen_logps, reference_rejected_logps : array_like
        The same under the frozen reference model (usually the SFT model).
        All four have one shape; every value is :math:`\le 0`.
    beta : float, default 0.1
        :math:`\beta > 0`, the strength of the KL penalty that keeps the policy
        near the reference: small :math:`\beta` lets it move far. In
        ``"ipo"`` it sets the target margin :math:`1 / (2\beta)`.
    label_smoothing : float, default 0.0
        :math:`\varepsilon \in [0, 0.5]`, the assumed probability that a
        preference label is flipped (conservative DPO); only with
        ``loss_type="sigmoid"``.
    loss_type : {"sigmoid", "ipo"}, default "sigmoid"
        ``"sigmoid"``: DPO (conservative DPO when :math:`\varepsilon > 0`);
        ``"ipo"``: identity preference optimisation, a squared loss that pulls
        :math:`h` to :math:`1 / (2\beta)` instead of pushing it to infinity.
    reduction : {"mean", "sum", "none"}, default "mean"
        As in PyTorch; ``"none"`` gives one loss per pair.

    Returns
    -------
    ndarray or float
        The loss, the floating dtype of the inputs: for ``"sigmoid"`` in
        :math:`(0, \infty)`, :math:`\log 2` at :math:`h = 0` whatever
        :math:`\varepsilon`; for ``"ipo"`` :math:`\ge 0`, 0 at
        :math:`h = 1/(2\beta)`.

    Raises
    ------
    ValueError
        If the four inputs differ in shape, one holds a positive value (not a
        log-probability), `beta` is not positive, `label_smoothing` is outside
        [0, 0.5] or non-zero with ``"ipo"``, `loss_type` or `reduction` is
        unknown, or the inputs are empty under ``reduction="mean"``.
    TypeError
        If an input does not hold real numbers, or `beta` or
        `label_smoothing` is not a real number.

    See Also
    --------
    bradley_terry_loss : The same loss on an explicit reward model's scores.
    kl_estimate : The KL penalty that DPO's beta stands for, estimated from samples.

    Notes
    -----
    PyTorch: none.

    The values of TRL's ``DPOTrainer`` for ``"sigmoid"`` and ``"ipo"``, with
    :math:`h` formed in the same order; its per-token averaging for IPO and
    the versions in which it applies `label_smoothing`:
    :ref:`edge-trl-alignment`.

    Stable for any finite log-probabilities (:func:`log_sigmoid` is a
    softplus). The loss depends on the four inputs only through :math:`h`.
    Its gradient with respect to the policy's log-probabilities is, for
    :math:`\varepsilon = 0`,
    :math:`\partial \ell / \partial \log \pi_\theta(y_c) = -\beta\,\sigma(-\beta h)
    = -\partial \ell / \partial \log \pi_\theta(y_r)`: pairs the implicit
    reward already ranks correctly get little weight, wrongly ranked pairs
    up to :math:`\beta`. With :math:`\varepsilon > 0` the weight is
    :math:`\beta\,(\sigma(-\beta h) - \varepsilon)`, which vanishes at a
    finite :math:`h = \log((1 - \varepsilon)/\varepsilon) / \beta`, as
    IPO's does at :math:`1/(2\beta)`. The derivation from the
    KL-regularised objective: :doc:`/alignment/dpo`.

    References
    ----------
    .. [1] R. Rafailov, A. Sharma, E. Mitchell, S. Ermon, C. D. Manning and
       C. Finn, "Direct Preference Optimization: Your Language Model is
       Secretly a Reward Model", NeurIPS, 2023.
    .. [2] M. G. Azar et al., "A General Theoretical Paradigm to Understand
       Learning from Human Preferences" (IPO), AISTATS, 2024.
    .. [3] E. Mitchell, "A note on DPO with noisy preferences and relationship
       to IPO", 2023 (conservative DPO).

    Examples
    --------
    Two pairs: the policy has moved towards the chosen response in the first
    (:math:`h = 2`), away from it in the second (:math:`h = -2`).

    >>> from lossdocs import dpo_loss
    >>> pc, pr = np.array([-10.0, -14.0]), np.array([-13.0, -11.0])
    >>> rc, rr = np.array([-11.0, -13.0]), np.array([-12.0, -12.0])
    >>> print(dpo_loss(pc, pr, rc, rr, beta=0.1, reduction="none"))
    [0.5981 0.7981]
    >>> print(dpo_loss(pc, pr, rc, rr, beta=0.1, label_smoothing=0.1, reduction="none"))
    [0.6181 0.7781]
    >>> print(dpo_loss(pc, pr, rc, rr, beta=0.1, loss_type="ipo", reduction="none"))
    [ 9. 49.]
    """
    pc, pr, rc, rr = same_shape_floats(
        reduction,
        policy_chosen_logps=policy_chosen_logps,
        policy_rejected_logps=policy_rejected_logps,
        reference_chosen_logps=reference_chosen_logps,
        reference_rejected_logps=reference_rejected_logps,
    )
    check_log_probs(pc, "policy_chosen_logps")
    check_log_probs(pr, "policy_rejected_logps")
    check_log_probs(rc, "reference_chosen_logps")
    check_log_probs(rr, "reference_rejected_logps")
    beta = check_real(beta, "beta", low=0, low_open=True, finite=True)
    eps = check_real(
        label_smoothing,
        "label_smoothing",
        low=0,
        high=0.5,
        why="a flip probability above one half says the labels are mostly wrong: "
        "swap chosen and rejected instead",
    )
    check_choice(loss_type, "loss_type", LOSS_TYPES)
    if loss_type == "ipo" and eps != 0:
        raise ValueError(
            f"label_smoothing must be 0 with loss_type='ipo', got {eps} "
            "(TRL 1.16 ignores it there silently; lossdocs raises)"
        )
    h = (pc - pr) - (rc - rr)  # TRL's order: policy log-ratio minus reference log-ratio
    if loss_type == "ipo":
        loss = np.square(h - h.dtype.type(1 / (2 * beta)))
    else:
        bh = h * h.dtype.type(beta)
        loss = log_sigmoid(bh) * h.dtype.type(-(1 - eps))
        if eps:
            loss -= h.dtype.type(eps) * log_sigmoid(-bh)
    return reduce(loss, reduction)
