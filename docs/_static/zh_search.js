/*
 * Chinese search: split an unspaced query against the search index's own terms.
 *
 * Sphinx splits a query at spaces and punctuation only, so 交叉熵损失 stays one
 * word that no page holds (the index has 交叉熵 and 损失, split by jieba). This
 * replaces Sphinx's splitQuery (searchtools.js keeps a splitQuery defined before
 * it, and calls it by its global name at query time, once the index is loaded):
 * each word with Chinese characters is cut by greedy longest match against the
 * index's terms and title terms; a single character that no term covers (的, 与)
 * is dropped, as the index drops single characters too. Words the index already
 * holds, and words without Chinese characters, are left as they are.
 *
 * Sphinx also treats query words of one or two letters as optional (short
 * English words are noise), but 损失 is a whole Chinese word: when the query has
 * Chinese, a page must hold every word, and its score is the sum of the words'
 * scores rather than the best one, so pages about 交叉熵 come before pages that
 * only have 损失 in a title.
 *
 * Loaded on the Chinese build only (docs/_ext/zh_search.py).
 */
(() => {
  "use strict";

  const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
  const LONGEST = 16; // no index term is longer than this many characters

  // Sphinx's own splitter (searchtools.js): runs of letters, numbers, _ and emoji.
  const splitWords = (query) =>
    query
      .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
      .filter((word) => word);

  let indexed = null; // the index the vocabulary was built from
  let vocabulary = null;
  const indexTerms = () => {
    const index = typeof Search === "undefined" ? null : Search._index;
    if (!index) return null;
    if (indexed !== index) {
      vocabulary = new Set([
        ...Object.keys(index.terms || {}),
        ...Object.keys(index.titleterms || {}),
      ]);
      indexed = index;
    }
    return vocabulary;
  };

  // Does a cut before word[end] fall inside a run of Latin letters or digits?
  const insideRun = (word, end) =>
    end < word.length && !HAN.test(word[end - 1]) && !HAN.test(word[end]);

  const segment = (word, terms) => {
    const lower = word.toLowerCase();
    if (!HAN.test(word) || terms.has(lower) || lower.length !== word.length) return [word];
    const pieces = [];
    let uncovered = ""; // Chinese characters no term covers
    const flush = () => {
      if (uncovered.length > 1) pieces.push(uncovered);
      uncovered = "";
    };
    for (let start = 0; start < word.length; ) {
      let end = Math.min(word.length, start + LONGEST);
      while (end > start + 1 && (insideRun(word, end) || !terms.has(lower.slice(start, end))))
        end -= 1;
      if (end > start + 1) {
        flush();
        pieces.push(word.slice(start, end));
        start = end;
      } else if (HAN.test(word[start])) {
        uncovered += word[start];
        start += 1;
      } else {
        // Latin letters or digits that start no term: one piece, as Sphinx would see it.
        let stop = start + 1;
        while (stop < word.length && !HAN.test(word[stop])) stop += 1;
        flush();
        pieces.push(word.slice(start, stop));
        start = stop;
      }
    }
    flush();
    return pieces.length ? pieces : [word];
  };

  // Search.performTermsSearch, made to require every word once a word is Chinese.
  const everyWord = (performTermsSearch) => (searchTerms, excludedTerms) => {
    const results = performTermsSearch(searchTerms, excludedTerms);
    const words = [...searchTerms];
    if (words.length < 2 || !words.some((word) => HAN.test(word))) return results;
    const none = new Set();
    const scores = words.map(
      (word) => new Map(performTermsSearch(new Set([word]), none).map((r) => [r[5], r[4]])),
    );
    return results
      .filter((result) => scores.every((score) => score.has(result[5])))
      .map((result) => {
        const summed = [...result];
        summed[4] = scores.reduce((sum, score) => sum + score.get(result[5]), 0);
        return summed;
      });
  };

  let patched = false;
  const patchSearch = () => {
    if (patched || typeof Search === "undefined") return;
    Search.performTermsSearch = everyWord(Search.performTermsSearch);
    patched = true;
  };

  const splitQuery = (query) => {
    patchSearch(); // searchtools.js has loaded by the time a query is split
    const terms = indexTerms();
    const words = splitWords(query);
    return terms ? words.flatMap((word) => segment(word, terms)) : words;
  };

  window.splitQuery = splitQuery;
  window.lossdocsSegmentQuery = splitQuery; // for tests in the browser
})();
