"""Perplexity: the exponential of the mean next-token loss."""

from __future__ import annotations

import numpy as np

from .causal_lm_loss import causal_lm_loss

__all__ = ["perplexity"]


def perplexity(logits, labels, *, ignore_index=-100):
    r"""Compute the perplexity of a causal language model on a batch of token ids.

    The exponential of the mean next-token cross-entropy: the size of a
    uniform vocabulary the model is, on average, as uncertain as. A model
    that spreads its probability evenly over V tokens has perplexity V;
    a perfect model has 1.

    .. math::

        \operatorname{PPL} = \exp\!\Big(\frac{1}{|S|} \sum_{(b,t) \in S}
        -\log \operatorname{softmax}(z_{b,t})_{y_{b,t+1}}\Big)

    with :math:`S` the scored positions of :func:`causal_lm_loss`.

    Parameters
    ----------
    logits : array_like, shape (B, T, V)
        Unnormalised scores, as for :func:`causal_lm_loss`.
    labels : array_like of int, shape (B, T)
        Token ids, or `ignore_index` at positions not to be scored.
    ignore_index : int, default -100
        The label of positions left out.

    Returns
    -------
    float
        :math:`\operatorname{PPL} \in [1, \infty]`, a NumPy scalar of the
        floating dtype of `logits`; ``inf`` (without a warning) when the mean
        loss overflows the exponential, nan if every position is ignored.

    Raises
    ------
    ValueError, TypeError
        For the inputs :func:`causal_lm_loss` refuses, including a batch
        with no position to score.

    See Also
    --------
    causal_lm_loss : The mean loss whose exponential this is.

    Notes
    -----
    PyTorch: none.

    In PyTorch, ``torch.exp`` of the shifted cross-entropy that
    :func:`causal_lm_loss` names.

    It is the exponential of the mean over *all* scored tokens of the batch,
    not the mean of per-sequence perplexities (which is larger, by Jensen's
    inequality, whenever the sequences differ). Perplexities are comparable
    only with the same tokenizer: a model that splits text into more tokens
    has an easier job per token. In base 2, :math:`\log_2 \operatorname{PPL}`
    is the cross-entropy in bits per token.

    References
    ----------
    .. [1] F. Jelinek, R. L. Mercer, L. R. Bahl and J. K. Baker, "Perplexity, a
       measure of the difficulty of speech recognition tasks", JASA, 1977.
    .. [2] D. Jurafsky and J. H. Martin, *Speech and Language Processing*,
       3rd ed. draft, 2024, chapter 3.

    Examples
    --------
    A uniform model over 50 tokens has perplexity 50:

    >>> from lossdocs import perplexity
    >>> labels = np.array([[3, 14, 15, 9, 26]])
    >>> print(f"{perplexity(np.zeros((1, 5, 50)), labels):.6f}")
    50.000000
    >>> logits = np.zeros((1, 5, 50))
    >>> logits[0, np.arange(4), labels[0, 1:]] = np.log(49.0)  # p(next) = 1/2
    >>> print(f"{perplexity(logits, labels):.6f}")
    2.000000
    """
    loss = causal_lm_loss(logits, labels, ignore_index=ignore_index, reduction="mean")
    with np.errstate(over="ignore"):  # a mean loss above ~709 nats: PPL is inf, say so quietly
        return np.exp(loss)
