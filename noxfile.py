"""Every job of the project is a nox session; a bare ``nox`` runs every check CI runs."""

from __future__ import annotations

import nox

nox.needs_version = ">=2024.3.2"
# Keep virtualenv: uv ignores the CPU torch wheel on this disk and would download CUDA torch.
nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests", "crosscheck", "docs"]

PYTHON = "3.11"
TORCH = "torch==2.13.0"  # the CPU build; a bare "torch" pulls several GB of CUDA wheels


@nox.session(python=PYTHON, reuse_venv=True)
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON, reuse_venv=True)
def tests(session: nox.Session) -> None:
    """Run the unit, property, gradient, gallery and docs-extension tests and every doctest."""
    session.install("-e", ".[test,docs]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=True)
def crosscheck(session: nox.Session) -> None:
    """Compare every loss with a PyTorch counterpart against torch (values and gradients)."""
    session.install("-e", ".[test]", TORCH)
    session.run("pytest", "tests/crosscheck", "-p", "no:cacheprovider", *session.posargs)


DOCS_LANGUAGE = "en"  # a later issue adds zh_CN beside it, under the same layout
DOCS_HTML = "docs/_build/html"
REDIRECT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>lossdocs</title>
<meta http-equiv="refresh" content="0; url={lang}/index.html">
<link rel="canonical" href="{lang}/index.html">
</head>
<body>
<p><a href="{lang}/index.html">lossdocs documentation</a></p>
</body>
</html>
"""


@nox.session(python=PYTHON, reuse_venv=True)
def docs(session: nox.Session) -> None:
    """Build the site offline with zero warnings, then test its links, anchors and assets."""
    from pathlib import Path

    session.install("-e", ".[docs,test]")
    lang = DOCS_LANGUAGE
    session.run(
        "sphinx-build", "-W", "--keep-going", "-n", "-T", "-b", "html",
        "-d", f"docs/_build/doctrees/{lang}", "docs", f"{DOCS_HTML}/{lang}",
        *session.posargs,
    )  # fmt: skip
    index = Path(DOCS_HTML, "index.html")
    index.write_text(REDIRECT.format(lang=lang), encoding="utf-8")
    session.run("pytest", "tests/site", "tests/test_docs_ext.py", "-p", "no:cacheprovider")
    session.log(f"Open file://{index.resolve()} (or `nox -s serve` for a live preview)")


@nox.session(python=PYTHON, reuse_venv=True)
def serve(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000, rebuilt on every change."""
    session.install("-e", ".[docs]", "sphinx-autobuild==2025.8.25")
    lang = DOCS_LANGUAGE
    session.run(
        "sphinx-autobuild", "--host", "127.0.0.1", "--port", "8000",
        "--watch", "lossdocs", "--watch", "gallery", "--re-ignore", r"__pycache__|\.pyc$",
        "--ignore", "docs/_build", "--ignore", "docs/auto_gallery",
        "--ignore", "docs/api/generated", "--ignore", "docs/sg_execution_times.rst",
        "-d", f"docs/_build/doctrees/{lang}", "docs", f"{DOCS_HTML}/{lang}",
        *session.posargs,
    )  # fmt: skip
