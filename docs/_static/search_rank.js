/*
 * The site's search ranking: the page that explains a query first, one result per page,
 * and a summary under each result that needs no network (it works from file://).
 *
 * Loaded on the search page only, after _static/search_pages.js (written by
 * docs/_ext/search_keys.py: each page's kind, keys and summary) and before Sphinx's
 * searchtools.js. Sphinx still parses the query and finds its own results (titles,
 * objects, full text); this wraps two of its steps:
 *
 * - Search._parseQuery: a Latin word of 5+ letters that no key and no index term
 *   spells is replaced by the key or term one letter away (an edit, a missing or an
 *   extra letter, two letters swapped): "hubber loss" -> "huber loss".
 * - Search._performSearch: every page is scored as
 *
 *     prior(kind) * (KEY * keys + WORDS * words + SPHINX * sphinx)
 *
 *   keys   (0..1) how well the page's keys and title match the query: 1 for a key
 *          equal to the query; else the share of the query's characters covered by
 *          keys found in it (filler such as "loss", "what", 损失, 函数 need not be
 *          covered), or, for a query inside a key ("smooth l1" in "smooth l1 loss"),
 *          the share of the key it spells. A name pasted from code ("F.kl_div") is
 *          matched whole: a key equal to it, or ending it after a dot. A lossdocs
 *          object of exactly the query's name makes its API entry's keys 1;
 *   words  (0..1) the query's words found in the page's titles (3) or text (1), each
 *          weighted by its rarity over the site (log(1 + pages / pages with it));
 *   sphinx (0..1) Sphinx's own best score for the page, capped;
 *   prior  question pages 1, then the API entry, the cheat sheet, the glossary,
 *          the gallery, and other pages (indexes, errata), in that order; a query
 *          that asks for a kind of page ("example", "api") raises that kind above 1.
 *
 *   A page is listed once, linked where Sphinx's best match on it is (an API entry,
 *   a glossary term, a section), or at its top for a question page matched by its
 *   keys or words. A page that neither keys nor Sphinx found is listed if it has at
 *   least half the query's words that the best page has.
 * - The summary under a result comes from search_pages.js, not from fetching the
 *   page: DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY is turned off and each result
 *   that Sphinx adds to the list gets its page's summary.
 */
(() => {
  "use strict";

  const PAGES = (window.LOSSDOCS_SEARCH || { pages: {} }).pages;
  const PRIOR = {
    question: 1, api: 0.8, cheatsheet: 0.75, glossary: 0.7, gallery: 0.65, page: 0.6,
  };
  const KEY = 10;
  const WORDS = 4;
  const SPHINX = 1;
  const SPHINX_CAP = 30; // a title match scores 15, an index entry up to 100
  const TITLE_WEIGHT = 3;
  const MIN_WORDS = 0.5; // with no key and no Sphinx match, half the words of the best page
  const TYPO_MIN = 5; // shorter words are too easily another word one letter away
  const HAN = /\p{Script=Han}/u;
  const FILLER_WORDS = new Set([
    "loss", "losses", "function", "functions", "what", "is", "are", "the", "a", "an", "of",
    "in", "for", "to", "do", "does", "how", "and", "or", "vs", "versus", "with", "between",
    "why", "which", "i", "should", "use", "compute",
  ]);
  const FILLER_HAN = ["损失", "函数", "什么", "怎么", "如何", "计算", "的", "是", "和", "与", "吗", "呢"];

  // Lower case, full-width folded, punctuation to spaces, no space beside a Chinese
  // character: "F.kl_div" -> "f kl div", "KL 散度" -> "kl散度", "0-1 损失" -> "0 1损失".
  const normalize = (text) =>
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
      .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, "")
      .trim();

  const isLatin = (char) =>
    char !== undefined && /[\p{Letter}\p{Number}]/u.test(char) && !HAN.test(char);

  // Does text[start, start + length) begin and end at word boundaries (a Latin word
  // must not be cut; Chinese has no boundaries to respect)?
  const bounded = (text, start, length) =>
    !(isLatin(text[start - 1]) && isLatin(text[start])) &&
    !(isLatin(text[start + length - 1]) && isLatin(text[start + length]));

  // The positions of the query that a key must cover: not spaces, not filler.
  const corePositions = (query) => {
    const core = new Uint8Array(query.length);
    for (let i = 0; i < query.length; i++) core[i] = query[i] === " " ? 0 : 1;
    const all = core.slice();
    for (const match of query.matchAll(/[\p{Letter}\p{Number}]+/gu))
      if (FILLER_WORDS.has(match[0])) core.fill(0, match.index, match.index + match[0].length);
    for (const word of FILLER_HAN)
      for (let i = query.indexOf(word); i >= 0; i = query.indexOf(word, i + 1))
        core.fill(0, i, i + word.length);
    return core.some((x) => x) ? core : all;
  };

  const keyScore = (query, core, keys) => {
    const covered = new Uint8Array(query.length);
    let inside = 0;
    for (const key of keys) {
      if (!key) continue;
      if (key === query) return 1;
      for (let i = query.indexOf(key); i >= 0; i = query.indexOf(key, i + 1))
        if (bounded(query, i, key.length)) covered.fill(1, i, i + key.length);
      const at = key.indexOf(query);
      if (at >= 0 && bounded(key, at, query.length))
        inside = Math.max(inside, (0.8 * query.length) / key.length);
    }
    let need = 0;
    let got = 0;
    core.forEach((c, i) => {
      need += c;
      got += c & covered[i];
    });
    return Math.max(inside, need ? (0.95 * got) / need : 0);
  };

  // A name pasted from code ("F.kl_div", "binary_cross_entropy_with_logits_grad") is one
  // word: a key must be that name, or end it after a dot ("torch.nn.functional.kl_div"
  // ends with the key "kl_div"), or be ended by it.
  const isIdentifier = (raw) =>
    /^[\p{Letter}\p{Number}_.]+$/u.test(raw) && /[._]/.test(raw) && !HAN.test(raw);
  const identifierScore = (raw, keys) => {
    const name = raw.toLowerCase();
    let score = 0;
    for (const key of keys) {
      if (key === name) return 1;
      if (name.endsWith(`.${key}`) || key.endsWith(`.${name}`)) score = 0.9;
    }
    return score;
  };

  // Words that ask for a kind of page: "focal loss example" wants the gallery.
  const INTENTS = [
    [/\b(examples?|gallery|plots?|figures?)\b|示例|例子|图库/u, "gallery"],
    [/\b(api|signature|parameters?|docstring)\b|参数|接口/u, "api"],
  ];
  const INTENT_PRIOR = 1.2;

  // -- the keys of each page, normalized once -------------------------------------------
  let prepared = null;
  const prepare = () => {
    const index = Search._index;
    if (prepared && prepared.index === index) return prepared;
    const keys = new Map(); // file -> its keys and title, normalized
    const names = new Map(); // file -> its keys that are names from code, lower case
    const words = new Set(); // every Latin word of every key, for the typo fixer
    index.docnames.forEach((docname, file) => {
      const own = (PAGES[docname] || {}).keys || [];
      const normal = [...own, index.titles[file]].map(normalize).filter((k) => k);
      keys.set(file, [...new Set(normal)]);
      names.set(file, own.filter(isIdentifier).map((k) => k.toLowerCase()));
      for (const key of normal)
        for (const word of key.split(" ")) if (!HAN.test(word)) words.add(word);
    });
    prepared = { index, keys, names, words };
    return prepared;
  };

  // -- one letter wrong ------------------------------------------------------------------
  const oneEditApart = (a, b) => {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
      return swapped || a.slice(i + 1) === b.slice(i + 1);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  };

  const fixTypos = (query) => {
    if (typeof Search === "undefined" || !Search._index) return query;
    const { index, words } = prepare();
    const known = (word) =>
      words.has(word) || index.terms.hasOwnProperty(word) || index.titleterms.hasOwnProperty(word);
    return query.replace(/[\p{Letter}\p{Number}]+/gu, (word) => {
      const lower = word.toLowerCase();
      if (lower.length < TYPO_MIN || HAN.test(lower) || known(lower)) return word;
      for (const candidate of words) if (oneEditApart(lower, candidate)) return candidate;
      return word;
    });
  };

  // -- words of the query in each page's title and text ------------------------------------
  const filesOf = (table, term) => {
    if (!table.hasOwnProperty(term)) return [];
    const files = table[term];
    return files.length === undefined ? [files] : files;
  };

  const wordScores = (searchTerms) => {
    const index = Search._index;
    const pages = index.docnames.length;
    const scores = new Map();
    let total = 0;
    for (const term of searchTerms) {
      const title = new Set(filesOf(index.titleterms, term));
      const text = new Set(filesOf(index.terms, term));
      const found = new Set([...title, ...text]);
      const weight = Math.log(1 + pages / Math.max(1, found.size));
      total += weight * TITLE_WEIGHT;
      for (const file of found) {
        const add = weight * (title.has(file) ? TITLE_WEIGHT : 1);
        const [sum, seen] = scores.get(file) || [0, 0];
        scores.set(file, [sum + add, seen + weight]);
      }
    }
    // file -> [share of the best possible score, share of the query's weight found]
    const shares = new Map();
    const weightAll = total / TITLE_WEIGHT;
    for (const [file, [sum, seen]] of scores) shares.set(file, [sum / total, seen / weightAll]);
    return shares;
  };

  // -- the ranking --------------------------------------------------------------------------
  let lastHighlight = new Set();

  const rank = (performSearch) => (query, searchTerms, excludedTerms, highlightTerms, objects) => {
    const sphinx = performSearch(query, searchTerms, excludedTerms, highlightTerms, objects);
    lastHighlight = highlightTerms;
    const index = Search._index;
    const { keys, names } = prepare();
    const fileOf = new Map(index.docnames.map((docname, file) => [docname, file]));
    const raw = query.trim();
    const lower = raw.toLowerCase();
    const best = new Map(); // file -> Sphinx's best result on that page
    const named = new Set(); // files with a lossdocs object of exactly the query's name
    for (const result of sphinx) {
      const file = fileOf.get(result[0]);
      if (!best.has(file) || best.get(file)[4] < result[4]) best.set(file, result);
      const object = result[6] === "object" && result[1].startsWith("lossdocs.");
      const name = object ? result[1].toLowerCase() : "";
      if (name && (name === lower || name.endsWith(`.${lower}`))) named.add(file);
    }
    const identifier = isIdentifier(raw);
    const normal = normalize(query);
    const core = corePositions(normal);
    const words = wordScores(searchTerms);
    const enough = MIN_WORDS * Math.max(0, ...[...words.values()].map(([, found]) => found));
    const wanted = INTENTS.filter(([pattern]) => pattern.test(lower)).map(([, kind]) => kind);
    const results = [];
    index.docnames.forEach((docname, file) => {
      const kind = (PAGES[docname] || {}).kind || "page";
      let key = 0;
      if (identifier) key = identifierScore(raw, names.get(file));
      else if (normal) key = keyScore(normal, core, keys.get(file));
      if (named.has(file)) key = 1; // an object's own name is a key of its API entry
      const [word, found] = words.get(file) || [0, 0];
      const hit = best.get(file);
      if (!key && !hit && (found === 0 || found < enough)) return;
      if ([...excludedTerms].some((term) => filesOf(index.terms, term).includes(file))) return;
      const own = hit ? Math.min(hit[4], SPHINX_CAP) / SPHINX_CAP : 0;
      const prior = wanted.includes(kind) ? INTENT_PRIOR : PRIOR[kind];
      const score = prior * (KEY * key + WORDS * word + SPHINX * own);
      const top = !hit || (kind === "question" && hit[6] !== "title");
      const shown = top
        ? [docname, index.titles[file], "", null, score, index.filenames[file], "text"]
        : [...hit.slice(0, 4), score, ...hit.slice(5)];
      results.push(shown);
    });
    // Sphinx displays from the end of the list: best last.
    return results.sort((a, b) => a[4] - b[4] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
  };

  // -- summaries from search_pages.js ---------------------------------------------------------
  const docnameOf = (href) => {
    const suffix = DOCUMENTATION_OPTIONS.LINK_SUFFIX || ".html";
    const path = href.split("#")[0];
    return path.endsWith(suffix) ? path.slice(0, -suffix.length) : path;
  };

  const addSummary = (item) => {
    const link = item.querySelector(":scope > a");
    if (!link || item.querySelector(":scope > span, :scope > p.context")) return;
    const summary = (PAGES[docnameOf(link.getAttribute("href"))] || {}).summary;
    if (!summary) return;
    const paragraph = item.appendChild(document.createElement("p"));
    paragraph.classList.add("context");
    paragraph.textContent = summary;
    if (typeof _highlightText === "function")
      lastHighlight.forEach((term) => _highlightText(paragraph, term, "highlighted"));
  };

  const watchResults = () => {
    const results = document.getElementById("search-results");
    if (!results) return;
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          if (node.nodeName === "LI" && node.parentElement?.matches("ul.search")) addSummary(node);
    }).observe(results, { childList: true, subtree: true });
  };

  // -- wiring: after searchtools.js has defined Search, before Search.init runs --------------
  document.addEventListener("DOMContentLoaded", () => {
    if (typeof Search === "undefined") return;
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false; // no fetch: file:// blocks it
    const parseQuery = Search._parseQuery;
    Search._parseQuery = (query) => parseQuery(fixTypos(query));
    Search._performSearch = rank(Search._performSearch);
    watchResults();
  });

  window.lossdocsSearchRank = { normalize, keyScore, corePositions, oneEditApart, fixTypos };
})();
