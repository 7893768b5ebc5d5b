"""The auxiliary load-balancing loss of a mixture-of-experts router (Switch, Mixtral)."""

from __future__ import annotations

import numpy as np

from .._validation import check_int
from ..activations import softmax
from ._logit_rows import logit_rows

__all__ = ["load_balancing_loss"]


def load_balancing_loss(router_logits, *, top_k=1):
    r"""Compute the Switch Transformer load-balancing loss of a top-k router.

    A mixture-of-experts layer sends each token to its ``top_k`` experts by
    router probability. Left alone, the router collapses onto a few experts;
    this auxiliary loss, added with a small coefficient (0.01 in the Switch
    Transformer, 0.001 by default in transformers' ``MixtralConfig``),
    rewards spreading the tokens evenly.

    .. math::

        \begin{aligned}
        \mathcal{L} &= E \sum_{j=1}^{k} \sum_{e=1}^{E} f_{j,e} \, P_e, \\
        f_{j,e} &= \frac{1}{N} \sum_{n=1}^{N} [c_{n,j} = e], \quad
        P_e = \frac{1}{N} \sum_{n=1}^{N} p_{n,e}, \quad
        p_n = \operatorname{softmax}(r_n)
        \end{aligned}

    Here :math:`r` is `router_logits`, :math:`N` the number of tokens,
    :math:`E` of experts, :math:`k` is `top_k` and :math:`c_{n,j}` the
    expert of token :math:`n`'s :math:`j`-th largest probability. :math:`f` counts where
    the tokens go and has no gradient; the gradient flows through :math:`P`.

    Parameters
    ----------
    router_logits : array_like, shape (N, E)
        The router's logits, one row per token (padding tokens removed: see
        Notes). Several layers are concatenated along the first axis.
    top_k : int, default 1
        Experts per token, in [1, E]: 1 for the Switch Transformer, 2 for
        Mixtral.

    Returns
    -------
    float
        The loss, a NumPy scalar of the floating dtype of `router_logits`:
        1 when the tokens and the router's mean probabilities are uniform over
        the experts with ``top_k=1``, ``top_k`` with top-k routing; up to
        :math:`E` when every token picks the same expert with certainty.

    Raises
    ------
    ValueError
        If `router_logits` is not (N, E) with N >= 1 and E >= 1, or `top_k`
        is outside [1, E].
    TypeError
        If `router_logits` is not real or `top_k` is not an integer.

    See Also
    --------
    z_loss : The router z-loss ST-MoE adds next to it.

    Notes
    -----
    PyTorch: none.

    Equal to Hugging Face transformers'
    ``load_balancing_loss_func(gate_logits, num_experts, top_k)`` (Mixtral)
    without an attention mask; its masked form equals this function on the
    rows of the unpadded tokens, ``router_logits[attention_mask.reshape(-1) == 1]``.

    - A value of 1 is a reference, not a floor (:ref:`errata-moe-floor`).
    - transformers concatenates the layers' router logits before taking the
      means, so one layer's imbalance can cancel another's; take the mean of
      the per-layer losses instead (:ref:`errata-moe-layers`).
    - transformers' function returns 0 when it is given one tensor instead of
      a tuple of layers; this function takes an array and never does that.
      Its Mixtral model adds the loss only with ``output_router_logits=True``,
      which ``MixtralConfig`` leaves False.
    - Ties in the router probabilities go to the lower expert index
      (PyTorch's ``topk`` does not promise an order for ties).

    The softmax is max-shifted, so logits up to :math:`10^4` in magnitude are
    fine in float32 and float64. NaN in a row makes its top-k choice arbitrary
    and :math:`P` NaN, so the loss is NaN.

    References
    ----------
    .. [1] W. Fedus, B. Zoph and N. Shazeer, "Switch Transformers: Scaling to
       Trillion Parameter Models with Simple and Efficient Sparsity", JMLR,
       2022 (arXiv 2021), equations 4-6.
    .. [2] A.Q. Jiang et al., "Mixtral of Experts", arXiv:2401.04088, 2024.
    .. [3] N. Shazeer et al., "Outrageously Large Neural Networks: The
       Sparsely-Gated Mixture-of-Experts Layer", ICLR, 2017.

    Examples
    --------
    Four tokens, four experts. Each token picks a different expert with
    certainty: balanced, loss 1; all pick expert 0: loss :math:`E = 4`.

    >>> from lossdocs import load_balancing_loss
    >>> print(f"{load_balancing_loss(20.0 * np.eye(4)):.6f}")
    1.000000
    >>> print(f"{load_balancing_loss(np.tile([20.0, 0.0, 0.0, 0.0], (4, 1))):.6f}")
    4.000000
    >>> top2 = load_balancing_loss(20.0 * np.eye(4), top_k=2)  # balanced top-2 routing
    >>> print(f"{top2:.6f}")
    2.000000
    """
    logits = logit_rows(router_logits, "router_logits", "E")
    n_tokens, n_experts = logits.shape
    if n_tokens == 0:
        raise ValueError("router_logits has no rows: the loss is a mean over tokens")
    k = check_int(top_k, "top_k", low=1, high=n_experts)
    probs = softmax(logits, axis=1)
    # The k largest per row, largest first; a stable sort breaks ties toward the lower index.
    choices = np.argsort(-probs, axis=1, kind="stable")[:, :k]  # (N, k)
    f = (choices[:, :, None] == np.arange(n_experts)).mean(axis=0, dtype=probs.dtype)  # (k, E)
    p_mean = probs.mean(axis=0)  # (E,)
    return probs.dtype.type(n_experts) * (f * p_mean).sum(dtype=probs.dtype)
