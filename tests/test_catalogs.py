"""tools/catalogs.py: a .po conflict merged as a translation memory, and open messages filled."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

polib = pytest.importorskip("polib")  # the docs extra

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import catalogs  # noqa: E402


def _write(path: Path, entries: list[tuple[str, str, bool]]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr, fuzzy in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def _translations(path: Path) -> dict[str, tuple[str, bool]]:
    return {e.msgid: (e.msgstr, "fuzzy" in e.flags) for e in polib.pofile(str(path))}


def test_merge_keeps_ours_and_adds_their_translated_messages(tmp_path):
    ours = _write(tmp_path / "ours.po", [("Loss", "损失", False), ("Gradient", "", False)])
    theirs = _write(tmp_path / "theirs.po", [
        ("Loss", "损失函数", False),  # ours wins
        ("Trap", "陷阱", False),  # added
        ("Draft", "草稿", True),  # fuzzy: not a translation to keep
        ("Empty", "", False),
    ])  # fmt: skip
    assert catalogs.merge(ours, theirs, tmp_path / "out.po") == 1
    assert _translations(tmp_path / "out.po") == {
        "Loss": ("损失", False), "Gradient": ("", False), "Trap": ("陷阱", False),
    }  # fmt: skip


def test_fill_takes_the_same_english_from_another_catalog(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogs, "CATALOGS", tmp_path)
    _write(tmp_path / "rosetta.po", [("A trap", "一个陷阱", False), ("Code", "Code", False)])
    traps = _write(tmp_path / "traps.po", [
        ("A trap", "", False), ("Code", "", False), ("New", "旧译", True),
    ])  # fmt: skip
    left = catalogs.fill([traps])
    assert _translations(traps) == {
        "A trap": ("一个陷阱", False),
        "Code": ("Code", False),  # kept as it is there: kept as it is here
        "New": ("旧译", True),  # nothing to take it from: left fuzzy, and reported
    }
    assert left == ["traps.po: 'New'"]
