"""Time the docs build: the gallery, each language, a one-page rebuild; median of 3.

Builds a copy of the site (docs/, gallery/, lossdocs/) in a temporary folder, so
the checkout's own build output is neither used nor disturbed. Each of the 3
rounds times:

- a clean build (no doctrees, no HTML, no gallery output): the gallery scripts
  run, then the first language is built;
- the same build again with the gallery output kept (sphinx-gallery's md5 cache
  skips the scripts): the Sphinx time of each language, the gallery's time being
  the difference;
- a rebuild of the first language after touching one page.

Languages: English, plus every ``docs/locale/<lang>`` that exists. Then the
page weight of the last build: per language, the HTML of all pages (bytes as
written, and gzipped as a server sends them), and each page with interactive
figures (``{lossplot}``, docs/_ext/lossplot.py) with its widgets' inline data,
whose budget is 100 kB a widget. Writes ``benchmarks/results/build_times.md``.
Run by ``nox -s bench`` after bench.py.
"""

from __future__ import annotations

import datetime
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import markdown_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from docsbuild import STRICT  # the flags the project builds with

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
COPY = ("docs", "gallery", "lossdocs", "benchmarks", "pyproject.toml", "README.md")
GENERATED = ("docs/_build", "docs/auto_gallery", "docs/api/generated")
TOUCHED = "docs/classification/ce-and-mle.md"  # any question page would do
ROUNDS = 3
# The project's build budget grows with the site: seconds per gallery script (from
# scratch), per page of one language (gallery cached), and for a one-page rebuild.
BUDGET = {"gallery": 0.6, "language": 0.2, "rebuild": 3.0}
WIDGET_BUDGET = 100_000  # bytes of inline data per {lossplot} widget (issue 20)
WIDGET_DATA = re.compile(rb'<script type="application/json" class="lossplot-data">(.*?)</script>',
                         re.S)  # fmt: skip


def languages(root: Path) -> list[str]:
    locale = root / "docs" / "locale"
    found = sorted(p.name for p in locale.glob("*") if (p / "LC_MESSAGES").is_dir())
    return ["en", *[lang for lang in found if lang != "en"]]


def copy_site(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "_build", "auto_gallery", "generated")
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest / name)


def clean(site: Path, *, gallery: bool) -> None:
    for rel in GENERATED if gallery else ("docs/_build",):
        shutil.rmtree(site / rel, ignore_errors=True)


def build(site: Path, lang: str) -> float:
    """Seconds of one ``sphinx-build -b html`` of ``lang``; raise if it fails."""
    cmd = [sys.executable, "-m", "sphinx", *STRICT, "-b", "html", "-q", "-D", f"language={lang}",
           "-d", f"docs/_build/doctrees/{lang}", "docs", f"docs/_build/html/{lang}"]  # fmt: skip
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=site, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if proc.returncode:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"sphinx-build ({lang}) failed with exit code {proc.returncode}")
    return seconds


def one_round(site: Path, langs: list[str]) -> dict[str, float]:
    times = {}
    clean(site, gallery=True)
    times["clean build: gallery + en"] = build(site, langs[0])
    clean(site, gallery=False)
    for lang in langs:
        times[f"language {lang} (gallery cached)"] = build(site, lang)
    page = site / TOUCHED
    if not page.exists():
        page = next((site / "docs").rglob("*.md"))
    os.utime(page)
    times[f"one-page rebuild ({page.relative_to(site / 'docs')}, en)"] = build(site, langs[0])
    return times


def budget(step: str, pages: int, scripts: int) -> float | None:
    if step.startswith("gallery"):
        return BUDGET["gallery"] * scripts
    if step.startswith("language"):
        return BUDGET["language"] * pages
    if step.startswith("one-page"):
        return BUDGET["rebuild"]
    return None


def _row(step: str, runs: str, median: float, pages: int, scripts: int) -> list[str]:
    limit = budget(step, pages, scripts)
    verdict = "" if limit is None else ("yes" if median <= limit else "NO")
    return [step, runs, f"{median:.1f}", "" if limit is None else f"{limit:.1f}", verdict]


def _kb(size: float) -> str:
    return f"{size / 1000:.1f}"


def page_weight(html: Path, langs: list[str]) -> str:
    """A table of the built HTML's weight: all pages of each language, then each widget page."""
    rows = []
    for lang in langs:
        pages = {p.relative_to(html / lang).as_posix(): p.read_bytes()
                 for p in sorted((html / lang).rglob("*.html"))}  # fmt: skip
        packed = {name: len(gzip.compress(text, 9)) for name, text in pages.items()}
        total = sum(len(text) for text in pages.values())
        rows.append([f"{lang}: all {len(pages)} pages", _kb(total), _kb(sum(packed.values())),
                     "", "", "", ""])  # fmt: skip
        for name, text in pages.items():
            widgets = [len(data) for data in WIDGET_DATA.findall(text)]
            if widgets:
                within = "yes" if max(widgets) <= WIDGET_BUDGET else "NO"
                rows.append([f"{lang}/{name}", _kb(len(text)), _kb(packed[name]), len(widgets),
                             _kb(max(widgets)), _kb(WIDGET_BUDGET), within])  # fmt: skip
    static = [html / langs[0] / "_static" / name for name in ("lossplot.js", "lossplot.css")]
    scripts = sum(p.stat().st_size for p in static if p.is_file())
    head = ["HTML", "kB", "kB gzipped", "widgets", "largest widget's data, kB", "budget", "within"]
    return "\n".join([
        "Page weight of the last build (HTML only; images and the shared CSS and scripts",
        f"not counted; the widgets' own script and styles add {_kb(scripts)} kB to their pages).",
        "", markdown_table(head, rows), "",
    ])  # fmt: skip


def write(rounds: list[dict[str, float]], langs: list[str], load: str, weight: str,
          pages: int) -> Path:  # fmt: skip
    import sphinx

    medians = {step: statistics.median(r[step] for r in rounds) for step in rounds[0]}
    scripts = len(list((ROOT / "gallery").glob("plot_*.py")))
    rows = [_row(step, " / ".join(f"{r[step]:.1f}" for r in rounds), m, pages, scripts)
            for step, m in medians.items()]  # fmt: skip
    # The gallery's own time: the clean build less the same build with its output cached.
    gallery = (
        medians["clean build: gallery + en"] - medians[f"language {langs[0]} (gallery cached)"]
    )
    rows.insert(1, _row("gallery (difference of the two medians)", "", gallery, pages, scripts))
    head = ["step", f"seconds, {ROUNDS} rounds", "median", "budget", "within"]
    text = "\n".join([
        "# Docs build time", "", "<!-- results-start -->", "",
        f"Sphinx {sphinx.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs,",
        f"{' '.join(STRICT)}; languages: {', '.join(langs)}. Run on",
        f"{datetime.date.today().isoformat()} by `nox -s bench` (benchmarks/build_time.py),",
        "on a copy of the site in a temporary folder. Budgets: 0.6 s a gallery script,",
        f"0.2 s a page of one language ({pages} pages, {scripts} scripts), 3 s a one-page rebuild.",
        f"1-minute load average {load}: other work on the machine adds to every time.",
        "", markdown_table(head, rows), "", weight,
    ])  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "build_times.md"
    out.write_text(text, encoding="utf-8")
    return out


def main() -> int:
    langs = languages(ROOT)
    with tempfile.TemporaryDirectory(prefix="lossdocs-build-") as tmp:
        site = Path(tmp)
        copy_site(site)
        rounds, load = [], os.getloadavg()[0]
        for i in range(ROUNDS):
            rounds.append(one_round(site, langs))
            print(f"round {i + 1}: " + ", ".join(f"{k} {v:.1f} s" for k, v in rounds[-1].items()),
                  flush=True)  # fmt: skip
        weight = page_weight(site / "docs" / "_build" / "html", langs)
        pages = len(list((site / "docs" / "_build" / "html" / langs[0]).rglob("*.html")))
    load = f"{load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    print(f"wrote {write(rounds, langs, load, weight, pages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
