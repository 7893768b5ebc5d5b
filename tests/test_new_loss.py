"""tools/new_loss.py on a copy of the tree: its files import and parse, the layout rule holds."""

from __future__ import annotations

import ast
import doctest
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "new_loss.py"


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOL), *args, "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """What tests/test_layout.py reads: the package, the tests and the docs' family places."""
    root = tmp_path_factory.mktemp("tree")
    for name in ("lossdocs", "tests"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "docs" / "api", root / "docs" / "api")
    shutil.copytree(ROOT / "docs" / "foundations", root / "docs" / "foundations")
    for index in (ROOT / "docs").glob("*/index.md"):
        (root / index.parent.relative_to(ROOT)).mkdir(parents=True, exist_ok=True)
        shutil.copy(index, root / index.relative_to(ROOT))
    done = _run(
        root, "regression", "probe_loss", "--grad", "--torch", "torch.nn.functional.l1_loss"
    )
    assert done.returncode == 0, done.stderr
    done = _run(root, "sequence", "probe_seq_loss")
    assert done.returncode == 0, done.stderr
    return root


def test_it_writes_the_three_skeletons_and_prints_the_rows_left(tree):
    for path in (
        "lossdocs/regression/probe_loss.py",
        "tests/regression/test_probe_loss.py",
        "tests/crosscheck/regression/test_probe_loss.py",
        "lossdocs/sequence/probe_seq_loss.py",
    ):
        assert (tree / path).is_file(), path
    done = _run(tree, "detection", "probe_box_loss")
    rows = [line.split("|")[0].strip() for line in done.stdout.splitlines() if "|" in line]
    assert rows == ["4", "6", "8", "9", "10", "11", "12", "13", "+", "+"]
    assert '`probe_box_loss` in `API["detection"]`' in done.stdout


def test_the_module_imports_with_its_gradient_below_and_its_notes_line(tree):
    spec = importlib.util.spec_from_file_location(
        "lossdocs.regression.probe_loss", tree / "lossdocs/regression/probe_loss.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lossdocs", importlib.import_module("lossdocs"))
    spec.loader.exec_module(module)
    assert module.__all__ == ["probe_loss", "probe_loss_grad"]
    assert "PyTorch: ``torch.nn.functional.l1_loss``." in module.probe_loss.__doc__
    assert "PyTorch: none." in module.probe_loss_grad.__doc__
    with pytest.raises(NotImplementedError, match="probe_loss: TODO"):
        module.probe_loss([1.0], [2.0])
    # The examples are doctests that parse (their expected output is the TODO to fill).
    for fn in (module.probe_loss, module.probe_loss_grad):
        examples = doctest.DocTestParser().get_examples(fn.__doc__)
        assert len(examples) == 2
        for example in examples:
            compile(example.source, fn.__name__, "exec")


def test_the_reexports_are_inserted_in_sorted_position(tree):
    family = (tree / "lossdocs/regression/__init__.py").read_text(encoding="utf-8")
    modules = [
        n.module for n in ast.parse(family).body if isinstance(n, ast.ImportFrom) and n.level
    ]
    assert modules == sorted(modules) and "probe_loss" in modules
    assert family.rstrip().endswith('"probe_loss",\n    "probe_loss_grad",\n]')
    package = (tree / "lossdocs/__init__.py").read_text(encoding="utf-8")
    block = package.split("from .regression import (\n")[1].split(")")[0].split()
    assert block == sorted(block) and "probe_loss_grad," in block
    assert '"probe_loss_grad",\n    # classification' in package


def test_the_layout_rule_holds_on_the_result(tree):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/test_layout.py"],
        cwd=tree,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    for module in ("regression/probe_loss", "sequence/probe_seq_loss"):
        assert f"own_test_file[lossdocs/{module}.py] PASSED" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["regression", "huber"], "already exports ['huber']"),
        (["regression", "probe_loss"], "already exports ['probe_loss']"),
        (["nosuchfamily", "foo"], "no family 'nosuchfamily'"),
        (["regression", "Foo"], "is not a lower-case Python name"),
        (["regression", "foo", "--torch", "numpy.abs"], "is not a dotted torch"),
    ],
)
def test_it_refuses_bad_requests_and_writes_nothing(tree, args, message):
    before = (tree / "lossdocs/__init__.py").read_text(encoding="utf-8")
    done = _run(tree, *args)
    assert done.returncode != 0 and message in done.stderr
    assert (tree / "lossdocs/__init__.py").read_text(encoding="utf-8") == before


def test_it_refuses_to_overwrite_a_file(tree):
    stray = tree / "tests" / "regression" / "test_probe_quartic.py"
    stray.write_text("# a contributor's file\n", encoding="utf-8")
    done = _run(tree, "regression", "probe_quartic")
    assert done.returncode != 0 and "refusing to overwrite" in done.stderr
    assert stray.read_text(encoding="utf-8") == "# a contributor's file\n"
    assert not (tree / "lossdocs/regression/probe_quartic.py").exists()
