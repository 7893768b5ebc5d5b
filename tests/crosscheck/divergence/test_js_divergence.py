"""``js_divergence`` against its definition through ``torch.special.xlogy``."""

import numpy as np
import pytest
import torch
from _xcheck import assert_close, ld, tt
from divergence._xhelpers import _dists


def _torch_js(p, q):
    m = (p + q) / 2
    xlogy = torch.special.xlogy

    def kl(a):
        return (xlogy(a, a) - xlogy(a, m)).sum(-1)

    return (kl(p) + kl(q)) / 2


@pytest.mark.parametrize("zeros", [False, True])
def test_js_divergence(zeros):
    p, q = _dists(9, zeros=zeros)
    q[2] = np.eye(q.shape[1])[0]  # disjoint supports in row 2 when p[2, 0] is small
    assert_close(ld("js_divergence")(p, q), _torch_js(tt(p), tt(q)))
    disjoint = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])
    assert_close(ld("js_divergence")(*disjoint), torch.tensor([np.log(2)]))
