"""Tests of gan_discriminator_loss: the optimal discriminator of the minimax game."""

import math

import numpy as np

from lossdocs import gan_discriminator_loss


def _expected_loss(logits, p_data, p_gen):
    # E_data[-log D] + E_gen[-log(1 - D)] over four outcomes: a logit of +-1e4 on the
    # other side switches that half of the loss off (softplus(-1e4) is exactly 0).
    off = np.full_like(logits, 1e4)
    real = gan_discriminator_loss(logits, -off, reduction="none")
    fake = gan_discriminator_loss(off, logits, reduction="none")
    return float(p_data @ real + p_gen @ fake)


def test_the_best_discriminator_scores_log_p_data_over_p_gen_and_leaves_2_log_2_minus_2_js():
    # Goodfellow et al. (2014), proposition 1 and theorem 1: D* = p_data / (p_data + p_g),
    # whose logit is log(p_data / p_g), and the loss there is 2 log 2 - 2 JS(p_data, p_g).
    p_data, p_gen = np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.4, 0.3, 0.2, 0.1])
    best = np.log(p_data / p_gen)
    m = (p_data + p_gen) / 2
    js = 0.5 * sum(p * math.log(p / q) for p, q in zip(p_data, m, strict=True)) + 0.5 * sum(
        p * math.log(p / q) for p, q in zip(p_gen, m, strict=True)
    )
    assert math.isclose(_expected_loss(best, p_data, p_gen), 2 * math.log(2) - 2 * js)
    rng = np.random.default_rng(0)
    for _ in range(20):
        moved = best + rng.normal(0, 0.3, 4)
        assert _expected_loss(moved, p_data, p_gen) > _expected_loss(best, p_data, p_gen)


def test_the_score_kinds_fall_as_real_scores_rise_and_fake_scores_fall():
    r, f = np.array([-1.0, 0.0, 0.5]), np.array([0.5, 0.0, -1.0])
    for kind in ("minimax", "non_saturating", "wasserstein", "hinge"):
        base = gan_discriminator_loss(r, f, kind=kind, reduction="none")
        assert np.all(gan_discriminator_loss(r + 0.25, f, kind=kind, reduction="none") <= base)
        assert np.all(gan_discriminator_loss(r, f - 0.25, kind=kind, reduction="none") <= base)
        assert gan_discriminator_loss(r + 0.25, f - 0.25, kind=kind) < gan_discriminator_loss(
            r, f, kind=kind
        )


def test_least_squares_regresses_real_scores_to_1_and_fake_scores_to_0():
    # Not monotonic: it pulls the outputs to the targets 1 and 0 from either side.
    assert gan_discriminator_loss([1.0], [0.0], kind="least_squares") == 0.0
    for r, f in [(1.5, 0.0), (0.5, 0.0), (1.0, 0.5), (1.0, -0.5)]:
        assert gan_discriminator_loss([r], [f], kind="least_squares") > 0.0
