"""Run the examples of the MyST pages (docs/**/*.md) with sybil, in the plain pytest run.

- A ```` ```python ```` fence whose text starts with ``>>>`` is a doctest (flags
  NORMALIZE_WHITESPACE and ELLIPSIS, as for the docstrings); any other
  ```` ```python ```` fence is executed, so code on a page must run. To show code
  that cannot run here (PyTorch, say), fence it as ```` ```text ```` or put
  ``% skip: next`` on the line above it.
- The examples of one page share one namespace, in page order.
- NumPy arrays print at 4 significant digits, as in the docstrings: each example
  requests the root conftest.py's fixture ``_print_precision`` by name (pytest
  does not apply autouse fixtures to sybil's items). ``np`` is in the namespace,
  though a page should import it for readers who copy the code.
- pytest does not recurse into the build output, the gallery output or the
  generated API files (``norecursedirs`` in pyproject.toml); conf.py and the
  Sphinx extensions are not test modules.
"""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

import numpy as np
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_ext/*", "_build/*", "auto_gallery/*", "api/generated/*"]


def _namespace(namespace: dict) -> None:
    namespace["np"] = np


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=NORMALIZE_WHITESPACE | ELLIPSIS),
        SkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*", "auto_gallery/*", "api/generated/*"],
    setup=_namespace,
    fixtures=["_print_precision"],
).pytest()
