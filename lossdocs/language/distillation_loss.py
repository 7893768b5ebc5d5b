"""Knowledge distillation: the temperature-softened KL between teacher and student, times T^2."""

from __future__ import annotations

import numpy as np

from .._reduction import check_reduction, reduce
from .._validation import as_floats, check_bool, check_real, check_same_shape
from ..activations import log_softmax
from ._logit_rows import logit_rows

__all__ = ["distillation_loss"]


def distillation_loss(
    student_logits, teacher_logits, *, temperature=1.0, reverse=False, reduction="mean"
):
    r"""Compute the knowledge-distillation loss between student and teacher logits.

    The student learns the teacher's whole output distribution, softened by a
    temperature :math:`T` so that the small probabilities (which wrong
    classes the teacher finds plausible) carry signal. The :math:`T^2` factor
    keeps the gradient's scale independent of :math:`T`. With
    ``reverse=True`` it is the reverse KL, the mode-seeking direction used in
    on-policy distillation of language models.

    .. math::

        \begin{aligned}
        \ell &= T^2 \, D_{\mathrm{KL}}(p \,\|\, q) = T^2 \sum_c p_c \log \frac{p_c}{q_c}
        \ \text{(forward)}, \qquad
        \ell = T^2 \, D_{\mathrm{KL}}(q \,\|\, p) \ \text{(reverse)}, \\
        p &= \operatorname{softmax}(v / T), \qquad q = \operatorname{softmax}(z / T)
        \end{aligned}

    Here :math:`z` is `student_logits`, :math:`v` is `teacher_logits`, one
    row per sample (or per token), and :math:`T` is `temperature`. The
    gradient of the forward loss with respect to :math:`z_c` is
    :math:`T (q_c - p_c)`.

    Parameters
    ----------
    student_logits : array_like, shape (N, C)
        The student's unnormalised scores :math:`z`.
    teacher_logits : array_like, shape (N, C)
        The teacher's scores :math:`v` (held fixed in training).
    temperature : float, default 1.0
        :math:`T > 0`; Hinton et al. used values from 1 to 20.
    reverse : bool, default False
        False: :math:`D_{\mathrm{KL}}(p \| q)` (teacher first, mean-seeking);
        True: :math:`D_{\mathrm{KL}}(q \| p)` (student first, mode-seeking).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' averages over the N rows (PyTorch's ``"batchmean"``); 'none'
        returns the (N,) per-row losses.

    Returns
    -------
    ndarray or float
        The loss, :math:`\ge 0`, 0 when the two rows give one distribution.

    Raises
    ------
    ValueError
        If an input is not (N, C) with C >= 1, the shapes differ,
        `temperature` is not > 0, `reduction` is unknown, or 'mean' is taken
        over no row.
    TypeError
        If an input is not real, `temperature` is not a real number or
        `reverse` is not a bool.

    See Also
    --------
    kl_divergence : The divergence, on probabilities.
    cross_entropy : The hard-label loss it is usually mixed with.

    Notes
    -----
    PyTorch: ``torch.nn.functional.kl_div``.

    The forward loss on (N, C) rows is ``kl_div(log_softmax(z / T),
    softmax(v / T), reduction="batchmean") * T**2``; the reverse form swaps
    the roles, ``kl_div(log_softmax(v / T), softmax(z / T),
    reduction="batchmean") * T**2``. On (B, L, V) logits ``"batchmean"``
    divides by B, not by the B L tokens: reshape to (B L, V) first, as this
    function requires, and leave out the padded tokens
    (:ref:`errata-kd-batchmean`). Without :math:`T^2` a change of temperature
    silently re-weights the distillation term against the hard-label term
    (:doc:`/language/distillation`). PyTorch's default ``reduction="mean"``
    divides by N C elements (it warns): C times too small.

    Both log-softmaxes are max-shifted and the KL is taken between them
    (never ``log(softmax)``), so logits up to :math:`10^4` in magnitude give
    finite values in float32 and float64. A class masked (-inf logit) in the
    first distribution contributes 0; one masked in the second only gives
    ``inf``. Rounding can make the sum a few ulps negative when the
    distributions coincide; the result is clipped at 0 (``kl_div`` returns
    the raw sum). NaN propagates.

    References
    ----------
    .. [1] G. Hinton, O. Vinyals and J. Dean, "Distilling the Knowledge in a
       Neural Network", NIPS Deep Learning Workshop, 2015.
    .. [2] Y. Gu, L. Dong, F. Wei and M. Huang, "MiniLLM: Knowledge
       Distillation of Large Language Models", ICLR, 2024.
    .. [3] R. Agarwal et al., "On-Policy Distillation of Language Models:
       Learning from Self-Generated Mistakes" (GKD), ICLR, 2024.

    Examples
    --------
    >>> from lossdocs import distillation_loss
    >>> teacher = np.array([[4.0, 1.0, 0.0]])
    >>> student = np.array([[2.0, 2.0, 0.0]])
    >>> print(distillation_loss(student, teacher))
    0.5186...
    >>> print(distillation_loss(student, teacher, temperature=4.0))
    0.8904...
    >>> print(distillation_loss(student, teacher, reverse=True))
    0.8389...
    >>> print(distillation_loss(teacher, teacher, temperature=2.0))
    0.0
    """
    check_reduction(reduction)
    t = check_real(temperature, "temperature", low=0, low_open=True)
    reverse = check_bool(reverse, "reverse")
    # One dtype for both, by the package's rule (a float32 array keeps a list beside it float32).
    student, teacher = as_floats(student_logits=student_logits, teacher_logits=teacher_logits)
    student = logit_rows(student, "student_logits")
    teacher = logit_rows(teacher, "teacher_logits")
    check_same_shape(student, teacher, "student_logits", "teacher_logits")
    dtype = np.result_type(student, teacher)
    student, teacher = student.astype(dtype, copy=False), teacher.astype(dtype, copy=False)
    if reduction == "mean" and student.shape[0] == 0:
        raise ValueError("student_logits has no rows: the mean over zero rows is undefined")
    dt = dtype.type
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):  # inf or NaN: NaN, quietly
        return _soft_kl(student, teacher, dt(t), reverse, reduction)


def _soft_kl(student, teacher, t, reverse, reduction):
    log_q = log_softmax(student / t, axis=1)
    log_p = log_softmax(teacher / t, axis=1)
    if reverse:
        log_p, log_q = log_q, log_p
    # sum p (log p - log q) with the limits written out, since exp(log p) can underflow to 0:
    # a class masked in p (log p = -inf) adds 0; one masked in q only adds +inf, even
    # where p underflowed (p > 0 in exact arithmetic), which 0 * inf would turn into nan.
    terms = np.exp(log_p) * (log_p - log_q)
    terms = np.where(log_q == -np.inf, np.inf, terms)
    kl = np.where(log_p == -np.inf, 0, terms).sum(axis=1)
    return reduce(np.maximum(kl, 0) * (t * t), reduction)
