"""Packaging as the README promises it: NumPy for users, dev tools in dependency groups.

The rules are those of CONTRIBUTING.md ("Packaging").
"""

import re
import tomllib
from pathlib import Path

import lossdocs

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_users_get_numpy_and_nothing_pinned():
    project = PYPROJECT["project"]
    assert [re.split(r"[<>=!~ ;\[]", d)[0] for d in project["dependencies"]] == ["numpy"]
    extras = project.get("optional-dependencies", {})
    assert set(extras) == {"gallery"}, "development tools belong in [dependency-groups]"
    for requirement in [*project["dependencies"], *extras["gallery"]]:
        assert "==" not in requirement and "<" not in requirement, requirement


def test_development_tools_are_dependency_groups_read_by_nox():
    assert {"test", "lint", "docs", "browser", "crosscheck"} <= set(PYPROJECT["dependency-groups"])
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    assert '".[' not in noxfile, "nox installs dependency groups, not extras"
    assert "nox.project.dependency_groups" in noxfile


def test_the_version_is_written_once():
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    attr = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "lossdocs.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+", lossdocs.__version__)


def test_the_license_file_says_what_the_metadata_says():
    assert PYPROJECT["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the lossdocs authors\n")


def test_readme_lists_exactly_the_losses_with_a_gradient():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bullet = readme.split("- **Gradients.**", 1)[1].split("The others", 1)[0]
    listed = re.findall(r"`(\w+)`", bullet)
    with_grad = [n.removesuffix("_grad") for n in lossdocs.__all__ if n.endswith("_grad")]
    assert [n for n in listed if not n.endswith("_grad") and n != "loss"] == with_grad
