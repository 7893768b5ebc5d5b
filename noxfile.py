"""Every job of the project is a nox session; a bare ``nox`` runs every check CI runs."""

from __future__ import annotations

import nox

nox.needs_version = ">=2024.3.2"
# Keep virtualenv: uv ignores the CPU torch wheel on this disk and would download CUDA torch.
nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests", "crosscheck"]

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
    """Run the unit, property and gradient tests and every doctest (no torch needed)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=True)
def crosscheck(session: nox.Session) -> None:
    """Compare every loss with a PyTorch counterpart against torch (values and gradients)."""
    session.install("-e", ".[test]", TORCH)
    session.run("pytest", "tests/crosscheck", "-p", "no:cacheprovider", *session.posargs)
