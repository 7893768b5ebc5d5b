"""Accuracy at extreme logits: lossdocs against a 60-digit mpmath evaluation of each definition.

Where the exact value is a normal float, the relative error must be <= 1e-12 in float64
and <= 1e-5 in float32; where it is below the smallest normal, the result must be 0 or
within a few ulps of the correctly rounded subnormal (or within the relative bound, which
is looser just below the smallest normal). Never NaN, never inf. References
are computed from the definitions (the identities used, log sigma(x) = -log1p(e^-x),
1 - sigma(x) = sigma(-x) and the max-shift of log-sum-exp, are exact), never by lossdocs.
"""

import itertools

import mpmath as mp
import numpy as np
import pytest

import lossdocs

BIG = [1e4, 745.0, 710.0, 37.0, 20.0, 1.0, 1e-8]
GRID = [-x for x in BIG] + [0.0] + BIG[::-1]
RTOL = {np.float64: 1e-12, np.float32: 1e-5}
DTYPES = [np.float64, np.float32]
# Vectors built from the grid: every ordered pair (ties on the diagonal, one term
# dominating elsewhere), triples from a coarser set, ties of three, and the whole grid.
COARSE = [1e4, 745.0, 37.0, 0.0, -1e-8, -710.0, -1e4]
PAIRS = [list(r) for r in itertools.product(GRID, repeat=2)]
TRIPLES = [list(r) for r in itertools.product(COARSE, repeat=3)] + [[x] * 3 for x in GRID]


@pytest.fixture(autouse=True)
def _sixty_digits():
    with mp.workdps(60):
        yield


def _exact(x, dtype):
    """The exact value of ``x`` once rounded to ``dtype``, as an mpf."""
    return mp.mpf(float(dtype(x)))


def _log_sigmoid(x):
    return -mp.log1p(mp.exp(-x))


def _sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def _log_softmax(row):
    """log softmax of an mpf row: x_i - m - log1p(sum over j != argmax of e^(x_j - m))."""
    m = max(row)
    top = row.index(m)
    rest = mp.fsum(mp.exp(v - m) for j, v in enumerate(row) if j != top)
    return [v - m - mp.log1p(rest) for v in row], m + mp.log1p(rest)


def _bce(x, t):
    return -(t * _log_sigmoid(x) + (1 - t) * _log_sigmoid(-x))


def _check(ours, exact, inputs, dtype):
    """Assert the accuracy bound for every element; list every failure with its input."""
    ours = np.asarray(ours)
    assert ours.dtype == dtype, f"dtype {ours.dtype}, expected {np.dtype(dtype)}"
    info = np.finfo(dtype)
    failures = []
    for o, e, where in zip(ours.ravel().tolist(), exact, inputs, strict=True):
        if not np.isfinite(o):
            ok = False
        elif abs(e) >= info.tiny:  # a normal float: relative error
            ok = abs(o - e) <= RTOL[dtype] * abs(e)
        else:  # underflows: 0, or the subnormal within a few ulps (or the relative bound,
            # looser just below the smallest normal, where one ulp is ~1e-16 relative)
            slack = max(4 * mp.mpf(float(info.smallest_subnormal)), RTOL[dtype] * abs(e))
            ok = o == 0 or abs(o - e) <= slack
        if not ok:
            rel = mp.nstr(abs(o - e) / abs(e), 3) if e != 0 else "-"
            failures.append(f"{where}: exact {mp.nstr(e, 17)}, ours {o!r}, rel err {rel}")
    assert not failures, f"{len(failures)} of {len(exact)} out of bound:\n" + "\n".join(failures)


def _rows(rows, dtype):
    arr = np.array(rows, dtype=dtype)
    return arr, [[mp.mpf(float(v)) for v in r] for r in arr]


# --- activations -----------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(
    "name, ref", [("sigmoid", _sigmoid), ("log_sigmoid", _log_sigmoid)], ids=["sig", "logsig"]
)
def test_elementwise_activations(name, ref, dtype):
    x = np.array(GRID, dtype=dtype)
    exact = [ref(_exact(v, dtype)) for v in x]
    _check(getattr(lossdocs, name)(x), exact, [f"x={v}" for v in x], dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("rows", [PAIRS, TRIPLES, [GRID]], ids=["pairs", "triples", "grid"])
def test_logsumexp(rows, dtype):
    x, exact = _rows(rows, dtype)
    ref = [_log_softmax(r)[1] for r in exact]
    _check(lossdocs.logsumexp(x, axis=-1), ref, [f"x={r}" for r in x.tolist()], dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("rows", [PAIRS, TRIPLES, [GRID]], ids=["pairs", "triples", "grid"])
def test_log_softmax(rows, dtype):
    x, exact = _rows(rows, dtype)
    ref = [v for r in exact for v in _log_softmax(r)[0]]
    where = [f"x={r}, i={i}" for r in x.tolist() for i in range(len(r))]
    _check(lossdocs.log_softmax(x, axis=-1), ref, where, dtype)


# --- binary losses on logits -----------------------------------------------------------

TARGETS = [0.0, 1.0, 0.3]
XT = list(itertools.product(GRID, TARGETS))


def _focal(x, t, alpha, gamma):
    # torchvision: ce * (1 - p_t)^gamma * alpha_t, p_t = p t + (1 - p)(1 - t); here
    # 1 - p_t = (1 - p) t + p (1 - t), with 1 - p = sigma(-x): no cancellation.
    one_minus_pt = _sigmoid(-x) * t + _sigmoid(x) * (1 - t)
    loss = _bce(x, t) * one_minus_pt ** mp.mpf(gamma)
    if alpha is not None and alpha >= 0:
        loss *= mp.mpf(alpha) * t + (1 - mp.mpf(alpha)) * (1 - t)
    return loss


def _logits_targets(dtype):
    x = np.array([a for a, _ in XT], dtype=dtype)
    t = np.array([b for _, b in XT], dtype=dtype)
    pairs = [(mp.mpf(float(a)), mp.mpf(float(b))) for a, b in zip(x, t, strict=True)]
    where = [f"logit={a}, target={b}" for a, b in zip(x.tolist(), t.tolist(), strict=True)]
    return x, t, pairs, where


@pytest.mark.parametrize("dtype", DTYPES)
def test_binary_cross_entropy_with_logits(dtype):
    bce = lossdocs.binary_cross_entropy_with_logits
    x, t, pairs, where = _logits_targets(dtype)
    _check(bce(x, t, reduction="none"), [_bce(a, b) for a, b in pairs], where, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("alpha, gamma", [(0.25, 2.0), (-1.0, 0.5), (0.25, 0.0)])
def test_focal_loss(alpha, gamma, dtype):
    focal = lossdocs.focal_loss
    x, t, pairs, where = _logits_targets(dtype)
    ours = focal(x, t, alpha=alpha, gamma=gamma, reduction="none")
    _check(ours, [_focal(a, b, alpha, gamma) for a, b in pairs], where, dtype)


# --- cross-entropy ---------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("rows", [PAIRS, TRIPLES], ids=["pairs", "triples"])
def test_cross_entropy_class_indices(rows, dtype):
    ce = lossdocs.cross_entropy
    x, exact = _rows(rows, dtype)
    for k in range(x.shape[1]):  # every class as the target, in turn
        ref = [-_log_softmax(r)[0][k] for r in exact]
        target = np.full(len(x), k)
        where = [f"logits={r}, target={k}" for r in x.tolist()]
        _check(ce(x, target, reduction="none"), ref, where, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_cross_entropy_soft_targets_and_label_smoothing(dtype):
    ce = lossdocs.cross_entropy
    x, exact = _rows(PAIRS, dtype)
    soft = np.tile(np.array([0.3, 0.7], dtype=dtype), (len(x), 1))
    t = [mp.mpf(float(v)) for v in soft[0]]
    ref = [-(t[0] * lp[0] + t[1] * lp[1]) for lp in (_log_softmax(r)[0] for r in exact)]
    where = [f"logits={r}, target=[0.3, 0.7]" for r in x.tolist()]
    _check(ce(x, soft, reduction="none"), ref, where, dtype)
    # label_smoothing eps: the target becomes (1 - eps) one-hot + eps / C (PyTorch's meaning).
    eps = 0.1
    e = mp.mpf(eps)
    ref = [
        -((1 - e) * lp[1] + e / 2 * (lp[0] + lp[1])) for lp in (_log_softmax(r)[0] for r in exact)
    ]
    target = np.ones(len(x), dtype=int)
    where = [f"logits={r}, target=1, label_smoothing=0.1" for r in x.tolist()]
    _check(ce(x, target, label_smoothing=eps, reduction="none"), ref, where, dtype)
