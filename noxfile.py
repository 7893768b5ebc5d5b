"""Every job of the project is a nox session; a bare ``nox`` runs every check CI runs."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups
# Keep virtualenv: uv ignores the CPU torch wheel on this disk and would download CUDA torch.
nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "tests", "crosscheck", "docs", "browser"]

PYTHON = "3.11"
PYPROJECT = nox.project.load_toml("pyproject.toml")


def groups(*names: str) -> list[str]:
    """The requirements of pyproject.toml's [dependency-groups] `names` (PEP 735)."""
    return list(nox.project.dependency_groups(PYPROJECT, *names))


@nox.session(python=PYTHON, reuse_venv=True)
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install(*groups("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON, reuse_venv=True)
def tests(session: nox.Session) -> None:
    """Run the unit, property, gradient, gallery and docs-extension tests and every doctest."""
    session.install("-e", ".", *groups("test", "docs"))
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=True)
def crosscheck(session: nox.Session) -> None:
    """Compare every loss with a PyTorch counterpart against torch (values and gradients)."""
    session.install("-e", ".", *groups("crosscheck"))
    session.run("pytest", "tests/crosscheck", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=True)
def rosetta(session: nox.Session) -> None:
    """Check every call of lossdocs.rosetta against torch, optax, Keras 3, scikit-learn, TRL.

    Not in a bare `nox`: it downloads JAX, Keras, scikit-learn, TRL and transformers
    (about 1 GB installed) for a check whose outcome changes only when the registry or a pinned
    version does. A green run rewrites docs/rosetta-run.json and the Rosetta page;
    commit both.
    """
    session.install("-e", ".", *groups("rosetta"))
    session.run("python", "tools/rosetta.py", "run", env={"KERAS_BACKEND": "jax"})


DOCS = "tools/docsbuild.py"  # builds one language at a time, for nox and Read the Docs


@nox.session(python=PYTHON, reuse_venv=True)
def docs(session: nox.Session) -> None:
    """Build the site (English, then Chinese) offline with zero warnings, then test it."""
    session.install("-e", ".", *groups("docs", "test"))
    session.run("python", DOCS, "html", *session.posargs)  # `-- zh_CN`: one language
    session.run("pytest", "tests/site", "tests/test_docs_ext.py", "-p", "no:cacheprovider")


@nox.session(python=PYTHON, reuse_venv=True)
def browser(session: nox.Session) -> None:
    """Test the built site in Debian's headless Chromium, offline, in every built language."""
    from pathlib import Path

    if not Path("docs/_build/html/en/index.html").is_file():
        session.error("no built site in docs/_build/html: run `nox -s docs` first")
    # Never `playwright install`: the tests drive /usr/bin/chromium.
    session.install("-e", ".", *groups("test", "browser"))
    session.run("pytest", "tests/browser", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=True)
def serve(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000, rebuilt on every change (`-- zh_CN`)."""
    session.install("-e", ".", *groups("serve"))
    session.run("python", DOCS, "serve", *session.posargs)


@nox.session(python=PYTHON, reuse_venv=True)
def translate(session: nox.Session) -> None:
    """Refresh the Chinese catalogs from the English pages, then list what to translate."""
    session.install("-e", ".", *groups("docs"))
    session.run("python", DOCS, "gettext")  # docs/_build/gettext/**/*.pot
    session.run("sphinx-intl", "update", "-p", "docs/_build/gettext", "-l", "zh_CN",
                "-d", "docs/locale", "--no-obsolete")  # fmt: skip
    session.run("python", DOCS, "stat")


@nox.session(python=PYTHON, reuse_venv=True)
def bench(session: nox.Session) -> None:
    """Benchmark speed, accuracy and memory against PyTorch, then time the docs build."""
    session.install("-e", ".", *groups("bench"))
    one_thread = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    session.run("python", "benchmarks/bench.py", *session.posargs, env=one_thread)
    session.run("python", "benchmarks/build_time.py")
