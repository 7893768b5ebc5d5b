"""The Rosetta registry (lossdocs/rosetta.py) without the libraries it names.

`nox -s rosetta` runs the calls; these tests check what needs none of the libraries:
each entry names a real lossdocs function and evaluates on its inputs, each call is one
Python expression over the names its library provides, every function whose Notes name
a PyTorch counterpart has a torch call, the pins equal the versions the registry was
checked with, and the committed page is what the registry generates today.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import numpy as np
import pytest

import lossdocs
from lossdocs.rosetta import (
    CHEAT_LIBRARIES,
    CHEAT_NOTES,
    CHECKED_WITH,
    ENTRIES,
    INPUTS,
    LIBRARIES,
    averaging_page,
    cheat_cell,
    cheat_sheet,
    page,
    traps_page,
)

ROOT = Path(__file__).resolve().parents[1]
CASES = ("random", "edge")
# What an expression of each library may name besides its inputs (tools/rosetta.py).
SCOPE = {
    "torch": {"torch", "F", "tv", "tm", "range"},
    "optax": {"optax", "jax", "jnp"},
    "keras": {"keras", "ops", "np", "range"},
    "sklearn": {"metrics", "np", "range"},
    "trl": {
        "torch",
        "F",
        "tuple",
        "ForCausalLMLoss",
        "mixtral",
        "switch",
        "trl_utils",
        "distill",
        "GKDTrainer",
    },
}


def _names(code: str) -> set[str]:
    tree = ast.parse(code, mode="eval")
    bound = {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - bound


def _outer_function(code: str) -> str:
    node = ast.parse(code, mode="eval").body
    while isinstance(node, ast.BinOp):  # mse(...) / pred.size -> mse(...)
        node = node.left
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        node = node.func.value  # kl_divergence(p, q).mean() -> kl_divergence(p, q)
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name), code
    return node.func.id


CALLS = [(e, c) for e in ENTRIES for c in e.calls]


def _id(item):
    entry, call = item if isinstance(item, tuple) else (item, None)
    return f"{entry.code[:40]}-{call.library if call else ''}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_entry_names_a_function_and_evaluates_on_its_inputs(entry):
    assert entry.function in lossdocs.__all__
    assert _outer_function(entry.code) == entry.function
    assert entry.inputs in INPUTS
    for case in {c for call in entry.calls for c in call.cases}:
        inputs = INPUTS[entry.inputs](np.random.default_rng(0), case)
        assert all(isinstance(v, np.ndarray) for v in inputs.values())
        with np.errstate(all="ignore"):
            value = eval(entry.code, {**vars(lossdocs), "np": np, **inputs})
        assert np.asarray(value).size >= 1


@pytest.mark.parametrize("item", CALLS, ids=_id)
def test_call_is_one_expression_over_its_library_and_the_inputs(item):
    entry, call = item
    assert call.library in LIBRARIES
    assert set(call.cases) <= set(CASES) and call.cases
    inputs = set(INPUTS[entry.inputs](np.random.default_rng(0), "random"))
    unknown = _names(call.code) - SCOPE[call.library] - inputs
    assert not unknown, f"{call.code}: unknown names {unknown}"
    if not call.agrees:
        assert call.differences, "a trap says why it differs"


WRITTEN_OUT = [
    (e, c)
    for e, c in CALLS
    if c.library == "trl"
    and c.agrees
    and _names(c.code) <= {"torch", "F"} | set(INPUTS[e.inputs](np.random.default_rng(0), "random"))
]


def test_trl_formulas_written_out_in_torch_name_their_source():
    """TRL computes most losses inside a trainer method; a call that writes one out in
    torch (no TRL or transformers name in it) must say which file and method it copies."""
    assert len(WRITTEN_OUT) >= 5
    for entry, call in WRITTEN_OUT:
        cited = [d for d in call.differences if re.search(r"`\w+\.\w+` \(trl/[\w/]+\.py\)", d)]
        assert cited, f"{entry.code}: {call.code} names no trl/...py file and method"


def test_input_makers_are_deterministic_and_edge_differs():
    with_edge = {e.inputs for e, c in CALLS if "edge" in c.cases}
    for name, make in INPUTS.items():
        a, b = make(np.random.default_rng(3), "random"), make(np.random.default_rng(3), "random")
        assert all(np.array_equal(a[k], b[k]) for k in a), name
        if name not in with_edge:
            continue
        edge = make(np.random.default_rng(3), "edge")
        assert any(not np.array_equal(a[k], edge[k]) for k in a), name


def _pytorch_line(name: str) -> str | None:
    match = re.search(r"PyTorch: ``([^`]+)``", getattr(lossdocs, name).__doc__)
    return match.group(1) if match else None


WITH_TORCH = [
    n for n in lossdocs.__all__ if not n.endswith("_grad") and _pytorch_line(n) is not None
]


@pytest.mark.parametrize("name", WITH_TORCH)
def test_every_pytorch_counterpart_has_a_torch_call(name):
    calls = [c for e in ENTRIES if e.function == name for c in e.calls]
    assert any(c.library == "torch" and c.agrees for c in calls), (
        f"{name}'s Notes name {_pytorch_line(name)}: add an Entry with a torch Call"
        " to lossdocs/rosetta.py (CONTRIBUTING.md, 'The Rosetta registry')"
    )


def test_pins_are_the_checked_versions():
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    group = groups["dependency-groups"]
    pins = dict(
        r.split("==")
        for r in group["rosetta"] + group["crosscheck"]
        if isinstance(r, str) and "==" in r
    )
    assert {k: pins[k] for k in CHECKED_WITH} == CHECKED_WITH
    assert {"include-group": "crosscheck"} in group["rosetta"]
    assert pins["jaxlib"] == pins["jax"]


def test_committed_run_and_page_agree_with_the_registry():
    record = json.loads((ROOT / "docs" / "rosetta-run.json").read_text(encoding="utf-8"))
    assert record["calls"] == len(CALLS), "registry changed since the last run: nox -s rosetta"
    for name, version in CHECKED_WITH.items():
        assert record["versions"][name].split("+")[0] == version
    committed = (ROOT / "docs" / "rosetta.md").read_text(encoding="utf-8")
    assert committed == page(record), "stale page: python tools/rosetta.py page"
    averaging = (ROOT / "docs" / "averaging.md").read_text(encoding="utf-8")
    assert averaging == averaging_page(), "stale page: python tools/rosetta.py page"
    traps = (ROOT / "docs" / "traps.md").read_text(encoding="utf-8")
    assert traps == traps_page(), "stale page: python tools/rosetta.py page"


def test_pages_show_every_call_agreeing_calls_on_the_rosetta_page_traps_on_theirs():
    text = page({"date": "d", "checks": 1, "calls": 1, "seconds": 1, "versions": {}})
    traps = traps_page()
    for entry, call in CALLS:
        shown, other = (text, traps) if call.agrees else (traps, text)
        if call.raises:
            line = f"- `{call.code}` raises `{call.raises}`"
        else:
            line = f"- `{entry.code}` {'=' if call.agrees else '≠'} `{call.code}`"
        assert line in shown and line not in other, line
    assert text.count("{tab-item}") == len(LIBRARIES)
    assert "{doc}`traps`" in text  # the old Traps section points to the page


def test_traps_page_gives_the_checked_version_of_each_library():
    headings = [line for line in traps_page().splitlines() if line.startswith("## ")]
    assert headings == [
        f"## PyTorch {CHECKED_WITH['torch']}",
        f"## optax {CHECKED_WITH['optax']}",
        f"## Keras {CHECKED_WITH['keras']}",
        f"## scikit-learn {CHECKED_WITH['scikit-learn']}",
        f"## TRL {CHECKED_WITH['trl']} and transformers {CHECKED_WITH['transformers']}",
    ]


def test_a_call_that_raises_names_an_exception_class():
    for _, call in CALLS:
        if call.raises:
            assert call.raises.isidentifier() and call.raises.endswith("Error"), call.raises
            assert call.differences, "say why it raises"


def test_averaging_page_has_a_row_per_entry_with_a_reduction():
    # Each table: its header, then one row per entry with a call of one of its libraries.
    tables = [part.split("\n\n")[0].splitlines()
              for part in averaging_page().split("| Case | lossdocs | ")[1:]]  # fmt: skip
    columns = [table[0].rstrip(" |").split(" | ") for table in tables]
    assert sorted(t for c in columns for t in c) == sorted(LIBRARIES.values())  # one each
    by_title = {title: lib for lib, title in LIBRARIES.items()}
    for header, table in zip(columns, tables, strict=True):
        rows = [line for line in table if line.startswith("| `")]
        libraries = {by_title[title] for title in header}
        assert all(row.count(" | ") == 1 + len(header) for row in rows)
        assert len(rows) == sum(
            1 for e in ENTRIES if e.mean and libraries & {c.library for c in e.calls}
        )
    assert {e.function for e in ENTRIES if e.mean} <= {
        row.split("`")[1] for table in tables for row in table if row.startswith("| `")
    }


def _cheatsheet_counterparts() -> dict[str, dict[str, str]]:
    """The cheat sheet's four-library counterpart tables: function -> library -> cell."""
    rows, in_table = {}, False
    for line in (ROOT / "docs" / "cheatsheet.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| Function | PyTorch / torchvision | optax | Keras | scikit-learn |"):
            in_table = True
        elif in_table and line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0].strip("`")] = dict(zip(CHEAT_LIBRARIES, cells[1:], strict=True))
        elif not line.startswith("|"):
            in_table = False
    return rows


def test_cheatsheet_names_a_counterpart_wherever_the_registry_has_one():
    rows = _cheatsheet_counterparts()
    missing = [
        (e.function, c.library)
        for e, c in CALLS
        if c.agrees and e.function in rows and rows[e.function].get(c.library) == "—"
    ]
    assert not missing, f"the cheat sheet says '—' where lossdocs.rosetta has a call: {missing}"


def test_committed_cheat_sheet_tables_are_generated_from_the_registry():
    text = (ROOT / "docs" / "cheatsheet.md").read_text(encoding="utf-8")
    assert text == cheat_sheet(text), "stale cheat sheet: python tools/rosetta.py page"
    families = ("regression", "classification", "segmentation", "detection", "contrastive")
    families += ("divergence", "generative", "sequence")
    every = {n for f in families for n in getattr(lossdocs, f).__all__ if not n.endswith("_grad")}
    assert set(_cheatsheet_counterparts()) == every  # a row for each function of the families


def test_cheat_sheet_rows_follow_the_section_table():
    text = "## A\n\n| {py:func}`~lossdocs.mse` | x |\n| {py:func}`~lossdocs.mae` | y |\n\n"
    from lossdocs.rosetta import CHEAT_BEGIN, CHEAT_END

    generated = cheat_sheet(text + f"{CHEAT_BEGIN}\nstale\n{CHEAT_END}\n")
    assert "stale" not in generated
    rows = [line for line in generated.splitlines() if line.startswith("| `")]
    assert [r.split("`")[1] for r in rows] == ["mse", "mae"]
    cells = [cheat_cell("mse", lib) for lib in ("torch", "optax", "keras", "sklearn")]
    assert rows[0] == "| `mse` | " + " | ".join(cells) + " |"
    assert cheat_cell("mse", "sklearn") == "`sklearn.metrics.mean_squared_error`"  # derived


@pytest.mark.parametrize("key", sorted(CHEAT_NOTES))
def test_a_cheat_note_stands_only_where_no_call_gives_a_label(key):
    function, library = key
    calls = [c for e in ENTRIES if e.function == function for c in e.calls]
    assert not any(c.library == library and (c.cheat or c.agrees) for c in calls), (
        f"{key}: the registry has a call; its label replaces the note"
    )
