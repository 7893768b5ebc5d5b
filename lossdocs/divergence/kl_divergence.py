"""``kl_divergence`` and ``kl_divergence_grad``."""

from __future__ import annotations

import numpy as np

from ._rows import _distributions, _kl_terms

__all__ = ["kl_divergence", "kl_divergence_grad"]


def kl_divergence(p, q, *, axis=-1):
    r"""Compute the Kullback-Leibler divergence :math:`D_{\mathrm{KL}}(P \,\|\, Q)` per row.

    How many extra nats it costs, on average, to code samples of the data
    distribution `p` with a model `q`; minimising it over `q` is maximum
    likelihood, and cross-entropy differs from it by the constant :math:`H(P)`.

    .. math::

        D_{\mathrm{KL}}(P \,\|\, Q) = \sum_{x} P(x) \log \frac{P(x)}{Q(x)},
        \qquad 0 \log \tfrac{0}{q} = 0, \quad p \log \tfrac{p}{0} = +\infty \ (p > 0)

    Parameters
    ----------
    p : array_like
        :math:`P`, by convention the data (true) distribution: non-negative,
        each row along `axis` summing to 1.
    q : array_like
        :math:`Q`, the model's approximation; the shape and constraints of `p`.
    axis : int, default -1
        The outcomes axis.

    Returns
    -------
    ndarray or float
        One value per row, in :math:`[0, +\infty]`: 0 for equal rows, ``inf``
        when `q` is 0 where `p` is not.

    Raises
    ------
    ValueError
        If the shapes differ, an entry is negative (the message names `p` or
        `q`), a row does not sum to 1 (to within the square root of its dtype's
        machine epsilon), or an input is 0-d or empty along `axis`.
    TypeError
        If an input does not hold real numbers or `axis` is not an integer.

    See Also
    --------
    entropy : :math:`H(P)`; ``cross-entropy = entropy + kl_divergence``.
    js_divergence : Symmetric, bounded by :math:`\log 2`, finite where KL is inf.
    gaussian_kl : The closed form for two univariate normals.
    kl_divergence_grad : Its gradient with respect to `q`.

    Notes
    -----
    PyTorch: ``torch.nn.functional.kl_div``.

    The arguments follow the formula: P (the data) first, Q (the model)
    second (:ref:`errata-kl-roles`). ``torch.nn.functional.kl_div`` takes the
    *log* of Q first; the mapping, its reductions and its NaN where p = q = 0
    (0 here): :ref:`edge-kl-torch`. A row that does not sum to 1 raises.

    KL is not symmetric and not a metric (no triangle inequality). Minimising
    the forward :math:`D_{\mathrm{KL}}(P \| Q)` over Q is *mode covering* (Q
    must be positive wherever P is); the reverse :math:`D_{\mathrm{KL}}(Q \|
    P)` is *mode seeking* (Q may sit on one mode) [3]_. KL is invariant under
    one invertible change of variables applied to *both* densities
    (:ref:`errata 12 <errata-kl-invariance>`), and it is :math:`\ge 0` with equality iff
    P = Q (Gibbs' inequality).

    Computed as :math:`\sum [p \log(p/q) - p + q]` (the generalised KL, or
    I-divergence), whose terms are each :math:`\ge 0`, so the result is never
    negative and the KL of nearly equal distributions is accurate relative to
    this form; :math:`\log(p/q)` is taken as ``log1p((p - q) / q)`` where p and
    q are close. For rows that sum to exactly 1 it equals
    :math:`\sum p \log(p/q)`; for floating-point rows it differs by
    :math:`\sum q - \sum p`, a few ulps for normalised rows and up to the
    accepted tolerance of the row sums otherwise (PyTorch's ``kl_div`` returns
    the plain sum, which can come out slightly negative). No warning for zeros;
    NaN propagates.

    References
    ----------
    .. [1] S. Kullback and R. A. Leibler, "On Information and Sufficiency",
       Annals of Mathematical Statistics, 1951.
    .. [2] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, section 2.3.
    .. [3] I. Goodfellow, Y. Bengio and A. Courville, *Deep Learning*, MIT
       Press, 2016, section 3.13, figure 3.6.

    Examples
    --------
    >>> from lossdocs import cross_entropy, entropy, kl_divergence
    >>> p = np.array([[0.5, 0.5], [0.25, 0.75], [1.0, 0.0]])
    >>> q = np.array([[0.25, 0.75], [0.5, 0.5], [0.5, 0.5]])
    >>> print(kl_divergence(p, q), kl_divergence(q, p))
    [0.1438 0.1308 0.6931] [0.1308 0.1438    inf]
    >>> print(cross_entropy(np.log(q), p, reduction="none"))  # H(p, q)
    [0.837  0.6931 0.6931]
    >>> print(entropy(p) + kl_divergence(p, q))
    [0.837  0.6931 0.6931]
    """
    p, q, axis = _distributions(axis, p=p, q=q)
    return _kl_terms(p, q).sum(axis=axis)


def kl_divergence_grad(p, q, *, axis=-1):
    r"""Compute the gradient of the summed :func:`kl_divergence` with respect to `q`.

    .. math::

        \frac{\partial}{\partial Q(x)} \sum_{\text{rows}} D_{\mathrm{KL}}(P \,\|\, Q)
        = -\frac{P(x)}{Q(x)}

    Parameters
    ----------
    p, q : array_like
        P and Q as in :func:`kl_divergence` (P first), one shape.
    axis : int, default -1
        The axis along which each row is a distribution.

    Returns
    -------
    ndarray
        The gradient, the shape of `q`: 0 where P = 0, ``-inf`` where Q = 0 < P.

    Raises
    ------
    ValueError, TypeError
        For the inputs that :func:`kl_divergence` refuses.

    See Also
    --------
    kl_divergence : The divergence.

    Notes
    -----
    PyTorch: none.

    These are the partial derivatives of :math:`\sum p \log(p/q)` with each
    :math:`q_x` free, what autograd gives through
    ``torch.nn.functional.kl_div(q.log(), p, reduction="sum")``. Since each
    row of Q is constrained to sum to 1, only the part along the simplex
    (directions summing to 0) matters: adding a constant per row gives an
    equally valid gradient. With Q = softmax(z), the chain rule turns it into
    :math:`\partial / \partial z = Q - P`, the gradient of cross-entropy.

    Examples
    --------
    >>> from lossdocs import kl_divergence_grad
    >>> print(kl_divergence_grad([[0.5, 0.5], [1.0, 0.0]], [[0.25, 0.75], [0.5, 0.5]]))
    [[-2.     -0.6667]
     [-2.      0.    ]]
    """
    p, q, _ = _distributions(axis, p=p, q=q)
    # over: p / q > max float, -inf is the rounded value; divide and invalid: q = 0, whose
    # entries the two repairs below overwrite (in the order of precedence: p = 0 last).
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        grad = np.divide(p, q)
    np.negative(grad, out=grad)
    np.copyto(grad, -np.inf, where=q == 0)
    np.copyto(grad, 0, where=p == 0)  # +0, also where p / q gave -0
    return grad
