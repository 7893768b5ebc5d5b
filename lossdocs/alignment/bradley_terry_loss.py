"""The Bradley-Terry loss of a reward model trained on pairwise preferences."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import as_float, check_real
from ..activations import log_sigmoid
from ._inputs import ieee_quiet, same_shape_floats

__all__ = ["bradley_terry_loss"]


@ieee_quiet
def bradley_terry_loss(chosen_rewards, rejected_rewards, *, margin=0.0, reduction="mean"):
    r"""Compute the Bradley-Terry (pairwise logistic) loss of a reward model.

    A reward model scores a prompt and a response with one real number. Given
    pairs where people preferred one response (chosen) over the other
    (rejected), the Bradley-Terry model says the chosen one wins with
    probability :math:`\sigma(r_c - r_r)`; this loss is that probability's
    negative log-likelihood, so training it is logistic regression on the
    reward difference.

    .. math::

        \ell = -\log \sigma\left(r_c - r_r - m\right)
        = \log\left(1 + e^{-(r_c - r_r - m)}\right)

    Parameters
    ----------
    chosen_rewards : array_like
        :math:`r_c`, the rewards of the preferred responses, any shape.
    rejected_rewards : array_like
        :math:`r_r`, the rewards of the other responses of the same pairs; the
        shape of `chosen_rewards`.
    margin : float or array_like, default 0.0
        :math:`m`, subtracted from the reward difference: the chosen response
        must win by at least about `m` before the loss becomes small. A number,
        or one margin per pair (the shape of `chosen_rewards`), as Llama 2 sets
        it from how strongly the annotator preferred the chosen response.
    reduction : {"mean", "sum", "none"}, default "mean"
        As in PyTorch.

    Returns
    -------
    ndarray or float
        The loss, in :math:`(0, \infty)`: :math:`\log 2` for a tie
        (:math:`r_c - r_r = m`), close to 0 when the chosen response wins by
        much more than `m`. The floating dtype of the rewards.

    Raises
    ------
    ValueError
        If the rewards (or an array `margin`) differ in shape, `reduction` is
        unknown, or the rewards are empty under ``reduction="mean"``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    dpo_loss : The same logistic loss on DPO's implicit reward, without a reward model.
    log_sigmoid : The stable :math:`\log \sigma`.
    logistic : The same curve as a margin loss for :math:`\pm 1` labels.

    Notes
    -----
    PyTorch: none.

    It is ``-torch.nn.functional.logsigmoid(chosen_rewards - rejected_rewards - margin)``,
    which is how TRL's ``RewardTrainer`` writes it. Computed with
    :func:`log_sigmoid` (softplus), so it is finite and accurate for any finite
    rewards: ``-np.log(sigmoid(d))`` gives ``inf`` for :math:`d < -745` in
    float64 (:math:`d < -104` in float32). NaN propagates.

    Only reward *differences* enter: adding the same constant to both rewards
    of a pair changes nothing, so a reward model's scale is anchored by the
    loss but its offset is not (normalise rewards before PPO). The gradient is
    :math:`\partial \ell / \partial r_c = -\sigma(r_r + m - r_c)
    = -\partial \ell / \partial r_r`: a pair the model already ranks far
    apart contributes almost nothing. The question page:
    :doc:`/alignment/reward-model`.

    References
    ----------
    .. [1] R. A. Bradley and M. E. Terry, "Rank Analysis of Incomplete Block
       Designs: I. The Method of Paired Comparisons", Biometrika, 1952.
    .. [2] L. Ouyang et al., "Training language models to follow instructions
       with human feedback" (InstructGPT), NeurIPS, 2022.
    .. [3] H. Touvron et al., "Llama 2: Open Foundation and Fine-Tuned Chat
       Models", arXiv:2307.09288, 2023 (the margin).

    Examples
    --------
    >>> from lossdocs import bradley_terry_loss
    >>> chosen, rejected = np.array([2.0, 0.5, -1.0]), np.array([1.0, 0.5, 1.0])
    >>> print(bradley_terry_loss(chosen, rejected, reduction="none"))
    [0.3133 0.6931 2.1269]
    >>> print(bradley_terry_loss(chosen + 100, rejected + 100, reduction="none"))
    [0.3133 0.6931 2.1269]
    >>> print(bradley_terry_loss(chosen, rejected, margin=1.0, reduction="none"))
    [0.6931 1.3133 3.0486]
    """
    chosen, rejected = same_shape_floats(
        reduction, chosen_rewards=chosen_rewards, rejected_rewards=rejected_rewards
    )
    if np.ndim(margin) == 0:
        value = margin.item() if isinstance(margin, np.ndarray) else margin
        m = chosen.dtype.type(check_real(value, "margin", finite=True))
    else:
        m = as_float(margin, "margin", dtype=chosen.dtype)
        if m.shape != chosen.shape:
            raise ValueError(
                f"margin must be a number or have the shape of chosen_rewards: got "
                f"margin.shape={m.shape} and chosen_rewards.shape={chosen.shape}"
            )
    loss = log_sigmoid(chosen - rejected - m)
    return reduce(np.negative(loss, out=loss), reduction)
