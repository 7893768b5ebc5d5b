"""What is checked on one loaded page: images, formulas, raw TeX, dropdowns; and its links.

:func:`check_page` runs in this order: wait for every image to decode and every
font to load; open every sphinx-design dropdown by clicking its summary, as a
reader would (so the formulas inside are laid out before they are measured); then
inspect the page in one script (:data:`INSPECT`). It returns the problems found
and the page's links, for the crawl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

__all__ = [
    "DROPDOWNS",
    "INSPECT",
    "LATIN_NAMES",
    "PREPARE",
    "TEX",
    "WORDS_SHOWN",
    "Found",
    "check_page",
    "english_left",
    "open_dropdowns",
]

# Load every image now (a lazy one below the fold would not load otherwise), then
# wait until each is decoded (or has failed) and every font the page uses is loaded.
PREPARE = """async () => {
  for (const img of document.images) img.loading = "eager";
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
}"""

# TeX that a reader must never see as text: display dollars, common commands,
# inline dollars around TeX syntax. Code and formulas are not searched.
TEX = (
    r"\$\$|\\(?:frac|begin|end|sum|prod|sqrt|mathbb|mathrm|mathbf|left|right|cdot|log"
    r"|exp|alpha|beta|gamma|sigma|theta|ell|hat|tilde|operatorname)(?![A-Za-z])"
    r"|\$[^$\n]*[\\^_{}][^$\n]*\$"
)

INSPECT = r"""async ({tex, mathFont}) => {
  await document.fonts.ready;
  const problems = [];
  const clip = (text) => {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 80 ? flat.slice(0, 77) + "..." : flat;
  };

  // Every image decoded.
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0)
      problems.push(`image not decoded: ${img.getAttribute("src")}`);
  }

  // Every formula typeset: converted (no error node) and laid out with a box.
  const maths = [...document.querySelectorAll("math")];
  for (const math of maths) {
    const box = math.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0))
      problems.push(`formula with an empty box: ${clip(math.textContent)}`);
  }
  for (const node of document.querySelectorAll("merror, .math-error"))
    problems.push(`formula not converted: ${clip(node.textContent)}`);
  if (maths.length) {
    const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, "") === mathFont);
    const states = faces.map((f) => f.status).join(", ") || "no @font-face";
    if (!faces.some((f) => f.status === "loaded"))
      problems.push(`math font "${mathFont}" not loaded (${states})`);
  }

  // No raw TeX left as visible text outside formulas and code.
  const pattern = new RegExp(tex);
  const skip = "math, code, pre, script, style, textarea, kbd, samp, tt, .highlight";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const found = pattern.exec(node.data);
    if (!found || !parent || parent.closest(skip) || !parent.checkVisibility()) continue;
    const at = Math.max(0, found.index - 30);
    problems.push(`raw TeX in the text: "${clip(node.data.slice(at, found.index + 50))}"`);
  }

  const figures = [...document.images]
    .filter((img) => new URL(img.src, document.baseURI).pathname.includes("/_images/"))
    .map((img) => img.getAttribute("src"));
  const switches = [...document.querySelectorAll("a.language-switch-link")];
  const links = [...document.querySelectorAll("a[href]")]
    .filter((a) => !a.classList.contains("language-switch-link"))
    .map((a) => a.href);
  return {
    problems,
    links,
    figures,
    switches: switches.map((a) => ({href: a.href, hreflang: a.hreflang})),
    maths: maths.length,
    lang: document.documentElement.lang,
  };
}"""

MATH_FONT = "STIX Two Math"

# The words a Chinese page shows outside its prose: figures' alt texts, the words in
# formulas (MathML <mtext>), and the theme's own (buttons, icons, labels, footer).
WORDS_SHOWN = r"""() => {
  const shown = [];
  for (const img of document.images) {
    const alt = img.getAttribute("alt");
    if (alt) shown.push({where: `alt of ${img.getAttribute("src")}`, text: alt});
  }
  for (const node of document.querySelectorAll("mtext"))
    shown.push({where: "formula", text: node.textContent});
  const chrome = [".back-to-top", ".toc-title", ".related-pages .context", ".skip-to-content",
                  ".bottom-of-page .left-details", "svg symbol title", ".sidebar-search",
                  ".search-button__default-text"];
  for (const node of document.querySelectorAll(chrome.join(", ")))
    shown.push({where: "theme", text: node.textContent});
  for (const node of document.querySelectorAll("[aria-label]"))
    shown.push({where: "theme (aria-label)", text: node.getAttribute("aria-label")});
  for (const node of document.querySelectorAll("input[placeholder]"))
    shown.push({where: "theme (placeholder)", text: node.getAttribute("placeholder")});
  return shown;
}"""

# English a Chinese ML engineer keeps: names of libraries, functions, losses, papers and
# methods, parameters, and the theme's own name. Anything else in WORDS_SHOWN is a miss.
LATIN_NAMES = frozenset(
    """pytorch torch numpy matplotlib lossdocs sphinx furo pradyunsg copyright infonce giou iou miou
    dice jaccard huber mse mae kl js bce ce nll focal loss retinanet moco simclr cpc adaboost
    svm softmax sigmoid logit logits log exp inf nan gamma alpha beta delta epsilon tau sigma mu
    english language api lovász lovasz ohem fpn ssd yolo detr vnet net with float nielsen
    smooth logistic epoch clip siglip arcface cosface insightface normface sphereface facenet
    xent epsilon ref old data simple minimax hinge wasserstein gaussian bernoulli dpo ipo ppo
    grpo rlhf bradley terry vae gan wgan lsgan elbo moe ctc snr top min high low
    cat diou ciou tversky asl""".split()
)


def english_left(page: Page) -> list[str]:
    """English words a Chinese page shows in alt texts, formulas and the theme."""
    problems = []
    for item in page.evaluate(WORDS_SHOWN):
        # An English term glossed in full-width parentheses at first use is the style.
        text = re.sub("\uff08[^\uff09]*\uff09", "", item["text"])  # （...）
        # A code identifier (kind="least_squares") is spelled as the code spells it.
        text = re.sub(r"\w*_\w*", " ", text)
        words = set(re.findall(r"[A-Za-z]{3,}", text))
        english = sorted(w for w in words if w.lower() not in LATIN_NAMES)
        if english:
            problems.append(f"English in a Chinese page's {item['where']}: {item['text']!r}")
    return problems


@dataclass
class Found:
    """What one page showed: its problems, links, figures and language links."""

    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # absolute URLs
    figures: list[str] = field(default_factory=list)  # src of the <img> under _images/
    switches: list[dict[str, str]] = field(default_factory=list)  # {"href", "hreflang"}
    maths: int = 0
    dropdowns: int = 0
    lang: str = ""


# Each dropdown's title, and whether it is open and shows its content.
DROPDOWNS = """() => [...document.querySelectorAll("details.sd-dropdown")].map((d) => {
  const content = [...d.children].filter((child) => child.tagName !== "SUMMARY");
  const shown = content.length > 0 && content.every((child) => {
    const box = child.getBoundingClientRect();
    return child.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
  });
  const title = (d.querySelector(":scope > summary")?.innerText || "").replace(/\\s+/g, " ");
  return {title: title.trim().slice(0, 60), open: d.open, shown};
})"""


def open_dropdowns(page: Page) -> tuple[int, list[str]]:
    """Click the summary of every closed dropdown; each must open and show its content."""
    problems = []
    before = page.evaluate(DROPDOWNS)
    dropdowns = page.locator("details.sd-dropdown")
    for i, state in enumerate(before):
        if not state["open"]:
            try:
                dropdowns.nth(i).locator(":scope > summary").click(timeout=5000)
            except PlaywrightError as error:
                reason = str(error).splitlines()[0]
                problems.append(f"dropdown {state['title']!r} cannot be clicked ({reason})")
    for state in page.evaluate(DROPDOWNS):
        if not state["open"]:
            problems.append(f"dropdown {state['title']!r} does not open on a click")
        elif not state["shown"]:
            problems.append(f"dropdown {state['title']!r} opens but shows no content")
    return len(before), problems


def check_page(page: Page) -> Found:
    """Check the page loaded in `page` (see the module's docstring)."""
    page.evaluate(PREPARE)
    dropdowns, problems = open_dropdowns(page)
    seen = page.evaluate(INSPECT, {"tex": TEX, "mathFont": MATH_FONT})
    if seen["lang"].startswith("zh"):
        problems += english_left(page)
    return Found(
        problems=problems + seen["problems"],
        links=seen["links"],
        figures=seen["figures"],
        switches=seen["switches"],
        maths=seen["maths"],
        dropdowns=dropdowns,
        lang=seen["lang"],
    )
