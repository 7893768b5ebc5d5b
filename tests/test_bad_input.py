"""Every bad-input case raises at the entry point, naming the argument.

The checks behind them are the validation vocabulary of CONTRIBUTING.md
("Validation"): lossdocs/_validation.py and lossdocs/_reduction.py.
"""

import inspect
import pathlib

import numpy as np
import pytest
from examples import EXAMPLES

import lossdocs as L

P = np.array([[0.2, 0.7], [0.9, 0.4]])  # probabilities
Z = np.array([[2.0, -1.0], [0.5, 0.0]])  # logits / scores / predictions
Y01 = np.array([[0.0, 1.0], [1.0, 0.0]])
YPM = np.array([[-1.0, 1.0], [1.0, -1.0]])
BOX = np.array([[0.0, 0.0, 2.0, 2.0]])
BAD_BOX = np.array([[2.0, 0.0, 0.0, 2.0]])  # x1 < x0
Q = np.eye(2)  # two unit vectors as queries / keys
E = np.empty((0, 2))
LP = np.log(np.full((3, 1, 3), 1 / 3))  # CTC log-probabilities, (T, N, C)
OWN_FILES = {p.name for p in pathlib.Path(L.__file__).parent.rglob("*.py")}

CASES = [
    # shapes that do not match (no silent broadcasting)
    (L.mse, (Z, Z[:1]), {}, ValueError, "target must have the shape of pred"),
    (L.huber, (Z, Z.ravel()), {}, ValueError, "target"),
    (L.binary_cross_entropy, (P, Y01[:, :1]), {}, ValueError, "target"),
    (L.binary_cross_entropy_with_logits, (Z, Y01.T[:1]), {}, ValueError, "target"),
    (L.hinge, (Z, YPM[0]), {}, ValueError, "target"),
    (L.focal_loss, (Z, Y01[0]), {}, ValueError, "target"),
    (L.dice_loss, (P, P[:1]), {}, ValueError, "target"),
    (L.cross_entropy, (Z, np.array([0, 1, 1])), {}, ValueError, "target"),
    (L.kl_divergence, (P / P.sum(1, keepdims=True), np.ones(3) / 3), {}, ValueError, "q"),
    (L.info_nce, (Q, Q[:1]), {}, ValueError, "positive_key"),
    # probabilities outside [0, 1]
    (L.binary_cross_entropy, (P + 1, Y01), {}, ValueError, "probs"),
    (L.jaccard_loss, (P - 1, Y01), {}, ValueError, "probs"),
    (L.dice_loss, (P, Y01 * 2), {}, ValueError, "target"),
    # BCE targets outside [0, 1]
    (L.binary_cross_entropy, (P, Y01 + 0.5), {}, ValueError, "target"),
    (L.binary_cross_entropy_with_logits, (Z, -Y01 - 1), {}, ValueError, "target"),
    (L.focal_loss, (Z, Y01 * 3), {}, ValueError, "target"),
    # class indices outside [0, C)
    (L.cross_entropy, (Z, np.array([0, 2])), {}, ValueError, "target"),
    (L.nll_loss, (Z, np.array([-1, 0])), {}, ValueError, "target"),
    (L.softmax_focal_loss, (Z, np.array([0, 5])), {}, ValueError, "target"),
    (L.confusion_matrix, ([0, 3], [0, 1], 2), {}, ValueError, "pred_labels"),
    (L.mean_iou, ([0, 1], [0, 7], 2), {}, ValueError, "target"),
    # labels that are not +-1 where +-1 is required
    (L.hinge, (Z, Y01), {}, ValueError, "target"),
    (L.exponential, (Z, Y01), {}, ValueError, "target"),
    (L.logistic, (Z, Y01 * 2), {}, ValueError, "target"),
    # boxes with x1 < x0
    (L.box_area, (BAD_BOX,), {}, ValueError, "boxes"),
    (L.box_iou, (BOX, BAD_BOX), {}, ValueError, "boxes2"),
    (L.giou_loss, (BAD_BOX, BOX), {}, ValueError, "boxes1"),
    # unknown reduction
    (L.mse, (Z, Z), {"reduction": "avg"}, ValueError, "reduction"),
    (L.cross_entropy, (Z, np.array([0, 1])), {"reduction": None}, ValueError, "reduction"),
    (L.focal_loss, (Z, Y01), {"reduction": "batchmean"}, ValueError, "reduction"),
    (L.giou_loss, (BOX, BOX), {"reduction": "max"}, ValueError, "reduction"),
    (L.info_nce, (Q, Q), {"reduction": "avg"}, ValueError, "reduction"),
    (L.mse_grad, (Z, Z), {"reduction": "none"}, ValueError, "reduction"),
    # not a string: refused before NumPy compares it elementwise
    (L.mse, (Z, Z), {"reduction": np.array(["mean", "sum"])}, ValueError, "reduction must be a"),
    # negative gamma, temperature <= 0 and other bad hyperparameters
    (L.focal_loss, (Z, Y01), {"gamma": -1.0}, ValueError, "gamma"),
    (L.softmax_focal_loss, (Z, np.array([0, 1])), {"gamma": -0.5}, ValueError, "gamma"),
    (L.info_nce, (Q, Q), {"temperature": 0.0}, ValueError, "temperature"),
    (L.info_nce_grad, (Q, Q), {"temperature": -0.1}, ValueError, "temperature"),
    (L.huber, (Z, Z), {"delta": 0.0}, ValueError, "delta"),
    (L.smooth_l1, (Z, Z), {"beta": -1.0}, ValueError, "beta"),
    (L.cross_entropy, (Z, [0, 1]), {"label_smoothing": 1.5}, ValueError, "label_smoothing"),
    (L.cross_entropy, (Z, [0, 1]), {"ignore_index": 0.5}, TypeError, "ignore_index"),
    (L.focal_loss, (Z, Y01), {"alpha": 1.5}, ValueError, r"alpha must be <= 1"),
    (L.dice_loss, (P, Y01), {"eps": np.inf}, ValueError, "eps must be finite"),
    (L.dice_loss, (P, Y01), {"squared": "yes"}, TypeError, "squared must be True or False"),
    (L.info_nce, (Q, Q), {"normalize": 1}, TypeError, "normalize must be True or False"),
    (L.dice_coefficient, (Y01, Y01), {"empty_score": 2}, ValueError, r"lie in \[0, 1\] or be"),
    (L.confusion_matrix, ([0, 1], [0, 1], 0), {}, ValueError, "num_classes must be >= 1"),
    (L.mean_iou, ([0, 1], [0, 1], 2.0), {}, TypeError, "num_classes must be an integer"),
    # None where a number is required raises (it used to mean 0 for the margin)
    (L.hinge, (Z, YPM), {"margin": None}, TypeError, "margin must be a real number"),
    (L.hinge_grad, (Z, YPM), {"margin": None}, TypeError, "margin must be a real number"),
    (L.hinge, (Z, YPM), {"margin": np.inf}, ValueError, "margin must be finite"),
    (L.huber, (Z, Z), {"delta": None}, TypeError, "delta must be a real number"),
    # an empty batch under reduction="mean" (PyTorch 2.13 returns nan, without a warning)
    (L.mse, (E, E), {}, ValueError, "empty"),
    (L.binary_cross_entropy_with_logits, (E, E), {}, ValueError, "empty"),
    (L.cross_entropy, (E, np.empty(0, dtype=int)), {}, ValueError, "empty"),
    (L.giou_loss, (np.empty((0, 4)), np.empty((0, 4))), {}, ValueError, "empty"),
    # DIoU and CIoU (issue 18): the box checks and eps of giou_loss
    (L.diou_loss, (BOX, BAD_BOX), {}, ValueError, "boxes2"),
    (L.ciou_loss, (BAD_BOX, BOX), {}, ValueError, "boxes1"),
    (L.diou_loss, (BOX, BOX), {"eps": -1e-7}, ValueError, "eps"),
    (L.ciou_loss, (BOX, BOX), {"eps": None}, TypeError, "eps"),
    (L.ciou_loss, (BOX, BOX), {"reduction": "avg"}, ValueError, "reduction"),
    (L.diou_loss, (np.empty((0, 4)), np.empty((0, 4))), {}, ValueError, "empty"),
    # representation learning (issue 16): shapes, labels, hyperparameters, zero rows
    (L.contrastive_loss, (Q, Q[:1], [1, 0]), {}, ValueError, "emb2"),
    (L.contrastive_loss, (Q, Q, [1, 0, 1]), {}, ValueError, r"target must have shape \(N,\)"),
    (L.contrastive_loss, (Q, Q, [2, 0]), {}, ValueError, "target must lie in"),
    (L.contrastive_loss, (Q, Q, [1, 0]), {"margin": -1.0}, ValueError, "margin"),
    (L.triplet_margin_loss, (Q, Q, Q[:1]), {}, ValueError, "negative"),
    (L.triplet_margin_loss, (Q[0], Q[0], Q[0]), {}, ValueError, r"anchor must have shape"),
    (L.triplet_margin_loss, (Q, Q, Q), {"margin": 0.0}, ValueError, "margin"),
    (L.triplet_margin_loss, (Q, Q, Q), {"p": 0.0}, ValueError, "p must be"),
    (L.triplet_margin_loss, (Q, Q, Q), {"eps": -1e-6}, ValueError, "eps"),
    (L.triplet_margin_loss, (Q, Q, Q), {"swap": "yes"}, TypeError, "swap"),
    (L.batch_hard_triplet_loss, (Q, [0, 1, 1]), {}, ValueError, "labels must have shape"),
    (L.batch_hard_triplet_loss, (Q, [0.5, 1]), {}, TypeError, "labels"),
    (L.batch_hard_triplet_loss, (Q, [0, 1]), {}, ValueError, "labels: no anchor"),
    (L.batch_hard_triplet_loss, (Q, [0, 0]), {"soft": 1}, TypeError, "soft"),
    (L.margin_ranking_loss, ([1.0], [0.0], [0]), {}, ValueError, "target must hold labels"),
    (L.margin_ranking_loss, ([1.0], [0.0, 1.0], [1]), {}, ValueError, "x2"),
    (L.hinge_embedding_loss, ([1.0], [0]), {}, ValueError, "target must hold labels"),
    (L.hinge_embedding_loss, ([1.0], [1]), {"margin": None}, TypeError, "margin"),
    (L.cosine_embedding_loss, (Q, Q, [1, 0]), {}, ValueError, "target must hold labels"),
    (L.cosine_embedding_loss, (Q, Q, [1, 1]), {"margin": 2.0}, ValueError, "margin"),
    (L.cosine_embedding_loss, (Q, Q * 0, [1, 1]), {}, ValueError, r"x2\[0\] is a zero"),
    (L.nt_xent, (Q, Q[:1]), {}, ValueError, "z2"),
    (L.nt_xent, (Q, Q), {"temperature": 0.0}, ValueError, "temperature"),
    (L.nt_xent, (Q * 0, Q), {}, ValueError, r"z1\[0\] is a zero"),
    (L.clip_loss, (Q, Q.T[:, :1]), {}, ValueError, "text_emb"),
    (L.clip_loss, (Q, Q), {"temperature": -1.0}, ValueError, "temperature"),
    (L.siglip_loss, (Q, Q), {"scale": 0.0}, ValueError, "scale"),
    (L.siglip_loss, (Q, Q), {"bias": np.nan}, ValueError, "bias"),
    (L.siglip_loss, (E, E), {}, ValueError, "image_emb is empty"),
    (L.arcface_loss, (Q, Q, [0, 2]), {}, ValueError, r"labels must lie in \[0, C\)"),
    (L.arcface_loss, (Q, Q[:, :1], [0, 1]), {}, ValueError, "weight must have shape"),
    (L.arcface_loss, (Q, Q, [0, 1]), {"margin": 4.0}, ValueError, "margin"),
    (L.arcface_loss, (Q, Q, [0, 1]), {"scale": 0.0}, ValueError, "scale"),
    (L.cosface_loss, (Q, Q, [0, 1]), {"margin": -0.1}, ValueError, "margin"),
    (L.cosface_loss, (Q, Q * 0, [0, 1]), {}, ValueError, r"weight\[0\] is a zero"),
    (L.cosface_loss, (E, Q, np.empty(0, int)), {}, ValueError, "empty"),
    # values that are not numbers
    (L.sigmoid, (np.array(["a"]),), {}, TypeError, "x"),
    (L.mae, (Z, np.array([["a", "b"], ["c", "d"]])), {}, TypeError, "target"),
    # generative: shapes, data outside [0, 1], unknown kinds, bad weights
    (L.vae_loss, (Z, Y01[:1], Z, Z), {}, ValueError, "x must have the shape of recon"),
    (L.vae_loss, (Z, Y01 * 2, Z, Z), {}, ValueError, "x must lie in"),
    (L.vae_loss, (Z, Y01, Z[:1], Z[:1]), {}, ValueError, "mu must hold one"),
    (L.vae_loss, (Z, Y01, Z, Z), {"beta": np.inf}, ValueError, "beta must be finite"),
    (L.vae_loss, (Z, Y01, Z, Z), {"likelihood": "l1"}, ValueError, "likelihood must be one of"),
    (L.gan_discriminator_loss, (Z, Z[:1]), {}, ValueError, "fake_logits must have the shape"),
    (L.gan_discriminator_loss, (Z, Z), {"kind": "wgan"}, ValueError, "kind must be one of"),
    (L.gan_generator_loss, (Z,), {"kind": 1}, ValueError, "kind must be a string"),
    (L.gan_generator_loss_grad, (Z,), {"reduction": "none"}, ValueError, "reduction"),
    (L.diffusion_snr, (P + 1,), {}, ValueError, "alphas_cumprod must lie in"),
    (L.diffusion_loss, (Z, Z, Z, P[0]), {"prediction": "sample"}, ValueError, "prediction"),
    (L.diffusion_loss, (Z, Z, Z, P), {}, ValueError, "alphas_cumprod must be 1-D"),
    (L.diffusion_loss, (Z, Z, Z[:1], P[0]), {}, ValueError, "noise must have the shape"),
    (L.diffusion_loss, (Z, Z, Z, P[0]), {"snr_gamma": 0.0}, ValueError, "snr_gamma must be > 0"),
    # CTC: shapes, lengths, labels (log_probs LP is (T=3, N=1, C=3))
    (L.ctc_loss, (LP[0], [[1]], [3], [1]), {}, ValueError, "log_probs must have shape"),
    (L.ctc_loss, (LP, [1], [3], [1]), {}, ValueError, "targets must have shape"),
    (L.ctc_loss, (LP, [[1]], [4], [1]), {}, ValueError, "input_lengths must lie in"),
    (L.ctc_loss, (LP, [[1]], [3], [2]), {}, ValueError, "target_lengths must lie in"),
    (L.ctc_loss, (LP, [[1]], [3, 3], [1]), {}, ValueError, "input_lengths must have shape"),
    (L.ctc_loss, (LP, [[1]], [3], [-1]), {}, ValueError, "target_lengths"),
    (L.ctc_loss, (LP, [[1.5]], [3], [1]), {}, TypeError, "targets"),
    (L.ctc_loss, (LP, [[3]], [3], [1]), {}, ValueError, r"targets must hold labels in \[0, 3\)"),
    (L.ctc_loss, (LP, [[0]], [3], [1]), {}, ValueError, "targets must not contain the blank"),
    (L.ctc_loss, (LP, [[1]], [3], [1]), {"blank": 3}, ValueError, "blank"),
    (L.ctc_loss, (LP, [[1]], [3], [1]), {"zero_infinity": 1}, TypeError, "zero_infinity"),
    (L.ctc_loss, (LP, [[1]], [3], [1]), {"reduction": "avg"}, ValueError, "reduction"),
    (L.ctc_loss, (LP[:, :0], np.empty((0, 1), int), [], []), {}, ValueError, "empty"),
    # alignment (issue 15): one case per argument check
    (L.bradley_terry_loss, ([1.0], [0.0]), {"margin": np.inf}, ValueError, "margin must be finite"),
    (L.bradley_terry_loss, ([1.0, 2.0], [0.0]), {}, ValueError, "rejected_rewards must have"),
    (L.dpo_loss, ([0.5], [-1.0], [-1.0], [-1.0]), {}, ValueError, "policy_chosen_logps must hold"),
    (L.dpo_loss, ([-1.0], [-1.0], [-1.0], [-1.0]), {"beta": 0.0}, ValueError, "beta must be > 0"),
    (L.dpo_loss, ([-1.0],) * 4, {"label_smoothing": 0.7}, ValueError, "label_smoothing must lie"),
    (L.dpo_loss, ([-1.0],) * 4, {"loss_type": "hinge"}, ValueError, "loss_type must be one of"),
    (L.ppo_clip_loss, ([-1.0], [-1.0], [1.0]), {"clip_eps": -0.1}, ValueError, "clip_eps must be"),
    (L.ppo_clip_loss, ([-1.0], [-1.0], [1.0, 2.0]), {}, ValueError, "advantages must have"),
    (L.group_advantages, ([[1.0], [2.0]],), {}, ValueError, "groups of at least 2"),
    (L.group_advantages, ([1.0, 2.0],), {"eps": -1e-4}, ValueError, "eps must be >= 0"),
    (L.kl_estimate, ([-1.0], [-1.0]), {"kind": "k4"}, ValueError, "kind must be one of"),
    (L.kl_estimate, ([0.5], [-1.0]), {}, ValueError, "logp must hold log-probabilities"),
    # probabilistic regression: variances, counts, rates and quantile levels
    (L.gaussian_nll, (Z, Z, -P), {}, ValueError, "var must be >= 0"),
    (L.gaussian_nll, (Z, Z, -1.0), {}, ValueError, "var must be >= 0"),
    (L.gaussian_nll, (Z, Z, P[0, :1]), {}, ValueError, "var must have the shape of mean"),
    (L.gaussian_nll, (Z, Z, np.ones((2, 2, 1))), {}, ValueError, "var must have the shape"),
    (L.gaussian_nll, (Z, Z[:1], P), {}, ValueError, "target must have the shape of mean"),
    (L.gaussian_nll, (Z, Z, P), {"eps": 0.0}, ValueError, "eps must be > 0"),
    (L.gaussian_nll, (Z, Z, P), {"full": 1}, TypeError, "full must be True or False"),
    (L.gaussian_nll_grad, (Z, Z, P), {"reduction": "none"}, ValueError, "reduction='none'"),
    (L.poisson_nll, (Z, -Y01), {}, ValueError, "target must hold counts >= 0"),
    (L.poisson_nll, (Z, Y01), {"log_input": False}, ValueError, "pred must be a rate >= 0"),
    (L.poisson_nll, (Z, Y01), {"eps": -1e-8}, ValueError, "eps must be >= 0"),
    (L.poisson_nll, (Z, Y01), {"log_input": None}, TypeError, "log_input must be True"),
    (L.quantile_loss, (Z, Z), {"quantile": 1.0}, ValueError, "quantile must lie in"),
    (L.quantile_loss_grad, (Z, Z), {"quantile": 0.0}, ValueError, "quantile must lie in"),
    (L.quantile_loss, (Z, Z), {"quantile": None}, TypeError, "quantile must be a real"),
    (L.log_cosh, (Z, Z[:1]), {}, ValueError, "target must have the shape of pred"),
    (L.log_cosh_grad, (Z, Z), {"reduction": "none"}, ValueError, "reduction='none'"),
    # multi-class and multi-label margins, asymmetric loss (issue 19)
    (L.squared_hinge, (Z, Y01), {}, ValueError, "target must hold labels -1 or"),
    (L.squared_hinge_grad, (Z, YPM), {"margin": -1.0}, ValueError, "margin must be >= 0"),
    (L.multi_margin_loss, (Z, [0, 2]), {}, ValueError, r"target holds class index 2"),
    (L.multi_margin_loss, (Z, [0, 1]), {"p": 3}, ValueError, "p must lie in"),
    (L.multi_margin_loss, (Z, [0, 1]), {"p": 2.0}, TypeError, "p must be an integer"),
    (L.multi_margin_loss, (Z, [0, 1]), {"margin": np.nan}, ValueError, "margin must not be NaN"),
    (L.multi_margin_loss, (Z, [0, 1]), {"weight": [1.0]}, ValueError, "weight must have shape"),
    (L.multi_margin_loss, (Z[None], [[0, 1]]), {}, ValueError, r"scores must be \(C,\) or"),
    (L.multi_margin_loss_grad, (Z, [0, 1]), {"reduction": "none"}, ValueError, "reduction"),
    (L.multilabel_margin_loss, (Z, [[0, -1], [2, -1]]), {}, ValueError, "target holds 2"),
    (L.multilabel_margin_loss, (Z, [[0, -1], [1, -2]]), {}, ValueError, "target holds -2"),
    (L.multilabel_margin_loss, (Z, [[0.5, -1], [1, -1]]), {}, TypeError, "target"),
    (L.multilabel_margin_loss, (Z, [0, -1]), {}, ValueError, "target must have the shape"),
    (L.multilabel_soft_margin_loss, (Z, Y01 * 2), {}, ValueError, "target must lie in"),
    (L.multilabel_soft_margin_loss, (Z, Y01), {"weight": [1.0, 2, 3]}, ValueError, "weight"),
    (L.multilabel_soft_margin_loss, (Z, Y01), {"weight": [np.inf, 1]}, ValueError, "weight"),
    (L.multilabel_soft_margin_loss, (Z[None], Y01[None]), {}, ValueError, "scores must be"),
    (L.asymmetric_loss, (Z, Y01 - 1), {}, ValueError, "target must lie in"),
    (L.asymmetric_loss, (Z, Y01), {"gamma_neg": -1.0}, ValueError, "gamma_neg must be >= 0"),
    (L.asymmetric_loss, (Z, Y01), {"gamma_pos": None}, TypeError, "gamma_pos must be a real"),
    (L.asymmetric_loss, (Z, Y01), {"clip": 1.5}, ValueError, r"clip must lie in \[0, 1\]"),
    (L.asymmetric_loss_grad, (Z, Y01), {"eps": 0.0}, ValueError, r"eps must lie in \(0, 1\]"),
    (
        L.asymmetric_loss,
        (Z.astype(np.float32), [[0, 1], [1, 0]]),
        {"eps": 1e-50},
        ValueError,
        "eps",
    ),
    (L.asymmetric_loss, (Z, Y01), {"gamma_neg": 1e309}, ValueError, "gamma_neg must be finite"),
    # imbalance (issue 19): counts, priors, beta and tau
    (L.class_balanced_weights, ([10, 0, 3],), {}, ValueError, r"samples_per_class\[1\] is 0"),
    (L.class_balanced_weights, ([10, 0.5],), {}, ValueError, "samples_per_class must be >= 1"),
    (L.class_balanced_weights, ([[10, 3]],), {}, ValueError, "samples_per_class must be 1-D"),
    (L.class_balanced_weights, ([10, np.inf],), {}, ValueError, "samples_per_class must be fin"),
    (L.class_balanced_weights, ([10, 3],), {"beta": 1.5}, ValueError, r"beta must lie in \[0, 1\]"),
    (L.class_balanced_weights, ([10, 3],), {"beta": None}, TypeError, "beta must be a real"),
    (
        L.logit_adjusted_cross_entropy,
        (Z, [0, 1], [0.5, 0.3, 0.2]),
        {},
        ValueError,
        r"class_priors must have shape \(C,\) = \(2,\)",
    ),
    (
        L.logit_adjusted_cross_entropy,
        (Z, [0, 1], [1.0, 0.0]),
        {},
        ValueError,
        r"class_priors\[1\] is 0",
    ),
    (
        L.logit_adjusted_cross_entropy,
        (Z, [0, 1], [1.0, -0.5]),
        {},
        ValueError,
        "class_priors must be >= 0",
    ),
    (
        L.logit_adjusted_cross_entropy,
        (Z, [0, 1], [0.5, 0.5]),
        {"tau": -1.0},
        ValueError,
        "tau must be >= 0",
    ),
    (
        L.logit_adjusted_cross_entropy,
        (Z, [0, 1], [0.5, 0.5]),
        {"tau": np.inf},
        ValueError,
        "tau must be finite",
    ),
    (
        L.logit_adjusted_cross_entropy_grad,
        (Z, [0, 1], [0.5, 0.5]),
        {"reduction": "none"},
        ValueError,
        "reduction",
    ),
    (L.logit_adjusted_cross_entropy, (Z, [0, 2], [0.5, 0.5]), {}, ValueError, "target"),
    # calibration (issue 19): one case per argument check
    (L.expected_calibration_error, (Z, [0, 1]), {}, ValueError, "probs must lie in"),
    (
        L.expected_calibration_error,
        (P, [0]),
        {},
        ValueError,
        r"target must hold one class index per row of probs: shape \(N,\) = \(2,\), got target",
    ),
    (
        L.expected_calibration_error,
        (P, [0, 2]),
        {},
        ValueError,
        r"target holds class index 2, which lies outside \[0, 2\)$",
    ),
    (L.expected_calibration_error, (P, [0, 1]), {"n_bins": 0}, ValueError, "n_bins must be"),
    (L.fit_temperature, (Z[0], [0]), {}, ValueError, "logits must have shape"),
    (
        L.fit_temperature,
        (np.empty((0, 2)), []),
        {},
        ValueError,
        r"logits must have shape \(N, C\) with N >= 1 samples and C >= 1 classes, got shape",
    ),
    (
        L.causal_lm_loss,
        (np.zeros((1, 3, 4)), [[0, 9, -100]]),
        {},
        ValueError,
        r"labels holds token id 9, which lies outside \[0, 4\) and is not ignore_index=-100",
    ),
    (
        L.causal_lm_loss,
        (np.zeros((1, 3, 0)), [[0, 1, 1]]),
        {},
        ValueError,
        r"logits must have shape \(B, T, V\) with V >= 1 tokens",
    ),
    (L.fit_temperature, (Z, [0, 2]), {}, ValueError, "target holds class index 2"),
    (L.fit_temperature, (Z + np.inf, [0, 1]), {}, ValueError, "logits must be finite"),
    (L.fit_temperature, (Z, [0, 1]), {"bounds": (2.0, 1.0)}, ValueError, "bounds must satisfy"),
    (L.fit_temperature, (Z, [0, 1]), {"bounds": None}, TypeError, "bounds must be a pair"),
    # segmentation beyond Dice (issue 18)
    (L.tversky_loss, (P, Y01), {"alpha": -0.3}, ValueError, "alpha must be >= 0"),
    (L.tversky_loss_grad, (P, Y01), {"beta": np.inf}, ValueError, "beta must be finite"),
    (L.focal_tversky_loss, (P, Y01), {"gamma": 0.0}, ValueError, "gamma must be > 0"),
    (L.generalized_dice_loss, (P[0], Y01[0]), {}, ValueError, r"must have shape \(N, C"),
    (L.generalized_dice_loss_grad, (P[None], Y01[None]), {"eps": -1.0}, ValueError, "eps must be"),
]


@pytest.mark.parametrize(
    "fn, args, kwargs, exc, match",
    CASES,
    ids=[f"{c[0].__name__}-{c[4]}-{i}" for i, c in enumerate(CASES)],
)
def test_bad_input_raises_naming_the_argument(fn, args, kwargs, exc, match):
    with pytest.raises(exc, match=match) as info:
        fn(*args, **kwargs)
    # Raised by lossdocs' own checks, not by NumPy deep inside the computation.
    assert info.traceback[-1].path.name in OWN_FILES


REDUCING = [n for n in L.__all__ if "reduction" in inspect.signature(getattr(L, n)).parameters]


@pytest.mark.parametrize("name", REDUCING)
def test_an_array_of_reductions_is_refused_by_name_everywhere(name):
    # Issue 11: NumPy's "truth value of an array is ambiguous" in all of them, once.
    args, kwargs, _ = EXAMPLES[name]
    with pytest.raises(ValueError, match="reduction must be a string"):
        getattr(L, name)(*args, **kwargs, reduction=np.array(["mean", "sum"]))
