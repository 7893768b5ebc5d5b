"""Build the lossdocs site, one language at a time: the one recipe for nox and Read the Docs.

    python tools/docsbuild.py html [LANG ...] [SPHINX-OPTIONS]   # default: every language
    python tools/docsbuild.py serve [LANG] [AUTOBUILD-OPTIONS]   # live preview of one language
    python tools/docsbuild.py rtd                                # Read the Docs (its env vars)
    python tools/docsbuild.py gettext                            # English .pot files
    python tools/docsbuild.py stat                               # what is left to translate
    python tools/docsbuild.py format                             # catalogs as sphinx-intl writes

Each language is built with ``-W --keep-going -n`` into ``docs/_build/html/<lang>``,
with its own doctree folder ``docs/_build/doctrees/<lang>`` (so a rebuild reads only
what changed), and ``docs/_build/html/index.html`` sends a visitor to the first
language. Each language's ``_downloads/`` also gets the lossdocs wheel, built once per
run from the working tree (``wheel_name()``): the gallery's index links to it, so a
reader runs a downloaded script without cloning. The gallery's output
(``docs/auto_gallery``) is shared: its md5 cache makes the second language reuse the
figures instead of running the scripts again. ``nox -s translate`` runs ``gettext``,
``sphinx-intl update`` and ``stat``; ``format`` rewrites the catalogs the way
``sphinx-intl update`` does (to run once after editing them with another tool, so the
next update changes only the messages that changed). Run from anywhere; paths are relative to the
repository root.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
DOCTREES = BUILD / "doctrees"
POT = BUILD / "gettext"
LOCALE = DOCS / "locale"
LANGUAGES = ("en", "zh_CN")  # the first is the default (the root index.html goes there)
# Catalogs of no page, kept by hand: furo's and Sphinx's words (sphinx.po) and the words
# of formulas (math-text.po, docs/_ext/math_text.py). `gettext` makes no template for them.
OWN_CATALOGS = ("sphinx", "math-text")
# Warnings fail the build; `-j auto` reads, writes and runs the gallery scripts (conf.py:
# sphinx-gallery's "parallel") on every core: the same HTML, byte for byte, as one process.
STRICT = ("-W", "--keep-going", "-n", "-T", "-j", "auto")
# Generated inside docs/ by a build: a live preview must not rebuild when they change.
GENERATED = ("docs/_build", "docs/auto_gallery", "docs/api/generated",
             "docs/sg_execution_times.rst")  # fmt: skip

REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
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


def sphinx(*args: str | Path) -> None:
    """Run ``python -m sphinx`` in the repository root; exit with its code if it fails."""
    cmd = [sys.executable, "-m", "sphinx", *map(str, args)]
    print("+", " ".join(cmd), flush=True)
    code = subprocess.call(cmd, cwd=ROOT)
    if code:
        raise SystemExit(code)


def wheel_name() -> str:
    """The file name of lossdocs' wheel (conf.py links the gallery's index to it)."""
    sys.path.insert(0, str(ROOT))
    import lossdocs

    return f"lossdocs-{lossdocs.__version__}-py3-none-any.whl"


def build_wheel() -> Path:
    """lossdocs' wheel, from the working tree, into ``docs/_build/wheel``; return its path.

    Offline and quick: no isolated build environment (setuptools is installed), no
    dependencies. Rebuilt on every run, so the wheel is always that of the docs.
    """
    folder = BUILD / "wheel"
    shutil.rmtree(folder, ignore_errors=True)
    # setuptools' scratch folder: a module deleted since its last run would enter the wheel
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
           "--disable-pip-version-check", "-q", "-w", str(folder), str(ROOT)]  # fmt: skip
    print("+", " ".join(cmd), flush=True)
    if code := subprocess.call(cmd, cwd=ROOT):
        raise SystemExit(code)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    wheel = folder / wheel_name()
    if not wheel.is_file():
        raise SystemExit(f"pip wrote no {wheel.name} in {folder}")
    return wheel


def add_wheel(out: Path, wheel: Path) -> None:
    """Copy the wheel into ``<out>/_downloads/``, where the gallery's index links to it."""
    (out / "_downloads").mkdir(parents=True, exist_ok=True)
    shutil.copy2(wheel, out / "_downloads" / wheel.name)


def build_html(lang: str, *extra: str, wheel: Path | None = None) -> Path:
    """Build one language into ``docs/_build/html/<lang>``; return that folder."""
    out = HTML / lang
    sphinx(*STRICT, "-b", "html", "-D", f"language={lang}", "-d", DOCTREES / lang, DOCS, out,
           *extra)  # fmt: skip
    add_wheel(out, wheel or build_wheel())
    return out


def write_redirect(lang: str = LANGUAGES[0]) -> Path:
    """``docs/_build/html/index.html``, which sends the reader to ``<lang>/index.html``."""
    index = HTML / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(REDIRECT.format(lang=lang), encoding="utf-8")
    return index


def build_rtd() -> None:
    """Read the Docs: one language per project; conf.py reads ``READTHEDOCS_LANGUAGE``."""
    out = Path(os.environ["READTHEDOCS_OUTPUT"])
    sphinx(*STRICT, "-b", "html", "-d", out / "doctrees", DOCS, out / "html")
    add_wheel(out / "html", build_wheel())


def serve(lang: str, *extra: str) -> None:
    """Live preview of one language with sphinx-autobuild (rebuilt on every change)."""
    add_wheel(HTML / lang, build_wheel())
    ignores = [arg for path in GENERATED for arg in ("--ignore", path)]
    cmd = [sys.executable, "-m", "sphinx_autobuild", "--host", "127.0.0.1", "--port", "8000",
           "--watch", "lossdocs", "--watch", "gallery",
           # compiled catalogs are written into docs/locale by the build itself
           "--re-ignore", r"__pycache__|\.pyc$|\.mo$", *ignores,
           "-D", f"language={lang}", "-d", str(DOCTREES / lang), "docs", str(HTML / lang),
           *extra]  # fmt: skip
    print("+", " ".join(cmd), flush=True)
    raise SystemExit(subprocess.call(cmd, cwd=ROOT))


_POT_DATE = re.compile(r'^"POT-Creation-Date: [^"\n]*\\n"$', re.M)


def build_pot() -> int:
    """English message templates into ``docs/_build/gettext``, dates carried over.

    Each ``.pot`` gets the ``POT-Creation-Date`` of its existing catalog, so that
    ``sphinx-intl update`` (which copies that date into a catalog it rewrites)
    changes no header line: a catalog changes only where its messages do.
    Returns the number of templates.
    """
    shutil.rmtree(POT, ignore_errors=True)  # no template of a deleted page survives
    sphinx(*STRICT, "-q", "-b", "gettext", "-d", DOCTREES / "gettext", DOCS, POT)
    templates = sorted(POT.rglob("*.pot"))
    for pot in templates:
        rel = pot.relative_to(POT).with_suffix(".po").as_posix()
        for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{rel}"))[:1]:
            if found := _POT_DATE.search(po.read_text(encoding="utf-8")):
                text = pot.read_text(encoding="utf-8")
                date = found.group(0)
                pot.write_text(_POT_DATE.sub(lambda _, d=date: d, text, count=1), encoding="utf-8")
    print(f"{len(templates)} templates in {POT.relative_to(ROOT)}")
    return len(templates)


def stat(lang: str = "zh_CN") -> int:
    """Print untranslated and fuzzy counts per catalog of ``lang``; return their total."""
    import polib

    folder = LOCALE / lang / "LC_MESSAGES"
    rows, total = [], [0, 0, 0]
    for po_path in sorted(folder.rglob("*.po")):
        po = polib.pofile(str(po_path))
        counts = (len(po.untranslated_entries()), len(po.fuzzy_entries()),
                  len([e for e in po if not e.obsolete]))  # fmt: skip
        total = [a + b for a, b in zip(total, counts, strict=True)]
        if counts[0] or counts[1]:
            rows.append((po_path.relative_to(folder).as_posix(), *counts))
    width = max([len(r[0]) for r in rows] + [len("catalog")])
    print(f"{'catalog':<{width}}  untranslated  fuzzy  messages")
    for name, untranslated, fuzzy, messages in rows:
        print(f"{name:<{width}}  {untranslated:>12}  {fuzzy:>5}  {messages:>8}")
    catalogs = len(list(folder.rglob("*.po")))
    if POT.is_dir():  # after `gettext`: a catalog without a template has lost its page
        for po_path in sorted(folder.rglob("*.po")):
            rel = po_path.relative_to(folder).with_suffix(".pot")
            if rel.with_suffix("").as_posix() not in OWN_CATALOGS and not (POT / rel).is_file():
                print(f"{rel.with_suffix('.po')}: its page is gone: delete the catalog")
    print(f"{'total':<{width}}  {total[0]:>12}  {total[1]:>5}  {total[2]:>8}"
          f"  ({len(rows)} of {catalogs} {lang} catalogs to finish)")  # fmt: skip
    return total[0] + total[1]


WIDTH = 76  # sphinx-intl update's default line width


def _content(text: bytes) -> tuple:
    """Everything a catalog says (header fields and messages), not how its lines wrap."""
    import polib

    po = polib.pofile(text.decode("utf-8"))
    # Babel flags "55 % of" as python-format on writing, as sphinx-intl does: no content.
    entries = [(e.msgctxt, e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items())),
                sorted(set(e.flags) - {"python-format"}), e.tcomment, e.obsolete)
               for e in po]  # fmt: skip
    return sorted(po.metadata.items()), entries


def sphinx_intl_layout(raw: bytes) -> bytes:
    """The catalog `raw` laid out as ``sphinx-intl update`` writes it (through babel)."""
    from babel.messages import pofile

    out = io.BytesIO()
    pofile.write_po(out, pofile.read_po(io.BytesIO(raw), charset="utf-8"), width=WIDTH)
    return out.getvalue()


def format_catalogs(lang: str = "zh_CN") -> int:
    """Rewrite each catalog as ``sphinx-intl update`` writes it; return how many changed.

    Only the layout changes (line wrapping, header field order); a catalog whose
    messages or header values would differ in any way is left alone, with an error.
    """
    changed = 0
    for path in sorted((LOCALE / lang / "LC_MESSAGES").rglob("*.po")):
        raw = path.read_bytes()
        new = sphinx_intl_layout(raw)
        if new == raw:
            continue
        if _content(new) != _content(raw):
            raise SystemExit(f"{path}: rewriting would change its content; left as it is")
        path.write_bytes(new)
        changed += 1
    print(f"{changed} {lang} catalogs rewritten")
    return changed


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("html", "serve", "rtd", "gettext", "stat", "format"))
    parser.add_argument("languages", nargs="*", metavar="LANG",
                        help=f"one of {', '.join(LANGUAGES)} (html: default all)")  # fmt: skip
    args, unknown_options = parser.parse_known_args(argv)
    extra = unknown_options + extra  # options for sphinx-build / sphinx-autobuild
    if unknown := sorted(set(args.languages) - set(LANGUAGES)):
        parser.error(f"unknown language {', '.join(unknown)}: choose from {', '.join(LANGUAGES)}")
    langs = args.languages or list(LANGUAGES)
    if args.command == "html":
        wheel = build_wheel()
        for lang in langs:
            build_html(lang, *extra, wheel=wheel)
        print(f"Open file://{write_redirect()}")
    elif args.command == "serve":
        serve(langs[0], *extra)
    elif args.command == "rtd":
        build_rtd()
    elif args.command == "gettext":
        build_pot()
    else:
        for lang in args.languages or LANGUAGES[1:]:
            (stat if args.command == "stat" else format_catalogs)(lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
