"""Run every call of the Rosetta registry against lossdocs (`nox -s rosetta`).

    python tools/rosetta.py run      # check; exit 1 on a mismatch; write docs/rosetta-run.json
    python tools/rosetta.py page     # rewrite the generated pages and cheat-sheet tables

Each call of ``lossdocs.rosetta.ENTRIES`` is evaluated on the inputs of its entry, for
two seeds of each of its cases ("random", "edge"), and compared with lossdocs' value on
the same inputs. A library that computes in float64 (torch, optax with
``jax_enable_x64``, scikit-learn) must agree to 1e-10 relative, Keras (float32) to
1e-6, relative to the largest magnitude of lossdocs' value (lossdocs computes in float64
on the same inputs; Keras gets them rounded to float32). A call that returns float32 from
float64 inputs (transformers' ``ForCausalLMLoss`` casts with ``.float()``) is held to 1e-6.
A trap (``agrees=False``) must differ by more than that on every case it runs; a call
with ``raises`` must raise that exception on every case.
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")  # GKDTrainer lives in trl.experimental

import numpy as np  # noqa: E402

import lossdocs  # noqa: E402
from lossdocs.rosetta import (  # noqa: E402
    ENTRIES,
    INPUTS,
    averaging_page,
    cheat_sheet,
    page,
    traps_page,
)

RECORD = ROOT / "docs" / "rosetta-run.json"
PAGE = ROOT / "docs" / "rosetta.md"
AVERAGING = ROOT / "docs" / "averaging.md"
TRAPS = ROOT / "docs" / "traps.md"
CHEATSHEET = ROOT / "docs" / "cheatsheet.md"
TOLERANCE = {"torch": 1e-10, "optax": 1e-10, "sklearn": 1e-10, "keras": 1e-6, "trl": 1e-10}
FLOAT32 = 1e-6  # the tolerance of any result in float32
SEEDS = (0, 1)


def _torchvision():
    """torchvision.ops' functions, written out in torch from torchvision's source by the
    cross-check (tests/crosscheck/detection/ and classification/test_focal_loss.py,
    whose docstrings cite the files and commits): PyPI's torchvision does not import
    beside this project's CPU torch 2.13.0."""
    import importlib.util

    sys.path.insert(0, str(ROOT / "tests" / "crosscheck"))  # their `_xcheck`, `detection.`

    def load(path):
        path = ROOT / "tests" / "crosscheck" / path
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    helpers = load("detection/_xhelpers.py")
    distance = load("detection/test_distance.py")
    return SimpleNamespace(
        box_area=helpers.tv_box_area,
        box_iou=load("detection/test_box_iou.py").tv_box_iou,
        generalized_box_iou=helpers.tv_generalized_box_iou,
        generalized_box_iou_loss=load("detection/test_giou_loss.py").tv_generalized_box_iou_loss,
        distance_box_iou_loss=distance.tv_distance_box_iou_loss,
        complete_box_iou_loss=distance.tv_complete_box_iou_loss,
        sigmoid_focal_loss=load("classification/test_focal_loss.py").tv_sigmoid_focal_loss,
    )


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
    import torchmetrics

    return {
        "torch": (
            {"torch": torch, "F": F, "tv": _torchvision(), "tm": torchmetrics},
            torch.as_tensor,
        ),
        "trl": (_trl(torch, F), torch.as_tensor),
        "optax": ({"optax": optax, "jax": jax, "jnp": jnp}, jnp.asarray),
        "keras": ({"keras": keras, "ops": keras.ops, "np": np}, _float32),
        "sklearn": ({"metrics": metrics, "np": np}, np.asarray),
    }


def _trl(torch, F):
    """TRL's and transformers' names (lossdocs.rosetta's docstring lists them)."""
    import transformers.models.mixtral.modeling_mixtral as mixtral
    import transformers.models.switch_transformers.modeling_switch_transformers as switch
    import trl.trainer.distillation_trainer as distill
    import trl.trainer.utils as trl_utils
    from transformers.loss.loss_utils import ForCausalLMLoss
    from trl.experimental.gkd import GKDTrainer

    return {"torch": torch, "F": F, "tuple": tuple, "ForCausalLMLoss": ForCausalLMLoss,
            "mixtral": mixtral, "switch": switch, "trl_utils": trl_utils, "distill": distill,
            "GKDTrainer": GKDTrainer}  # fmt: skip


def _is_float32(value) -> bool:
    return str(getattr(value, "dtype", "")) in ("float32", "torch.float32")


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


def _error(call, scope: dict, want) -> tuple[float, bool]:
    """The relative error of the call's value, and whether that value is float32; for a
    call that must raise, 0 when it raises that exception and inf when it returns (any
    other exception propagates)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            got = eval(call.code, scope)
        except Exception as error:
            if call.raises and type(error).__name__ == call.raises:
                return 0.0, False
            raise
    return (np.inf if call.raises else relative_error(got, want)), _is_float32(got)


def run() -> int:
    names = namespaces()
    start = time.perf_counter()
    checks, failures = 0, []
    for entry in ENTRIES:
        for call in entry.calls:
            scope, convert = names[call.library]
            errors, tol = [], TOLERANCE[call.library]
            for case in call.cases:
                for seed in SEEDS:
                    inputs = INPUTS[entry.inputs](np.random.default_rng(seed), case)
                    ref_scope = {**vars(lossdocs), "np": np, **inputs}
                    with np.errstate(all="ignore"):
                        want = eval(entry.code, ref_scope)
                    lib_inputs = {k: convert(v) for k, v in inputs.items()}
                    error, float32 = _error(call, {**scope, **lib_inputs}, want)
                    errors.append(error)
                    if float32:
                        tol = max(tol, FLOAT32)
                    checks += 1
            if call.raises:  # 0 where it raised the named exception
                ok = all(e == 0 for e in errors)
            else:
                ok = all(e <= tol for e in errors) if call.agrees else all(e > tol for e in errors)
            status = "ok " if ok else "FAIL"
            kind = f" (raises {call.raises})" if call.raises else ""
            kind += "" if call.agrees else " (trap: must differ)"
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

    names = ("numpy", "torch", "torchmetrics", "jax", "jaxlib", "optax", "keras",
             "scikit-learn", "trl", "transformers")  # fmt: skip
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
    TRAPS.write_text(traps_page(), encoding="utf-8")
    CHEATSHEET.write_text(cheat_sheet(CHEATSHEET.read_text(encoding="utf-8")), encoding="utf-8")


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
