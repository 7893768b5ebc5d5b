"""lossdocs: reference NumPy implementations of deep-learning loss functions.

Every public name of every family is re-exported here, one line per name, so
``from lossdocs import huber`` works; ``lossdocs.__all__`` lists them, family by family.
"""

from .activations import (
    log_sigmoid,
    log_softmax,
    logsumexp,
    sigmoid,
    softmax,
)
from .alignment import (
    bradley_terry_loss,
    dpo_loss,
    group_advantages,
    kl_estimate,
    ppo_clip_loss,
)
from .classification import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    cross_entropy_grad,
    exponential,
    exponential_grad,
    focal_loss,
    focal_loss_grad,
    hinge,
    hinge_grad,
    logistic,
    logistic_grad,
    nll_loss,
    softmax_focal_loss,
    zero_one,
)
from .contrastive import (
    arcface_loss,
    batch_hard_triplet_loss,
    clip_loss,
    contrastive_loss,
    cosface_loss,
    cosine_embedding_loss,
    hinge_embedding_loss,
    info_nce,
    info_nce_grad,
    margin_ranking_loss,
    nt_xent,
    siglip_loss,
    triplet_margin_loss,
)
from .detection import (
    box_area,
    box_iou,
    generalized_box_iou,
    giou_loss,
)
from .divergence import (
    entropy,
    gaussian_kl,
    js_divergence,
    kl_divergence,
    kl_divergence_grad,
)
from .generative import (
    diffusion_loss,
    diffusion_snr,
    gan_discriminator_loss,
    gan_generator_loss,
    gan_generator_loss_grad,
    vae_loss,
)
from .language import (
    causal_lm_loss,
    distillation_loss,
    load_balancing_loss,
    perplexity,
    z_loss,
)
from .regression import (
    huber,
    huber_grad,
    mae,
    mae_grad,
    mse,
    mse_grad,
    smooth_l1,
    smooth_l1_grad,
)
from .segmentation import (
    confusion_matrix,
    dice_coefficient,
    dice_loss,
    dice_loss_grad,
    focal_tversky_loss,
    generalized_dice_loss,
    generalized_dice_loss_grad,
    iou_from_confusion_matrix,
    iou_per_class,
    jaccard_index,
    jaccard_loss,
    jaccard_loss_grad,
    mean_iou,
    tversky_loss,
    tversky_loss_grad,
)
from .sequence import (
    ctc_loss,
)

__version__ = "0.1.0"

__all__ = [
    # activations
    "sigmoid",
    "log_sigmoid",
    "softmax",
    "log_softmax",
    "logsumexp",
    # regression
    "mse",
    "mae",
    "mse_grad",
    "mae_grad",
    "huber",
    "smooth_l1",
    "huber_grad",
    "smooth_l1_grad",
    # classification
    "zero_one",
    "cross_entropy",
    "nll_loss",
    "cross_entropy_grad",
    "softmax_focal_loss",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_grad",
    "binary_cross_entropy_with_logits_grad",
    "hinge",
    "exponential",
    "logistic",
    "hinge_grad",
    "exponential_grad",
    "logistic_grad",
    "focal_loss",
    "focal_loss_grad",
    # segmentation
    "jaccard_loss",
    "dice_loss",
    "jaccard_loss_grad",
    "dice_loss_grad",
    "confusion_matrix",
    "iou_from_confusion_matrix",
    "iou_per_class",
    "mean_iou",
    "dice_coefficient",
    "jaccard_index",
    "tversky_loss",
    "tversky_loss_grad",
    "focal_tversky_loss",
    "generalized_dice_loss",
    "generalized_dice_loss_grad",
    # detection
    "box_area",
    "box_iou",
    "generalized_box_iou",
    "giou_loss",
    # contrastive
    "contrastive_loss",
    "triplet_margin_loss",
    "batch_hard_triplet_loss",
    "margin_ranking_loss",
    "cosine_embedding_loss",
    "hinge_embedding_loss",
    "nt_xent",
    "clip_loss",
    "siglip_loss",
    "arcface_loss",
    "cosface_loss",
    "info_nce",
    "info_nce_grad",
    # divergence
    "entropy",
    "kl_divergence",
    "kl_divergence_grad",
    "js_divergence",
    "gaussian_kl",
    # generative
    "vae_loss",
    "gan_discriminator_loss",
    "gan_generator_loss",
    "gan_generator_loss_grad",
    "diffusion_snr",
    "diffusion_loss",
    # sequence
    "ctc_loss",
    # alignment
    "bradley_terry_loss",
    "dpo_loss",
    "ppo_clip_loss",
    "group_advantages",
    "kl_estimate",
    # language
    "causal_lm_loss",
    "perplexity",
    "z_loss",
    "load_balancing_loss",
    "distillation_loss",
]
