"""What is checked on one loaded page: images, formulas, raw TeX, dropdowns; and its links.

:func:`check_page` runs in this order: wait for every image to decode and every
font to load; open every sphinx-design dropdown by clicking its summary, as a
reader would (so the formulas inside are laid out before they are measured); then
inspect the page in one script (:data:`INSPECT`). It returns the problems found
and the page's links, for the crawl.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

__all__ = ["DROPDOWNS", "INSPECT", "PREPARE", "TEX", "Found", "check_page", "open_dropdowns"]

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
    return Found(
        problems=problems + seen["problems"],
        links=seen["links"],
        figures=seen["figures"],
        switches=seen["switches"],
        maths=seen["maths"],
        dropdowns=dropdowns,
        lang=seen["lang"],
    )
