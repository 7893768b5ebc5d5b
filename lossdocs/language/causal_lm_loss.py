"""The next-token (causal language-model) cross-entropy, shifted by one inside."""

from __future__ import annotations

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import check_class_rows, check_int
from ..classification import cross_entropy

__all__ = ["causal_lm_loss"]


def causal_lm_loss(logits, labels, *, ignore_index=-100, reduction="mean"):
    r"""Compute the next-token cross-entropy of a causal language model.

    The loss that pre-trains and fine-tunes GPT-style models: the logits at
    position :math:`t` score the token at :math:`t + 1`. `labels` are the
    input token ids themselves (the shift happens inside), with prompt and
    padding positions set to `ignore_index`.

    .. math::

        \ell_{b,t} = -\log \operatorname{softmax}(z_{b,t})_{y_{b,t+1}},
        \qquad t = 1, \dots, T - 1,
        \qquad
        \text{mean} = \frac{\sum_{(b,t) \in S} \ell_{b,t}}{|S|}

    Here :math:`z` is `logits`, :math:`y` is `labels`, and :math:`S` the
    scored positions, those whose next label is not `ignore_index`
    (:math:`\ell_{b,t} = 0` elsewhere). The mean is over the scored tokens of
    the whole batch, not a mean of per-sequence means.

    Parameters
    ----------
    logits : array_like, shape (B, T, V)
        Unnormalised scores over a vocabulary of V tokens at each of T positions.
    labels : array_like of int, shape (B, T)
        Token ids in [0, V), or `ignore_index` for positions not to be scored.
        ``labels[:, 0]`` is never scored (no position predicts it).
    ignore_index : int, default -100
        The label that marks a position as not scored (Hugging Face's and
        PyTorch's -100).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the (B, T - 1) per-position losses, 0 at ignored
        positions.

    Returns
    -------
    ndarray or float
        The loss, :math:`\ge 0`; 'mean' is nan if every position is ignored.

    Raises
    ------
    ValueError
        If `logits` is not 3-D with V >= 1, `labels` is not (B, T), a label is
        outside [0, V) and not `ignore_index`, `reduction` is unknown, or
        'mean' is asked of a batch with no position to score (B = 0 or T < 2).
    TypeError
        If `logits` is not real, `labels` are not integers, or `ignore_index`
        is not an integer.

    See Also
    --------
    perplexity : ``exp`` of this mean.
    z_loss : The auxiliary :math:`\log^2 Z` term PaLM adds to it.
    cross_entropy : The same loss once the shift is made.

    Notes
    -----
    PyTorch: ``torch.nn.functional.cross_entropy``.

    On the shifted tokens: ``cross_entropy(logits[:, :-1].reshape(-1, V),
    labels[:, 1:].reshape(-1), ignore_index=-100)`` gives the same values for
    every reduction; Hugging Face transformers' ``ForCausalLMLoss`` (which pads
    the labels with -100 on the right and shifts them) gives the same mean.

    'mean' divides by the number of scored tokens in *this* call. Under
    gradient accumulation or data parallelism the mean of per-micro-batch
    means weights the tokens of short micro-batches more; sum with
    ``reduction="sum"`` and divide by the total number of scored tokens
    instead (what transformers' ``num_items_in_batch`` does). The page
    :doc:`/language/next-token-loss` shows the error with numbers.

    Computed through :func:`cross_entropy` (a max-shifted log-softmax), so
    logits up to :math:`10^4` in magnitude give finite, accurate losses in
    float32 and float64. NaN in a position's logits propagates to that
    position. If every position is ignored, 'mean' is 0/0 = nan, returned
    quietly as PyTorch does; an empty batch under 'mean' raises (PyTorch
    returns nan).

    References
    ----------
    .. [1] A. Radford, K. Narasimhan, T. Salimans and I. Sutskever, "Improving
       Language Understanding by Generative Pre-Training", OpenAI, 2018.
    .. [2] Y. Bengio, R. Ducharme, P. Vincent and C. Jauvin, "A Neural
       Probabilistic Language Model", JMLR, 2003.

    Examples
    --------
    Two sequences of four tokens over a vocabulary of three, with uniform
    logits: every scored token costs :math:`\log 3`.

    >>> from lossdocs import causal_lm_loss
    >>> logits = np.zeros((2, 4, 3))
    >>> labels = np.array([[0, 1, 2, 1], [2, 0, -100, -100]])  # row 2 is padded
    >>> print(causal_lm_loss(logits, labels, reduction="none"))
    [[1.0986 1.0986 1.0986]
     [1.0986 0.     0.    ]]
    >>> print(causal_lm_loss(logits, labels), np.log(3))
    1.0986... 1.0986...

    A confident, correct model: position t puts logit 10 on token t + 1.

    >>> confident = np.zeros((1, 4, 3))
    >>> confident[0, [0, 1, 2], labels[0, 1:]] = 10.0  # the last position scores nothing
    >>> print(causal_lm_loss(confident, labels[:1]))
    9.0795...e-05
    """
    check_reduction(reduction)
    ignore_index = check_int(ignore_index, "ignore_index")
    logits, labels, _ = check_class_rows(
        logits,
        labels,
        scores_name="logits",
        labels_name="labels",
        dims=("B", "T", "V"),
        ignore_index=ignore_index,
        item="token id",
        classes="tokens",
    )
    vocab = logits.shape[2]
    batch, length = labels.shape
    scored = max(length - 1, 0)
    check_nonempty_mean(batch * scored, reduction, "logits (B * (T - 1) positions)")
    # The shift: position t's scores against the label at t + 1.
    flat_logits = logits[:, :scored].reshape(batch * scored, vocab)
    flat_labels = labels[:, 1:].reshape(batch * scored)
    loss = cross_entropy(flat_logits, flat_labels, ignore_index=ignore_index, reduction=reduction)
    return loss.reshape(batch, scored) if reduction == "none" else loss
