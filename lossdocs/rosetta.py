r"""The Rosetta registry: the call of each other library that gives lossdocs' number.

One :class:`Entry` per lossdocs call worth translating (a function, or one of its
settings: weights, ``ignore_index``, label smoothing), holding one :class:`Call`
per library. A call is a Python expression written in the library's own terms, and
the text shown on the Rosetta page is the very expression that ``nox -s rosetta``
(``tools/rosetta.py run``) evaluates against lossdocs, on random and on extreme
inputs: what the page says is what was checked. A call with ``agrees=False`` is a
trap: the run checks that it does *not* give lossdocs' number (a default or a
documented argument that silently changes the value).

This module holds data and NumPy input makers only; no library other than NumPy is
imported here (``import lossdocs`` never imports this module). The names an
expression may use:

========  ==================================================================
library   names
========  ==================================================================
torch     ``torch``, ``F`` (``torch.nn.functional``), ``tv`` (torchvision's
          functions written out in torch from its source: torchvision does
          not import beside the CPU torch of this project), ``tm``
          (torchmetrics)
optax     ``optax``, ``jax``, ``jnp`` (float64: ``jax_enable_x64``)
keras     ``keras``, ``ops`` (``keras.ops``), on the JAX backend, float32
sklearn   ``metrics`` (``sklearn.metrics``), ``np``
trl       ``torch``, ``F``, ``tuple``; transformers' ``ForCausalLMLoss``
          (``transformers.loss.loss_utils``), ``mixtral`` and ``switch`` (the
          modeling modules of Mixtral and Switch Transformers); TRL's
          ``trl_utils`` (``trl.trainer.utils``), ``distill``
          (``trl.trainer.distillation_trainer``), ``GKDTrainer``
          (``trl.experimental.gkd``). A loss TRL computes inside a trainer
          method that needs a model is written out in torch from its source.
========  ==================================================================

plus the inputs (converted to the library's arrays: int64 stays integer) and, in
the lossdocs expression, every name of ``lossdocs`` and ``np``.

Add a function: one block in :data:`ENTRIES`, using an input maker of
:data:`INPUTS` (or a new one beside them).

Examples
--------
>>> from lossdocs.rosetta import ENTRIES, LIBRARIES
>>> huber = next(e for e in ENTRIES if e.function == "huber")
>>> [c.library for c in huber.calls]
['torch', 'optax', 'keras']
>>> huber.calls[0].code
'F.huber_loss(pred, target, delta=0.5)'
>>> LIBRARIES["keras"]
'Keras 3'
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = [
    "CHECKED_WITH",
    "ENTRIES",
    "INPUTS",
    "LIBRARIES",
    "Call",
    "Entry",
    "averaging_page",
    "cheat_cell",
    "cheat_sheet",
    "page",
    "traps_page",
]

# The libraries, in the order of the page's tabs, as the page names them.
LIBRARIES = {
    "torch": "PyTorch",
    "optax": "JAX / optax",
    "keras": "Keras 3",
    "sklearn": "scikit-learn",
    "trl": "TRL / transformers",
}
# The libraries that share one table on the cheat sheet and on the averaging page; TRL /
# transformers (language models and alignment only) gets tables of its own.
CHEAT_LIBRARIES = ("torch", "optax", "keras", "sklearn")

# The versions the registry was last checked with; `nox -s rosetta` pins the same ones
# (pyproject.toml, dependency group `rosetta`) and records what it ran in
# docs/rosetta-run.json.
CHECKED_WITH = {
    "torch": "2.13.0",
    "jax": "0.10.2",
    "optax": "0.2.8",
    "keras": "3.15.1",
    "scikit-learn": "1.9.1",
    "torchmetrics": "1.9.0",
    "trl": "1.16.0",
    "transformers": "5.25.0",
}


@dataclass(frozen=True)
class Call:
    """One library's way to compute an entry's value.

    `code` is the expression (see the module docstring for its names); `mean` says
    what the library's own reduction divides by (empty when the call reduces by
    hand or there is no reduction); `differences` are what remains different from
    lossdocs (each a sentence); `cases` the input cases it is checked on; `agrees`
    False marks a trap: the run checks that the value differs; `docs` quotes the
    library's documentation (of the version in :data:`CHECKED_WITH`) where the call
    shows it to be incomplete or misleading; `raises` names the exception the call
    must raise on every case (then no value is compared: a library that refuses the
    input, like lossdocs' mean over an empty batch, or a trap that fails outright);
    `cheat` is the call's label in the cheat sheet's counterpart tables (see
    :func:`cheat_cell`).
    """

    library: str
    code: str
    mean: str = ""
    differences: tuple[str, ...] = ()
    cases: tuple[str, ...] = ("random", "edge")
    agrees: bool = True
    docs: str = ""  # what the library's own documentation says, quoted, where it misleads
    raises: str = ""  # the exception the call raises (its class name), instead of a value
    cheat: str = ""  # the cheat sheet's label, where the name derived from `code` says too little


@dataclass(frozen=True)
class Entry:
    """A lossdocs call (`code`, evaluated on the inputs of `inputs`) and its counterparts."""

    function: str
    code: str
    inputs: str
    calls: tuple[Call, ...]
    mean: str = ""  # what lossdocs' 'mean' divides by, when the entry has a reduction
    about: str = ""  # what sets this entry apart from others of its function (the inputs)


# --- Input makers: (rng, case) -> named NumPy arrays (float64, or int64 labels). ---------
# "random" is a typical batch; "edge" puts values where implementations part ways
# (large logits, exact kinks, probabilities near 0 and 1, ignored targets).


def _x(rng, case):
    x = rng.normal(size=(4, 5)) * 3
    if case == "edge":
        x[0] = [1e3, -1e3, 0.0, 700.0, -700.0]
        x[1] = [40.0, -40.0, 1e-8, 30.0, -30.0]
    return {"x": x}


def _regression(rng, case):
    pred = rng.normal(size=(6, 3))
    target = rng.normal(size=(6, 3))
    if case == "edge":
        target[0] = pred[0]  # zero residuals
        target[1] = pred[1] + np.array([0.5, -0.5, 1e-9])  # on the kink of delta = 0.5
        target[2] = pred[2] + np.array([1e4, -1e4, 3.0])
    return {"pred": pred, "target": target}


def _classes(rng, case):
    logits = rng.normal(size=(8, 4)) * 2
    target = rng.integers(0, 4, size=8)
    weight = rng.uniform(0.2, 3.0, size=4)
    if case == "edge":
        logits[0] = [1e3, -1e3, 0.0, 5.0]
        logits[1] = [-50.0, 50.0, 0.0, 0.0]
        target[:2] = [1, 0]
    return {"logits": logits, "target": target, "weight": weight}


def _ignored(rng, case):
    out = _classes(rng, case)
    out["target"][[1, 4]] = -100  # two ignored targets
    return out


def _binary_probs(rng, case):
    probs = rng.uniform(0.05, 0.95, size=10)
    target = rng.integers(0, 2, size=10).astype(float)
    weight = rng.uniform(0.2, 3.0, size=10)
    if case == "edge":
        probs[:4] = [1e-12, 1 - 1e-12, 0.5, 1e-6]
        target[:4] = [0.0, 1.0, 1.0, 1.0]
    return {"probs": probs, "target": target, "weight": weight}


def _binary_logits(rng, case):
    logits = rng.normal(size=(5, 3)) * 3
    target = rng.integers(0, 2, size=(5, 3)).astype(float)
    if case == "edge":
        logits[0] = [1e3, -1e3, 0.0]
        logits[1] = [40.0, -40.0, 1e-9]
        target[0] = [0.0, 1.0, 1.0]
    pos_weight = rng.uniform(0.5, 4.0, size=3)
    return {"logits": logits, "target": target, "pos_weight": pos_weight}


def _scores(rng, case):
    scores = rng.normal(size=12) * 2
    target = rng.choice([-1.0, 1.0], size=12)
    if case == "edge":
        scores[:4] = [1.0, -1.0, 0.0, 50.0]
        target[:4] = [1.0, -1.0, 1.0, -1.0]
    return {"scores": scores, "target": target}


def _distributions(rng, case):
    p = rng.dirichlet(np.ones(5), size=4)
    q = rng.dirichlet(np.ones(5), size=4)
    if case == "edge":
        p[0] = [0.0, 0.5, 0.5, 0.0, 0.0]  # zeros of p: 0 log 0 = 0
        q[1] = [1e-12, 0.25, 0.25, 0.25, 0.25 - 1e-12]
    return {"p": p, "q": q}


def _boxes(rng, case):
    def boxes(n):
        xy = rng.uniform(0, 10, size=(n, 2))
        return np.concatenate([xy, xy + rng.uniform(0.5, 5, size=(n, 2))], axis=1)

    boxes1, boxes2 = boxes(5), boxes(5)
    if case == "edge":
        boxes2[0] = boxes1[0]  # identical
        boxes2[1] = boxes1[1] + np.array([20.0, 20.0, 20.0, 20.0])  # disjoint
    return {"boxes1": boxes1, "boxes2": boxes2}


def _triplets(rng, case):
    anchor, positive, negative = (rng.normal(size=(6, 4)) for _ in range(3))
    if case == "edge":
        positive[0] = anchor[0]
        negative[1] = anchor[1]
    return {"anchor": anchor, "positive": positive, "negative": negative}


def _pairs(rng, case):
    x1, x2 = rng.normal(size=(2, 10))
    x = np.abs(rng.normal(size=10)) * 2
    u, v = rng.normal(size=(2, 6, 4))
    target = rng.choice([-1.0, 1.0], size=10)
    if case == "edge":
        x2[0] = x1[0]
        x[:2] = [0.0, 1.0]
        v[0] = 3 * u[0]  # parallel vectors
    return {"x1": x1, "x2": x2, "x": x, "u": u, "v": v, "target": target}


def _gaussians(rng, case):
    mu_p, mu_q = rng.normal(size=(2, 6))
    sigma_p, sigma_q = rng.uniform(0.2, 3.0, size=(2, 6))
    if case == "edge":
        mu_q[0], sigma_q[0] = mu_p[0], sigma_p[0]  # KL = 0
        sigma_p[1], sigma_q[1] = 1e-3, 1e3
    return {"mu_p": mu_p, "sigma_p": sigma_p, "mu_q": mu_q, "sigma_q": sigma_q}


def _labels(rng, case):
    pred_labels = rng.integers(0, 3, size=30)
    target = rng.integers(0, 3, size=30)
    if case == "edge":
        pred_labels[:10] = target[:10]
    return {"pred_labels": pred_labels, "target": target}


def _masks(rng, case):
    pred_mask = rng.integers(0, 2, size=40)
    target_mask = rng.integers(0, 2, size=40)
    if case == "edge":
        pred_mask[:20] = target_mask[:20]
    return {"pred_mask": pred_mask, "target_mask": target_mask}


def _tokens(rng, case):
    logits = rng.normal(size=(2, 6, 7)) * 2
    labels = rng.integers(0, 7, size=(2, 6))
    labels[0, 4:] = -100  # padding
    if case == "edge":
        logits[1, 2] = [1e3, -1e3, 0.0, 0.0, 0.0, 0.0, 0.0]
    return {"logits": logits, "labels": labels}


def _teacher(rng, case):
    student, teacher = rng.normal(size=(2, 2, 5, 6)) * 2  # (B, L, V)
    if case == "edge":
        student[0, 0, 0], teacher[0, 1, 0] = 60.0, -60.0
    return {"student_logits": student, "teacher_logits": teacher}


def _rewards(rng, case):
    chosen, rejected = rng.normal(size=(2, 10))
    if case == "edge":
        chosen[:2], rejected[:2] = [50.0, -50.0], [-50.0, 50.0]
    return {"chosen_rewards": chosen, "rejected_rewards": rejected}


def _gan(rng, case):
    real_logits, fake_logits = rng.normal(size=(2, 12)) * 2
    if case == "edge":
        real_logits[:2], fake_logits[:2] = [1e3, -1e3], [-1e3, 1e3]
    return {"real_logits": real_logits, "fake_logits": fake_logits}


def _diffusion(rng, case):
    model_output, x0, noise = rng.normal(size=(3, 4, 2, 3))
    alphas_cumprod = rng.uniform(0.01, 0.99, size=4)
    if case == "edge":
        model_output[0] = noise[0]
        alphas_cumprod[:2] = [1e-6, 1 - 1e-6]
    return {
        "model_output": model_output,
        "x0": x0,
        "noise": noise,
        "alphas_cumprod": alphas_cumprod,
    }


def _frames(rng, case):
    t, n, c, s = 12, 3, 5, 4
    logits = rng.normal(size=(t, n, c)) * (4 if case == "edge" else 1)
    log_probs = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    targets = rng.integers(1, c, size=(n, s))
    input_lengths = np.array([12, 9, 7])
    target_lengths = np.array([4, 2, 0 if case == "edge" else 3])
    # optax's form: (N, T, C) and 0/1 paddings instead of lengths
    logit_paddings = (np.arange(t)[None] >= input_lengths[:, None]).astype(float)
    label_paddings = (np.arange(s)[None] >= target_lengths[:, None]).astype(float)
    return {
        "log_probs": log_probs,
        "targets": targets,
        "input_lengths": input_lengths,
        "target_lengths": target_lengths,
        "logit_paddings": logit_paddings,
        "label_paddings": label_paddings,
    }


def _empty(rng, case):
    # (0, 3), not (0,): Keras reduces a 1-D batch over its last axis first (0 / 0 = NaN),
    # and returns the per-sample losses of a 2-D one unreduced, an empty array
    return {
        "pred": np.zeros((0, 3)),
        "target": np.zeros((0, 3)),
        "logits": np.zeros((0, 4)),
        "labels": np.zeros(0, dtype=np.int64),
    }


def _views(rng, case):
    z1, z2 = rng.normal(size=(2, 6, 4))
    if case == "edge":
        z2[0] = z1[0]  # identical views
        z1[1] *= 1e3  # a long vector: the cosine ignores the length
        z2[2] = -z1[2]  # opposite views
    return {"z1": z1, "z2": z2, "labels": np.r_[np.arange(6), np.arange(6)]}


def _class_masks(rng, case):
    logits = rng.normal(size=(3, 4, 20)) * 2  # (N, C, pixels)
    probs = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    labels = rng.integers(0, 4, size=(3, 20))
    labels[0] = np.minimum(labels[0], 2)  # class 3 absent from the first sample
    return {"probs": probs, "target": np.eye(4)[labels].transpose(0, 2, 1)}


def _soft_targets(rng, case):
    out = _classes(rng, case)
    out["probs"] = rng.dirichlet(np.ones(4), size=8)
    return out


def _gaussian(rng, case):
    mu, target = rng.normal(size=(2, 6, 3))
    var = rng.uniform(0.2, 3.0, size=(6, 3))
    if case == "edge":
        target[0] = mu[0]  # zero residuals
        var[1] = [0.0, 1e-9, 1e-6]  # below, far below and at the floor eps = 1e-6
        target[2] = mu[2] + 1e4
    return {"mu": mu, "target": target, "var": var, "var_rows": var[:, 0].copy()}


def _counts(rng, case):
    log_rate = rng.normal(size=(6, 3))
    target = rng.poisson(3.0, size=(6, 3)).astype(float)
    if case == "edge":
        target[0] = [0.0, 1.0, 2.0]  # the Stirling term starts above 1
        log_rate[1] = [-30.0, 20.0, 0.0]
        target[2] = [1e3, 0.0, 0.5]  # counts need not be whole
    return {"log_rate": log_rate, "rate": np.exp(log_rate), "target": target}


def _priors(rng, case):
    out = _classes(rng, case)
    out["class_priors"] = rng.integers(1, 1000, size=4).astype(float)  # counts
    if case == "edge":
        out["class_priors"][:2] = [1e6, 1.0]
    return out


def _multilabel(rng, case):
    scores = rng.normal(size=(5, 4)) * 2
    mask = rng.integers(0, 2, size=(5, 4))
    if case == "edge":
        mask[0], mask[1] = 0, 1  # no target, every class a target
        scores[2] = [30.0, -30.0, 1.0, 0.0]
    # PyTorch's format: each row's target classes, then -1, then anything in [-1, C)
    target = np.full((5, 4), -1)
    for row, labels in enumerate(mask):
        classes = np.flatnonzero(labels)
        target[row, : classes.size] = classes
    return {"scores": scores, "target": target, "mask": mask}


def _confidences(rng, case):
    # Labels drawn from the probabilities, so that some bins are over- and some
    # under-confident: with every bin on one side, any binning gives the same ECE.
    probs = rng.dirichlet(np.full(3, 0.5), size=40)
    target = (rng.uniform(size=(40, 1)) > probs.cumsum(axis=1)).sum(axis=1).clip(0, 2)
    if case == "edge":  # n_bins=5: wrong at 0.6 (an edge) and at exactly 1, beside
        # 16 right answers at 0.85 that make the top bin under-confident
        probs[:18] = [[0.6, 0.4, 0.0], [1.0, 0.0, 0.0]] + [[0.85, 0.15, 0.0]] * 16
        target[:18] = [1, 1] + [0] * 16
    return {"probs": probs, "target": target}


def _soft_masks(rng, case):
    probs = rng.uniform(0.0, 1.0, size=(4, 25))
    target = rng.integers(0, 2, size=(4, 25)).astype(float)
    if case == "edge":
        probs[0] = target[0]  # a perfect prediction
        target[1] = 0.0  # no foreground
        probs[2] = [1e-9, 1 - 1e-9] * 12 + [0.5]
    return {"probs": probs, "target": target}


# TRL / transformers: the inputs of the alignment and language-model losses.


def _preferences(rng, case):
    # Summed log-probabilities of 8 pairs, and each completion's token count (TRL's IPO
    # and "sigmoid_norm" divide by it).
    pc, pr, rc, rr = -rng.uniform(2.0, 40.0, size=(4, 8))
    chosen_len, rejected_len = rng.integers(1, 30, size=(2, 8)).astype(float)
    if case == "edge":
        pc[0], rc[0] = -1.0, -2000.0  # h = 2000 - ...: far beyond the sigmoid's bend
        pr[1], rr[1] = -1.0, -3000.0  # h = -3000 + ...
        pc[2], pr[2] = rc[2], rr[2]  # the policy is the reference: h = 0
        pc[3], rc[3], pr[3], rr[3] = -5.0, -15.0, -7.0, -7.0  # h = 10: the hinge's kink at beta 0.1
        chosen_len[4] = 1.0
    return {"pc": pc, "pr": pr, "rc": rc, "rr": rr, "chosen_len": chosen_len,
            "rejected_len": rejected_len}  # fmt: skip


def _rollout(rng, case):
    # Per-token log-probabilities of 3 sampled completions of 5 tokens (policy, the policy
    # that sampled them, the reference), one advantage per completion, a completion mask.
    logp = -rng.uniform(0.05, 4.0, size=(3, 5))
    old_logp = np.minimum(logp + rng.normal(0.0, 0.3, size=(3, 5)), 0.0)
    ref_logp = np.minimum(logp + rng.normal(0.0, 0.5, size=(3, 5)), 0.0)
    advantages = np.repeat(rng.normal(size=(3, 1)), 5, axis=1)
    mask = (np.arange(5)[None] < np.array([[5], [3], [2]])).astype(np.int64)
    if case == "edge":
        logp[0, :3] = [-1.0, -2.0, -3.5]
        old_logp[0, :3] = [-6.0, -2.0 - np.log(1.2), -0.5]  # ratios e^5, 1 / 1.2, e^-3
        ref_logp[1] = logp[1]  # the reference is the policy: every estimate is 0
        ref_logp[2, 0], logp[2, 0] = 0.0, -8.0  # log-ratio 8
        advantages[1] = 0.0
    return {"logp": logp, "old_logp": old_logp, "ref_logp": ref_logp,
            "advantages": advantages, "mask": mask}  # fmt: skip


def _overflow(rng, case):
    # Log-ratios of 1e4: the ratio overflows to inf; the first advantage is 0.
    logp = -rng.uniform(0.0, 1.0, size=4)
    advantages = rng.normal(size=4)
    advantages[0] = 0.0
    return {"logp": logp, "old_logp": logp - 1e4, "advantages": advantages}


def _close_policies(rng, case):
    # A policy a step away from its reference: log-ratios of about 1e-6.
    logp = -rng.uniform(0.05, 4.0, size=(3, 5))
    ref_logp = logp + rng.normal(0.0, 1e-6, size=(3, 5))
    if case == "edge":
        ref_logp[0] = logp[0] + 1e-9
    return {"logp": logp, "ref_logp": np.minimum(ref_logp, 0.0)}


def _groups(rng, case):
    rewards = rng.normal(size=(4, 6))
    if case == "edge":
        rewards[0] = 0.1  # equal rewards: advantages 0
        rewards[1] = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        rewards[2] *= 1e4
    return {"rewards": rewards}


def _router(rng, case):
    # Router logits of 3 layers, each over 2 sequences of 4 tokens (8 rows) and 4 experts.
    router_logits = rng.normal(size=(3, 8, 4)) * 2
    attention_mask = np.array([[1, 1, 1, 1], [1, 1, 0, 0]])  # the second sequence is padded
    if case == "edge":
        router_logits[0, :, 0] += 30.0  # layer 0 routes every token to expert 0
        router_logits[1, 2] = [60.0, -60.0, 0.0, 5.0]  # probabilities 1 to e^-120
    return {"router_logits": router_logits, "attention_mask": attention_mask}


def _distill_tokens(rng, case):
    out = _teacher(rng, case)
    labels = rng.integers(0, 6, size=(2, 5))
    labels[1, 3:] = -100  # padding
    return {**out, "labels": labels}


INPUTS: dict[str, Callable] = {
    "gan": _gan,
    "diffusion": _diffusion,
    "frames": _frames,
    "soft_targets": _soft_targets,
    "empty": _empty,
    "x": _x,
    "regression": _regression,
    "classes": _classes,
    "ignored": _ignored,
    "binary_probs": _binary_probs,
    "binary_logits": _binary_logits,
    "scores": _scores,
    "distributions": _distributions,
    "boxes": _boxes,
    "triplets": _triplets,
    "pairs": _pairs,
    "gaussians": _gaussians,
    "labels": _labels,
    "masks": _masks,
    "tokens": _tokens,
    "teacher": _teacher,
    "rewards": _rewards,
    "gaussian": _gaussian,
    "counts": _counts,
    "priors": _priors,
    "multilabel": _multilabel,
    "soft_masks": _soft_masks,
    "confidences": _confidences,
    "views": _views,
    "class_masks": _class_masks,
    "preferences": _preferences,
    "rollout": _rollout,
    "close_policies": _close_policies,
    "overflow": _overflow,
    "groups": _groups,
    "router": _router,
    "distill_tokens": _distill_tokens,
}

# --- Phrases several calls share (one message each in the Chinese catalog). -----------
ELEMENTS = "the number of elements"
ROWS = "the number of rows"
W_SUM = "the sum of `weight[target]`"
EMPTY = "zero elements: 0 / 0 = NaN"
KEPT = "the number of targets not ignored"
# The averaging page's table names the same divisors in fewer words (its columns are narrow).
SHORT = {
    ELEMENTS: "elements",
    ROWS: "rows",
    W_SUM: "Σ target weights",  # no code span: a span does not wrap, and 4 columns hold it
    KEPT: "targets not ignored",
    EMPTY: "0 / 0 = NaN",
    "the sum of the weights": "Σ weights",
    "the number of elements (the weights are not summed)": "elements (not Σ weights)",
    "the first dimension only": "first dimension",
    "an empty batch raises a ValueError": "raises ValueError",
    "all the rows: 0 / 8 = 0": "rows: 0 / 8 = 0",
    "nothing: the empty array is returned": "an empty array",
    "the classes present in the target or the prediction": "classes present",
    "all the classes of `labels`": "all `labels`",
    "one ratio of the counts pooled over the classes": "pooled counts",
    "the whole batch as one sample": "one pooled sample",
    "the samples times the classes": "samples and classes",
    "the positive pairs: 2N for two views": "positive pairs (2N)",
    "each sequence's target length (at least 1), then the batch size": "target lengths, then rows",
    "each sequence's token count, then the number of sequences": "tokens per sequence, then rows",
}
NONE = "no reduction: returns one value per element; `.mean()` by hand"
NONE_ROWS = "no reduction: returns one value per row; `.mean()` by hand"
KERAS_ORDER = "`y_true` comes first, the prediction second"
KERAS_LAST = "averages over the last axis, then over the batch"
KERAS_CLIP = "clips probabilities to [1e-7, 1 - 1e-7] first"
SK_ORDER = "`y_true` comes first"
F32 = "computes in float32 (`keras.config.floatx()`)"
KERAS_SIGMOID = (
    "applies the sigmoid, then clips the probabilities: logits beyond about ±16 give a capped loss"
)
KERAS_SOFTMAX = (
    "applies the softmax, then clips the probabilities: a capped loss for far-off logits"
)
# TRL / transformers (the versions of CHECKED_WITH): where each written-out formula is.
TRL_DPO = "TRL's `DPOTrainer._compute_loss` (trl/trainer/dpo_trainer.py), written out in torch"
TRL_GRPO = "TRL's `GRPOTrainer._compute_loss` (trl/trainer/grpo_trainer.py), written out in torch"
TRL_F32 = "returns float32 whatever the input dtype (it casts with `.float()`): checked to 1e-6"

# Keras' CTC loss on the frames: no lengths, so the padding of the targets becomes 0, the blank
KERAS_CTC = (
    "keras.losses.CTC()(np.where(label_paddings > 0, 0, targets),"
    " np.transpose(log_probs, (1, 0, 2)))"
)
IN_BATCH = "in-batch negatives: query i against every key, its target the key i"
DICE_AXIS = "`axis=-1` for one index per sample: the default `axis=None` pools the batch"
KERAS_EMPTY = "an empty batch is returned unreduced: the empty array of per-sample losses"
SK_EMPTY = "an empty batch raises a ValueError, as lossdocs' mean does"
KERAS_EMPTY_DOCS = (
    '`"sum_over_batch_size"` "sum[s] the loss and divide[s] by the sample size";'
    " on an empty batch it returns the empty array of losses, not a number"
)


def _empty_batch(function, code, torch="", optax="", keras="", sklearn="", quote=False):
    """An entry for an empty batch, where lossdocs' mean raises: `code` is its sum divided
    by the size, 0 / 0 = NaN, which PyTorch and optax return; Keras returns an empty
    array (a trap; `quote` adds its documentation's words, once on the page is enough),
    scikit-learn raises like lossdocs."""
    calls = [
        *([Call("torch", torch, EMPTY, cases=("random",))] if torch else []),
        *([Call("optax", optax, EMPTY, (NONE,), cases=("random",))] if optax else []),
        *(
            [
                Call(
                    "keras",
                    keras,
                    "nothing: the empty array is returned",
                    (KERAS_EMPTY,),
                    cases=("random",),
                    agrees=False,
                    docs=KERAS_EMPTY_DOCS if quote else "",
                )
            ]
            if keras
            else []
        ),
        *(
            [
                Call(
                    "sklearn",
                    sklearn,
                    differences=(SK_EMPTY,),
                    cases=("random",),
                    raises="ValueError",
                )
            ]
            if sklearn
            else []
        ),
    ]
    return Entry(
        function,
        code,
        "empty",
        tuple(calls),
        "an empty batch raises a ValueError",
        about="an empty batch",
    )


ENTRIES: tuple[Entry, ...] = (
    # --- activations ------------------------------------------------------------------
    Entry(
        "sigmoid",
        "sigmoid(x)",
        "x",
        (
            Call("torch", "torch.sigmoid(x)"),
            Call("optax", "jax.nn.sigmoid(x)"),
            Call("keras", "ops.sigmoid(x)", differences=(F32,)),
        ),
    ),
    Entry(
        "log_sigmoid",
        "log_sigmoid(x)",
        "x",
        (
            Call("torch", "F.logsigmoid(x)"),
            Call("optax", "jax.nn.log_sigmoid(x)"),
            Call("keras", "ops.log_sigmoid(x)", differences=(F32,)),
        ),
    ),
    Entry(
        "softmax",
        "softmax(x, axis=-1)",
        "x",
        (
            Call("torch", "torch.softmax(x, dim=-1)"),
            Call("optax", "jax.nn.softmax(x, axis=-1)"),
            Call("keras", "ops.softmax(x, axis=-1)", differences=(F32,)),
        ),
    ),
    Entry(
        "log_softmax",
        "log_softmax(x, axis=-1)",
        "x",
        (
            Call("torch", "F.log_softmax(x, dim=-1)"),
            Call("optax", "jax.nn.log_softmax(x, axis=-1)"),
            Call("keras", "ops.log_softmax(x, axis=-1)", differences=(F32,)),
        ),
    ),
    Entry(
        "logsumexp",
        "logsumexp(x, axis=-1)",
        "x",
        (
            Call("torch", "torch.logsumexp(x, dim=-1)"),
            Call("optax", "jax.nn.logsumexp(x, axis=-1)"),
            Call("keras", "ops.logsumexp(x, axis=-1)", differences=(F32,)),
        ),
    ),
    # --- regression -------------------------------------------------------------------
    Entry(
        "mse",
        "mse(pred, target)",
        "regression",
        (
            Call("torch", "F.mse_loss(pred, target)", ELEMENTS),
            Call("optax", "optax.losses.squared_error(pred, target).mean()", "", (NONE,)),
            Call(
                "keras",
                "keras.losses.MeanSquaredError()(target, pred)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, F32),
            ),
            Call("sklearn", "metrics.mean_squared_error(target, pred)", ELEMENTS, (SK_ORDER,)),
        ),
        ELEMENTS,
    ),
    _empty_batch(
        "mse",
        "mse(pred, target, reduction='sum') / pred.size",
        torch="F.mse_loss(pred, target)",
        optax="optax.losses.squared_error(pred, target).mean()",
        keras="keras.losses.MeanSquaredError()(target, pred)",
        sklearn="metrics.mean_squared_error(target, pred)",
        quote=True,
    ),
    Entry(
        "mae",
        "mae(pred, target)",
        "regression",
        (
            Call("torch", "F.l1_loss(pred, target)", ELEMENTS),
            Call(
                "keras",
                "keras.losses.MeanAbsoluteError()(target, pred)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, F32),
            ),
            Call("sklearn", "metrics.mean_absolute_error(target, pred)", ELEMENTS, (SK_ORDER,)),
        ),
        ELEMENTS,
    ),
    Entry(
        "huber",
        "huber(pred, target, delta=0.5)",
        "regression",
        (
            Call("torch", "F.huber_loss(pred, target, delta=0.5)", ELEMENTS),
            Call("optax", "optax.losses.huber_loss(pred, target, delta=0.5).mean()", "", (NONE,)),
            Call(
                "keras",
                "keras.losses.Huber(delta=0.5)(target, pred)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, F32),
            ),
        ),
        ELEMENTS,
    ),
    _empty_batch(
        "huber",
        "huber(pred, target, reduction='sum') / pred.size",
        torch="F.huber_loss(pred, target)",
        optax="optax.losses.huber_loss(pred, target).mean()",
        keras="keras.losses.Huber()(target, pred)",
    ),
    Entry(
        "smooth_l1",
        "smooth_l1(pred, target, beta=0.5)",
        "regression",
        (
            Call(
                "torch",
                "F.smooth_l1_loss(pred, target, beta=0.5)",
                ELEMENTS,
                cheat="`torch.nn.functional.smooth_l1_loss`",
            ),
            Call(
                "torch",
                "F.huber_loss(pred, target, delta=0.5) / 0.5",
                ELEMENTS,
                ("Huber with delta = beta is beta times Smooth L1",),
            ),
            Call(
                "optax",
                "optax.losses.huber_loss(pred, target, delta=0.5).mean() / 0.5",
                "",
                ("no Smooth L1: Huber divided by its delta", NONE),
                cheat="`optax.losses.huber_loss` divided by `delta`",
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "gaussian_nll",
        "gaussian_nll(mu, target, var)",
        "gaussian",
        (
            Call(
                "torch",
                "F.gaussian_nll_loss(mu, target, var)",
                ELEMENTS,
                ("the variance is clamped at eps under `torch.no_grad()`: the same value",),
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "gaussian_nll",
        "gaussian_nll(mu, target, var_rows, full=True)",
        "gaussian",
        (
            Call(
                "torch",
                "F.gaussian_nll_loss(mu, target, var_rows, full=True)",
                ELEMENTS,
                ("a variance of shape (N,) against (N, D) is one per row, not NumPy's broadcast",),
            ),
            Call(
                "torch",
                "F.gaussian_nll_loss(mu, target, var_rows[:, None], full=True)",
                ELEMENTS,
                ("shape (N, 1) says the same",),
            ),
        ),
        ELEMENTS,
        about="one variance per row, full",
    ),
    Entry(
        "poisson_nll",
        "poisson_nll(log_rate, target, full=True)",
        "counts",
        (
            Call(
                "torch",
                "F.poisson_nll_loss(log_rate, target, full=True)",
                ELEMENTS,
                ("the Stirling term only for counts above 1",),
            ),
        ),
        ELEMENTS,
        about="log-rates, full",
    ),
    Entry(
        "poisson_nll",
        "poisson_nll(rate, target, log_input=False, eps=1e-7)",
        "counts",
        (
            Call("torch", "F.poisson_nll_loss(rate, target, log_input=False, eps=1e-7)", ELEMENTS),
            Call(
                "keras",
                "keras.losses.Poisson()(target, rate)",
                ELEMENTS,
                (KERAS_ORDER, "takes the rate, not its log; eps = 1e-7 inside the log", F32),
                cheat="`keras.losses.Poisson` (a rate, eps 1e-7)",
            ),
        ),
        ELEMENTS,
        about="rates",
    ),
    Entry(
        "poisson_nll",
        "poisson_nll(log_rate, target)",
        "counts",
        (
            Call(
                "sklearn",
                "metrics.mean_poisson_deviance(target.ravel(), rate.ravel()) / 2",
                ELEMENTS,
                (
                    "the deviance subtracts the log-likelihood of the rate equal to the count:"
                    " half of it differs by the mean of y log y - y, and is 0 at a perfect fit",
                ),
                cases=("random",),
                agrees=False,
                cheat=(
                    "`sklearn.metrics.mean_poisson_deviance` (twice the NLL above its value at "
                    "$\\lambda = y$)"
                ),
            ),
        ),
        ELEMENTS,
        about="half the Poisson deviance",
    ),
    Entry(
        "quantile_loss",
        "quantile_loss(pred, target, quantile=0.9)",
        "regression",
        (
            Call(
                "sklearn",
                "metrics.mean_pinball_loss(target, pred, alpha=0.9)",
                ELEMENTS,
                (SK_ORDER, "`alpha` is the quantile"),
                cheat="`sklearn.metrics.mean_pinball_loss` (`alpha` is $q$)",
            ),
            Call(
                "sklearn",
                "metrics.mean_pinball_loss(pred, target, alpha=0.9)",
                ELEMENTS,
                ("with the prediction first it is the loss of the quantile 1 - alpha",),
                agrees=False,
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "log_cosh",
        "log_cosh(pred, target)",
        "regression",
        (
            Call(
                "optax",
                "optax.losses.log_cosh(pred, target).mean()",
                "",
                (
                    "computes logaddexp(x, -x) - log 2: rounding noise instead of x²/2"
                    " for residuals below about 1e-8",
                    NONE,
                ),
            ),
            Call(
                "keras",
                "keras.losses.LogCosh()(target, pred)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, F32),
            ),
        ),
        ELEMENTS,
    ),
    # --- classification ---------------------------------------------------------------
    Entry(
        "cross_entropy",
        "cross_entropy(logits, target)",
        "classes",
        (
            Call("torch", "F.cross_entropy(logits, target)", ROWS),
            Call(
                "optax",
                "optax.losses.softmax_cross_entropy_with_integer_labels(logits, target).mean()",
                "",
                (NONE_ROWS,),
                cheat="`optax.losses.softmax_cross_entropy_with_integer_labels` (indices)",
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True)(target, logits)",
                ROWS,
                (KERAS_ORDER, "`from_logits=False` by default: pass `from_logits=True`", F32),
                cheat="`keras.losses.SparseCategoricalCrossentropy(from_logits=True)` (indices)",
            ),
            Call(
                "sklearn",
                "metrics.log_loss(target, np.exp(logits) / np.exp(logits).sum(1, keepdims=True),"
                " labels=range(4))",
                ROWS,
                ("takes probabilities, not logits", SK_ORDER),
                cases=("random",),
                cheat="`sklearn.metrics.log_loss` (on probabilities)",
            ),
        ),
        ROWS,
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, target, weight=weight)",
        "classes",
        (
            Call("torch", "F.cross_entropy(logits, target, weight=weight)", W_SUM),
            Call(
                "optax",
                "(weight[target] * optax.losses.softmax_cross_entropy_with_integer_labels("
                "logits, target)).sum() / weight[target].sum()",
                "",
                ("no class weights: weigh and divide by hand",),
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"
                "(target, logits, sample_weight=weight[target])",
                ROWS,
                ("a weighted mean divides by N, not by the sum of the weights",),
                agrees=False,
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True,"
                " reduction='mean_with_sample_weight')"
                "(target, logits, sample_weight=weight[target])",
                W_SUM,
                (
                    "class weights as `sample_weight`, with `reduction='mean_with_sample_weight'`",
                    F32,
                ),
            ),
            Call(
                "sklearn",
                "metrics.log_loss(target, np.exp(logits) / np.exp(logits).sum(1, keepdims=True),"
                " sample_weight=weight[target], labels=range(4))",
                W_SUM,
                ("takes probabilities, not logits",),
                cases=("random",),
            ),
        ),
        W_SUM,
        about="class weights",
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, target)",
        "ignored",
        (
            Call("torch", "F.cross_entropy(logits, target)", KEPT),
            Call(
                "optax",
                "(optax.losses.softmax_cross_entropy_with_integer_labels(logits, "
                "jnp.where(target == -100, 0, target)) * (target != -100)).sum()"
                " / (target != -100).sum()",
                "",
                ("no ignore_index: mask and divide by hand",),
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=-100)"
                "(target, logits)",
                KEPT,
                ("`ignore_class`, not `ignore_index`",),
            ),
        ),
        KEPT,
        about="two targets are -100 (ignored)",
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, target, label_smoothing=0.1)",
        "classes",
        (
            Call("torch", "F.cross_entropy(logits, target, label_smoothing=0.1)", ROWS),
            Call(
                "optax",
                "optax.losses.softmax_cross_entropy(logits,"
                " optax.smooth_labels(jax.nn.one_hot(target, 4), 0.1)).mean()",
                "",
                ("one-hot targets; `optax.smooth_labels` mixes in eps / K, as torch does", NONE),
            ),
            Call(
                "keras",
                "keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)"
                "(np.eye(4)[target], logits)",
                ROWS,
                ("one-hot targets: the sparse loss has no `label_smoothing`", F32),
            ),
        ),
        ROWS,
        about="label smoothing",
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, probs)",
        "soft_targets",
        (
            Call("torch", "F.cross_entropy(logits, probs)", ROWS),
            Call(
                "optax",
                "optax.losses.softmax_cross_entropy(logits, probs).mean()",
                "",
                (NONE_ROWS,),
                cheat="`optax.losses.softmax_cross_entropy` (probabilities)",
            ),
            Call(
                "keras",
                "keras.losses.CategoricalCrossentropy(from_logits=True)(probs, logits)",
                ROWS,
                (KERAS_ORDER, F32),
                cheat="`keras.losses.CategoricalCrossentropy(from_logits=True)` (one-hot)",
            ),
        ),
        ROWS,
        about="class-probability targets",
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, probs, weight=weight)",
        "soft_targets",
        (
            Call(
                "torch",
                "F.cross_entropy(logits, probs, weight=weight)",
                ROWS,
                ("with class probabilities, a weighted mean divides by N",),
            ),
        ),
        ROWS,
        about="class-probability targets and class weights",
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, np.full(8, -100))",
        "classes",
        (
            Call(
                "torch",
                "F.cross_entropy(logits, torch.full((8,), -100))",
                EMPTY,
                ("every target ignored: NaN (since PyTorch 1.11)",),
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=-100)"
                "(np.full(8, -100), logits)",
                "all the rows: 0 / 8 = 0",
                ("every target ignored: 0, not NaN",),
                docs='`"sum_over_batch_size"` "sum[s] the loss and divide[s] by the sample size";'
                " it divides by the number of targets not ignored, and returns 0"
                " when there is none",
                agrees=False,
            ),
        ),
        EMPTY,
        about="every target ignored",
    ),
    _empty_batch(
        "cross_entropy",
        "cross_entropy(logits, labels, reduction='sum') / labels.size",
        torch="F.cross_entropy(logits, labels)",
        optax="optax.losses.softmax_cross_entropy_with_integer_labels(logits, labels).mean()",
        keras="keras.losses.SparseCategoricalCrossentropy(from_logits=True)(labels, logits)",
        sklearn="metrics.log_loss(labels, logits, labels=range(4))",
    ),
    Entry(
        "nll_loss",
        "nll_loss(log_softmax(logits, axis=1), target, weight=weight)",
        "classes",
        (
            Call(
                "torch",
                "F.nll_loss(F.log_softmax(logits, 1), target, weight=weight)",
                W_SUM,
            ),
            Call(
                "sklearn",
                "metrics.log_loss(target, np.exp(logits) / np.exp(logits).sum(1, keepdims=True),"
                " sample_weight=weight[target], labels=range(4))",
                W_SUM,
                ("takes probabilities, not log-probabilities",),
                cases=("random",),
                cheat="`sklearn.metrics.log_loss` (on probabilities)",
            ),
        ),
        W_SUM,
        about="class weights",
    ),
    Entry(
        "nll_loss",
        "nll_loss(np.log(0.7 * probs), target)",
        "soft_targets",
        (
            Call(
                "sklearn",
                "metrics.log_loss(target, 0.7 * probs, labels=range(4))",
                ROWS,
                ("rows that do not sum to 1 are not normalised: a warning, and the log as given",),
            ),
        ),
        ROWS,
        about="probability rows summing to 0.7",
    ),
    Entry(
        "binary_cross_entropy",
        "binary_cross_entropy(probs, target)",
        "binary_probs",
        (
            Call("torch", "F.binary_cross_entropy(probs, target)", ELEMENTS),
            Call(
                "keras",
                "keras.losses.BinaryCrossentropy()(target[:, None], probs[:, None])",
                ELEMENTS,
                (KERAS_ORDER, KERAS_CLIP, KERAS_LAST),
                cases=("random",),
            ),
            Call(
                "sklearn",
                "metrics.log_loss(target, probs, labels=[0, 1])",
                ROWS,
                (SK_ORDER, "clips probabilities to [eps, 1 - eps] of their dtype"),
                cases=("random",),
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "binary_cross_entropy",
        "binary_cross_entropy(np.r_[probs, 0.0], np.r_[target, 1.0])",
        "binary_probs",
        (
            Call(
                "torch",
                "F.binary_cross_entropy(torch.cat([probs, torch.zeros(1)]),"
                " torch.cat([target, torch.ones(1)]))",
                ELEMENTS,
                ("log 0 is clamped at -100",),
            ),
            Call(
                "sklearn",
                "metrics.log_loss(np.r_[target, 1.0], np.r_[probs, 0.0], labels=[0, 1])",
                ROWS,
                (
                    "clips probabilities to [eps, 1 - eps] of their dtype: a loss of at most"
                    " 36.04 per sample in float64, where torch and lossdocs clamp the log at -100",
                ),
                agrees=False,
            ),
        ),
        ELEMENTS,
        about="a probability of 0 for a positive target",
    ),
    Entry(
        "binary_cross_entropy",
        "binary_cross_entropy(probs, target, weight=weight)",
        "binary_probs",
        (
            Call("torch", "F.binary_cross_entropy(probs, target, weight=weight)", ELEMENTS),
            Call(
                "sklearn",
                "metrics.log_loss(target, probs, sample_weight=weight, labels=[0, 1])",
                "the sum of the weights",
                ("a weighted mean divides by the sum of the weights",),
                cases=("random",),
                agrees=False,
            ),
        ),
        "the number of elements (the weights are not summed)",
        about="element weights",
    ),
    Entry(
        "binary_cross_entropy_with_logits",
        "binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight)",
        "binary_logits",
        (
            Call(
                "torch",
                "F.binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight)",
                ELEMENTS,
            ),
            Call(
                "optax",
                "(optax.losses.sigmoid_binary_cross_entropy(logits, target)"
                " * (1 + (pos_weight - 1) * target)).mean()",
                "",
                ("no pos_weight: it multiplies the positive term only", NONE),
            ),
        ),
        ELEMENTS,
        about="pos_weight",
    ),
    Entry(
        "binary_cross_entropy_with_logits",
        "binary_cross_entropy_with_logits(logits, target)",
        "binary_logits",
        (
            Call("torch", "F.binary_cross_entropy_with_logits(logits, target)", ELEMENTS),
            Call(
                "optax",
                "optax.losses.sigmoid_binary_cross_entropy(logits, target).mean()",
                "",
                (NONE,),
            ),
            Call(
                "keras",
                "keras.losses.BinaryCrossentropy(from_logits=True)(target, logits)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, F32),
                cheat="`keras.losses.BinaryCrossentropy(from_logits=True)`",
            ),
        ),
        ELEMENTS,
    ),
    _empty_batch(
        "binary_cross_entropy_with_logits",
        "binary_cross_entropy_with_logits(pred, target, reduction='sum') / pred.size",
        torch="F.binary_cross_entropy_with_logits(pred, target)",
        optax="optax.losses.sigmoid_binary_cross_entropy(pred, target).mean()",
        keras="keras.losses.BinaryCrossentropy(from_logits=True)(target, pred)",
    ),
    Entry(
        "focal_loss",
        "focal_loss(logits, target, alpha=0.8, gamma=0.0)",
        "binary_logits",
        (
            Call(
                "torch",
                "0.2 * F.binary_cross_entropy_with_logits(logits, target,"
                " pos_weight=torch.tensor(0.8 / 0.2))",
                ELEMENTS,
                (
                    "alpha weighs positives by alpha and negatives by 1 - alpha;"
                    " pos_weight = alpha / (1 - alpha) weighs only the positives:"
                    " equal up to the factor 1 - alpha",
                ),
            ),
        ),
        ELEMENTS,
        about="alpha against pos_weight",
    ),
    Entry(
        "hinge",
        "hinge(scores, target)",
        "scores",
        (
            Call("optax", "optax.losses.hinge_loss(scores, target).mean()", "", (NONE,)),
            Call(
                "keras",
                "keras.losses.Hinge()(target[None], scores[None])",
                ELEMENTS,
                (KERAS_ORDER, "0/1 targets are mapped to -1/+1", F32),
            ),
            Call("sklearn", "metrics.hinge_loss(target, scores)", ROWS, (SK_ORDER,)),
        ),
        ELEMENTS,
    ),
    _empty_batch(
        "hinge",
        "hinge(pred, target, reduction='sum') / pred.size",
        optax="optax.losses.hinge_loss(pred, target).mean()",
        keras="keras.losses.Hinge()(target, pred)",
        sklearn="metrics.hinge_loss(target.ravel(), pred.ravel())",
    ),
    Entry(
        "logistic",
        "logistic(scores, target)",
        "scores",
        (Call("torch", "F.soft_margin_loss(scores, target)", ELEMENTS),),
        ELEMENTS,
    ),
    Entry(
        "focal_loss",
        "focal_loss(logits, target, alpha=0.25, gamma=2.0)",
        "binary_logits",
        (
            Call(
                "torch",
                "tv.sigmoid_focal_loss(logits, target, alpha=0.25, gamma=2.0, reduction='mean')",
                ELEMENTS,
                ("torchvision's default is `reduction='none'`",),
            ),
            Call(
                "optax",
                "optax.losses.sigmoid_focal_loss(logits, target, alpha=0.25, gamma=2.0).mean()",
                "",
                (NONE,),
            ),
            Call(
                "keras",
                "keras.losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.25,"
                " gamma=2.0, from_logits=True)(target, logits)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, KERAS_SIGMOID, F32),
                cases=("random",),
            ),
            Call(
                "keras",
                "keras.losses.BinaryFocalCrossentropy(alpha=0.25, gamma=2.0, from_logits=True)"
                "(target, logits)",
                ELEMENTS,
                ("`alpha` is ignored unless `apply_class_balancing=True`",),
                agrees=False,
                docs='`alpha`: "A weight balancing factor for class 1, default is `0.25`";'
                " it does not say that the default `apply_class_balancing=False` switches it off",
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "softmax_focal_loss",
        "softmax_focal_loss(logits, target, gamma=2.0)",
        "classes",
        (
            Call(
                "keras",
                "keras.losses.CategoricalFocalCrossentropy(alpha=1.0, gamma=2.0, from_logits=True)"
                "(np.eye(4)[target], logits)",
                ROWS,
                (
                    "one-hot targets",
                    "`alpha=0.25` by default: pass `alpha=1.0`",
                    KERAS_SOFTMAX,
                    F32,
                ),
                cases=("random",),
            ),
        ),
        ROWS,
    ),
    Entry(
        "zero_one",
        "zero_one(pred_labels, target)",
        "labels",
        (Call("sklearn", "metrics.zero_one_loss(target, pred_labels)", ROWS, (SK_ORDER,)),),
        ROWS,
    ),
    Entry(
        "squared_hinge",
        "squared_hinge(scores, target)",
        "scores",
        (
            Call(
                "torch",
                "2 * F.multi_margin_loss(torch.stack([-scores / 2, scores / 2], 1),"
                " ((target + 1) / 2).long(), p=2)",
                ELEMENTS,
                (
                    "no binary function: the multiclass loss with p = 2 on the columns"
                    " [-s/2, s/2], times 2 for its division by the 2 classes",
                ),
                cheat="— (`2 * F.multi_margin_loss(..., p=2)` on the columns $[-s/2, s/2]$)",
            ),
            Call(
                "keras",
                "keras.losses.SquaredHinge()(target[None], scores[None])",
                ELEMENTS,
                (KERAS_ORDER, "0/1 targets are mapped to -1/+1", F32),
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "multi_margin_loss",
        "multi_margin_loss(logits, target)",
        "classes",
        (
            Call("torch", "F.multi_margin_loss(logits, target)", ROWS),
            Call(
                "sklearn",
                "metrics.hinge_loss(target, logits, labels=range(4))",
                ROWS,
                (
                    "the multiclass hinge of Crammer and Singer: only the largest wrong score,"
                    " not the sum over the wrong classes divided by C",
                ),
                agrees=False,
            ),
            Call(
                "optax",
                "optax.losses.multiclass_hinge_loss(logits, target).mean()",
                "",
                (
                    "Crammer and Singer's hinge as well: max over the classes of the score"
                    " plus 1 off the target, minus the target's score",
                    NONE_ROWS,
                ),
                agrees=False,
            ),
            Call(
                "keras",
                "keras.losses.CategoricalHinge()(np.eye(4)[target], logits)",
                ROWS,
                (
                    "Crammer and Singer's hinge too: max(0, 1 + the largest wrong score"
                    " - the target's score), on one-hot targets",
                ),
                agrees=False,
            ),
        ),
        ROWS,
    ),
    Entry(
        "multi_margin_loss",
        "multi_margin_loss(logits, target, p=2, weight=weight)",
        "classes",
        (
            Call(
                "torch",
                "F.multi_margin_loss(logits, target, p=2, weight=weight)",
                ROWS,
                ("the weight multiplies the squared hinge; the mean divides by N, not Σ weights",),
            ),
        ),
        ROWS,
        about="p = 2, class weights",
    ),
    Entry(
        "multilabel_margin_loss",
        "multilabel_margin_loss(scores, target)",
        "multilabel",
        (
            Call(
                "torch",
                "F.multilabel_margin_loss(scores, target)",
                ROWS,
                ("the target lists class indices, ended by -1",),
            ),
            Call(
                "torch",
                "F.multilabel_margin_loss(scores, mask)",
                ROWS,
                ("a 0/1 mask is read as class indices: the classes 0 and 1, whatever it marks",),
                agrees=False,
            ),
        ),
        ROWS,
    ),
    Entry(
        "multilabel_soft_margin_loss",
        "multilabel_soft_margin_loss(logits, target)",
        "binary_logits",
        (
            Call("torch", "F.multilabel_soft_margin_loss(logits, target)", ROWS),
            Call(
                "optax",
                "optax.losses.sigmoid_binary_cross_entropy(logits, target).mean()",
                "",
                ("binary cross-entropy per label: the mean of the row means is the mean", NONE),
                cheat="`optax.losses.sigmoid_binary_cross_entropy`, averaged (no weight)",
            ),
            Call(
                "keras",
                "keras.losses.BinaryCrossentropy(from_logits=True)(target, logits)",
                ELEMENTS,
                (KERAS_ORDER, KERAS_LAST, F32),
                cheat="`keras.losses.BinaryCrossentropy(from_logits=True)` (no weight)",
            ),
        ),
        ROWS,
    ),
    Entry(
        "multilabel_soft_margin_loss",
        "multilabel_soft_margin_loss(logits, target, weight=pos_weight)",
        "binary_logits",
        (
            Call(
                "torch",
                "F.multilabel_soft_margin_loss(logits, target, weight=pos_weight)",
                ROWS,
                ("each row divides by C, not by the sum of the label weights",),
            ),
        ),
        ROWS,
        about="label weights",
    ),
    Entry(
        "logit_adjusted_cross_entropy",
        "logit_adjusted_cross_entropy(logits, target, class_priors, tau=0.5)",
        "priors",
        (
            Call(
                "torch",
                "F.cross_entropy(logits + 0.5 * torch.log(class_priors), target)",
                ROWS,
                ("no such loss: shift the logits by tau log(prior) by hand",),
                cheat="— (`F.cross_entropy(z + tau * torch.log(pi), y)`)",
            ),
            Call(
                "optax",
                "optax.losses.softmax_cross_entropy_with_integer_labels("
                "logits + 0.5 * jnp.log(class_priors), target).mean()",
                "",
                ("shift the logits by hand", NONE_ROWS),
                cheat=(
                    "`optax.losses.softmax_cross_entropy_with_integer_labels` on the shifted logits"
                ),
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"
                "(target, logits + 0.5 * np.log(class_priors))",
                ROWS,
                ("shift the logits by hand", KERAS_ORDER, F32),
                cheat=(
                    "`keras.losses.SparseCategoricalCrossentropy(from_logits=True)` on the "
                    "shifted logits"
                ),
            ),
        ),
        ROWS,
    ),
    Entry(
        "expected_calibration_error",
        "expected_calibration_error(probs, target, n_bins=5)",
        "confidences",
        (
            Call(
                "torch",
                "tm.functional.classification.multiclass_calibration_error("
                "probs, target, num_classes=3, n_bins=5, norm='l1')",
                "",
                (
                    "computes in float32 (checked to 1e-6)",
                    "bins closed on the left, [(m - 1)/M, m/M): a confidence on an edge "
                    "joins the bin above",
                ),
                cases=("random",),
                cheat='— (torchmetrics: `MulticlassCalibrationError(norm="l1")`)',
            ),
            Call(
                "torch",
                "tm.functional.classification.multiclass_calibration_error("
                "probs, target, num_classes=3, n_bins=5, norm='l1')",
                "",
                (
                    "a confidence on an edge joins the bin above, and one of exactly 1 "
                    "(a saturated softmax) gets a bin of its own: M + 1 bins in all, where "
                    "lossdocs and Guo et al. use (m/M - 1/M, m/M]",
                ),
                cases=("edge",),
                agrees=False,
            ),
        ),
    ),
    # --- segmentation -----------------------------------------------------------------
    Entry(
        "confusion_matrix",
        "confusion_matrix(pred_labels, target, 3)",
        "labels",
        (
            Call(
                "sklearn",
                "metrics.confusion_matrix(target, pred_labels, labels=range(3))",
                differences=(SK_ORDER,),
            ),
        ),
    ),
    Entry(
        "iou_per_class",
        "iou_per_class(pred_labels, target, 3)",
        "labels",
        (
            Call(
                "sklearn",
                "metrics.jaccard_score(target, pred_labels, labels=range(3), average=None)",
                differences=("an absent class gives 0 (with a warning), not NaN",),
                cheat="`sklearn.metrics.jaccard_score(average=None)`",
            ),
            Call(
                "keras",
                "np.array([keras.metrics.IoU(3, [c])(target, pred_labels) for c in range(3)])",
                differences=(
                    KERAS_ORDER,
                    "one metric per class (`target_class_ids=[c]`); an absent class gives 0,"
                    " not NaN",
                    F32,
                ),
                cheat="`keras.metrics.IoU`",
            ),
        ),
    ),
    Entry(
        "mean_iou",
        "mean_iou(pred_labels, target, 3)",
        "labels",
        (
            Call(
                "keras",
                "keras.metrics.MeanIoU(3)(target, pred_labels)",
                "the classes present in the target or the prediction",
                (KERAS_ORDER, F32),
            ),
            Call(
                "sklearn",
                "metrics.jaccard_score(target, pred_labels, average='macro')",
                "the classes present in the target or the prediction",
                (SK_ORDER, "without `labels`, the classes are those found in either array"),
                cheat='`sklearn.metrics.jaccard_score(average="macro")`',
            ),
            Call(
                "sklearn",
                "metrics.jaccard_score(target, pred_labels, average='micro')",
                "one ratio of the counts pooled over the classes",
                (
                    "pools the counts of all classes, ΣTP / Σ(TP + FP + FN): not a mean of"
                    " the classes' IoU",
                ),
                agrees=False,
            ),
        ),
        "the classes present in the target or the prediction",
    ),
    Entry(
        "mean_iou",
        "mean_iou(pred_labels, target, 4)",
        "labels",
        (
            Call(
                "keras",
                "keras.metrics.MeanIoU(4)(target, pred_labels)",
                "the classes present in the target or the prediction",
                ("a class with neither pixels nor predictions is left out, as here", F32),
            ),
            Call(
                "sklearn",
                "metrics.jaccard_score(target, pred_labels, labels=range(4), average='macro')",
                "all the classes of `labels`",
                (
                    "a class absent from both arrays counts as IoU 0 (with a warning);"
                    " 1.9.1 refuses `zero_division=np.nan`",
                ),
                agrees=False,
            ),
        ),
        "the classes present in the target or the prediction",
        about="class 3 absent from both",
    ),
    Entry(
        "mean_iou",
        "mean_iou(pred_labels, target, 3, ignore_index=0)",
        "labels",
        (
            Call(
                "keras",
                "keras.metrics.MeanIoU(3, ignore_class=0)(target, pred_labels)",
                "the classes present in the target or the prediction",
                ("`ignore_class`: the pixels whose target is 0 are left out", F32),
            ),
        ),
        "the classes present in the target or the prediction",
        about="ignore_index = 0",
    ),
    Entry(
        "dice_coefficient",
        "dice_coefficient(pred_mask, target_mask)",
        "masks",
        (
            Call(
                "sklearn",
                "metrics.f1_score(target_mask, pred_mask)",
                differences=("two empty masks give 0 (with a warning), not 1",),
                cheat="`sklearn.metrics.f1_score` (binary)",
            ),
        ),
    ),
    Entry(
        "jaccard_index",
        "jaccard_index(pred_mask, target_mask)",
        "masks",
        (
            Call(
                "sklearn",
                "metrics.jaccard_score(target_mask, pred_mask)",
                differences=("two empty masks give 0 (with a warning), not 1",),
            ),
        ),
    ),
    Entry(
        "dice_loss",
        "dice_loss(probs, target)",
        "soft_masks",
        (
            Call(
                "keras",
                "keras.losses.Dice(axis=-1)(target, probs)",
                ROWS,
                (KERAS_ORDER, DICE_AXIS, "adds 1e-7 to the denominator", F32),
            ),
            Call(
                "optax",
                "optax.losses.dice_loss(jnp.stack([1 - probs, probs], -1),"
                " jnp.stack([1 - target, target], -1), smooth=0.0, apply_softmax=False,"
                " reduction='none')[:, 1].mean()",
                "",
                (
                    "probabilities only as rows that sum to 1 over a last, class axis: stack"
                    " the background and keep the foreground's loss",
                    "`smooth=1` by default",
                    NONE_ROWS,
                ),
            ),
            Call(
                "keras",
                "keras.losses.Dice()(target, probs)",
                "the whole batch as one sample",
                ("the default `axis=None` sums over the batch too: one Dice of all the pixels",),
                agrees=False,
                docs='`axis`: "Tuple for which dimensions the loss is calculated. Defaults to'
                ' `None`"; `None` is every axis, the batch included, so the per-sample Dice'
                " of the formula it shows is not what it averages",
            ),
        ),
        ROWS,
    ),
    Entry(
        "dice_loss",
        "dice_loss(probs.ravel(), target.ravel())",
        "soft_masks",
        (
            Call(
                "keras",
                "keras.losses.Dice()(target, probs)",
                "the whole batch as one sample",
                (KERAS_ORDER, "adds 1e-7 to the denominator", F32),
            ),
        ),
        "the whole batch as one sample",
        about="the whole batch as one mask",
    ),
    Entry(
        "dice_loss",
        "dice_loss(probs, target, smooth=2.0)",
        "soft_masks",
        (
            Call(
                "optax",
                "optax.losses.binary_dice_loss(jnp.log(probs) - jnp.log1p(-probs), target).mean()",
                "",
                (
                    "takes logits: the sigmoid of the probabilities' logits gives them back",
                    "optax's `smooth` s is lossdocs' 2 s: it adds s to the intersection and to"
                    " the half-sum of the sizes",
                    NONE_ROWS,
                ),
            ),
            Call(
                "optax",
                "optax.losses.binary_dice_loss(probs, target, smooth=1.0, apply_sigmoid=False)",
                "",
                (
                    "with `apply_sigmoid=False` it checks that the one channel sums to 1 over"
                    " the class axis, and raises for any probability other than 1",
                ),
                agrees=False,
                docs='`apply_sigmoid`: "Whether to apply sigmoid to predictions"; without the'
                " sigmoid it refuses every probability but 1",
                raises="ValueError",
            ),
        ),
        ROWS,
        about="smooth = 2 (optax's smooth = 1, its default)",
    ),
    Entry(
        "dice_loss",
        "dice_loss(probs, target, smooth=1.0)",
        "soft_masks",
        (
            Call(
                "optax",
                "optax.losses.binary_dice_loss(jnp.log(probs) - jnp.log1p(-probs), target,"
                " smooth=1.0).mean()",
                "",
                ("optax's `smooth` counts twice: it is lossdocs' `smooth=2.0`",),
                agrees=False,
            ),
        ),
        about="smooth = 1",
    ),
    Entry(
        "generalized_dice_loss",
        "generalized_dice_loss(probs, target)",
        "class_masks",
        (
            Call(
                "optax",
                "optax.losses.multiclass_generalized_dice_loss(jnp.moveaxis(probs, 1, -1),"
                " jnp.moveaxis(target, 1, -1), smooth=0.0, apply_softmax=False)",
                "the samples times the classes",
                (
                    "a weighted mean of per-class Dice losses, the weights 1 / (count² + 1e-7)"
                    " from the whole batch: not Sudre's one ratio of weighted sums per sample",
                ),
                cases=("random",),
                agrees=False,
            ),
        ),
        ROWS,
    ),
    Entry(
        "tversky_loss",
        "tversky_loss(probs, target, alpha=0.3, beta=0.7)",
        "soft_masks",
        (
            Call(
                "keras",
                "keras.losses.Tversky(alpha=0.7, beta=0.3, axis=-1)(target, probs)",
                ROWS,
                (
                    KERAS_ORDER,
                    "its `alpha` multiplies the false negatives and `beta` the false positives:"
                    " swap them",
                    DICE_AXIS,
                    "adds 1e-7 to the denominator",
                    F32,
                ),
                docs='`alpha`: "coefficient controlling incidence of false positives";'
                " its code multiplies the false negatives by it",
                cheat=(
                    "`keras.losses.Tversky` (its `alpha` weighs the false negatives: swap `alpha`"
                    " and `beta`)"
                ),
            ),
            Call(
                "keras",
                "keras.losses.Tversky(alpha=0.3, beta=0.7, axis=-1)(target, probs)",
                ROWS,
                ("Keras' `alpha` multiplies the false negatives: the weights are swapped",),
                agrees=False,
            ),
        ),
        ROWS,
    ),
    # --- detection (torchvision written out in torch) -------------------------------
    Entry("box_area", "box_area(boxes1)", "boxes", (Call("torch", "tv.box_area(boxes1)"),)),
    Entry(
        "box_iou",
        "box_iou(boxes1, boxes2)",
        "boxes",
        (Call("torch", "tv.box_iou(boxes1, boxes2)"),),
    ),
    Entry(
        "generalized_box_iou",
        "generalized_box_iou(boxes1, boxes2)",
        "boxes",
        (Call("torch", "tv.generalized_box_iou(boxes1, boxes2)"),),
    ),
    Entry(
        "giou_loss",
        "giou_loss(boxes1, boxes2)",
        "boxes",
        (
            Call(
                "torch",
                "tv.generalized_box_iou_loss(boxes1, boxes2, reduction='mean')",
                ROWS,
                ("torchvision's default is `reduction='none'`",),
            ),
        ),
        ROWS,
    ),
    Entry(
        "diou_loss",
        "diou_loss(boxes1, boxes2)",
        "boxes",
        (
            Call(
                "torch",
                "tv.distance_box_iou_loss(boxes1, boxes2, reduction='mean')",
                ROWS,
                ("torchvision's default is `reduction='none'`",),
            ),
        ),
        ROWS,
    ),
    Entry(
        "ciou_loss",
        "ciou_loss(boxes1, boxes2)",
        "boxes",
        (
            Call(
                "torch",
                "tv.complete_box_iou_loss(boxes1, boxes2, reduction='mean')",
                ROWS,
                ("torchvision's default is `reduction='none'`",),
            ),
        ),
        ROWS,
    ),
    Entry(
        "ciou_loss",
        "ciou_loss(boxes1, boxes2, eps=0.5, reduction='none')",
        "boxes",
        (
            Call(
                "torch",
                "tv.complete_box_iou_loss(boxes1, boxes2, eps=0.5)",
                "",
                (
                    "torchvision passes `eps` to the aspect-ratio weight only: the IoU and the"
                    " distance keep 1e-7",
                ),
                agrees=False,
            ),
        ),
        about="eps = 0.5",
    ),
    # --- contrastive ------------------------------------------------------------------
    Entry(
        "triplet_margin_loss",
        "triplet_margin_loss(anchor, positive, negative)",
        "triplets",
        (
            Call("torch", "F.triplet_margin_loss(anchor, positive, negative)", ROWS),
            Call(
                "optax",
                "optax.losses.triplet_margin_loss(anchor, positive, negative).mean()",
                "",
                ("adds eps under the square root; torch adds it to each difference", NONE_ROWS),
                agrees=False,
                cheat="`optax.losses.triplet_margin_loss` (its `eps` sits under the root)",
            ),
        ),
        ROWS,
    ),
    Entry(
        "triplet_margin_loss",
        "triplet_margin_loss(anchor, positive, negative, eps=0.0)",
        "triplets",
        (
            Call("torch", "F.triplet_margin_loss(anchor, positive, negative, eps=0.0)", ROWS),
            Call(
                "optax",
                "optax.losses.triplet_margin_loss(anchor, positive, negative, eps=0.0).mean()",
                "",
                (NONE_ROWS,),
            ),
        ),
        ROWS,
        about="eps = 0",
    ),
    Entry(
        "margin_ranking_loss",
        "margin_ranking_loss(x1, x2, target, margin=0.3)",
        "pairs",
        (Call("torch", "F.margin_ranking_loss(x1, x2, target, margin=0.3)", ELEMENTS),),
        ELEMENTS,
    ),
    Entry(
        "cosine_embedding_loss",
        "cosine_embedding_loss(u, v, target[:6], margin=0.2)",
        "pairs",
        (Call("torch", "F.cosine_embedding_loss(u, v, target[:6], margin=0.2)", ROWS),),
        ROWS,
    ),
    Entry(
        "hinge_embedding_loss",
        "hinge_embedding_loss(x, target)",
        "pairs",
        (Call("torch", "F.hinge_embedding_loss(x, target)", ELEMENTS),),
        ELEMENTS,
    ),
    Entry(
        "info_nce",
        "info_nce(z1, z2, temperature=0.1)",
        "views",
        (
            Call(
                "torch",
                "F.cross_entropy(F.normalize(z1, dim=1) @ F.normalize(z2, dim=1).T / 0.1,"
                " torch.arange(6))",
                ROWS,
                (IN_BATCH,),
                cheat="— (`torch.nn.functional.cross_entropy` over the similarity logits)",
            ),
            Call(
                "optax",
                "optax.losses.softmax_cross_entropy_with_integer_labels("
                "(z1 / jnp.linalg.norm(z1, axis=1, keepdims=True))"
                " @ (z2 / jnp.linalg.norm(z2, axis=1, keepdims=True)).T / 0.1, jnp.arange(6))"
                ".mean()",
                "",
                (IN_BATCH, NONE_ROWS),
                cheat=(
                    "`optax.losses.softmax_cross_entropy_with_integer_labels` over the similarity"
                    " logits"
                ),
            ),
            Call(
                "keras",
                "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"
                "(np.arange(6), ops.normalize(z1) @ ops.normalize(z2).T / 0.1)",
                ROWS,
                (IN_BATCH, F32),
                cheat=(
                    "`keras.losses.SparseCategoricalCrossentropy(from_logits=True)` over the "
                    "similarity logits"
                ),
            ),
        ),
        ROWS,
        about="in-batch negatives",
    ),
    Entry(
        "nt_xent",
        "nt_xent(z1, z2, temperature=0.5)",
        "views",
        (
            Call(
                "torch",
                "F.cross_entropy((F.normalize(torch.cat([z1, z2]), dim=1)"
                " @ F.normalize(torch.cat([z1, z2]), dim=1).T / 0.5)"
                ".masked_fill(torch.eye(12, dtype=torch.bool), -torch.inf),"
                " torch.cat([torch.arange(6, 12), torch.arange(6)]))",
                ROWS,
                (
                    "no such loss: the 2N by 2N cosine logits without their diagonal, each row's"
                    " target the other view",
                ),
                cheat="— (SimCLR's `add_contrastive_loss`, twice this mean)",
            ),
            Call(
                "optax",
                "optax.losses.ntxent(jnp.concatenate([z1, z2]), labels, temperature=0.5)",
                "the positive pairs: 2N for two views",
                (
                    "both views stacked, with a group label per row (`labels` is arange(N)"
                    " twice): the other rows of a group are the positives, self excluded",
                    "`temperature=0.07` by default",
                ),
                cheat="`optax.losses.ntxent` (both views stacked, a group label per row)",
            ),
            Call(
                "optax",
                "optax.losses.ntxent(jnp.concatenate([z1, z2]), labels)",
                "the positive pairs: 2N for two views",
                ("its default temperature is 0.07, MoCo's; lossdocs' (SimCLR's) is 0.5",),
                agrees=False,
            ),
        ),
        ROWS,
    ),
    # --- divergence -------------------------------------------------------------------
    Entry(
        "entropy",
        "entropy(p)",
        "distributions",
        (
            Call(
                "torch",
                "torch.distributions.Categorical(probs=p).entropy()",
                cheat="`torch.distributions.Categorical(probs=p).entropy()`",
            ),
        ),
    ),
    Entry(
        "kl_divergence",
        "kl_divergence(p, q)",
        "distributions",
        (
            Call(
                "torch",
                "F.kl_div(q.log(), p, reduction='none').sum(-1)",
                "",
                ("log Q first, P second",),
                cheat='`torch.nn.functional.kl_div(q.log(), p, reduction="batchmean")`',
            ),
            Call(
                "torch",
                "F.kl_div(p.log(), q, reduction='none').sum(-1)",
                "",
                ("in formula order it computes KL(Q || P) of the logs' exponentials",),
                cases=("random",),
                agrees=False,
            ),
            Call(
                "optax",
                "optax.losses.kl_divergence(jnp.log(q), p)",
                "",
                ("`log_predictions` (log Q) first, `targets` (P) second",),
                cheat="`optax.losses.kl_divergence(log_q, p)`",
            ),
            Call(
                "keras",
                "keras.losses.KLDivergence(reduction=None)(p, q)",
                "",
                ("clips P and Q to [1e-7, 1]", F32),
                cases=("random",),
            ),
        ),
    ),
    Entry(
        "gaussian_kl",
        "gaussian_kl(mu_p, sigma_p, mu_q, sigma_q)",
        "gaussians",
        (
            Call(
                "torch",
                "torch.distributions.kl_divergence(torch.distributions.Normal(mu_p, sigma_p),"
                " torch.distributions.Normal(mu_q, sigma_q))",
                cheat=(
                    "`torch.distributions.kl_divergence(Normal(mu_p, sigma_p), Normal(mu_q, "
                    "sigma_q))`"
                ),
            ),
        ),
    ),
    # --- language and alignment ------------------------------------------------------
    Entry(
        "causal_lm_loss",
        "causal_lm_loss(logits, labels)",
        "tokens",
        (
            Call(
                "torch",
                "F.cross_entropy(logits[:, :-1].reshape(-1, 7), labels[:, 1:].reshape(-1))",
                KEPT,
                ("shift by hand: position t predicts label t + 1",),
                cheat="`F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1))`",
            ),
        ),
        KEPT,
    ),
    Entry(
        "perplexity",
        "perplexity(logits, labels)",
        "tokens",
        (
            Call(
                "torch",
                "torch.exp(F.cross_entropy(logits[:, :-1].reshape(-1, 7),"
                " labels[:, 1:].reshape(-1)))",
                KEPT,
                ("the exponential of the shifted token mean",),
                cheat="`torch.exp` of the above",
            ),
            Call(
                "torch",
                "tm.functional.text.perplexity(logits[:, :-1], labels[:, 1:], ignore_index=-100)",
                KEPT,
                ("torchmetrics: shift by hand, and pass `ignore_index`",),
                cases=("random",),
            ),
            Call(
                "torch",
                "tm.functional.text.perplexity(logits[:, :-1], labels[:, 1:], ignore_index=-100)",
                KEPT,
                (
                    "torchmetrics takes the log of the softmax's probabilities: a target 2000"
                    " below the largest logit has probability 0 and makes the perplexity inf",
                ),
                cases=("edge",),
                agrees=False,
            ),
            Call(
                "torch",
                "tm.functional.text.perplexity(logits[:, :-1], labels[:, 1:])",
                "",
                (
                    "`ignore_index=None` by default: the -100 of padding indexes out of the"
                    " vocabulary",
                ),
                agrees=False,
                raises="IndexError",
            ),
            Call(
                "torch",
                "torch.stack([torch.exp(F.cross_entropy(logits[b, :-1], labels[b, 1:]))"
                " for b in range(2)]).mean()",
                "each sequence's token count, then the number of sequences",
                ("the mean of per-sequence perplexities is larger (Jensen's inequality)",),
                agrees=False,
            ),
        ),
        KEPT,
    ),
    Entry(
        "distillation_loss",
        "distillation_loss(student_logits.reshape(-1, 6), teacher_logits.reshape(-1, 6),"
        " temperature=2.0)",
        "teacher",
        (
            Call(
                "torch",
                "F.kl_div(F.log_softmax(student_logits.reshape(-1, 6) / 2, -1),"
                " F.log_softmax(teacher_logits.reshape(-1, 6) / 2, -1),"
                " reduction='batchmean', log_target=True) * 4",
                ROWS,
                ("multiply by T squared by hand",),
                cheat="`F.kl_div(F.log_softmax(z / T, -1), F.log_softmax(v / T, -1),"
                ' reduction="batchmean", log_target=True) * T**2`',
            ),
            Call(
                "torch",
                "F.kl_div(F.log_softmax(student_logits / 2, -1), F.log_softmax(teacher_logits / 2,"
                " -1), reduction='batchmean', log_target=True) * 4",
                "the first dimension only",
                ("`batchmean` on (B, L, V) divides by B, not by the B L tokens",),
                agrees=False,
            ),
        ),
        ROWS,
    ),
    Entry(
        "kl_divergence",
        "kl_divergence(p, q).mean()",
        "distributions",
        (
            Call("torch", "F.kl_div(q.log(), p, reduction='batchmean')", ROWS),
            Call(
                "torch",
                "F.kl_div(q.log(), p, reduction='mean')",
                ELEMENTS,
                ("the default 'mean' divides by the number of elements, not rows",),
                agrees=False,
            ),
            Call(
                "keras",
                "keras.losses.KLDivergence()(p, q)",
                ROWS,
                ("clips P and Q to [1e-7, 1]", F32),
                cases=("random",),
            ),
        ),
        ROWS,
        about="the mean over rows",
    ),
    Entry(
        "gan_discriminator_loss",
        "gan_discriminator_loss(real_logits, fake_logits)",
        "gan",
        (
            Call(
                "torch",
                "F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))"
                " + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))",
                ELEMENTS,
                cheat=(
                    "`torch.nn.functional.binary_cross_entropy_with_logits` (minimax: on real and"
                    " fake)"
                ),
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "gan_generator_loss",
        "gan_generator_loss(fake_logits)",
        "gan",
        (
            Call(
                "torch",
                "F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))",
                ELEMENTS,
                cheat=(
                    "`torch.nn.functional.binary_cross_entropy_with_logits` (non-saturating: on "
                    "`(f, 1)`)"
                ),
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "diffusion_loss",
        "diffusion_loss(model_output, x0, noise, alphas_cumprod)",
        "diffusion",
        (
            Call(
                "torch",
                "F.mse_loss(model_output, noise)",
                ELEMENTS,
                cheat=(
                    "`torch.nn.functional.mse_loss` (unweighted); diffusers' training scripts for"
                    " min-SNR"
                ),
            ),
        ),
        ELEMENTS,
    ),
    Entry(
        "ctc_loss",
        "ctc_loss(log_probs, targets, input_lengths, target_lengths)",
        "frames",
        (
            Call(
                "torch",
                "F.ctc_loss(log_probs, targets, input_lengths, target_lengths)",
                "each sequence's target length (at least 1), then the batch size",
            ),
        ),
        "each sequence's target length (at least 1), then the batch size",
    ),
    Entry(
        "ctc_loss",
        "ctc_loss(log_probs, targets, input_lengths, target_lengths, reduction='none')",
        "frames",
        (
            Call(
                "torch",
                "F.ctc_loss(log_probs, targets, input_lengths, target_lengths, reduction='none')",
            ),
            Call(
                "optax",
                "optax.ctc_loss(jnp.transpose(log_probs, (1, 0, 2)), logit_paddings, targets,"
                " label_paddings)",
                "",
                (
                    "(N, T, C) logits and 0/1 paddings instead of lengths;"
                    " it applies log_softmax itself",
                    NONE_ROWS,
                ),
            ),
            Call(
                "keras",
                "ops.ctc_loss(targets, np.transpose(log_probs, (1, 0, 2)), target_lengths,"
                " input_lengths)",
                "",
                (
                    "the labels first, then (N, T, C) logits, then the two lengths;"
                    " it applies log_softmax itself",
                    "the blank is `mask_index=0`",
                    F32,
                ),
            ),
        ),
    ),
    Entry(
        "ctc_loss",
        "ctc_loss(log_probs, targets, np.full(3, 12), target_lengths, reduction='none').mean()",
        "frames",
        (
            Call(
                "keras",
                KERAS_CTC,
                ROWS,
                (
                    KERAS_ORDER,
                    "no lengths: every input is T frames long, and the label 0 (the blank)"
                    " pads the targets",
                ),
            ),
        ),
        ROWS,
        about="full-length inputs, the mean over sequences",
    ),
    Entry(
        "ctc_loss",
        "ctc_loss(log_probs, targets, np.full(3, 12), target_lengths)",
        "frames",
        (
            Call(
                "keras",
                KERAS_CTC,
                ROWS,
                (
                    "its mean divides by the number of sequences, not by each target length"
                    " first as torch's and lossdocs' 'mean' do",
                ),
                agrees=False,
            ),
        ),
        "each sequence's target length (at least 1), then the batch size",
        about="full-length inputs",
    ),
    Entry(
        "causal_lm_loss",
        "causal_lm_loss(logits, labels)",
        "tokens",
        (
            Call(
                "torch",
                "torch.stack([F.cross_entropy(logits[b, :-1], labels[b, 1:]) for b in range(2)])"
                ".mean()",
                "each sequence's token count, then the number of sequences",
                ("a mean of per-sequence means weighs the tokens of short sequences more",),
                agrees=False,
            ),
        ),
        KEPT,
        about="per token or per sequence",
    ),
    Entry(
        "bradley_terry_loss",
        "bradley_terry_loss(chosen_rewards, rejected_rewards)",
        "rewards",
        (
            Call(
                "torch",
                "-F.logsigmoid(chosen_rewards - rejected_rewards).mean()",
                "",
                ("TRL's RewardTrainer writes it so",),
                cheat="`-F.logsigmoid(r_c - r_r - margin)`",
            ),
        ),
        ELEMENTS,
    ),
    # --- TRL / transformers: the language-model and alignment losses -----------------
    Entry(
        "dpo_loss",
        "dpo_loss(pc, pr, rc, rr)",
        "preferences",
        (
            Call(
                "trl",
                "(-F.logsigmoid(0.1 * ((pc - rc) - (pr - rr)))).mean()",
                "",
                (TRL_DPO + ", `loss_type='sigmoid'`, `beta=0.1`",),
                cheat='`DPOTrainer`, `loss_type="sigmoid"`',
            ),
        ),
        ROWS,
    ),
    Entry(
        "dpo_loss",
        "dpo_loss(pc / chosen_len, pr / rejected_len, rc / chosen_len, rr / rejected_len,"
        " reduction='none')",
        "preferences",
        (
            Call(
                "trl",
                "-F.logsigmoid(0.1 * ((pc - rc) / chosen_len - (pr - rr) / rejected_len))",
                "",
                (
                    TRL_DPO + ", `loss_type='sigmoid_norm'`",
                    "each log-ratio divided by its completion's token count",
                ),
                cheat='`"sigmoid_norm"` (per-token averages)',
            ),
        ),
        about="per-token averages of the log-probabilities",
    ),
    Entry(
        "dpo_loss",
        "dpo_loss(pc / chosen_len, pr / rejected_len, rc / chosen_len, rr / rejected_len,"
        " loss_type='ipo', reduction='none')",
        "preferences",
        (
            Call(
                "trl",
                "((pc - rc) / chosen_len - (pr - rr) / rejected_len - 1 / (2 * 0.1)) ** 2",
                "",
                (
                    TRL_DPO + ", `loss_type='ipo'`",
                    "each log-ratio divided by its completion's token count",
                ),
                cheat='`"ipo"` (per-token averages)',
            ),
        ),
        about="per-token averages of the log-probabilities",
    ),
    Entry(
        "dpo_loss",
        "dpo_loss(pc, pr, rc, rr, loss_type='ipo', reduction='none')",
        "preferences",
        (
            Call(
                "trl",
                "((pc - rc) / chosen_len - (pr - rr) / rejected_len - 1 / (2 * 0.1)) ** 2",
                "",
                (
                    "TRL's IPO divides each log-ratio by its completion's token count, which"
                    " equation 17 of the IPO paper does not (a comment in"
                    " `DPOTrainer._compute_loss` says so); on summed log-probabilities it is"
                    " another loss",
                ),
                agrees=False,
                docs="`DPOConfig.beta`: \"For the IPO loss (`loss_type='ipo'`), this value is the"
                ' regularization parameter denoted by τ in the paper"; nothing about the'
                " division by the token counts",
            ),
        ),
        about="summed log-probabilities",
    ),
    Entry(
        "dpo_loss",
        "dpo_loss(pc, pr, rc, rr, label_smoothing=0.1, reduction='none')",
        "preferences",
        (
            Call(
                "trl",
                "-(0.9 * F.logsigmoid(0.1 * ((pc - rc) - (pr - rr)))"
                " - 0.1 * F.logsigmoid(-0.1 * ((pc - rc) - (pr - rr)))) / (1 - 2 * 0.1)",
                "",
                (
                    "`loss_type='robust'` (robust DPO) subtracts the flipped-label term and"
                    " divides by 1 - 2ε; conservative DPO adds it. TRL 1.16 has no"
                    " conservative DPO: its `'sigmoid'` ignores `label_smoothing`",
                ),
                agrees=False,
                docs='`DPOConfig.label_smoothing`: "Label smoothing parameter used in Robust DPO'
                ' and EXO"',
            ),
            Call(
                "trl",
                "-F.logsigmoid(0.1 * ((pc - rc) - (pr - rr)))",
                "",
                (
                    "what `loss_type='sigmoid'` computes with `label_smoothing=0.1`: it ignores"
                    " the smoothing, with no warning",
                ),
                agrees=False,
            ),
        ),
        about="conservative DPO (label smoothing)",
    ),
    Entry(
        "hinge",
        "hinge(0.1 * ((pc - rc) - (pr - rr)), np.ones(8), reduction='none')",
        "preferences",
        (
            Call(
                "trl",
                "torch.relu(1 - 0.1 * ((pc - rc) - (pr - rr)))",
                "",
                (TRL_DPO + ", `loss_type='hinge'`: the hinge loss of beta times DPO's h",),
            ),
        ),
        about="DPO's hinge variant",
    ),
    Entry(
        "bradley_terry_loss",
        "bradley_terry_loss(pc, pr)",
        "preferences",
        (
            Call(
                "trl",
                "-F.logsigmoid(pc - pr).mean()",
                "",
                (
                    "TRL's `RewardTrainer.compute_loss` (trl/trainer/reward_trainer.py),"
                    " written out in torch",
                ),
                cheat="`RewardTrainer`",
            ),
        ),
        ROWS,
    ),
    Entry(
        "ppo_clip_loss",
        "ppo_clip_loss(logp, old_logp, advantages, reduction='none')",
        "rollout",
        (
            Call(
                "trl",
                "-torch.min(torch.exp(logp - old_logp) * advantages,"
                " torch.clamp(torch.exp(logp - old_logp), 1 - 0.2, 1 + 0.2) * advantages)",
                "",
                (TRL_GRPO + ", `epsilon=0.2`",),
                cheat="`GRPOTrainer`'s per-token loss, `epsilon=0.2`",
            ),
        ),
    ),
    Entry(
        "ppo_clip_loss",
        "ppo_clip_loss(logp[mask == 1], old_logp[mask == 1], advantages[mask == 1])",
        "rollout",
        (
            Call(
                "trl",
                "(-torch.min(torch.exp(logp - old_logp) * advantages,"
                " torch.clamp(torch.exp(logp - old_logp), 0.8, 1.2) * advantages) * mask).sum()"
                " / mask.sum()",
                "",
                (TRL_GRPO + ", `loss_type='bnpo'` (or `'dapo'` on one process)",),
                cheat='`loss_type="bnpo"`',
            ),
            Call(
                "trl",
                "((-torch.min(torch.exp(logp - old_logp) * advantages,"
                " torch.clamp(torch.exp(logp - old_logp), 0.8, 1.2) * advantages) * mask).sum(-1)"
                " / mask.sum(-1)).mean()",
                "each sequence's token count, then the number of sequences",
                (
                    "`loss_type='grpo'` averages each completion's tokens, then the completions:"
                    " a token of a short completion weighs more",
                ),
                agrees=False,
            ),
        ),
        "the number of targets not ignored",
        about="the mean over the completion tokens",
    ),
    Entry(
        "ppo_clip_loss",
        "ppo_clip_loss(logp, old_logp, advantages, reduction='none')",
        "overflow",
        (
            Call(
                "trl",
                "-torch.min(torch.exp(logp - old_logp) * advantages,"
                " torch.clamp(torch.exp(logp - old_logp), 1 - 0.2, 1 + 0.2) * advantages)",
                "",
                (
                    "a ratio that overflows to inf times an advantage of 0 is NaN, where the loss"
                    " is 0: one such token makes the whole batch's loss NaN",
                ),
                cases=("random",),
                agrees=False,
            ),
        ),
        about="a ratio that overflows",
    ),
    Entry(
        "kl_estimate",
        "kl_estimate(logp, ref_logp, kind='k3', reduction='none')",
        "rollout",
        (
            Call(
                "trl",
                "torch.exp(ref_logp - logp) - (ref_logp - logp) - 1",
                "",
                (TRL_GRPO + " (`per_token_kl`, with `beta` > 0)",),
                cheat="`GRPOTrainer`'s `per_token_kl` ($k_3$)",
            ),
        ),
    ),
    Entry(
        "kl_estimate",
        "kl_estimate(logp, ref_logp, kind='k1', reduction='none')",
        "rollout",
        (
            Call(
                "trl",
                "logp - ref_logp",
                "",
                (
                    "TRL's `RLOOTrainer._generate_and_score_completions`"
                    " (trl/trainer/rloo_trainer.py), written out in torch: RLOO's"
                    " `per_token_kl`, on the log-probabilities of the policy that sampled",
                ),
                cheat="`RLOOTrainer` ($k_1$)",
            ),
        ),
    ),
    Entry(
        "kl_estimate",
        "kl_estimate(logp, ref_logp, kind='k3', reduction='none')",
        "close_policies",
        (
            Call(
                "trl",
                "torch.exp(ref_logp - logp) - (ref_logp - logp) - 1",
                "",
                (
                    "GRPO's k3 subtracts numbers close to 1: for log-ratios of about 1e-6 its"
                    " float64 result keeps few correct digits (lossdocs sums the Taylor series)",
                ),
                agrees=False,
            ),
        ),
        about="a policy close to its reference",
    ),
    Entry(
        "group_advantages",
        "group_advantages(rewards)",
        "groups",
        (
            Call(
                "trl",
                "(rewards - rewards.mean(-1, keepdim=True))"
                " / (rewards.std(-1, keepdim=True) + 1e-4)",
                "",
                (
                    "TRL's `GRPOTrainer._generate_and_score_completions`"
                    " (trl/trainer/grpo_trainer.py), `scale_rewards='group'`, written out in"
                    " torch: the standard deviation with Bessel's correction",
                ),
                cheat='`GRPOTrainer`, `scale_rewards="group"`',
            ),
            Call(
                "trl",
                "(rewards - rewards.mean(-1, keepdim=True))"
                " / (trl_utils.nanstd(rewards, dim=1, keepdim=True) + 1e-4)",
                "",
                (
                    "TRL's `nanstd` computes Bessel's factor n / (n - 1) by dividing integer"
                    " counts, which torch does in its default dtype, float32: float64"
                    " advantages come out about 2e-8 off",
                ),
                agrees=False,
            ),
        ),
    ),
    Entry(
        "causal_lm_loss",
        "causal_lm_loss(logits, labels)",
        "tokens",
        (
            Call(
                "trl",
                "ForCausalLMLoss(logits, labels, 7)",
                KEPT,
                ("pads the labels with -100 on the right and shifts them", TRL_F32),
                cheat="`ForCausalLMLoss` (`model(..., labels=input_ids).loss`)",
            ),
            Call(
                "trl",
                "ForCausalLMLoss(logits, labels, 7, num_items_in_batch=(labels != -100).sum())",
                "the labels not -100, position 0 included",
                (
                    "position 0 is never predicted: count `labels[:, 1:]`, as the Trainer of"
                    " transformers 5.25 does",
                ),
                agrees=False,
            ),
        ),
        KEPT,
    ),
    Entry(
        "causal_lm_loss",
        "causal_lm_loss(logits, labels, reduction='sum') / 20",
        "tokens",
        (
            Call(
                "trl",
                "ForCausalLMLoss(logits, labels, 7, num_items_in_batch=20)",
                "`num_items_in_batch`",
                (
                    "the scored tokens of every micro-batch of the optimizer step (20 here), so"
                    " that gradient accumulation weighs every token alike",
                    TRL_F32,
                ),
                cheat="`ForCausalLMLoss` (`model(..., labels=input_ids).loss`)",
            ),
        ),
        about="`num_items_in_batch`",
    ),
    Entry(
        "perplexity",
        "perplexity(logits, labels)",
        "tokens",
        (
            Call(
                "trl",
                "torch.exp(ForCausalLMLoss(logits, labels, 7))",
                "",
                (TRL_F32, "so a mean loss above about 88.7 gives inf"),
                cases=("random",),
                cheat="`torch.exp` of `ForCausalLMLoss`",
            ),
        ),
    ),
    Entry(
        "cross_entropy",
        "cross_entropy(logits, target, reduction='none')",
        "classes",
        (
            Call(
                "trl",
                "-trl_utils.selective_log_softmax(logits, target)",
                "",
                ("the log-probability of each target, negated",),
            ),
        ),
    ),
    Entry(
        "entropy",
        "entropy(softmax(x))",
        "x",
        (Call("trl", "trl_utils.entropy_from_logits(x)", "", ("takes logits",)),),
    ),
    Entry(
        "distillation_loss",
        "distillation_loss(student_logits[labels != -100], teacher_logits[labels != -100],"
        " temperature=2.0)",
        "distill_tokens",
        (
            Call(
                "trl",
                "GKDTrainer.generalized_jsd_loss(student_logits, teacher_logits, labels, beta=0.0,"
                " temperature=2.0) * 4",
                KEPT,
                ("`beta=0.0` is the forward KL; multiply by T squared by hand",),
                cheat="`GKDTrainer.generalized_jsd_loss` (`beta` 0 or 1; no $T^2$)",
            ),
            Call(
                "trl",
                "distill._chunked_divergence_loss(student_logits, teacher_logits,"
                " torch.eye(6, dtype=torch.float64), torch.eye(6, dtype=torch.float64),"
                " labels != -100, beta=0.0, temperature=2.0)[0] * 4",
                KEPT,
                (
                    "the loss of TRL's `DistillationTrainer`, given the hidden states and"
                    " `lm_head` weights: identity weights make the hidden states the logits",
                    "computes in float32: checked to 1e-6",
                ),
                cheat="`DistillationTrainer`",
            ),
            Call(
                "trl",
                "GKDTrainer.generalized_jsd_loss(student_logits, teacher_logits, labels, beta=0.0,"
                " temperature=2.0)",
                KEPT,
                ("no T squared factor: the loss shrinks as the temperature grows",),
                agrees=False,
            ),
        ),
        KEPT,
        about="tokens not ignored",
    ),
    Entry(
        "distillation_loss",
        "distillation_loss(student_logits.reshape(-1, 6), teacher_logits.reshape(-1, 6),"
        " temperature=2.0)",
        "distill_tokens",
        (
            Call(
                "trl",
                "GKDTrainer.generalized_jsd_loss(student_logits, teacher_logits, beta=0.0,"
                " temperature=2.0) * 4",
                "the first dimension only",
                (
                    "without `labels`, `reduction='batchmean'` on (B, L, V) divides by B, not by"
                    " the B L tokens",
                ),
                agrees=False,
                docs='`labels`: "with -100 for padding tokens to ignore when computing loss";'
                " that without them the mean is per sequence is not said",
            ),
        ),
        ROWS,
    ),
    Entry(
        "distillation_loss",
        "distillation_loss(student_logits[labels != -100], teacher_logits[labels != -100],"
        " temperature=2.0, reverse=True)",
        "distill_tokens",
        (
            Call(
                "trl",
                "GKDTrainer.generalized_jsd_loss(student_logits, teacher_logits, labels, beta=1.0,"
                " temperature=2.0) * 4",
                KEPT,
                ("`beta=1.0` is the reverse KL; multiply by T squared by hand",),
                cheat="`GKDTrainer.generalized_jsd_loss` (`beta` 0 or 1; no $T^2$)",
            ),
        ),
        KEPT,
        about="the reverse KL",
    ),
    Entry(
        "js_divergence",
        "js_divergence(softmax(student_logits[labels != -100]),"
        " softmax(teacher_logits[labels != -100])).mean()",
        "distill_tokens",
        (
            Call(
                "trl",
                "GKDTrainer.generalized_jsd_loss(student_logits, teacher_logits, labels, beta=0.5)",
                KEPT,
                ("takes logits; `beta=0.5` weighs the two KL terms equally",),
            ),
        ),
    ),
    Entry(
        "z_loss",
        "z_loss(router_logits)",
        "router",
        (
            Call(
                "torch",
                "torch.logsumexp(router_logits, -1).square().mean()",
                "the number of rows",
                cheat="`torch.logsumexp(logits, -1).square().mean()`",
            ),
            Call(
                "trl",
                "switch.router_z_loss_func(router_logits)",
                "the number of tokens: groups times tokens per group",
                cheat="`router_z_loss_func` (Switch Transformers)",
            ),
        ),
    ),
    Entry(
        "load_balancing_loss",
        "load_balancing_loss(router_logits.reshape(-1, 4), top_k=2)",
        "router",
        (
            Call(
                "trl",
                "mixtral.load_balancing_loss_func(tuple(router_logits), 4, 2)",
                "",
                (
                    "a tuple of the layers' (tokens, experts) logits, concatenated: one layer's"
                    " imbalance can offset another's",
                    "accumulates in float32: checked to 1e-6",
                ),
                cheat="`load_balancing_loss_func` (Mixtral)",
            ),
            Call(
                "trl",
                "mixtral.load_balancing_loss_func(router_logits.reshape(-1, 4), 4, 2)",
                "",
                ("given a tensor instead of a tuple, it returns 0",),
                agrees=False,
                docs='`gate_logits`: "should be a tuple of model.config.num_hidden_layers tensors";'
                " a tensor raises no error",
            ),
        ),
        about="the layers concatenated",
    ),
    Entry(
        "load_balancing_loss",
        "load_balancing_loss(router_logits[:, attention_mask.reshape(-1) == 1].reshape(-1, 4),"
        " top_k=2)",
        "router",
        (
            Call(
                "trl",
                "mixtral.load_balancing_loss_func(tuple(router_logits), 4, 2, attention_mask)",
                "",
                (
                    "the padded tokens left out by `attention_mask`",
                    "accumulates in float32: checked to 1e-6",
                ),
                cheat="`load_balancing_loss_func` (Mixtral)",
            ),
        ),
        about="with padding",
    ),
    Entry(
        "load_balancing_loss",
        "(load_balancing_loss(router_logits[0]) + load_balancing_loss(router_logits[1])"
        " + load_balancing_loss(router_logits[2])) / 3",
        "router",
        (
            Call(
                "trl",
                "switch.load_balancing_loss_func(torch.softmax(router_logits, -1),"
                " router_logits.argmax(-1))",
                "",
                (
                    "Switch Transformers' function takes probabilities and each token's expert,"
                    " and averages the losses of the groups of its first axis (here the layers)",
                ),
                cheat="`load_balancing_loss_func` (Switch Transformers)",
            ),
        ),
        about="the mean of per-layer losses",
    ),
)


# --- The page: docs/rosetta.md, generated (`python tools/rosetta.py page`). ---
HEAD = """\
<!-- Generated by `python tools/rosetta.py page` from lossdocs/rosetta.py: edit those. -->

(rosetta)=
# Rosetta: one loss, five libraries

The same loss often sits behind different arguments in PyTorch, optax, Keras,
scikit-learn and Hugging Face's TRL and transformers: another argument order, logits
or probabilities, integer labels or one-hot rows, and a "mean" that divides by
something else. Each item below is a call
that gives lossdocs' number, and it is not a claim: `nox -s rosetta` evaluates that very
expression against lossdocs on random inputs and on extreme ones (huge logits, exact
kinks, probabilities near 0 and 1, ignored targets), and fails if they differ by more
than 1e-10 relative (1e-6 for Keras, which computes in float32, and for any call that
returns float32). The registry behind the page is `lossdocs.rosetta`; the torchvision
functions (`tv.`) are written out in torch from torchvision's source.

In the TRL / transformers tab, `ForCausalLMLoss` is
`transformers.loss.loss_utils.ForCausalLMLoss`, `mixtral` and `switch` are the
modeling modules of Mixtral and Switch Transformers, `trl_utils` is `trl.trainer.utils`
and `distill` is `trl.trainer.distillation_trainer`. TRL computes most of its losses
inside a trainer method that needs a model: those are written out in torch from its
source, and each names the method.

Its last run (the run writes `docs/rosetta-run.json` and this page):

```text
{record}
```

Huber and Smooth L1, from the first tab, with lossdocs alone:

```python
>>> import numpy as np
>>> from lossdocs import huber, smooth_l1
>>> pred, target = np.array([0.0, 2.0, 0.2]), np.array([0.3, 0.0, 0.2])
>>> a, b = huber(pred, target, delta=0.5), 0.5 * smooth_l1(pred, target, beta=0.5)
>>> print(f"{{a:.4f}} {{b:.4f}}")
0.3067 0.3067
```

## The calls, library by library

Each item is a lossdocs call, then the library's call on the same inputs (the names
of the lossdocs call); below it, what the library's own "mean" divides by when the
library reduces, and what still differs. Where no "mean" is named, the library
returns unreduced values and the call reduces them by hand.
"""

TRAPS = """
## Traps: calls that look right and are not

They have a page of their own, with what each library's documentation says:
{doc}`traps`.
"""


def _record(record: dict) -> str:
    rows = [
        ("date", record["date"]),
        (
            "checks",
            f"{record['checks']} ({record['calls']} calls), 0 failed, {record['seconds']} s",
        ),
        *record["versions"].items(),
    ]
    return "\n".join(f"{k:14s}{v}" for k, v in rows)


def _item(entry: Entry, call: Call, sign: str) -> list[str]:
    if call.raises:  # no value to compare: the exception is the point
        lines = [f"- `{call.code}` raises `{call.raises}`"]
        if not call.agrees:
            lines.append(f"  - lossdocs: `{entry.code}`")
    else:
        lines = [f"- `{entry.code}` {sign} `{call.code}`"]
    if entry.about:
        lines.append(f"  - Inputs: {entry.about}")
    if call.mean:
        lines.append(f'  - "mean" divides by {call.mean}')
    lines += [f"  - {d}" for d in call.differences]
    if call.docs:
        lines.append(f"  - Its documentation: {call.docs}")
    return lines


def page(record: dict) -> str:
    """The Rosetta page (MyST), from :data:`ENTRIES` and the record of the last run."""
    out = [HEAD.format(record=_record(record)), "::::{tab-set}\n"]
    for library, title in LIBRARIES.items():
        out.append(f":::{{tab-item}} {title}\n")
        for entry in ENTRIES:
            for call in entry.calls:
                if call.library == library and call.agrees:
                    out += _item(entry, call, "=")
        out.append("\n:::\n")
    out.append("::::\n")
    out.append(TRAPS)
    return "\n".join(out)


TRAPS_PAGE = """\
<!-- Generated by `python tools/rosetta.py page` from lossdocs/rosetta.py: edit those. -->

(traps)=
# Traps in the libraries' defaults and documentation

Each call below looks like the lossdocs call it is listed with, and gives another
number: a default that changes the value, an argument read the other way round, a
reduction that divides by something else, or documentation that says one thing while
the code computes another. None of them is a claim: `nox -s rosetta` runs each on the
inputs named and fails if it *does* give lossdocs' number (a call marked "raises" must
raise). Below each call, why it differs, and where the library's own documentation
misleads, what it says. The calls that agree are on the {{doc}}`Rosetta page <rosetta>`;
what each "mean" divides by, on {{doc}}`averaging`.

The headings give the version each trap was checked with (the pins of `nox -s
rosetta`); the PyTorch section holds torchvision's functions, written out in torch from
torchvision's source, and torchmetrics {torchmetrics}.
"""

# The traps page's heading of each library, with the versions of CHECKED_WITH it names.
HEADING = {
    "torch": "PyTorch {torch}",
    "optax": "optax {optax}",
    "keras": "Keras {keras}",
    "sklearn": "scikit-learn {scikit-learn}",
    "trl": "TRL {trl} and transformers {transformers}",
}


def traps_page() -> str:
    """The traps page (MyST): every call with ``agrees=False``, library by library."""
    out = [TRAPS_PAGE.format(torchmetrics=CHECKED_WITH["torchmetrics"])]
    for library, heading in HEADING.items():
        out.append(f"## {heading.format_map(CHECKED_WITH)}\n")
        for entry in ENTRIES:
            for call in entry.calls:
                if call.library == library and not call.agrees:
                    out += _item(entry, call, "≠")
        out.append("")
    return "\n".join(out)


AVERAGING = """\
<!-- Generated by `python tools/rosetta.py page` from lossdocs/rosetta.py: edit those. -->

(averaging)=
# What exactly is averaged?

`reduction="mean"` reads as one word in every library, but the numerator and the
denominator of that mean are not the same everywhere. With class weights PyTorch
divides by the sum of the weights of the targets, Keras by the number of rows; an
ignored target leaves PyTorch's denominator, and Keras keeps counting it when every
target is ignored; `"batchmean"` divides by the first dimension only; optax reduces
nothing. The table says, for each case, what the mean divides by. Every cell comes
from a call of the {{doc}}`Rosetta page <rosetta>`: `nox -s rosetta` checks that the call
gives lossdocs' number (or, where a cell starts with ≠, that it does not), so a cell
cannot drift from what the library computes.

The numerator is always the sum of the per-element (or per-row) losses, each
multiplied by its weight where there are weights. In lossdocs:

```python
>>> import numpy as np
>>> from lossdocs import cross_entropy, mse
>>> logits = np.array([[2.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
>>> target = np.array([0, 0, -100])
>>> weight = np.array([3.0, 1.0])
>>> per_row = cross_entropy(logits, target, weight=weight, reduction="none")
>>> mean = cross_entropy(logits, target, weight=weight)
>>> print(f"{{mean:.6f}} {{per_row.sum() / (3.0 + 3.0):.6f}}")
1.126928 1.126928
>>> mse(np.zeros(0), np.zeros(0))
Traceback (most recent call last):
...
ValueError: ...
```

The two targets of class 0 weigh 3 each; the ignored third row adds 0 to the sum and
nothing to the divisor 3 + 3.

An empty batch is where the libraries part ways most. Under "mean" lossdocs raises a
`ValueError`, and so does scikit-learn; PyTorch and optax return NaN (0 / 0); Keras
returns the empty array of per-sample losses, unreduced, so the error shows up only
where the loss is used. Every PyTorch loss returns NaN there; the table has an "empty
batch" row for each loss that Keras or scikit-learn also has. In those rows the number
the run compares with is the sum divided by the size, 0 / 0 = NaN, and a cell "raises
ValueError" is checked to raise.

## The divisor of "mean", library by library

"Elements" is every element of the loss's input, "rows" the first axis (the batch),
Σ a sum, "target weights" the class weight of each target; a dash means the library
has no call for this case, "by hand" that the library returns unreduced values,
reduced by the call on the Rosetta page.

"""


def _divisor(calls: list[Call], mean: str) -> str:
    cells = []
    for call in calls:
        if call.raises:
            if not call.agrees:
                continue
            text = f"raises {call.raises}"
        elif call.agrees:
            text = SHORT.get(call.mean, call.mean) or "by hand"
        elif call.mean and call.mean not in {mean, *(c.mean for c in calls if c.agrees)}:
            # a trap whose divisor is the difference
            text = f"≠ {SHORT.get(call.mean, call.mean)}"
        else:
            continue
        if text not in cells:
            cells.append(text)
    return "; ".join(cells) or "—"


AVERAGING_TRL = """
## Language models and alignment

The same for the calls of TRL and transformers, in a table of their own: a sixth
column would not fit a phone or a narrow window. PyTorch's calls of these losses are
in the table above.
"""
# The averaging page's tables, by their columns: a row for each entry with a reduction
# and a call of one of them.
AVERAGING_TABLES = (CHEAT_LIBRARIES, ("trl",))


def _averaging_table(libraries: tuple[str, ...]) -> list[str]:
    out = ["| Case | lossdocs | " + " | ".join(LIBRARIES[lib] for lib in libraries) + " |"]
    out.append("|---" * (2 + len(libraries)) + "|")
    for entry in ENTRIES:
        if not entry.mean or not set(libraries) & {c.library for c in entry.calls}:
            continue
        case = f"`{entry.function}`" + (f", {entry.about}" if entry.about else "")
        cells = [_divisor([c for c in entry.calls if c.library == lib], entry.mean)
                 for lib in libraries]  # fmt: skip
        out.append(f"| {case} | {SHORT.get(entry.mean, entry.mean)} | " + " | ".join(cells) + " |")
    return out


def averaging_page() -> str:
    """The page "What exactly is averaged?" (MyST), from the entries with a reduction."""
    first, second = (_averaging_table(libraries) for libraries in AVERAGING_TABLES)
    return "\n".join([AVERAGING.format(), *first, AVERAGING_TRL, *second]) + "\n"


# --- The cheat sheet's counterpart tables (docs/cheatsheet.md, between markers). ---------
# A cell lists the cheat labels of the function's calls in that library; without any, the
# names of its agreeing calls, derived from their code; without a call, the note below
# (what the cheat sheet says where no call of the library gives the value), or a dash.
CHEAT_NOTES: dict[tuple[str, str], str] = {
    ("quantile_loss", "torch"): "— (the formula in torch ops)",
    ("log_cosh", "torch"): "— (the formula in torch ops)",
    ("asymmetric_loss", "torch"): "— (the authors' `AsymmetricLoss`, Alibaba-MIIL/ASL)",
    (
        "class_balanced_weights",
        "sklearn",
    ): (
        '`sklearn.utils.class_weight.compute_class_weight("balanced", ...)` (inverse frequency, '
        "$\\beta \\to 1$)"
    ),
    (
        "expected_calibration_error",
        "sklearn",
    ): "— (`sklearn.calibration.calibration_curve` gives the diagram's points, binary)",
    ("tversky_loss", "torch"): "— (MONAI's `TverskyLoss`)",
    ("generalized_dice_loss", "torch"): "— (MONAI's `GeneralizedDiceLoss`)",
    ("clip_loss", "torch"): "— (open_clip's `ClipLoss`)",
    ("siglip_loss", "torch"): "— (big_vision's SigLIP trainer)",
    ("arcface_loss", "torch"): "— (insightface's `ArcFace` + `cross_entropy`)",
    ("cosface_loss", "torch"): "— (insightface's `CosFace` + `cross_entropy`)",
    ("vae_loss", "torch"): "— (`binary_cross_entropy_with_logits` summed, plus the closed-form KL)",
    ("diffusion_snr", "torch"): "— (diffusers: `training_utils.compute_snr`)",
}

CHEAT_BEGIN = (
    "<!-- rosetta: generated by `python tools/rosetta.py page` from lossdocs/rosetta.py -->"
)
CHEAT_END = "<!-- /rosetta -->"
# The prefixes of the names an expression may use, written out (module docstring).
_SPELLED = {
    "F.": "torch.nn.functional.",
    "tv.": "torchvision.ops.",
    "tm.": "torchmetrics.",
    "metrics.": "sklearn.metrics.",
    "ops.": "keras.ops.",
}


def _dotted(node) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return ".".join([node.id, *reversed(parts)]) if isinstance(node, ast.Name) else ""


def _cheat_name(code: str) -> str:
    """The library function a call's code applies last, spelled out: the loss of
    ``(loss(a, b) * w).mean() / 2`` or the class of ``keras.losses.Huber()(t, p)``."""
    node = ast.parse(code, mode="eval").body
    while True:
        if isinstance(node, ast.BinOp):
            node = node.left
        elif isinstance(node, ast.UnaryOp):
            node = node.operand
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("mean", "sum")
            and isinstance(node.func.value, (ast.Call, ast.Subscript))
        ):
            node = node.func.value  # a reduction by hand
        else:
            break
    if not isinstance(node, ast.Call):
        return ""
    name = _dotted(node.func.func if isinstance(node.func, ast.Call) else node.func)
    for short, spelled in _SPELLED.items():
        if name.startswith(short):
            name = spelled + name[len(short) :]
    return f"`{name}`" if name else ""


def cheat_cell(function: str, library: str) -> str:
    """The cheat sheet's cell for a function and a library (see :data:`CHEAT_NOTES`)."""
    calls = [c for e in ENTRIES if e.function == function for c in e.calls if c.library == library]
    labels = [c.cheat for c in calls if c.cheat]
    if not labels:
        labels = [_cheat_name(c.code) for c in calls if c.agrees and not c.raises]
    labels = list(dict.fromkeys(label for label in labels if label))
    return ", ".join(labels) or CHEAT_NOTES.get((function, library), "—")


# The columns of those tables (library: header), named by their opening marker: the
# libraries of most sections, and those of the language-model and alignment sections.
CHEAT_BEGIN_TRL = CHEAT_BEGIN.replace("rosetta:", "rosetta (PyTorch, TRL):")
CHEAT_TABLES = {
    CHEAT_BEGIN: dict(zip(CHEAT_LIBRARIES, ("PyTorch / torchvision", "optax", "Keras",
                                            "scikit-learn"), strict=True)),
    CHEAT_BEGIN_TRL: {"torch": "PyTorch", "trl": "TRL / transformers"},
}  # fmt: skip


def _cheat_table(functions: list[str], columns: dict[str, str]) -> list[str]:
    lines = ["| Function | " + " | ".join(columns.values()) + " |"]
    lines.append("|---" * (len(columns) + 1) + "|")
    for name in functions:
        cells = [cheat_cell(name, library) for library in columns]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return lines


def cheat_sheet(text: str) -> str:
    """The cheat sheet `text` with each counterpart table regenerated.

    A table stands between a key of :data:`CHEAT_TABLES` (whose value gives its columns)
    and :data:`CHEAT_END`; its rows are the
    functions of the section's first table (the rows that start with a
    ``{py:func}`~lossdocs.name``` link), in their order.
    """
    out, functions, columns = [], [], None
    for line in text.splitlines():
        if line.startswith("## "):
            functions = []
        elif line.startswith("| {py:func}`~lossdocs."):
            functions.append(line.split("`~lossdocs.", 1)[1].split("`", 1)[0])
        if line == CHEAT_END and columns:
            out += ["", *_cheat_table(functions, columns), ""]
            columns = None
        if columns is None:
            out.append(line)
        columns = CHEAT_TABLES.get(line, columns)
    return "\n".join(out) + "\n"
