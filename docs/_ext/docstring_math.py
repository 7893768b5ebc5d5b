"""Read what the site shows of a lossdocs docstring: its formula and its PyTorch counterpart.

Plain Python (no Sphinx import), so the plain pytest run can use it too: the
``{loss}`` directive renders :func:`first_math_block`, and a test checks that no
page restates it (compared with :func:`normalise_tex`).
"""

from __future__ import annotations

import importlib
import inspect
import re
import textwrap

__all__ = [
    "canonical_name",
    "first_math_block",
    "normalise_tex",
    "numpydoc_section",
    "TORCH_LINE",
    "resolve",
    "torch_counterpart",
]

_MATH_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+math::[ \t]*(?P<arg>.*)$")
_OPTION = re.compile(r"^[ \t]*:[\w-]+:")
_UNDERLINE = re.compile(r"^[ \t]*-{3,}[ \t]*$")
#: The fixed first line of every public function's Notes (CONTRIBUTING.md, "Docstrings").
TORCH_LINE = re.compile(r"PyTorch: (?:``(?P<name>(?:torch|torchvision)\.[\w.]+)``|none)\.")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def first_math_block(doc: str | None) -> str | None:
    r"""Return the TeX of the first ``.. math::`` block of a docstring, or None.

    The block's options (``:label:`` ...) are dropped; its body is dedented
    and keeps its inner blank lines (Sphinx reads them as separate equations).

    >>> first_math_block('''Summary.
    ...
    ... .. math::
    ...
    ...     a = b
    ...     + c
    ...
    ... .. math:: x
    ... ''')
    'a = b\n+ c'
    """
    if not doc:
        return None
    lines = inspect.cleandoc(doc).splitlines()
    for i, line in enumerate(lines):
        match = _MATH_DIRECTIVE.match(line)
        if match is None:
            continue
        indent = len(match["indent"])
        body = [match["arg"]] if match["arg"].strip() else []
        j = i + 1
        while j < len(lines) and lines[j].strip() and _OPTION.match(lines[j]):
            j += 1
        block = []
        while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > indent):
            block.append(lines[j])
            j += 1
        tex = "\n".join([*body, textwrap.dedent("\n".join(block))]).strip("\n")
        tex = "\n".join(part.rstrip() for part in tex.splitlines())
        return tex or None
    return None


def numpydoc_section(doc: str | None, title: str) -> str | None:
    r"""Return the body of the numpydoc section `title` (e.g. "Notes"), or None.

    >>> doc = "S.\n\nNotes\n-----\nA note.\n\nExamples\n--------\n>>> 1"
    >>> numpydoc_section(doc, "Notes")
    'A note.'
    """
    if not doc:
        return None
    lines = inspect.cleandoc(doc).splitlines()
    starts = [
        i
        for i in range(len(lines) - 1)
        if lines[i].strip() and _UNDERLINE.match(lines[i + 1]) and not _indent(lines[i])
    ]
    for k, start in enumerate(starts):
        if lines[start].strip() == title:
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            return "\n".join(lines[start + 2 : end]).strip() or None
    return None


def torch_counterpart(doc: str | None) -> str | None:
    r"""Return the PyTorch counterpart that the first line of the Notes names, or None.

    That line is ``PyTorch: ``torch.nn.functional.l1_loss``.`` (or a
    ``torchvision`` name) or ``PyTorch: none.``; a docstring without it raises
    ValueError, so a new function cannot drop it unnoticed.

    >>> torch_counterpart("S.\n\nNotes\n-----\nPyTorch: ``torch.nn.functional.l1_loss``.\n\nMore.")
    'torch.nn.functional.l1_loss'
    >>> print(torch_counterpart("S.\n\nNotes\n-----\nPyTorch: none.\n\nSee ``torch.abs``."))
    None
    """
    notes = numpydoc_section(doc, "Notes") or ""
    first = notes.split("\n", 1)[0].strip()
    match = TORCH_LINE.fullmatch(first)
    if match is None:
        raise ValueError(
            f"the Notes must open with 'PyTorch: ``torch.xxx``.' or 'PyTorch: none.', got {first!r}"
        )
    return match["name"]


def normalise_tex(tex: str) -> str:
    """Drop all whitespace, the normal form in which two formulas are compared."""
    return "".join(tex.split())


def resolve(dotted: str) -> object:
    """Import ``package.module.attr`` (any depth) and return the object it names.

    Raises ImportError if no prefix imports, AttributeError if an attribute is missing.
    """
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:n]))
        except ModuleNotFoundError:
            if n == 1:
                raise
            continue
        for attr in parts[n:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(dotted)  # pragma: no cover (the loop returns or raises)


def canonical_name(obj: object, given: str) -> str:
    """The dotted name under which the API reference documents `obj`.

    Names re-exported by the package root are documented once, as
    ``lossdocs.<name>``; anything else keeps the name it was given by.
    """
    package = given.split(".", 1)[0]
    name = getattr(obj, "__name__", None)
    root = importlib.import_module(package)
    if name and name in getattr(root, "__all__", ()) and getattr(root, name) is obj:
        return f"{package}.{name}"
    return given
