"""Run every call of the Rosetta registry against lossdocs (`nox -s rosetta`).

    python tools/rosetta.py run      # check; exit 1 on a mismatch; write docs/rosetta-run.json
    python tools/rosetta.py page     # rewrite the Rosetta and averaging pages from the registry

Each call of ``lossdocs.rosetta.ENTRIES`` is evaluated on the inputs of its entry, for
two seeds of each of its cases ("random", "edge"), and compared with lossdocs' value on
the same inputs. A library that computes in float64 (torch, optax with
``jax_enable_x64``, scikit-learn) must agree to 1e-10 relative, Keras (float32) to
1e-6, relative to the largest magnitude of lossdocs' value (lossdocs computes in float64
on the same inputs; Keras gets them rounded to float32).
A trap (``agrees=False``) must differ by more than that on every case it runs.
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np  # noqa: E402

import lossdocs  # noqa: E402
from lossdocs.rosetta import ENTRIES, INPUTS, averaging_page, page  # noqa: E402

RECORD = ROOT / "docs" / "rosetta-run.json"
PAGE = ROOT / "docs" / "foundations" / "rosetta.md"
AVERAGING = ROOT / "docs" / "foundations" / "averaging.md"
TOLERANCE = {"torch": 1e-10, "optax": 1e-10, "sklearn": 1e-10, "keras": 1e-6}
SEEDS = (0, 1)


def _torchvision(torch, F):
    """torchvision.ops' functions, written out from torchvision 0.29's source (ops/boxes.py,
    ops/giou_loss.py, ops/focal_loss.py, ops/_utils.py): PyPI's torchvision does not import
    beside this project's CPU torch 2.13.0."""

    class tv:
        @staticmethod
        def box_area(boxes):
            return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])

        @staticmethod
        def _box_inter_union(boxes1, boxes2):
            area1, area2 = tv.box_area(boxes1), tv.box_area(boxes2)
            lt = torch.max(boxes1[:, None, :2], boxes2[:, :2])
            rb = torch.min(boxes1[:, None, 2:], boxes2[:, 2:])
            wh = (rb - lt).clamp(min=0)
            inter = wh[:, :, 0] * wh[:, :, 1]
            return inter, area1[:, None] + area2 - inter

        @staticmethod
        def box_iou(boxes1, boxes2):
            inter, union = tv._box_inter_union(boxes1, boxes2)
            return inter / union

        @staticmethod
        def generalized_box_iou(boxes1, boxes2):
            inter, union = tv._box_inter_union(boxes1, boxes2)
            iou = inter / union
            lti = torch.min(boxes1[:, None, :2], boxes2[:, :2])
            rbi = torch.max(boxes1[:, None, 2:], boxes2[:, 2:])
            whi = (rbi - lti).clamp(min=0)
            areai = whi[:, :, 0] * whi[:, :, 1]
            return iou - (areai - union) / areai

        @staticmethod
        def generalized_box_iou_loss(boxes1, boxes2, reduction="none", eps=1e-7):
            x1, y1, x2, y2 = boxes1.unbind(dim=-1)
            x1g, y1g, x2g, y2g = boxes2.unbind(dim=-1)
            xkis1, ykis1 = torch.max(x1, x1g), torch.max(y1, y1g)
            xkis2, ykis2 = torch.min(x2, x2g), torch.min(y2, y2g)
            intsctk = torch.zeros_like(x1)
            mask = (ykis2 > ykis1) & (xkis2 > xkis1)
            intsctk[mask] = (xkis2[mask] - xkis1[mask]) * (ykis2[mask] - ykis1[mask])
            unionk = (x2 - x1) * (y2 - y1) + (x2g - x1g) * (y2g - y1g) - intsctk
            iouk = intsctk / (unionk + eps)
            xc1, yc1 = torch.min(x1, x1g), torch.min(y1, y1g)
            xc2, yc2 = torch.max(x2, x2g), torch.max(y2, y2g)
            area_c = (xc2 - xc1) * (yc2 - yc1)
            loss = 1 - (iouk - ((area_c - unionk) / (area_c + eps)))
            return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]

        @staticmethod
        def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
            p = torch.sigmoid(inputs)
            ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
            p_t = p * targets + (1 - p) * (1 - targets)
            loss = ce_loss * ((1 - p_t) ** gamma)
            if alpha >= 0:
                loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
            return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]

    return tv


def namespaces():
    """Per library: (its names, how an input array becomes the library's array)."""
    import jax

    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import keras
    import optax
    import sklearn.metrics as metrics
    import torch
    import torch.nn.functional as F

    return {
        "torch": ({"torch": torch, "F": F, "tv": _torchvision(torch, F)}, torch.as_tensor),
        "optax": ({"optax": optax, "jax": jax, "jnp": jnp}, jnp.asarray),
        "keras": ({"keras": keras, "ops": keras.ops, "np": np}, _float32),
        "sklearn": ({"metrics": metrics, "np": np}, np.asarray),
    }


def _float32(a):
    return a.astype(np.float32) if a.dtype.kind == "f" else a


def _numpy(value):
    if hasattr(value, "detach"):
        value = value.detach()
    return np.asarray(value, dtype=np.float64)


def relative_error(got, want):
    got, want = _numpy(got), _numpy(want)
    if got.shape != want.shape:
        return np.inf
    if not np.array_equal(np.isnan(got), np.isnan(want)):
        return np.inf
    finite = ~np.isnan(want)
    scale = max(np.max(np.abs(want[finite]), initial=0.0), np.finfo(np.float64).tiny)
    return float(np.max(np.abs(got[finite] - want[finite]), initial=0.0) / scale)


def run() -> int:
    names = namespaces()
    start = time.perf_counter()
    checks, failures = 0, []
    for entry in ENTRIES:
        for call in entry.calls:
            scope, convert = names[call.library]
            errors = []
            for case in call.cases:
                for seed in SEEDS:
                    inputs = INPUTS[entry.inputs](np.random.default_rng(seed), case)
                    ref_scope = {**vars(lossdocs), "np": np, **inputs}
                    with np.errstate(all="ignore"):
                        want = eval(entry.code, ref_scope)
                    lib_inputs = {k: convert(v) for k, v in inputs.items()}
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        got = eval(call.code, {**scope, **lib_inputs})
                    errors.append(relative_error(got, want))
                    checks += 1
            tol = TOLERANCE[call.library]
            ok = all(e <= tol for e in errors) if call.agrees else all(e > tol for e in errors)
            status = "ok " if ok else "FAIL"
            kind = "" if call.agrees else " (trap: must differ)"
            print(f"{status} {entry.function:28s} {call.library:8s} max rel err"
                  f" {max(errors):9.2e}{kind}  {call.code[:70]}")  # fmt: skip
            if not ok:
                failures.append((entry.function, call.library, call.code, errors))
    seconds = time.perf_counter() - start
    print(f"{checks} checks of {sum(len(e.calls) for e in ENTRIES)} calls in {seconds:.1f} s;"
          f" {len(failures)} failed")  # fmt: skip
    if not failures:
        write_record(checks, seconds)
    return 1 if failures else 0


def versions() -> dict[str, str]:
    from importlib.metadata import version

    names = ("numpy", "torch", "jax", "jaxlib", "optax", "keras", "scikit-learn")
    return {n: version(n) for n in names}


def write_record(checks: int, seconds: float) -> None:
    record = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "checks": checks,
        "calls": sum(len(e.calls) for e in ENTRIES),
        "seconds": round(seconds, 1),
        "versions": versions(),
    }
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    write_pages(record)


def write_pages(record: dict) -> None:
    PAGE.write_text(page(record), encoding="utf-8")
    AVERAGING.write_text(averaging_page(), encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"]:
        return run()
    if argv[:1] == ["page"]:
        write_pages(json.loads(RECORD.read_text(encoding="utf-8")))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
