"""Chinese full-text search that works in the browser (Sphinx 9.0 with jieba).

Active only when the build's language is Chinese (``-D language=zh_CN``, or
``READTHEDOCS_LANGUAGE=zh-cn``); an English build is untouched. It

- indexes with Sphinx's Chinese search language (``html_search_language = "zh"``):
  jieba splits the text, with the user dictionary of the glossary's terms
  (``html_search_options["dict"]`` in conf.py, an absolute path: jieba drops a
  relative one silently, and then 交叉熵 is split into 交叉 / 熵 and never found);
- cuts each distinct text once (a site's text nodes repeat: about 77,000 cuts
  for 17,600 texts);
- turns jieba's debug lines off (``jieba.setLogLevel(logging.WARNING)``);
- works around Sphinx 9.0's broken Chinese ``language_data.js`` (sphinx-doc issue
  14229, fixed upstream by PR 14416): it ends with ``window.Stemmer =
  ChineseStemmer;``, which no script defines, so every search fails in the
  browser. The Chinese indexer stems Latin words with the English Snowball
  stemmer and ships ``english-stemmer.js``, so the language is registered under
  the name "English" and Sphinx writes ``window.Stemmer = EnglishStemmer;``;
- adds ``_static/zh_search.js``, which splits an unspaced query (交叉熵损失) into
  the index's own terms (交叉熵, 损失) before Sphinx's search runs.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging as sphinx_logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["is_chinese", "setup"]

logger = sphinx_logging.getLogger(__name__)


def is_chinese(language: str | None) -> bool:
    """``zh``, ``zh_CN``, ``zh-cn``... but not ``en``."""
    return (language or "").replace("-", "_").split("_")[0].lower() == "zh"


def _config_inited(app: Sphinx, config: Config) -> None:
    if not is_chinese(config.language):
        return
    import jieba  # only a Chinese build needs it

    jieba.setLogLevel(logging.WARNING)
    _cut_for_search.cache_clear()  # a rebuild in the same process may bring a new dictionary
    from sphinx.search.zh import SearchChinese

    class SearchChineseEnglishStemmer(SearchChinese):
        """Sphinx's Chinese search, its stemmer named as the JavaScript defines it."""

        language_name = "English"  # -> window.Stemmer = EnglishStemmer;

        def split(self, input: str) -> list[str]:
            # Sphinx's own split, with jieba's cut remembered: a site's text nodes
            # repeat (punctuation, spaces, the API pages' recurring phrases), about
            # 77,000 calls for 17,600 distinct texts, and the cut depends on the text only.
            latin = [term.strip() for term in self.latin1_letters.findall(input)]
            self.latin_terms.update(latin)
            return [*_cut_for_search(input), *latin]

    app.add_search_language(SearchChineseEnglishStemmer)
    config.html_search_language = "zh"
    user_dict = (config.html_search_options or {}).get("dict", "")
    if not (Path(user_dict).is_absolute() and Path(user_dict).is_file()):
        logger.warning(
            "zh_search: html_search_options['dict'] must be the absolute path of the jieba "
            "user dictionary (jieba ignores anything else), got %r",
            user_dict,
        )
    app.add_js_file("zh_search.js")


@functools.cache
def _cut_for_search(text: str) -> tuple[str, ...]:
    """jieba's words of `text` for the index, once per distinct text."""
    import jieba

    return tuple(jieba.cut_for_search(text))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _config_inited)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
