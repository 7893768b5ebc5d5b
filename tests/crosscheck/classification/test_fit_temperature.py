"""fit_temperature against torch's LBFGS on the NLL of softmax(logits / T).

Guo et al.'s reference code (gpleiss/temperature_scaling) runs
``LBFGS([T], lr=0.01, max_iter=50)`` from T = 1.5, without a line search; run
to convergence (strong Wolfe line search, tight tolerances), LBFGS on T or on
1/T finds lossdocs' T. The last test shows that the reference settings stop
short of it.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import ld

fit_temperature = ld("fit_temperature")


def _overconfident(seed, n=2_000, c=10, sharpen=2.5):
    """Labels drawn from softmax(z), logits sharpen * z: T* near sharpen."""
    rng = np.random.default_rng(seed)
    z = rng.normal(0, 1.5, (n, c))
    p = torch.softmax(torch.tensor(z), dim=1).numpy()
    y = (p.cumsum(axis=1) < rng.random((n, 1))).sum(axis=1)
    return sharpen * z, y


def lbfgs_temperature(z, y, *, inverse, start=1.5, **options):
    """Minimise cross_entropy(z / T, y) with torch.optim.LBFGS over T or over 1/T."""
    zt, yt = torch.tensor(z), torch.tensor(y)
    x = torch.nn.Parameter(torch.tensor([1 / start if inverse else start]))
    opt = torch.optim.LBFGS([x], **options)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(zt * x if inverse else zt / x, yt)
        loss.backward()
        return loss

    opt.step(closure)
    return 1 / x.item() if inverse else x.item()


CONVERGED = {"line_search_fn": "strong_wolfe", "max_iter": 200,
             "tolerance_grad": 1e-14, "tolerance_change": 1e-16}  # fmt: skip


@pytest.mark.parametrize("inverse", [True, False], ids=["1/T", "T"])
@pytest.mark.parametrize("seed", range(3))
def test_converged_lbfgs(seed, inverse):
    z, y = _overconfident(seed)
    expected = lbfgs_temperature(z, y, inverse=inverse, **CONVERGED)
    assert fit_temperature(z, y) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("seed", range(2))
def test_under_confident_logits(seed):
    z, y = _overconfident(seed, sharpen=0.5)
    t = fit_temperature(z, y)
    assert t < 1
    assert t == pytest.approx(lbfgs_temperature(z, y, inverse=True, **CONVERGED), rel=1e-6)


def test_float32_logits():
    z, y = _overconfident(4)
    z32 = z.astype(np.float32)
    expected = lbfgs_temperature(z32.astype(np.float64), y, inverse=True, **CONVERGED)
    assert fit_temperature(z32, y) == pytest.approx(expected, rel=1e-6)


def test_reference_settings_stop_short():
    z, y = _overconfident(0)
    t = fit_temperature(z, y)
    guo = lbfgs_temperature(z, y, inverse=False, lr=0.01, max_iter=50)
    assert 1.5 < guo < t - 0.5  # moved towards T* but stopped far from it
    nll = [F.cross_entropy(torch.tensor(z) / s, torch.tensor(y)).item() for s in (guo, t)]
    assert nll[1] < nll[0]
