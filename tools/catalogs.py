"""Reuse translations the catalogs already hold: at a merge, and after text moves page.

    python tools/catalogs.py merge OURS THEIRS [-o OUT]   # a .po conflict, resolved
    python tools/catalogs.py fill [CATALOG ...]           # untranslated and fuzzy, from the others

``merge`` resolves a conflict in one catalog between two branches as a translation
memory: every entry of OURS, plus each translated entry of THEIRS whose message OURS
lacks (``git show :2:path > ours.po; git show :3:path > theirs.po``). The next
``nox -s translate`` (``sphinx-intl update --no-obsolete``) keeps the messages the page
still has and drops the rest, so nothing is lost and nothing stale stays.

``fill`` gives each untranslated or fuzzy message of the named catalogs (default: all
of ``docs/locale/zh_CN``) the translation that another catalog holds for the very same
English, for text that moved from one page to another (the Rosetta page's traps to
their own page). It prints what it could not fill: that is left to a translator.

Both write catalogs the way ``sphinx-intl`` does (``docsbuild.sphinx_intl_layout``), so
a later update changes only the messages that changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polib
from docsbuild import sphinx_intl_layout

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = ROOT / "docs" / "locale" / "zh_CN" / "LC_MESSAGES"


def _open(entry: polib.POEntry) -> bool:
    return not entry.msgstr or "fuzzy" in entry.flags


def save(catalog: polib.POFile, path: Path) -> None:
    """Write `catalog` to `path` as sphinx-intl writes it."""
    catalog.save(str(path))
    path.write_bytes(sphinx_intl_layout(path.read_bytes()))


def merge(ours: Path, theirs: Path, out: Path) -> int:
    """OURS plus the translated entries of THEIRS that OURS lacks; return how many."""
    mine = polib.pofile(str(ours))
    have = {(e.msgctxt, e.msgid) for e in mine}
    added = [e for e in polib.pofile(str(theirs))
             if (e.msgctxt, e.msgid) not in have and not _open(e)]  # fmt: skip
    for entry in added:
        mine.append(entry)
    save(mine, out)
    return len(added)


def fill(paths: list[Path]) -> list[str]:
    """Fill the open messages of `paths` from every catalog; return those left open."""
    memory: dict[str, str] = {}
    for path in sorted(CATALOGS.rglob("*.po")):
        for entry in polib.pofile(str(path)):
            if not _open(entry):
                memory.setdefault(entry.msgid, entry.msgstr)
    left = []
    for path in paths:
        catalog, changed = polib.pofile(str(path)), False
        for entry in filter(_open, catalog):
            if entry.msgid in memory:
                entry.msgstr, entry.previous_msgid, changed = memory[entry.msgid], None, True
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            else:
                left.append(f"{path.relative_to(CATALOGS)}: {entry.msgid[:70]!r}")
        if changed:
            save(catalog, path)
    return left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/catalogs.py")
    commands = parser.add_subparsers(dest="command", required=True)
    to_merge = commands.add_parser("merge", help="a .po conflict as a translation memory")
    to_merge.add_argument("ours", type=Path)
    to_merge.add_argument("theirs", type=Path)
    to_merge.add_argument("-o", "--out", type=Path, help="default: OURS, rewritten")
    to_fill = commands.add_parser("fill", help="open messages from the other catalogs")
    to_fill.add_argument("catalogs", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.command == "merge":
        added = merge(args.ours, args.theirs, args.out or args.ours)
        print(f"{added} translated messages of {args.theirs} added")
        return 0
    left = fill([p.resolve() for p in args.catalogs] or sorted(CATALOGS.rglob("*.po")))
    print("\n".join(left) or "every open message filled")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
