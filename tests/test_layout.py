"""The layout rule of CONTRIBUTING.md ("Where code lives"), checked where a machine can.

One family name in every place; a module named after its main function, with
its ``*_grad`` right below it; shared helpers in underscore modules, never an
underscore name imported from a public module; explicit re-exports, no star
imports; every public module with its own test file.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

import lossdocs

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lossdocs"

# The families, in the order of lossdocs.__all__ and of the API index. Adding one is
# the mechanical step of CONTRIBUTING.md ("Add a family"): append it here.
FAMILIES = [
    "activations",
    "regression",
    "classification",
    "segmentation",
    "detection",
    "contrastive",
    "divergence",
    "generative",
    "sequence",
    "alignment",
    "language",
]
# Families without a docs chapter folder of their own, and where they are explained.
NO_CHAPTER = {"activations": "docs/foundations/"}

SOURCES = sorted(PACKAGE.rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _is_private(module: str) -> bool:
    return any(part.startswith("_") and part != "__init__" for part in module.split("."))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path):
    """Yield ``(absolute module, imported names)`` of every ``from ... import`` in `path`."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path.parent)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield module, [alias.name for alias in node.names]


@pytest.mark.parametrize("path", SOURCES, ids=_rel)
def test_no_star_import_and_no_underscore_name_from_a_public_module(path):
    for module, names in _imports(path):
        assert "*" not in names, f"{_rel(path)}: star import from {module}"
        if module.startswith("lossdocs") and not _is_private(module):
            private = [n for n in names if n.startswith("_")]
            assert not private, f"{_rel(path)} imports {private} from public {module}"


def test_families_are_the_subpackages():
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert packages == sorted(FAMILIES)
    root_order = [n for f in FAMILIES for n in getattr(lossdocs, f).__all__]
    assert list(lossdocs.__all__) == root_order


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_is_present_in_every_place(family):
    api = ROOT / "docs" / "api" / f"{family}.rst"
    assert api.is_file(), f"no API page {_rel(api)}"
    assert f".. lossdocs-family:: lossdocs.{family}\n" in api.read_text(encoding="utf-8")
    index = (ROOT / "docs" / "api" / "index.rst").read_text(encoding="utf-8")
    assert re.search(rf"^   {family}$", index, re.M), "not in the API index's toctree"
    if family in NO_CHAPTER:
        assert (ROOT / NO_CHAPTER[family]).is_dir()
    else:
        assert (ROOT / "docs" / family / "index.md").is_file(), f"no chapter docs/{family}/"
    unit = ROOT / "tests" / family
    cross = ROOT / "tests" / "crosscheck" / family
    assert sorted(unit.glob("test_*.py")), f"no tests in tests/{family}/"
    assert sorted(cross.glob("test_*.py")), f"no cross-check in tests/crosscheck/{family}/"
    # The cross-check mirrors the unit tests: the same file name for the same subject.
    unit_names = {p.name for p in unit.glob("test_*.py")}
    assert {p.name for p in cross.glob("test_*.py")} <= unit_names
    # A test file is named after a module of the family (test_huber.py), after a
    # helper module whose functions it tests together (test_margin.py for _margin.py),
    # or after the family itself (properties shared by all its functions).
    modules = {p.stem.lstrip("_") for p in (PACKAGE / family).glob("*.py")} - {"init"}
    for path in [*unit.glob("test_*.py"), *cross.glob("test_*.py")]:
        subject = path.stem.removeprefix("test_")
        assert subject in modules | {family}, f"{_rel(path)} names no module of {family}"


PUBLIC_MODULES = [
    p for p in SOURCES if p.parent != PACKAGE and p.name != "__init__.py" and p.name[0] != "_"
]


@pytest.mark.parametrize("path", PUBLIC_MODULES, ids=_rel)
def test_every_public_module_has_its_own_test_file(path):
    # "Tests mirror the package": lossdocs/<family>/<m>.py is tested in
    # tests/<family>/test_<m>.py (family and helper test files may hold shared
    # properties besides, never instead).
    tests = ROOT / "tests" / path.parent.name / f"test_{path.name}"
    assert tests.is_file(), f"{_rel(path)} has no {_rel(tests)}"


@pytest.mark.parametrize("family", FAMILIES)
def test_init_reexports_exactly_its_all_explicitly(family):
    init = PACKAGE / family / "__init__.py"
    imported = [n for module, names in _imports(init) for n in names]
    assert sorted(imported) == sorted(getattr(lossdocs, family).__all__)


@pytest.mark.parametrize(
    "path",
    [p for p in SOURCES if p.parent != PACKAGE and not _is_private(_module_name(p))],
    ids=_rel,
)
def test_a_module_is_named_after_its_main_function(path):
    module = importlib.import_module(_module_name(path))
    if path.name == "__init__.py":
        return
    stem = path.stem
    assert stem in module.__all__, f"{_rel(path)} does not define {stem}"
    assert set(module.__all__) <= {stem, f"{stem}_grad"}, f"{_rel(path)}: {module.__all__}"
    for name in module.__all__:
        assert getattr(module, name).__module__ == module.__name__


@pytest.mark.parametrize("name", [n for n in lossdocs.__all__ if n.endswith("_grad")])
def test_a_gradient_lives_right_below_its_loss(name):
    grad, loss = getattr(lossdocs, name), getattr(lossdocs, name.removesuffix("_grad"))
    assert grad.__module__ == loss.__module__
    source = Path(importlib.import_module(loss.__module__).__file__).read_text(encoding="utf-8")
    defs = [n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
    assert defs.index(name) == defs.index(loss.__name__) + 1, "the gradient follows its loss"
