"""The glossary's terms: the one Chinese spelling of each, its aliases, and jieba's dictionary.

docs/glossary.md holds one ``{glossary}`` block; each entry is an English term
line, the canonical Chinese term line, then any accepted Chinese aliases (one a
line), then the indented definition. Where Chinese practitioners keep the English
name ("Focal Loss"), that name is the canonical term and the Chinese one an alias.
It is the source of truth for the Chinese edition's terms:

- ``docs/zh_userdict.txt``, jieba's user dictionary for the Chinese search index,
  is every Chinese term line without its spaces (jieba's words hold none), in
  glossary order; ``python docs/_ext/glossary_terms.py`` rewrites it;
- the catalogs write each term the canonical way: an alias only next to the
  canonical term, never its spelling with other spacing
  (tests/test_glossary.py).

Plain Python: no Sphinx needed.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["CJK", "entries", "userdict", "variants"]

DOCS = Path(__file__).resolve().parents[1]
GLOSSARY = DOCS / "glossary.md"
USERDICT = DOCS / "zh_userdict.txt"
CJK = re.compile(r"[\u3400-\u9fff]")


def entries(text: str | None = None) -> list[list[str]]:
    """The term lines of each entry of the glossary's one ``{glossary}`` block, in order."""
    text = GLOSSARY.read_text(encoding="utf-8") if text is None else text
    blocks = re.findall(r"^```\{glossary\}[^\n]*\n(.*?)^```[ \t]*$", text, re.S | re.M)
    if len(blocks) != 1:
        raise ValueError("docs/glossary.md must hold exactly one {glossary} block")
    found: list[list[str]] = []
    in_terms = False
    for line in blocks[0].splitlines():
        if not line.strip() or line.startswith(":") or line[0].isspace():
            in_terms = False  # a blank line, a directive option or a definition line
            continue
        if not in_terms:
            found.append([])
            in_terms = True
        found[-1].append(line.strip())
    return found


def userdict(glossary: list[list[str]]) -> str:
    """jieba's user dictionary: each Chinese term without spaces, once, as a noun."""
    chinese = (t for entry in glossary for t in entry[1:] if CJK.search(t))  # jieba splits Latin
    words = dict.fromkeys(t.replace(" ", "") for t in chinese)
    return "".join(f"{word} 100 n\n" for word in words)


def variants(entry: list[str]) -> tuple[str, set[str], set[str]]:
    r"""``(canonical, other spacings, aliases)`` of one entry's Chinese terms.

    >>> variants(["hinge loss", "合页损失", "铰链损失"])
    ('合页损失', set(), {'铰链损失'})
    >>> variants(["KL divergence", "KL 散度"])
    ('KL 散度', {'KL散度'}, set())
    """
    canonical, aliases = entry[1], set(entry[2:])
    spacings = {canonical.replace(" ", "")} - {canonical}
    return canonical, spacings, aliases


if __name__ == "__main__":
    USERDICT.write_text(userdict(entries()), encoding="utf-8")
    print(f"wrote {USERDICT}")
