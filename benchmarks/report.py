"""Writing the results: CSV files, one Markdown page and one PNG figure in each language.

``python benchmarks/report.py`` draws the figure again from the CSV files of
``benchmarks/results`` (no measuring): ``bench.png`` in English and
``bench.zh_CN.png`` in Chinese, which the Chinese build shows in its place.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

MARKER = "<!-- results-start -->"


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def markdown_table(header, rows):
    """A Markdown pipe table with its columns padded, so that it also reads as plain text."""
    cells = [[str(c) for c in r] for r in [header, *rows]]
    widths = [max(len(r[j]) for r in cells) for j in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in cells]  # fmt: skip
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _err(x):
    return "inf" if math.isinf(x) else "0" if x == 0 else f"{x:.1e}"


def _ratio(row):
    return "" if row is None else f"{row['ratio']:.2f}"


def _pair(loss, grad):
    return _ratio(loss) + ("" if grad is None else f" / {_ratio(grad)}")


def _ms(row):
    return "" if row is None else f"{row['lossdocs_s'] * 1e3:.2f} / {row['torch_s'] * 1e3:.2f}"


def speed_tables(speed, kept, cases, big):
    """What is compared; the speed at the largest size; the float64 ratios at every size."""
    by = {(r["name"], r["op"], r["n"], r["dtype"]): r for r in speed}
    kept = {(r["name"], r["op"]): r for r in kept}
    sizes = sorted({r["n"] for r in speed})
    what, top, every = [], [], []
    for c in cases:
        what.append([c.name, c.size, c.counterpart])
        loss, grad = (by.get((c.name, op, big, "float64")) for op in ("loss", "grad"))
        top.append([
            c.name, _ms(loss), _ratio(loss), _ms(grad), _ratio(grad),
            _pair(kept.get((c.name, "loss")), kept.get((c.name, "grad"))),
            _pair(*(by.get((c.name, op, big, "float32")) for op in ("loss", "grad"))),
        ])  # fmt: skip
        for op in ("loss", "grad"):
            if (c.name, op, big, "float64") in by:
                every.append([c.name, op] + [
                    _ratio(by.get((c.name, op, n, "float64"))) for n in sizes])  # fmt: skip
    head = ["function", "loss ms", "ratio", "loss+grad ms", "ratio", "kept", "float32"]
    sizes_head = ["function", "op"] + [f"n = {n:.0e}" for n in sizes]
    return (markdown_table(["function", "n counts", "torch counterpart"], what),
            markdown_table(head, top), markdown_table(sizes_head, every))  # fmt: skip


def accuracy_table(acc):
    head = ["function", "points (exact normal)", "lossdocs max rel. error", "torch max rel. error",
            "non-finite (lossdocs / torch)", "torch's worst input"]  # fmt: skip
    rows = [[r["name"], f"{r['points']} ({r['normal']})", _err(r["lossdocs_max_rel_err"]),
             _err(r["torch_max_rel_err"]), f"{r['lossdocs_nonfinite']} / {r['torch_nonfinite']}",
             r["torch_worst_at"]] for r in acc]  # fmt: skip
    return markdown_table(head, rows)


def memory_table(mem):
    by = {(r["name"], r["op"]): r for r in mem}
    rows = []
    for name in dict.fromkeys(r["name"] for r in mem):
        cells = [name]
        for op in ("loss", "grad"):
            r = by.get((name, op))
            cells += ["", ""] if r is None else [f"{r['peak_mb']:.1f}", f"{r['inputs']:.1f}"]
        rows.append(cells)
    head = ["function", "loss peak MB", "loss peak / input", "grad peak MB", "grad peak / input"]
    return markdown_table(head, rows)


def targets(speed, acc, mem, big, limit_mem):
    """Plain-text list of every missed target."""
    out = []
    for r in speed:
        if r["n"] == big and r["dtype"] == "float64" and r["ratio"] > 2:
            out.append(f"speed: {r['name']} {r['op']} is {r['ratio']:.1f}x torch's time")
    for r in acc:
        if r["lossdocs_max_rel_err"] > 1e-12:
            out.append(
                f"accuracy: {r['name']} max rel. error {_err(r['lossdocs_max_rel_err'])}"
                f" at {r['lossdocs_worst_at']} (torch: {_err(r['torch_max_rel_err'])})"
            )
        if r["lossdocs_max_rel_err"] > r["torch_max_rel_err"] or (
            r["lossdocs_nonfinite"] > r["torch_nonfinite"]
        ):
            out.append(f"accuracy: {r['name']} is less accurate than torch float64")
    for r in mem:
        if r["inputs"] > limit_mem:
            out.append(f"memory: {r['name']} {r['op']} peaks at {r['inputs']:.1f} input sizes")
    return "\n".join(f"- {line}" for line in out) or "- none: every target met."


def _run_line(meta):
    """One run of bench.py: when, which checkout, how long, how loaded, which functions."""
    which = meta.get("functions", "all")
    which = "every function" if which == "all" else ", ".join(which)
    return (f"- {meta['date']}, lossdocs {meta['lossdocs']}, {meta['wall']:.0f} s, 1-minute "
            f"load average {meta['load']}: {which}.")  # fmt: skip


def write_markdown(path, runs, speed, kept, acc, mem, cases, big, limit_mem):
    """results.md; ``runs`` are the metadata of the runs the rows come from, the last last."""
    meta = runs[-1]
    what, top, every = speed_tables(speed, kept, cases, big)
    run_lines = "\n".join(_run_line(m) for m in runs)
    text = f"""# lossdocs vs PyTorch: benchmark results

{MARKER}

Machine: {meta["cpu"]}, {meta["nproc"]} CPUs; NumPy and torch pinned to one thread.
lossdocs {meta["lossdocs"]}, Python {meta["python"]}, NumPy {meta["numpy"]}
({meta["blas"]}), torch {meta["torch"]}, mpmath {meta["mpmath"]}.
Runs of nox -s bench (or bench.py --merge); each function's rows come from the last
run that lists it, the accuracy table from the last run:

{run_lines}

Other work on the machine is noise: ratios move by
tens of percent from run to run (more where page faults dominate: compare "kept").

### What is compared

n is the size of the prediction (or the number of box pairs); float64 unless marked;
reduction "mean" everywhere. torch runs on zero-copy views of the same arrays.

{what}

### Speed at n = {big:.0e}

ms = median time per call, lossdocs / torch, of {meta["repeats"]} interleaved runs.
ratio = lossdocs time / torch time, the median of the ratios of adjacent runs
(below 1: lossdocs is faster).
loss+grad = lossdocs' loss call plus its *_grad call, against torch's forward plus
torch.autograd.grad: both give the value and the gradient.
kept = the ratios (loss / loss+grad) in a process where glibc keeps freed memory
(MALLOC_TRIM_THRESHOLD_=2**30, MALLOC_MMAP_THRESHOLD_=2**25), so no call pays for
page faults on memory its predecessor gave back.
float32 = the ratios (loss / loss+grad) for float32 inputs.

{top}

### Speed ratio at every size (float64)

{every}

### Accuracy against a 60-digit mpmath reference (float64)

Maximum relative error over the grid points whose exact value is a normal float64
(logits -1e4..1e4 with +-745, +-710, +-37, +-1e-8; probabilities 0, 1e-300, 1 - 1e-16
and 1; soft targets). Non-finite: inf or NaN where the exact value is finite.

{accuracy_table(acc)}

### Peak memory per call at n = {big:.0e} (float64, tracemalloc)

"input" is one array of n float64 numbers ({big * 8 / 2**20:.1f} MB).

{memory_table(mem)}

### Targets missed

Targets: within 2x of torch at n = {big:.0e} (float64); never less accurate than torch
float64; max rel. error <= 1e-12 where the exact value is a normal float64; peak <=
{limit_mem} input-sized arrays.

{targets(speed, acc, mem, big, limit_mem)}
"""
    path.write_text(text, encoding="utf-8")


def read_results(results: Path) -> dict:
    """The rows of an earlier run's CSV files and its ``runs.json``, for ``bench.py --merge``."""
    out = {key: read_csv(results / f"{name}.csv") for key, name in
           (("speed", "speed"), ("kept", "speed_malloc_kept"), ("memory", "memory"))}  # fmt: skip
    out["runs"] = json.loads((results / "runs.json").read_text(encoding="utf-8"))
    return out


def read_csv(path: Path) -> list[dict]:
    """The rows :func:`write_csv` wrote, numbers as numbers."""

    def value(text):
        try:
            number = float(text)
        except ValueError:
            return text
        return (
            int(number) if number.is_integer() and "." not in text and "e" not in text else number
        )

    with path.open(newline="", encoding="utf-8") as f:
        return [{k: value(v) for k, v in row.items()} for row in csv.DictReader(f)]


# The figure's words, in each language (lossdocs.plotting.texts).
TEXTS = {
    "en": {
        "loss": "loss",
        "grad": "loss + grad",
        "kept": "freed memory kept",
        "ratio": "lossdocs time / torch time",
        "speed": "Speed at n = {big:.0e}, one thread",
        "target_speed": "target: 2x",
        "torch": "torch float64",
        "accuracy": "Accuracy on the adversarial grid",
        "error": "max relative error (inf at 1e3, 0 at 1e-18)",
        "target_error": "target: 1e-12",
    },
    "zh_CN": {
        "loss": "损失",
        "grad": "损失 + 梯度",
        "kept": "保留已释放内存",
        "ratio": "lossdocs 耗时 / torch 耗时",
        "speed": "n = {big:.0e} 时的速度（单线程）",
        "target_speed": "目标：2 倍以内",
        "torch": "torch float64",
        "accuracy": "对抗性网格上的精度",
        "error": "最大相对误差（inf 记为 1e3，0 记为 1e-18）",
        "target_error": "目标：1e-12",
    },
}


def _ratio_bars(ax, rows, kept, big, t):
    """Horizontal bars of the speed ratios (loss, loss+grad), ticks for 'freed memory kept'."""
    from matplotlib.ticker import FixedLocator, NullLocator, ScalarFormatter

    names = list(dict.fromkeys(r["name"] for r in rows))
    for k, (op, color) in enumerate((("loss", "C0"), ("grad", "C1"))):
        y = {n: i - 0.2 + 0.4 * k for i, n in enumerate(names)}
        r = {x["name"]: x["ratio"] for x in rows if x["op"] == op}
        ax.barh([y[n] for n in r], list(r.values()), 0.4, color=color,
                label=t("loss") if op == "loss" else t("grad"))  # fmt: skip
        r = {x["name"]: x["ratio"] for x in kept if x["op"] == op}
        ax.scatter(list(r.values()), [y[n] for n in r], marker="|", color="k", s=45, zorder=3,
                   label=t("kept") if k == 0 else None)  # fmt: skip
    ax.set(yticks=range(len(names)), yticklabels=names, xscale="log", xlim=(0.2, 12),
           xlabel=t("ratio"), title=t("speed", big=big))  # fmt: skip
    ax.xaxis.set_major_locator(FixedLocator([0.25, 0.5, 1, 2, 4, 8]))
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_locator(NullLocator())
    ax.axvline(1, color="k", lw=1)
    ax.axvline(2, color="r", lw=1, ls="--", label=t("target_speed"))


def plot(path, speed, kept, acc, big):
    """Draw the figure into `path`, and its Chinese version into ``<stem>.zh_CN.png``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from lossdocs.plotting import localized, texts

    t = texts(TEXTS, language="en")
    rows = [r for r in speed if r["n"] == big and r["dtype"] == "float64"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 8), width_ratios=(1.1, 1))
    _ratio_bars(ax1, rows, kept, big, t)
    cap = 1e3
    for k, (who, color) in enumerate((("lossdocs", "C0"), ("torch", "C3"))):
        errs = [min(max(r[f"{who}_max_rel_err"], 1e-18), cap) for r in acc]
        ax2.scatter(errs, range(len(acc)), color=color, marker="o" if k == 0 else "x",
                    label=who if who == "lossdocs" else t("torch"), zorder=3)  # fmt: skip
    ax2.set(yticks=range(len(acc)), yticklabels=[r["name"] for r in acc], xscale="log",
            xlim=(3e-19, cap * 3), title=t("accuracy"), xlabel=t("error"))  # fmt: skip
    ax2.axvline(1e-12, color="r", lw=1, ls="--", label=t("target_error"))
    ax2.grid(axis="x", alpha=0.3)
    for ax in (ax1, ax2):
        ax.invert_yaxis()
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=72)
    path = Path(path)
    with localized(fig, "zh_CN"):
        fig.tight_layout()
        fig.savefig(path.with_name(f"{path.stem}.zh_CN{path.suffix}"), dpi=72)
    plt.close(fig)


RESULTS = Path(__file__).resolve().parent / "results"


def replot(results: Path = RESULTS) -> None:
    """Draw bench.png (and its Chinese version) again from the CSV files in `results`."""
    speed = read_csv(results / "speed.csv")
    big = max(r["n"] for r in speed if r["dtype"] == "float64")
    kept = read_csv(results / "speed_malloc_kept.csv")
    plot(results / "bench.png", speed, kept, read_csv(results / "accuracy.csv"), big)


if __name__ == "__main__":
    replot()
