"""Input checks and helpers shared by the multiclass losses (cross-entropy, NLL, focal)."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import (
    as_float,
    as_floats,
    as_int_labels,
    check_class_indices,
    check_finite,
    check_int,
    check_real,
    check_unit_interval,
    to_array,
)


class Batch(NamedTuple):
    """Validated ``(scores, target)`` pair of a multiclass loss.

    ``axis`` is the class axis (0 for an unbatched ``(C,)`` input, else 1) and
    ``weight`` the per-class weights, 1-D or None. An index target gives
    ``labels`` (ignored entries replaced by 0, so they can be gathered) and the
    mask ``keep`` of the other entries, both of the target's shape; a
    probability target gives ``probs``, the shape of ``scores``.
    """

    scores: np.ndarray
    axis: int
    weight: np.ndarray | None
    labels: np.ndarray | None = None
    keep: np.ndarray | None = None
    probs: np.ndarray | None = None

    def weight_along_axis(self):
        """``weight`` shaped to broadcast against ``scores``."""
        shape = [1] * self.scores.ndim
        shape[self.axis] = -1
        return self.weight.reshape(shape)

    def gather(self, x):
        """``x`` at each sample's label along the class axis: the target's shape."""
        if self.axis == 1 and x.size and x.flags.c_contiguous:
            # A flat index per sample and np.take: take_along_axis builds a broadcast
            # index per axis and cost more than the rest of nll_loss (benchmarks/cases.py).
            n, c = x.shape[:2]
            rest = x.size // (n * c)  # the spatial positions d1 * d2 ...
            labels = self.labels.reshape(n, rest)
            flat = np.arange(0, n * c * rest, c * rest)[:, None] + np.arange(rest)
            flat += labels * rest if rest != 1 else labels
            return np.take(x.reshape(-1), flat).reshape(self.labels.shape)
        idx = np.expand_dims(self.labels, self.axis)
        return np.take_along_axis(x, idx, axis=self.axis).squeeze(self.axis)

    def picked_nll(self, log_probs):
        """Per-sample ``-weight[y] * log_probs[y]``, 0 for ignored samples (as PyTorch)."""
        nll = self.gather(log_probs)  # a new array: the steps below work in place
        np.subtract(0, nll, out=nll)  # 0 - x, not -x: p_y = 1 gives +0, not -0
        if self.weight is not None:
            nll *= self.weight[self.labels]
        if not self.keep.all():  # the usual batch ignores nothing: no mask pass
            nll[~self.keep] = 0
        return nll

    def mean_denominator(self):
        """PyTorch's divisor for 'mean': the samples, or the kept targets' weights."""
        dt = self.scores.dtype.type
        if self.labels is None:
            return dt(self.scores.size // self.scores.shape[self.axis])
        if self.weight is None:
            return dt(np.count_nonzero(self.keep))
        return np.where(self.keep, self.weight[self.labels], 0).sum(dtype=self.scores.dtype)


def parse(
    scores,
    target,
    reduction,
    *,
    scores_name,
    weight=None,
    weight_name="weight",
    ignore_index=None,
    allow_probs=True,
    grad=False,
):
    """Validate a multiclass loss's inputs the way every entry point needs."""
    check_reduction(reduction, allow_none=not grad)
    ignore_index = check_int(ignore_index, "ignore_index", allow_none=True)
    scores = as_float(scores, scores_name)
    if scores.ndim == 0 or scores.shape[-1 if scores.ndim == 1 else 1] == 0:
        raise ValueError(
            f"{scores_name} must be (C,), (N, C) or (N, C, d1, ...) with C >= 1 classes, "
            f"got shape {scores.shape}"
        )
    axis = 0 if scores.ndim == 1 else 1
    n_classes = scores.shape[axis]
    index_shape = scores.shape[:axis] + scores.shape[axis + 1 :]
    target_arr = to_array(target, "target")
    if allow_probs and target_arr.shape == scores.shape:
        if ignore_index is not None and ignore_index >= 0:
            raise ValueError(
                f"ignore_index={ignore_index} applies to class-index targets only; "
                "a probability target takes a negative ignore_index (as in PyTorch)"
            )
        scores, probs = as_floats(**{scores_name: scores, "target": target_arr})
        check_unit_interval(probs, "target")
        batch = Batch(scores, axis, None, probs=probs)
    elif target_arr.shape == index_shape:
        labels = as_int_labels(target_arr, "target")
        keep = check_class_indices(labels, n_classes, "target", ignore_index=ignore_index)
        labels = labels if keep.all() else np.where(keep, labels, 0)  # no copy when none ignored
        batch = Batch(scores, axis, None, labels=labels, keep=keep)
    else:
        probs_shape = f" or class probabilities {scores.shape}" if allow_probs else ""
        raise ValueError(
            f"target must hold class indices of shape {index_shape}{probs_shape} for "
            f"{scores_name} of shape {scores.shape}, got target.shape={target_arr.shape}"
        )
    check_nonempty_mean(scores.size, reduction, scores_name)
    if weight is not None:
        weight = as_float(weight, weight_name, dtype=scores.dtype)
        check_finite(weight, weight_name)
        if weight.shape != (n_classes,):
            raise ValueError(
                f"{weight_name} must have shape (C,) = ({n_classes},), one value per class, "
                f"got {weight_name}.shape={weight.shape}"
            )
        batch = batch._replace(weight=weight)
    return batch


def reduce_batch(batch, loss, reduction):
    """Reduce per-sample losses with PyTorch's 'mean' divisor (0/0 gives nan quietly)."""
    if reduction == "none":
        return loss
    # over: a sum beyond the float range is inf; invalid: inf - inf (nll_loss of log_probs
    # holding both +inf and -inf), NaN; both silently
    with np.errstate(over="ignore", invalid="ignore"):
        total = loss.sum(dtype=loss.dtype)
    if reduction == "sum":
        return total
    with np.errstate(divide="ignore", invalid="ignore"):
        return total / batch.mean_denominator()


def weighted_target(batch, label_smoothing):
    """Return ``w * q``, ``q = (1 - eps) t + eps / C`` (t one-hot or given), 0 where ignored."""
    dt = batch.scores.dtype.type
    n_classes = batch.scores.shape[batch.axis]
    if batch.labels is None:
        t = batch.probs
    else:
        t = np.zeros_like(batch.scores)
        np.put_along_axis(t, np.expand_dims(batch.labels, batch.axis), 1, axis=batch.axis)
    q = t * dt(1 - label_smoothing) + dt(label_smoothing / n_classes) if label_smoothing else t
    if batch.keep is not None:
        q = np.where(np.expand_dims(batch.keep, batch.axis), q, 0)
    return q if batch.weight is None else q * batch.weight_along_axis()


def parse_cross_entropy(logits, target, weight, ignore_index, label_smoothing, reduction, grad):
    """Validate the arguments of cross_entropy(_grad); return the batch and the smoothing."""
    eps = check_real(
        label_smoothing,
        "label_smoothing",
        low=0,
        high=1,
        why="PyTorch silently treats a negative value as 0",
    )
    batch = parse(
        logits,
        target,
        reduction,
        scores_name="logits",
        weight=weight,
        ignore_index=ignore_index,
        grad=grad,
    )
    return batch, eps
