"""Chinese typography and wording of the zh_CN catalogs (issue 13).

- no italics on Chinese text (Chinese type has none: emphasis is bold);
- a bold lead-in keeps its punctuation outside: ``**原因**：``, ``**定义**。``, and
  no bold span starts with it (``**。定义**`` shows the full stop in bold);
- no space after full-width punctuation (``**定义**。 正文`` shows a gap);
- percentages without a space: ``5%``;
- a space where Latin letters or digits meet Chinese: ``一个 KL 惩罚``, ``2017 年``;
- book titles in 《》 when a Chinese sentence cites them;
- no calque or drifting meaning the review found: "小了 14 倍" (Chinese writes
  约为 1/14), 拐点 for a kink (折点), 高原 for a plateau, 乔装打扮, "只知道到 ... 为止".
"""

import re
from pathlib import Path

import pytest

polib = pytest.importorskip("polib")  # the docs extra

CATALOGS = Path(__file__).resolve().parents[1] / "docs" / "locale" / "zh_CN" / "LC_MESSAGES"
CJK = "[\u4e00-\u9fff]"
# Code, math and links are not prose.
NOT_PROSE = re.compile(r"``.*?``|\$\$.*?\$\$|\$[^$\n]*\$|:math:`[^`]*`|`[^`]*`|https?://\S+", re.S)
BOOKS = ("Pattern Recognition and Machine Learning", "The Elements of Statistical Learning",
         "Deep Learning", "Neural Networks and Deep Learning", "Elements of Information Theory",
         "统计学习方法")  # fmt: skip
RULES = {
    "italic Chinese": re.compile(rf"(?<![*A-Za-z0-9\\])\*(?!\*)[^*\n]*{CJK}[^*\n]*\*(?!\*)"),
    # Markdown pairs ** markers left to right: match whole bold spans, then test their end
    # (a pattern ending in punctuation would pair a closing ** with the next opening one).
    "punctuation inside a bold lead-in": re.compile("\\*\\*[^*\n]+\\*\\*"),
    "a bold span starting with punctuation": re.compile("\\*\\*[^*\n]+\\*\\*"),
    "a space before %": re.compile(r"[0-9] %"),
    # One convention where Latin letters or digits meet Chinese: a space ("一个 KL 惩罚").
    "Latin and Chinese without a space": re.compile(rf"{CJK}[A-Za-z0-9]|[A-Za-z0-9]{CJK}"),
    "et al. in a Chinese citation (等)": re.compile(rf"et al\.,?\s*([(\uff08]?[0-9]{{4}}|{CJK})"),
    "N 倍 smaller (约为 1/N)": re.compile(r"小了\s*\S{0,6}\s*倍|(?<!缩)小\s*[0-9十百]+\s*倍"),
    "calque or wrong word": re.compile(r"拐点|高原|乔装打扮|只知道到|被预测对"),
    "a book title without 《》": re.compile(r"\*(" + "|".join(BOOKS) + r")\*"),
}


def _chinese_prose():
    for path in sorted(CATALOGS.rglob("*.po")):
        for entry in polib.pofile(str(path)):
            if re.search(CJK, entry.msgstr):
                yield path.relative_to(CATALOGS).as_posix(), NOT_PROSE.sub(" ", entry.msgstr)


@pytest.mark.parametrize("rule", RULES)
def test_chinese_typography(rule):
    found = [
        (catalog, m[0])
        for catalog, text in _chinese_prose()
        for m in RULES[rule].finditer(text)
        if BOLD.get(rule, lambda span: True)(m[0])
    ]
    assert not found, f"{rule}: {found[:8]}"


# The rules on whole bold spans, and which spans they flag.
FULL_WIDTH = "\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u3001\uff09"  # 。，；：！？、）
BOLD = {
    "punctuation inside a bold lead-in": lambda span: span[-3] in "\u3002\uff1a:",
    "a bold span starting with punctuation": lambda span: span[2] in FULL_WIDTH,
}


def test_no_space_after_full_width_punctuation():
    # On the whole message: a space between 。 and $x$ or `code` is a gap too.
    found = [
        (path.relative_to(CATALOGS).as_posix(), m[0])
        for path in sorted(CATALOGS.rglob("*.po"))
        for entry in polib.pofile(str(path))
        for m in re.finditer(f"[{FULL_WIDTH}\uff08] +\\S.{{0,8}}", entry.msgstr)
    ]
    assert not found, found[:8]
