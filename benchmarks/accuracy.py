"""Accuracy: lossdocs and PyTorch float64 against a 60-digit mpmath reference.

The grid is adversarial: logits from -1e4 to 1e4 through the points where
``exp`` overflows (709.78) or underflows (-745.13) and where ``1 + exp(-z)``
rounds to 1 (z ~ 37), tiny logits (1e-8), probabilities 0, 1e-300, 1 - 1e-16
and 1, soft targets. Every value is computed per element (``reduction="none"``,
gradients of the sum) and compared with the exact value of the same float
inputs. ``max_rel_err`` is taken over the points whose exact value is a normal
float64; ``nonfinite`` counts points where the exact value is finite (normal,
subnormal or 0) and the result is inf or NaN.
"""

from __future__ import annotations

import itertools

import mpmath as mp
import numpy as np
import torch
import torch.nn.functional as F

import lossdocs as ld

mp.mp.dps = 60
TINY, HUGE = np.finfo(np.float64).tiny, np.finfo(np.float64).max
_Z = [0.0, 1e-8, 1e-3, 0.5, 1.0, 5.0, 20.0, 37.0, 40.0, 100.0, 500.0, 709.0, 710.0, 745.0, 800.0]
Z = np.array(sorted({s * z for z in [*_Z, 1e3, 1e4] for s in (-1.0, 1.0)}))
P = np.array([0.0, 1e-300, 1e-100, 1e-16, 1e-8, 0.1, 0.5, 0.9, 1 - 1e-8, 1 - 1e-16, 1.0])
T = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
PM1 = np.array([-1.0, 1.0])
ROWS = np.array(list(itertools.product(Z, Z)))  # every pair of logits as a 2-class row
# Two-outcome distributions whose complements 1 - a are exact (a a multiple of 2**-53),
# so each row sums to exactly 1; near-equal pairs test the cancellation in KL.
_A = [0, 2**-53, 2**-40, 2**-20, 0.125, 0.25, 0.25 + 2**-40, 0.25 + 2**-20, 0.5, 0.5 + 2**-45]
DIST = np.array([[a, 1 - a] for a in [*_A, 0.75, 1 - 2**-20, 1.0]])
BCE_EPS = float(np.float32(1e-12))  # PyTorch's clamp of p(1 - p) in the backward (a float)


def _each(fn, *arrays):
    """``fn`` applied to each tuple of corresponding entries (rows) of the arrays."""
    return [fn(*a) for a in zip(*arrays, strict=True)]


def _grid(*axes):
    return [a.ravel() for a in np.meshgrid(*axes, indexing="ij")]


# ---------------------------------------------------------------- exact values (mpmath)
def _m(x):
    return mp.mpf(float(x))


def sig(z):
    return 1 / (1 + mp.exp(-z))


def softplus(x):
    return mp.log1p(mp.exp(x))


def _lse_parts(row):
    """(m, s): the row's max and the sum of exp(x - m) over the other entries."""
    row = [_m(x) for x in row]
    top = max(range(len(row)), key=lambda j: row[j])
    m = row[top]
    return row, m, mp.fsum(mp.exp(x - m) for j, x in enumerate(row) if j != top)


def ref_logsumexp(row):
    _, m, s = _lse_parts(row)
    return [m + mp.log1p(s)]


def ref_log_softmax(row):
    row, m, s = _lse_parts(row)
    return [(x - m) - mp.log1p(s) for x in row]


def ref_softmax(row):
    return [mp.exp(v) for v in ref_log_softmax(row)]


def ref_cross_entropy(row):
    return [-ref_log_softmax(row)[0]]


def ref_cross_entropy_grad(row):
    p = ref_softmax(row)
    return [-mp.fsum(p[1:]), *p[1:]]


def ref_softmax_focal(row, gamma=2):
    lp = ref_log_softmax(row)[0]
    return [(-mp.expm1(lp)) ** gamma * -lp]


def ref_bce(p, t):
    p, t = _m(p), _m(t)
    return -(t * max(mp.log(p), -100) + (1 - t) * max(mp.log1p(-p), -100))


def ref_bce_grad(p, t):
    p, t = _m(p), _m(t)
    return (p - t) / max(p * (1 - p), _m(BCE_EPS))


def ref_bce_logits(z, t):
    z, t = _m(z), _m(t)
    return t * softplus(-z) + (1 - t) * softplus(z)


def ref_bce_logits_grad(z, t):
    z, t = _m(z), _m(t)
    return (1 - t) * sig(z) - t * sig(-z)


def _focal_parts(z, t, alpha):
    z, t = _m(z), _m(t)
    q = t * sig(-z) + (1 - t) * sig(z)  # 1 - p_t, without cancellation
    return z, t, q, alpha * t + (1 - alpha) * (1 - t), ref_bce_logits(z, t)


def ref_focal(z, t, alpha=0.25, gamma=2):
    _, _, q, a_t, ce = _focal_parts(z, t, alpha)
    return a_t * q**gamma * ce


def ref_focal_grad(z, t, alpha=0.25, gamma=2):
    z, t, q, a_t, ce = _focal_parts(z, t, alpha)
    dq = (1 - 2 * t) * sig(z) * sig(-z)
    dce = (1 - t) * sig(z) - t * sig(-z)
    return a_t * (gamma * q ** (gamma - 1) * dq * ce + q**gamma * dce)


def ref_kl(p, q):
    """D_KL(p || q) = sum of p log(p / q), with 0 log 0 = 0."""
    return [mp.fsum(_each(lambda a, b: _m(a) * (mp.log(_m(a)) - mp.log(_m(b))) if a else 0, p, q))]


# ---------------------------------------------------------------- the comparisons
def _t(x, grad=False):
    return torch.from_numpy(np.array(x, dtype=np.float64)).requires_grad_(grad)


def _tgrad(fn, x, *rest):
    xt = _t(x, True)
    (g,) = torch.autograd.grad(fn(xt, *[_t(r) for r in rest]).sum(), xt)
    return g


def _tv_focal(z, t, alpha=0.25, gamma=2.0):  # torchvision/ops/focal_loss.py, reduction 'none'
    p = torch.sigmoid(z)
    ce = F.binary_cross_entropy_with_logits(z, t, reduction="none")
    p_t = p * t + (1 - p) * (1 - t)
    return (alpha * t + (1 - alpha) * (1 - t)) * ce * ((1 - p_t) ** gamma)


def _t_softmax_focal(x, gamma=2.0):
    log_pt = F.log_softmax(x, dim=1)[:, 0]
    return -((-torch.expm1(log_pt)) ** gamma) * log_pt


N = {"reduction": "none"}
S = {"reduction": "sum"}
zt, tt_ = _grid(Z, T)
pp, pt = _grid(P, T)
ys, yy = _grid(Z, PM1)
ROW0 = np.zeros(len(ROWS), int)
KL_P, KL_Q = (DIST[i] for i in np.array(list(itertools.product(range(len(DIST)), repeat=2))).T)

# name, lossdocs result, torch float64 result, exact values (flat), inputs per point
CHECKS = [
    ("sigmoid", lambda: ld.sigmoid(Z), lambda: torch.sigmoid(_t(Z)),
     lambda: [sig(_m(z)) for z in Z], (Z,)),
    ("log_sigmoid", lambda: ld.log_sigmoid(Z), lambda: F.logsigmoid(_t(Z)),
     lambda: [-softplus(-_m(z)) for z in Z], (Z,)),
    ("logsumexp", lambda: ld.logsumexp(ROWS), lambda: torch.logsumexp(_t(ROWS), 1),
     lambda: [v for r in ROWS for v in ref_logsumexp(r)], (ROWS,)),
    ("log_softmax", lambda: ld.log_softmax(ROWS), lambda: F.log_softmax(_t(ROWS), 1),
     lambda: [v for r in ROWS for v in ref_log_softmax(r)], (ROWS,)),
    ("softmax", lambda: ld.softmax(ROWS), lambda: torch.softmax(_t(ROWS), 1),
     lambda: [v for r in ROWS for v in ref_softmax(r)], (ROWS,)),
    ("cross_entropy", lambda: ld.cross_entropy(ROWS, ROW0, **N),
     lambda: F.cross_entropy(_t(ROWS), torch.from_numpy(ROW0), **N),
     lambda: [v for r in ROWS for v in ref_cross_entropy(r)], (ROWS,)),
    ("cross_entropy_grad", lambda: ld.cross_entropy_grad(ROWS, ROW0, **S),
     lambda: _tgrad(lambda x: F.cross_entropy(x, torch.from_numpy(ROW0), **N), ROWS),
     lambda: [v for r in ROWS for v in ref_cross_entropy_grad(r)], (ROWS,)),
    ("softmax_focal_loss", lambda: ld.softmax_focal_loss(ROWS, ROW0, **N),
     lambda: _t_softmax_focal(_t(ROWS)),
     lambda: [v for r in ROWS for v in ref_softmax_focal(r)], (ROWS,)),
    ("binary_cross_entropy", lambda: ld.binary_cross_entropy(pp, pt, **N),
     lambda: F.binary_cross_entropy(_t(pp), _t(pt), **N),
     lambda: _each(ref_bce, pp, pt), (pp, pt)),
    ("binary_cross_entropy_grad", lambda: ld.binary_cross_entropy_grad(pp, pt, **S),
     lambda: _tgrad(lambda x, t: F.binary_cross_entropy(x, t, **N), pp, pt),
     lambda: _each(ref_bce_grad, pp, pt), (pp, pt)),
    ("binary_cross_entropy_with_logits",
     lambda: ld.binary_cross_entropy_with_logits(zt, tt_, **N),
     lambda: F.binary_cross_entropy_with_logits(_t(zt), _t(tt_), **N),
     lambda: _each(ref_bce_logits, zt, tt_), (zt, tt_)),
    ("binary_cross_entropy_with_logits_grad",
     lambda: ld.binary_cross_entropy_with_logits_grad(zt, tt_, **S),
     lambda: _tgrad(lambda x, t: F.binary_cross_entropy_with_logits(x, t, **N), zt, tt_),
     lambda: _each(ref_bce_logits_grad, zt, tt_), (zt, tt_)),
    ("focal_loss", lambda: ld.focal_loss(zt, tt_, **N), lambda: _tv_focal(_t(zt), _t(tt_)),
     lambda: _each(ref_focal, zt, tt_), (zt, tt_)),
    ("focal_loss_grad", lambda: ld.focal_loss_grad(zt, tt_, **S),
     lambda: _tgrad(_tv_focal, zt, tt_),
     lambda: _each(ref_focal_grad, zt, tt_), (zt, tt_)),
    ("logistic", lambda: ld.logistic(ys, yy, **N),
     lambda: F.soft_margin_loss(_t(ys), _t(yy), **N),
     lambda: _each(lambda s, y: softplus(-_m(s) * _m(y)), ys, yy), (ys, yy)),
    ("logistic_grad", lambda: ld.logistic_grad(ys, yy, **S),
     lambda: _tgrad(lambda x, y: F.soft_margin_loss(x, y, **N), ys, yy),
     lambda: _each(lambda s, y: -_m(y) * sig(-_m(s) * _m(y)), ys, yy), (ys, yy)),
    ("exponential", lambda: ld.exponential(ys, yy, **N), lambda: torch.exp(-_t(yy) * _t(ys)),
     lambda: _each(lambda s, y: mp.exp(-_m(s) * _m(y)), ys, yy), (ys, yy)),
    ("kl_divergence", lambda: ld.kl_divergence(KL_P, KL_Q),
     lambda: F.kl_div(_t(KL_Q).log(), _t(KL_P), **N).sum(-1),
     lambda: [v for r in _each(ref_kl, KL_P, KL_Q) for v in r], (KL_P, KL_Q)),
]  # fmt: skip


def _point(inputs, i, per_point):
    """The input behind flat result ``i``, as text."""
    parts = []
    for x in inputs:
        x = np.asarray(x)
        row = x[i // per_point] if x.ndim == 2 else x[i]
        parts.append(np.array2string(np.asarray(row), precision=17, separator=", "))
    return " ".join(parts)


def score(got, exact, inputs):
    """(max relative error over normal exact values, its input, count of non-finite)."""
    got = np.asarray(got, dtype=np.float64).ravel()
    per_point = len(got) // len(np.asarray(inputs[0]))
    worst, where, nonfinite = 0.0, "", 0
    for i, (c, e) in enumerate(zip(got, exact, strict=True)):
        finite_exact = abs(e) <= HUGE
        if finite_exact and not np.isfinite(c):
            nonfinite += 1
        if not (TINY <= abs(e) <= HUGE):
            continue
        err = float(abs((_m(c) - e) / e)) if np.isfinite(c) else float("inf")
        if err > worst:
            worst, where = err, _point(inputs, i, per_point)
    return worst, where, nonfinite


def run_accuracy():
    """One row per check: lossdocs and torch float64 scores on the same points."""
    rows = []
    for name, ours, theirs, exact_fn, inputs in CHECKS:
        exact = exact_fn()
        with np.errstate(all="ignore"):
            got = ours()
        their = theirs().detach().numpy()
        normal = sum(TINY <= abs(e) <= HUGE for e in exact)
        row = {"name": name, "points": len(exact), "normal": normal}
        for who, vals in (("lossdocs", got), ("torch", their)):
            err, where, bad = score(vals, exact, inputs)
            row |= {f"{who}_max_rel_err": err, f"{who}_worst_at": where, f"{who}_nonfinite": bad}
        rows.append(row)
    return rows
