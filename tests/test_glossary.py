"""The glossary (docs/glossary.md) and the jieba user dictionary (docs/zh_userdict.txt) agree.

The Chinese search index splits text with jieba, loading docs/zh_userdict.txt so
that terms such as 交叉熵 stay whole. Every Chinese term of the glossary must be
in that dictionary and every word of the dictionary must be a glossary term.
"""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
GLOSSARY = DOCS / "glossary.md"
USERDICT = DOCS / "zh_userdict.txt"

CJK = re.compile(r"[\u3400-\u9fff]")
# jieba's user-dictionary line: word, then optional frequency and part-of-speech tag.
# We require both, and a word without spaces (jieba's tokenizer never matches across one).
DICT_LINE = re.compile(r"^(?P<word>\S+) (?P<freq>[0-9]+) (?P<tag>[a-z]+)$")


def glossary_entries() -> list[list[str]]:
    """The term lines of each entry of the page's one ``{glossary}`` block, in order."""
    text = GLOSSARY.read_text(encoding="utf-8")
    blocks = re.findall(r"^```\{glossary\}[^\n]*\n(.*?)^```[ \t]*$", text, re.S | re.M)
    assert len(blocks) == 1, "docs/glossary.md must hold exactly one {glossary} block"
    entries: list[list[str]] = []
    in_terms = False
    for line in blocks[0].splitlines():
        if not line.strip() or line.startswith(":"):  # blank line or directive option
            in_terms = False
            continue
        if line[0].isspace():  # a definition line
            in_terms = False
            continue
        if not in_terms:
            entries.append([])
            in_terms = True
        entries[-1].append(line.strip())
    return entries


def chinese_terms() -> list[str]:
    return [t for entry in glossary_entries() for t in entry if CJK.search(t)]


def userdict_lines() -> list[str]:
    return USERDICT.read_text(encoding="utf-8").splitlines()


def test_glossary_is_large_enough():
    assert len(glossary_entries()) >= 40


@pytest.mark.parametrize("entry", glossary_entries(), ids=lambda e: e[0])
def test_each_entry_is_one_english_then_one_chinese_term(entry):
    assert len(entry) == 2, f"expected an English and a Chinese term line, got {entry}"
    english, chinese = entry
    assert not CJK.search(english), f"the first term line must be English: {english!r}"
    assert CJK.search(chinese), f"the second term line must be Chinese: {chinese!r}"
    assert " " not in chinese, f"a Chinese term must not hold a space (jieba): {chinese!r}"
    # " : " starts a classifier in a glossary term line.
    assert " : " not in english and " : " not in chinese


def test_terms_are_unique_and_sorted():
    english = [entry[0] for entry in glossary_entries()]
    assert len({t.lower() for t in english}) == len(english), "duplicate English term"
    assert english == sorted(english, key=str.lower), "keep the glossary in alphabetical order"
    assert len(set(chinese_terms())) == len(chinese_terms()), "duplicate Chinese term"


def test_userdict_lines_have_jieba_format():
    lines = userdict_lines()
    assert lines, "docs/zh_userdict.txt is empty"
    for line in lines:
        assert DICT_LINE.match(line), f"not a jieba user-dictionary line: {line!r}"


def test_userdict_matches_glossary():
    words = [DICT_LINE.match(line)["word"] for line in userdict_lines()]
    assert len(set(words)) == len(words), "duplicate word in docs/zh_userdict.txt"
    in_glossary = set(chinese_terms())
    missing = sorted(in_glossary - set(words))
    extra = sorted(set(words) - in_glossary)
    assert not missing, f"glossary terms missing from docs/zh_userdict.txt: {missing}"
    assert not extra, f"words in docs/zh_userdict.txt that the glossary lacks: {extra}"
