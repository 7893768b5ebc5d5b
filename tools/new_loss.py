"""Write the skeleton of a new loss: rows 1, 2, 3, 5 and 7 of CONTRIBUTING.md's "Add a loss".

    python tools/new_loss.py regression foo --grad --torch torch.nn.functional.foo_loss

writes ``lossdocs/regression/foo.py`` (``foo`` and, with ``--grad``, ``foo_grad``
right below it, each with the numpydoc skeleton of "Docstrings"), the unit test
``tests/regression/test_foo.py`` and the cross-check
``tests/crosscheck/regression/test_foo.py``; inserts the re-exports into
``lossdocs/regression/__init__.py`` and ``lossdocs/__init__.py`` (imports in
sorted position, the names at the end of the family's part of ``__all__``); then
prints the rows of the checklist that are left, read from CONTRIBUTING.md.

The files it writes are to be filled, not committed as they are: every body
raises NotImplementedError and every ``TODO`` marks a sentence to write. It
refuses to overwrite a file or to add a name that exists. ``--root DIR`` works
on another copy of the tree (the tests use it).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The rows this script writes (the others are printed as the work left).
WRITTEN = {"1", "2", "3", "5", "7"}

MODULE = '''\
"""``{names}``."""

from __future__ import annotations

from .._reduction import pred_target

__all__ = [{all_list}]


def {name}(pred, target, *, reduction="mean"):
    r"""TODO: one line: what {name} computes.

    TODO: when to use it, in a sentence or two.

    .. math::

        \\ell(\\hat y, y) = \\text{{TODO}}

    Parameters
    ----------
    pred : array_like
        TODO: predictions, any shape.
    target : array_like
        TODO: targets, the shape of `pred`.
    reduction : {{'mean', 'sum', 'none'}}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; TODO: its range and its best value.

    Raises
    ------
    ValueError
        TODO: one line per check (CONTRIBUTING.md, "Validation").
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
{see_also}
    Notes
    -----
    PyTorch: {torch}.

    TODO: short notes; long comparisons and edge cases go to docs/edge-cases.md,
    with a doctest, and a one-line pointer here.

    References
    ----------
    .. [1] TODO.

    Examples
    --------
    >>> from lossdocs import {name}
    >>> print({name}([1.0, 2.0, 4.0], [1.0, 3.0, 2.0]))  # TODO: the value, to 4 digits
    TODO
    """
    pred, target = pred_target(pred, target, reduction)
    raise NotImplementedError("{name}: TODO (written by tools/new_loss.py)")
'''

GRAD = '''

def {name}_grad(pred, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`{name}` with respect to `pred`.

    .. math::

        \\frac{{\\partial \\ell}}{{\\partial \\hat y_i}} = \\text{{TODO}}

    Parameters
    ----------
    pred : array_like
        TODO: predictions, any shape.
    target : array_like
        TODO: targets, the shape of `pred`.
    reduction : {{'mean', 'sum'}}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `pred`.

    Raises
    ------
    ValueError
        TODO: one line per check (CONTRIBUTING.md, "Validation").

    See Also
    --------
    {name} : The loss.

    Notes
    -----
    PyTorch: none.

    TODO: short notes.

    Examples
    --------
    >>> from lossdocs import {name}_grad
    >>> print({name}_grad([1.0, 2.0, 4.0], [1.0, 3.0, 2.0], reduction="sum"))  # TODO
    TODO
    """
    pred, target = pred_target(pred, target, reduction, grad=True)
    raise NotImplementedError("{name}_grad: TODO (written by tools/new_loss.py)")
'''

UNIT_TEST = '''\
"""Tests of {names}: TODO (CONTRIBUTING.md, "Add a loss", row 5)."""

import numpy as np
import pytest
{grad_import}
from lossdocs import {imports}


def test_values_from_an_independent_formula():
    pred, target = np.array([1.0, 2.0, 4.0]), np.array([1.0, 3.0, 2.0])
    expected = None  # TODO: by hand, from a formula not copied from the code
    assert {name}(pred, target, reduction="sum") == pytest.approx(expected)
'''

UNIT_GRAD_TEST = """

def test_gradient_matches_finite_differences():
    pred, target = np.array([0.5, -1.0, 3.0]), np.array([0.0, 1.0, 2.5])
    expected = numeric_grad(lambda p: {name}(p, target, reduction="sum"), pred)
    np.testing.assert_allclose({name}_grad(pred, target, reduction="sum"), expected, rtol=1e-6)
"""

CROSS_TEST = '''\
"""``{name}`` against {against}.

CONTRIBUTING.md, "Add a loss", row 7: TODO.
"""

import pytest


def test_{name}_matches_torch():
    # _xcheck: ld("{name}"), tt(x), assert_close(ours, theirs), autograd(...) for a gradient.
    pytest.fail("TODO: {name} against {against}")
'''


def _fail(message: str) -> None:
    sys.exit(f"new_loss.py: {message}")


def _insert_import_block(text: str, name: str, block: str) -> str:
    """Insert `block` (``from .name import (...)``) among the relative imports, sorted."""
    tree = ast.parse(text)
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.level == 1]
    lines = text.splitlines(keepends=True)
    after = [n for n in imports if (n.module or "") > name]
    if after:
        at = after[0].lineno - 1
    elif imports:
        at = imports[-1].end_lineno
    else:
        at = next(n.end_lineno for n in tree.body if isinstance(n, ast.Expr))
        block = "\n" + block
    return "".join([*lines[:at], block, *lines[at:]])


def _insert_into_import_list(text: str, family: str, names: list[str]) -> str:
    """Add `names` to ``from .family import (...)`` of lossdocs/__init__.py, kept sorted."""
    pattern = re.compile(rf"^from \.{family} import \(\n(.*?)^\)\n", re.M | re.S)
    match = pattern.search(text)
    if match is None:
        _fail(f"lossdocs/__init__.py has no `from .{family} import (...)` block")
    present = re.findall(r"^    (\w+),$", match.group(1), re.M)
    body = "".join(f"    {n},\n" for n in sorted({*present, *names}))
    return text[: match.start(1)] + body + text[match.end(1) :]


def _append_to_all(text: str, names: list[str], family: str | None = None) -> str:
    """Append `names` to ``__all__``: at its end, or at the end of `family`'s section."""
    start = text.index("__all__ = [")
    end = text.index("\n]", start)
    if family is not None:
        section = text.index(f"    # {family}\n", start, end)
        following = text.find("\n    # ", section + 1, end)
        end = end if following == -1 else following
    added = "".join(f'\n    "{n}",' for n in names)
    return text[:end] + added + text[end:]


def _remaining_rows(family: str, name: str) -> list[str]:
    """The rows of CONTRIBUTING.md's "Add a loss" this script does not write, for `name`."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Add a loss", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not (cells[0].isdigit() or cells[0] == "+"):
            continue
        if cells[0] in WRITTEN:
            continue
        row = " | ".join(cells)
        rows.append(re.sub(r"\bfoo(?![a-z0-9])", name, row).replace("regression", family))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("family", help="an existing family: lossdocs/<family>/")
    parser.add_argument("name", help="the loss, a lower-case Python name (the module's name)")
    parser.add_argument("--grad", action="store_true", help="write <name>_grad below it")
    parser.add_argument(
        "--torch", metavar="NAME", help="its PyTorch counterpart, e.g. torch.nn.functional.l1_loss"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the tree to write into")
    args = parser.parse_args(argv)
    family, name, root = args.family, args.name, args.root.resolve()

    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name.endswith("_grad"):
        _fail(f"{name!r} is not a lower-case Python name (and not a *_grad)")
    if args.torch and not re.fullmatch(r"(torch|torchvision)(\.\w+)+", args.torch):
        _fail(f"--torch {args.torch!r} is not a dotted torch or torchvision name")
    package = root / "lossdocs"
    family_init = package / family / "__init__.py"
    if not family_init.is_file():
        _fail(f"no family {family!r}: {family_init} does not exist (see 'Add a family')")
    names = [name, f"{name}_grad"] if args.grad else [name]
    root_init = package / "__init__.py"
    exported = re.findall(r'^    "(\w+)",$', root_init.read_text(encoding="utf-8"), re.M)
    if taken := [n for n in names if n in exported]:
        _fail(f"lossdocs already exports {taken}")
    files = {
        package / family / f"{name}.py": MODULE + (GRAD if args.grad else ""),
        root / "tests" / family / f"test_{name}.py": UNIT_TEST
        + (UNIT_GRAD_TEST if args.grad else ""),
        root / "tests" / "crosscheck" / family / f"test_{name}.py": CROSS_TEST,
    }
    if existing := [str(p) for p in files if p.exists()]:
        _fail(f"refusing to overwrite {existing}")

    torch = f"``{args.torch}``" if args.torch else "none"
    fields = {
        "name": name,
        "names": "`` and ``".join(names),
        "all_list": ", ".join(f'"{n}"' for n in names),
        "imports": ", ".join(names),
        "grad_import": "from gradcheck import numeric_grad\n" if args.grad else "",
        "torch": torch,
        "against": f"``{args.torch}``" if args.torch else "its formula written in torch ops",
        "see_also": f"    {name}_grad : Its gradient.\n"
        if args.grad
        else "    TODO : a relative.\n",
    }
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**fields), encoding="utf-8")
        print(f"wrote    {path.relative_to(root)}")

    block = f"from .{name} import (\n" + "".join(f"    {n},\n" for n in names) + ")\n"
    text = _insert_import_block(family_init.read_text(encoding="utf-8"), name, block)
    family_init.write_text(_append_to_all(text, names), encoding="utf-8")
    print(f"edited   {family_init.relative_to(root)}")
    text = _insert_into_import_list(root_init.read_text(encoding="utf-8"), family, names)
    root_init.write_text(_append_to_all(text, names, family), encoding="utf-8")
    print(f"edited   {root_init.relative_to(root)}")

    print("\nFill in the TODOs of the three files above (rows 1, 5 and 7), then:")
    for row in _remaining_rows(family, name):
        print(f"  {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
