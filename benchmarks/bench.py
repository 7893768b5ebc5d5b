"""Benchmark lossdocs against PyTorch CPU: speed, accuracy and memory, in one run.

Run with ``nox -s bench`` (or ``python benchmarks/bench.py`` in an environment
with torch==2.13.0, mpmath, matplotlib and lossdocs). Writes
``benchmarks/results/{results.md,speed.csv,accuracy.csv,memory.csv,bench.png}``.
``--quick`` runs small sizes only, for a smoke test (results to a temp folder).
``--merge`` times only some functions (``--only``, or by default those the results
folder lacks) and merges their rows into its files: rows of the other functions stay
as they are, and ``runs.json`` records which run measured which functions.
"""

import os

# One thread everywhere, before NumPy (and its BLAS) or torch load.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import mpmath  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

import accuracy  # noqa: E402
import cases  # noqa: E402
import memory  # noqa: E402
import report  # noqa: E402
import timing  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = (10**3, 10**5, 10**6)
MEMORY_LIMIT = 6  # input-sized arrays a call may allocate at its peak
# glibc returns freed blocks of NumPy's temporaries to the kernel, which then faults
# (and zeroes) fresh pages for the next call; these settings keep freed memory.
MALLOC_KEEP = {"MALLOC_TRIM_THRESHOLD_": str(2**30), "MALLOC_MMAP_THRESHOLD_": str(2**25)}


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def blas() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "BLAS threads pinned by environment"
    pools = [f"{p['internal_api']} {p['num_threads']} thread" for p in threadpool_info()]
    return ", ".join(dict.fromkeys(pools)) or "no BLAS pool"


def speed_with_malloc_kept(argv, out: Path) -> list[dict]:
    """The float64 timings at the largest size again, in a process with ``MALLOC_KEEP``."""
    path = out / "speed_malloc_kept.json"
    env = os.environ | MALLOC_KEEP
    cmd = [sys.executable, __file__, *argv, "--speed-only", str(path)]
    subprocess.run(cmd, env=env, check=True)
    rows = json.loads(path.read_text())
    path.unlink()
    return rows


def revision() -> str:
    """The checkout's commit (``+`` if the working tree differs from it)."""
    root = Path(__file__).resolve().parents[1]
    try:
        run = lambda *a: subprocess.run(["git", "-C", str(root), *a], capture_output=True,  # noqa: E731
                                        text=True, check=True).stdout.strip()  # fmt: skip
        return run("rev-parse", "--short", "HEAD") + ("+" if run("status", "--porcelain") else "")
    except (OSError, subprocess.CalledProcessError):
        return "(no git)"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--out", type=Path, default=None, help="results folder")
    parser.add_argument("--only", nargs="*", default=None, help="function names to time")
    merge_help = "merge the rows of the functions timed into the results folder's files"
    parser.add_argument("--merge", action="store_true", help=merge_help)
    parser.add_argument("--speed-only", type=Path, help=argparse.SUPPRESS)  # JSON, largest n
    args = parser.parse_args(argv)
    if args.merge and args.quick:
        parser.error("--merge keeps rows of full-size runs: it cannot take --quick")
    sizes, repeats, min_time = ((10**3, 10**4), 3, 0.005) if args.quick else (SIZES, 11, 0.03)
    out = args.out or (Path("/tmp/lossdocs-bench-quick") if args.quick else RESULTS)
    out.mkdir(parents=True, exist_ok=True)
    earlier = report.read_results(out) if args.merge else None
    if args.only is not None:
        selected = [c for c in cases.CASES if c.name in args.only]
    elif earlier is not None:  # the functions the results folder lacks
        selected = [c for c in cases.CASES if c.name not in {r["name"] for r in earlier["speed"]}]
    else:
        selected = list(cases.CASES)
    big = sizes[-1]
    start, load = time.perf_counter(), os.getloadavg()[0]
    rng = np.random.default_rng(0)
    if args.speed_only:
        rows = [r for c in selected for r in timing.time_case(
            c, big, np.float64, rng, repeats=repeats, min_time=min_time)]  # fmt: skip
        args.speed_only.write_text(json.dumps(rows))
        return 0

    speed = []
    for case in selected:
        for n in sizes:
            speed += timing.time_case(case, n, np.float64, rng, repeats=repeats, min_time=min_time)
        speed += timing.time_case(case, big, np.float32, rng, repeats=repeats, min_time=min_time)
        last = [r for r in speed if r["name"] == case.name and r["n"] == big]
        print(case.name, " ".join(f"{r['op']}/{r['dtype']}={r['ratio']:.2f}" for r in last),
              flush=True)  # fmt: skip
    kept = speed_with_malloc_kept(argv or sys.argv[1:], out)
    print("speed with freed memory kept: done", flush=True)
    acc = accuracy.run_accuracy()
    print("accuracy: done", flush=True)
    mem = [row for case in selected for row in memory.memory_case(case, big, rng)]
    print("memory: done", flush=True)

    meta = {
        "cpu": cpu_model(), "nproc": os.cpu_count(), "python": platform.python_version(),
        "numpy": np.__version__, "torch": torch.__version__, "mpmath": mpmath.__version__,
        "blas": blas(), "lossdocs": revision(), "date": datetime.date.today().isoformat(),
        "repeats": repeats, "wall": time.perf_counter() - start,
        "load": f"{load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end",
        "functions": [c.name for c in selected] if args.merge else "all",
    }  # fmt: skip
    runs = [meta]
    if earlier is not None:
        names, order = {c.name for c in selected}, {c.name: i for i, c in enumerate(cases.CASES)}

        def merged(rows, new):
            kept_rows = [r for r in rows if r["name"] not in names and r["name"] in order]
            return sorted(kept_rows + new, key=lambda r: order[r["name"]])  # stable

        speed, kept, mem = (merged(earlier[k], new) for k, new in
                            (("speed", speed), ("kept", kept), ("memory", mem)))  # fmt: skip
        runs = earlier["runs"] + [meta]
        selected = [c for c in cases.CASES if c.name in {r["name"] for r in speed}]
    (out / "runs.json").write_text(json.dumps(runs, indent=1) + "\n", encoding="utf-8")
    report.write_csv(out / "speed.csv", speed)
    report.write_csv(out / "speed_malloc_kept.csv", kept)
    report.write_csv(out / "accuracy.csv", acc)
    report.write_csv(out / "memory.csv", mem)
    report.write_markdown(out / "results.md", runs, speed, kept, acc, mem, selected, big,
                          MEMORY_LIMIT)  # fmt: skip
    report.plot(out / "bench.png", speed, kept, acc, big)
    print(f"wrote {out}/results.md, runs.json, *.csv and bench.png in {meta['wall']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
