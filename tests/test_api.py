"""The public surface and the docstring shape every page relies on.

The rules are those of CONTRIBUTING.md ("Where code lives", "Docstrings").
"""

import inspect
import re

import pytest

import lossdocs

# The public names, family by family (CONTRIBUTING.md, "Where code lives").
API = {
    "activations": ["sigmoid", "log_sigmoid", "softmax", "log_softmax", "logsumexp"],
    "regression": [
        "mse",
        "mae",
        "huber",
        "smooth_l1",
        "gaussian_nll",
        "poisson_nll",
        "quantile_loss",
        "log_cosh",
    ],
    "classification": [
        "zero_one",
        "cross_entropy",
        "nll_loss",
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "hinge",
        "exponential",
        "logistic",
        "focal_loss",
        "softmax_focal_loss",
        "squared_hinge",
        "multi_margin_loss",
        "multilabel_margin_loss",
        "multilabel_soft_margin_loss",
        "asymmetric_loss",
        "class_balanced_weights",
        "logit_adjusted_cross_entropy",
        "expected_calibration_error",
        "fit_temperature",
    ],
    "segmentation": [
        "jaccard_loss",
        "dice_loss",
        "confusion_matrix",
        "iou_from_confusion_matrix",
        "iou_per_class",
        "mean_iou",
        "dice_coefficient",
        "jaccard_index",
        "tversky_loss",
        "focal_tversky_loss",
        "generalized_dice_loss",
    ],
    "detection": [
        "box_area",
        "box_iou",
        "generalized_box_iou",
        "giou_loss",
        "diou_loss",
        "ciou_loss",
    ],
    "contrastive": [
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
    ],
    "divergence": ["entropy", "kl_divergence", "js_divergence", "gaussian_kl"],
    "generative": [
        "vae_loss",
        "gan_discriminator_loss",
        "gan_generator_loss",
        "diffusion_snr",
        "diffusion_loss",
    ],
    "sequence": ["ctc_loss"],
    "alignment": [
        "bradley_terry_loss",
        "dpo_loss",
        "ppo_clip_loss",
        "group_advantages",
        "kl_estimate",
    ],
    "language": [
        "causal_lm_loss",
        "perplexity",
        "z_loss",
        "load_balancing_loss",
        "distillation_loss",
    ],
}
GRADS = [
    "mse_grad",
    "mae_grad",
    "huber_grad",
    "smooth_l1_grad",
    "cross_entropy_grad",
    "binary_cross_entropy_grad",
    "binary_cross_entropy_with_logits_grad",
    "hinge_grad",
    "exponential_grad",
    "logistic_grad",
    "focal_loss_grad",
    "squared_hinge_grad",
    "multi_margin_loss_grad",
    "multilabel_margin_loss_grad",
    "multilabel_soft_margin_loss_grad",
    "asymmetric_loss_grad",
    "jaccard_loss_grad",
    "dice_loss_grad",
    "tversky_loss_grad",
    "generalized_dice_loss_grad",
    "info_nce_grad",
    "kl_divergence_grad",
    "gan_generator_loss_grad",
    "gaussian_nll_grad",
    "quantile_loss_grad",
    "log_cosh_grad",
    "logit_adjusted_cross_entropy_grad",
]
NAMES = [name for names in API.values() for name in names] + GRADS
SECTIONS = ["Parameters", "Returns", "Raises", "See Also", "Notes", "Examples"]


def test_all_lists_exactly_the_public_api():
    assert sorted(lossdocs.__all__) == sorted(NAMES)
    assert len(set(lossdocs.__all__)) == len(lossdocs.__all__)


@pytest.mark.parametrize("family, names", API.items())
def test_each_name_lives_in_its_family(family, names):
    module = getattr(lossdocs, family)
    for name in names:
        assert name in module.__all__, f"{name} missing from lossdocs.{family}"


@pytest.mark.parametrize("name", NAMES)
def test_docstring_shape(name):
    doc = inspect.getdoc(getattr(lossdocs, name))
    assert doc, f"{name} has no docstring"
    # TeX survived: a non-raw docstring turns \f, \b, \a into control characters.
    assert not re.search(r"[\x07\x08\x0c]", doc), f"{name}: use a raw docstring"
    assert ".. math::" in doc, f"{name}: no formula"
    positions = [doc.find(f"\n{s}\n{'-' * len(s)}") for s in SECTIONS]
    assert -1 not in positions, f"{name}: missing one of {SECTIONS}"
    assert positions == sorted(positions), f"{name}: sections out of order"
    assert doc.find(".. math::") < positions[0], f"{name}: the formula comes before Parameters"
    assert ">>> " in doc.split("Examples\n--------")[1], f"{name}: no doctest"


@pytest.mark.parametrize("name", NAMES)
def test_notes_open_with_the_pytorch_line(name):
    notes = inspect.getdoc(getattr(lossdocs, name)).split("Notes\n-----\n", 1)[1]
    first, _, rest = notes.partition("\n")
    # The {loss} directive reads this line (docs/_ext/docstring_math.py, TORCH_LINE).
    assert re.fullmatch(r"PyTorch: (``(torch|torchvision)\.[\w.]+``|none)\.", first), first
    assert rest.startswith("\n"), f"{name}: the PyTorch line is a paragraph of its own"


@pytest.mark.parametrize("name", GRADS)
def test_grad_has_the_signature_of_its_loss(name):
    grad = inspect.signature(getattr(lossdocs, name))
    loss = inspect.signature(getattr(lossdocs, name.removesuffix("_grad")))
    assert grad.parameters.keys() == loss.parameters.keys()
    for p in loss.parameters.values():
        assert grad.parameters[p.name].default == p.default
        assert grad.parameters[p.name].kind == p.kind


@pytest.mark.parametrize("name", NAMES)
def test_hyperparameters_are_keyword_only(name):
    params = inspect.signature(getattr(lossdocs, name)).parameters.values()
    for p in params:
        if p.name in {"reduction", "delta", "beta", "gamma", "alpha", "margin", "temperature"}:
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}({p.name}) keyword-only"
