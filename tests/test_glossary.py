"""The glossary (docs/glossary.md) is the source of truth for the Chinese edition's terms.

Each entry: an English term line, the canonical Chinese term, then any accepted
Chinese aliases (docs/_ext/glossary_terms.py reads them). From it:

- docs/zh_userdict.txt, the jieba user dictionary of the Chinese search index, is
  exactly the glossary's Chinese terms without spaces
  (``python docs/_ext/glossary_terms.py`` rewrites it);
- every catalog writes a term the canonical way: never with other spacing
  ("KL散度" for "KL 散度"), and an alias ("铰链损失") only beside the canonical
  term ("合页损失（也称铰链损失）");
- (tests/test_zh_typography.py: a space wherever a Latin word meets a Chinese one.)
"""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CATALOGS = DOCS / "locale" / "zh_CN" / "LC_MESSAGES"
sys.path.insert(0, str(DOCS / "_ext"))

from glossary_terms import CJK, USERDICT, entries, userdict, variants  # noqa: E402

# jieba's user-dictionary line: word, then optional frequency and part-of-speech tag.
# We require both, and a word without spaces (jieba's tokenizer never matches across one).
DICT_LINE = re.compile(r"^(?P<word>\S+) (?P<freq>[0-9]+) (?P<tag>[a-z]+)$")
# Code, math and links are not prose: their spelling is not ours to unify.
NOT_PROSE = re.compile(r"``.*?``|`[^`]*`|\$\$.*?\$\$|\$[^$\n]*\$|https?://\S+", re.S)


def chinese_terms() -> list[str]:
    return [t for entry in entries() for t in entry[1:]]


def test_glossary_is_large_enough():
    assert len(entries()) >= 40


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e[0])
def test_each_entry_is_one_english_term_then_chinese_terms(entry):
    english, *chinese = entry
    assert chinese, f"no Chinese term for {english!r}"
    assert not CJK.search(english), f"the first term line must be English: {english!r}"
    # The one exception: the English name Chinese practitioners keep ("Focal Loss") leads,
    # and the Chinese term follows as its alias.
    for i, term in enumerate(chinese):
        kept_english = i == 0 and len(chinese) > 1 and CJK.search(chinese[1])
        assert CJK.search(term) or kept_english, f"a Chinese term line must be Chinese: {term!r}"
        # One space between a Latin word (or a number) and Chinese, nowhere else.
        assert not re.search(r"[\u3400-\u9fff] [\u3400-\u9fff]|  ", term), term
        assert not re.search(r"[A-Za-z0-9][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z0-9]", term), (
            f"a space between Latin and Chinese: {term!r}"
        )
    # " : " starts a classifier in a glossary term line.
    assert all(" : " not in term for term in entry)


def test_terms_are_unique_and_sorted():
    english = [entry[0] for entry in entries()]
    assert len({t.lower() for t in english}) == len(english), "duplicate English term"
    assert english == sorted(english, key=str.lower), "keep the glossary in alphabetical order"
    spellings = [t.replace(" ", "") for t in chinese_terms()]
    assert len(set(spellings)) == len(spellings), "duplicate Chinese term"


def test_userdict_is_made_from_the_glossary():
    lines = USERDICT.read_text(encoding="utf-8").splitlines()
    assert all(DICT_LINE.match(line) for line in lines), "not a jieba user-dictionary line"
    assert "\n".join(lines) + "\n" == userdict(entries()), (
        "run `python docs/_ext/glossary_terms.py`: docs/zh_userdict.txt is out of date"
    )
    assert "合页损失 100 n" in lines and "铰链损失 100 n" in lines  # canonical and alias


def _prose() -> list[tuple[str, str]]:
    """(catalog, msgstr without code and math) of every translated message of a page."""
    polib = pytest.importorskip("polib")  # the docs extra
    own_terms = set(chinese_terms())
    found = []
    for path in sorted(CATALOGS.rglob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgid in own_terms:  # the glossary's own term lines
                continue
            found.append((path.relative_to(CATALOGS).as_posix(), NOT_PROSE.sub(" ", entry.msgstr)))
    return found


def test_catalogs_write_each_term_the_canonical_way():
    wrong = []
    for catalog, text in _prose():
        for entry in entries():
            canonical, spacings, aliases = variants(entry)
            rest = text.replace(canonical, "\0")  # "困难负样本" holds the alias "难负样本"
            wrong += [(catalog, s, canonical) for s in spacings if s in rest]
            if canonical not in text:  # an alias stands only beside the canonical term
                wrong += [(catalog, a, canonical) for a in aliases if a in rest]
    assert not wrong, "write the glossary's term (catalog, found, term):\n" + "\n".join(
        map(str, sorted(set(wrong)))
    )


def test_the_chinese_glossary_keeps_every_term_line():
    """Its term lines are the terms themselves: a translated one would duplicate a term."""
    polib = pytest.importorskip("polib")
    terms = {t for entry in entries() for t in entry}
    po = polib.pofile(str(CATALOGS / "glossary.po"))
    changed = [(e.msgid, e.msgstr) for e in po if e.msgid in terms and e.msgstr != e.msgid]
    assert not changed, f"term lines must be copied unchanged: {changed}"
