"""One valid call of every public function, for the tests that run them all.

``EXAMPLES[name] = (args, kwargs, floats)``: ``floats`` are the positions of
the arguments that carry the working dtype (predictions, targets given as
floats, boxes, distributions); the others are labels, counts or sizes.
Used by tests/test_dtype_rule.py and tests/test_battery.py; a public name
missing here fails both.
"""

import numpy as np

Z = np.array([[2.0, -1.0, 0.5], [0.5, 0.0, -3.0]])  # logits, scores, predictions
Z2 = np.array([[1.0, 0.5, 0.0], [-1.0, 2.0, 1.0]])
P = np.array([[0.2, 0.7, 0.5], [0.9, 0.4, 0.1]])  # probabilities (elementwise)
Y01 = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]])
YPM = 2 * Y01 - 1
LABELS = np.array([0, 2])
DIST = np.array([[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]])  # rows summing to 1
DIST2 = np.array([[0.3, 0.3, 0.4], [0.1, 0.8, 0.1]])
BOXES = np.array([[0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 4.0]])
BOXES2 = np.array([[1.0, 0.0, 2.0, 3.0], [0.0, 1.0, 2.0, 2.0]])
Q = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
K = np.array([[0.9, 0.1], [0.5, 0.9], [0.1, 1.0]])
MAPS = np.array([[0, 1, 2], [2, 1, 0]])
ABAR = np.array([0.5, 0.9])  # alphas_cumprod at each sample's timestep
LOGP = np.log(np.full((4, 2, 3), 1 / 3))  # CTC log-probabilities (T=4, N=2, C=3)
MAPS2 = np.array([[0, 1, 1], [2, 0, 0]])
LP = np.array([[-1.0, -2.5, -0.5], [-0.5, -3.0, -1.5]])  # log-probabilities (<= 0)
LP2 = np.array([[-1.5, -1.0, -2.0], [-2.0, -0.25, -1.0]])

_PAIR = ((Z, Z2), {}, (0, 1))
EXAMPLES = {
    "sigmoid": ((Z,), {}, (0,)),
    "log_sigmoid": ((Z,), {}, (0,)),
    "softmax": ((Z,), {}, (0,)),
    "log_softmax": ((Z,), {}, (0,)),
    "logsumexp": ((Z,), {}, (0,)),
    "mse": _PAIR,
    "mae": _PAIR,
    "mse_grad": _PAIR,
    "mae_grad": _PAIR,
    "huber": _PAIR,
    "smooth_l1": _PAIR,
    "huber_grad": _PAIR,
    "smooth_l1_grad": _PAIR,
    "gaussian_nll": ((Z, Z2, P), {}, (0, 1, 2)),
    "gaussian_nll_grad": ((Z, Z2, P), {}, (0, 1, 2)),
    "poisson_nll": ((Z, 2 * Y01), {}, (0, 1)),
    "quantile_loss": ((Z, Z2), {"quantile": 0.9}, (0, 1)),
    "quantile_loss_grad": ((Z, Z2), {"quantile": 0.9}, (0, 1)),
    "log_cosh": _PAIR,
    "log_cosh_grad": _PAIR,
    "zero_one": ((Y01, Y01[::-1]), {}, (0, 1)),
    "cross_entropy": ((Z, LABELS), {}, (0,)),
    "nll_loss": ((np.log(DIST), LABELS), {}, (0,)),
    "cross_entropy_grad": ((Z, LABELS), {}, (0,)),
    "softmax_focal_loss": ((Z, LABELS), {}, (0,)),
    "binary_cross_entropy": ((P, Y01), {}, (0, 1)),
    "binary_cross_entropy_with_logits": ((Z, Y01), {}, (0, 1)),
    "binary_cross_entropy_grad": ((P, Y01), {}, (0, 1)),
    "binary_cross_entropy_with_logits_grad": ((Z, Y01), {}, (0, 1)),
    "hinge": ((Z, YPM), {}, (0, 1)),
    "exponential": ((Z, YPM), {}, (0, 1)),
    "logistic": ((Z, YPM), {}, (0, 1)),
    "hinge_grad": ((Z, YPM), {}, (0, 1)),
    "exponential_grad": ((Z, YPM), {}, (0, 1)),
    "logistic_grad": ((Z, YPM), {}, (0, 1)),
    "focal_loss": ((Z, Y01), {}, (0, 1)),
    "focal_loss_grad": ((Z, Y01), {}, (0, 1)),
    "jaccard_loss": ((P, Y01), {}, (0, 1)),
    "dice_loss": ((P, Y01), {}, (0, 1)),
    "jaccard_loss_grad": ((P, Y01), {}, (0, 1)),
    "dice_loss_grad": ((P, Y01), {}, (0, 1)),
    "confusion_matrix": ((MAPS, MAPS2, 3), {}, ()),
    "iou_from_confusion_matrix": ((np.array([[3, 1], [0, 2]]),), {}, ()),
    "iou_per_class": ((MAPS, MAPS2, 3), {}, ()),
    "mean_iou": ((MAPS, MAPS2, 3), {}, ()),
    "dice_coefficient": ((Y01, Y01[::-1]), {}, (0, 1)),
    "jaccard_index": ((Y01, Y01[::-1]), {}, (0, 1)),
    "box_area": ((BOXES,), {}, (0,)),
    "box_iou": ((BOXES, BOXES2), {}, (0, 1)),
    "generalized_box_iou": ((BOXES, BOXES2), {}, (0, 1)),
    "giou_loss": ((BOXES, BOXES2), {}, (0, 1)),
    "diou_loss": ((BOXES, BOXES2), {}, (0, 1)),
    "ciou_loss": ((BOXES, BOXES2), {}, (0, 1)),
    "info_nce": ((Q, K), {}, (0, 1)),
    "info_nce_grad": ((Q, K), {}, (0, 1)),
    "entropy": ((DIST,), {}, (0,)),
    "kl_divergence": ((DIST, DIST2), {}, (0, 1)),
    "kl_divergence_grad": ((DIST, DIST2), {}, (0, 1)),
    "js_divergence": ((DIST, DIST2), {}, (0, 1)),
    "gaussian_kl": ((Z[0], np.array([1.0, 2.0, 0.5]), Z2[0], np.array([2.0, 1.0, 1.0])), {},
                    (0, 1, 2, 3)),
    "contrastive_loss": ((Q, K, np.array([1, 0, 1])), {}, (0, 1)),
    "triplet_margin_loss": ((Q, K, K[::-1]), {}, (0, 1, 2)),
    "batch_hard_triplet_loss": ((Q, np.array([0, 0, 1])), {}, (0,)),
    "margin_ranking_loss": ((Z[0], Z2[0], YPM[0]), {}, (0, 1, 2)),
    "cosine_embedding_loss": ((Q, K, np.array([1, -1, 1])), {}, (0, 1)),
    "hinge_embedding_loss": ((Z, YPM), {}, (0, 1)),
    "nt_xent": ((Q, K), {}, (0, 1)),
    "clip_loss": ((Q, K), {}, (0, 1)),
    "siglip_loss": ((Q, K), {}, (0, 1)),
    "arcface_loss": ((Q, K, np.array([0, 2, 1])), {}, (0, 1)),
    "cosface_loss": ((Q, K, np.array([0, 2, 1])), {}, (0, 1)),
    "vae_loss": ((Z, Y01, Z2[:, :2], Z[:, :2]), {}, (0, 1, 2, 3)),
    "gan_discriminator_loss": _PAIR,
    "gan_generator_loss": ((Z,), {}, (0,)),
    "gan_generator_loss_grad": ((Z,), {}, (0,)),
    "diffusion_snr": ((ABAR,), {}, (0,)),
    "diffusion_loss": ((Z, Z2, Z, ABAR), {}, (0, 1, 2, 3)),
    "ctc_loss": ((LOGP, np.array([[1, 2], [2, 0]]), np.array([4, 3]), np.array([2, 1])), {},
                 (0,)),
    "bradley_terry_loss": _PAIR,
    "dpo_loss": ((LP, LP2, LP2, LP), {}, (0, 1, 2, 3)),
    "ppo_clip_loss": ((LP, LP2, Z), {}, (0, 1, 2)),
    "group_advantages": ((Z,), {}, (0,)),
    "kl_estimate": ((LP, LP2), {}, (0, 1)),
    "causal_lm_loss": ((np.stack([Z, Z2]), np.array([[0, 2, 1, 0], [1, 1, 2, 0]])[:, :Z.shape[0]]),
                       {}, (0,)),
    "perplexity": ((np.stack([Z, Z2]), np.array([[0, 2, 1, 0], [1, 1, 2, 0]])[:, :Z.shape[0]]),
                   {}, (0,)),
    "z_loss": ((Z,), {}, (0,)),
    "load_balancing_loss": ((Z,), {"top_k": 2}, (0,)),
    "distillation_loss": ((Z, Z2), {"temperature": 2.0}, (0, 1)),
    "squared_hinge": ((Z, YPM), {}, (0, 1)),
    "squared_hinge_grad": ((Z, YPM), {}, (0, 1)),
    "multi_margin_loss": ((Z, LABELS), {"p": 2, "weight": np.array([1.0, 2.0, 0.5])}, (0,)),
    "multi_margin_loss_grad": ((Z, LABELS), {"weight": np.array([1.0, 2.0, 0.5])}, (0,)),
    "multilabel_margin_loss": ((Z, np.array([[2, 0, -1], [1, -1, 0]])), {}, (0,)),
    "multilabel_margin_loss_grad": ((Z, np.array([[2, 0, -1], [1, -1, 0]])), {}, (0,)),
    "multilabel_soft_margin_loss": ((Z, Y01), {"weight": np.array([1.0, 2.0, 0.5])}, (0, 1)),
    "multilabel_soft_margin_loss_grad": ((Z, Y01), {"weight": np.array([1.0, 2.0, 0.5])},
                                         (0, 1)),
    "asymmetric_loss": ((Z, Y01), {"gamma_pos": 1.0}, (0, 1)),
    "asymmetric_loss_grad": ((Z, Y01), {"gamma_pos": 1.0}, (0, 1)),
    "class_balanced_weights": ((np.array([50.0, 5.0, 1.0]),), {"beta": 0.99}, (0,)),
    "logit_adjusted_cross_entropy": ((Z, LABELS, np.array([0.6, 0.3, 0.1])), {}, (0, 2)),
    "logit_adjusted_cross_entropy_grad": ((Z, LABELS, np.array([0.6, 0.3, 0.1])), {}, (0, 2)),
    "expected_calibration_error": ((DIST, LABELS), {}, (0,)),
    "fit_temperature": ((Z, LABELS), {}, (0,)),
    "tversky_loss": ((P, Y01), {}, (0, 1)),
    "tversky_loss_grad": ((P, Y01), {}, (0, 1)),
    "focal_tversky_loss": ((P, Y01), {}, (0, 1)),
    "generalized_dice_loss": ((P[None], Y01[None]), {}, (0, 1)),  # (N=1, C=2, 3 pixels)
    "generalized_dice_loss_grad": ((P[None], Y01[None]), {}, (0, 1)),
}  # fmt: skip
