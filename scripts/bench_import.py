#!/usr/bin/env python3
"""Importer throughput benchmark: python scripts/bench_import.py [--posts 1000] [--runs 5] [--target 200]

Generates a synthetic raw corpus once (scripts/corpus.py), then imports it in-process several times into a
fresh output folder each run, and reports the median. The target is posts per second on one core.

Exit status: 0 whether or not the target is met (a benchmark reports, it does not fail CI); 2 if the importer
cannot be imported.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from corpus import write_raw_posts  # noqa: E402


def pin_to_one_core() -> str:
    """Pin this process to its first allowed CPU so runs are comparable; say what was done."""
    if not hasattr(os, "sched_setaffinity"):
        return f"not pinned (no CPU affinity on {platform.system()})"
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    except OSError as err:
        return f"not pinned ({err})"
    return f"pinned to CPU {cpu}"


def load_importer() -> Callable[[list[str]], int]:
    # Any failure (missing package, syntax error, missing cli.main) means there is nothing to measure.
    try:
        from wpimport.cli import main
    except Exception as err:  # noqa: BLE001
        print(f"error: cannot import the importer (wpimport.cli.main from {SCRIPTS}): "
              f"{type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(2)
    return main


def run_once(importer: Callable[[list[str]], int], corpus: Path, out: Path) -> tuple[float, int, int, str]:
    """Time one import into a fresh folder; return seconds, exit code, .md files written, captured output."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        start = time.perf_counter()
        code = importer([str(corpus), "--output", str(out), "--force"])
        elapsed = time.perf_counter() - start
    written = sum(1 for _ in (out / "posts").glob("*.md")) if (out / "posts").is_dir() else 0
    return elapsed, code, written, sink.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time the WordPress importer on a generated corpus, on one core.")
    ap.add_argument("--posts", type=int, default=1000, help="posts in the generated corpus (default 1000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs; the median is reported (default 5)")
    ap.add_argument("--target", type=float, default=200.0, help="target posts/s at the median (default 200)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers to FILE as JSON")
    args = ap.parse_args(argv)
    if args.posts < 1 or args.runs < 1:
        ap.error("--posts and --runs must be at least 1")

    importer = load_importer()
    pinning = pin_to_one_core()

    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        corpus = Path(tmp) / "corpus"
        start = time.perf_counter()
        write_raw_posts(corpus, args.posts, seed=args.seed)
        generated = time.perf_counter() - start

        times: list[float] = []
        codes: list[int] = []
        written: list[int] = []
        for run in range(args.runs):
            out = Path(tmp) / f"out-{run}"
            elapsed, code, count, output = run_once(importer, corpus, out)
            times.append(elapsed)
            codes.append(code)
            written.append(count)
            if code != 0 and run == 0:  # show why once; the timing is still reported
                tail = "\n".join(output.strip().splitlines()[-5:])
                print(f"warning: the importer exited with status {code}; last lines of its output:\n{tail}",
                      file=sys.stderr)
            shutil.rmtree(out, ignore_errors=True)  # outside the timed part: keep the disk use flat

    median, fastest = statistics.median(times), min(times)
    rate = args.posts / median if median > 0 else float("inf")
    met = rate >= args.target

    print(f"Importer benchmark: {args.posts} generated raw posts (seed {args.seed}, generated in {generated:.2f} s), "
          f"{pinning}, Python {platform.python_version()}")
    header = ("posts", "runs", "median s", "min s", "posts/s", "target", "met")
    row = (str(args.posts), str(args.runs), f"{median:.3f}", f"{fastest:.3f}", f"{rate:.1f}",
           f">= {args.target:g}", "yes" if met else "NO")
    widths = [max(len(h), len(c)) for h, c in zip(header, row)]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths)))
    print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
    if set(written) != {args.posts}:
        print(f"note: posts written per run: {written} (expected {args.posts}); exit codes: {codes}")

    if args.json:
        result: dict[str, Any] = {
            "posts": args.posts, "runs": args.runs, "seed": args.seed, "times_s": times,
            "median_s": median, "min_s": fastest, "posts_per_s": rate, "target_posts_per_s": args.target,
            "target_met": met, "pinning": pinning, "generate_s": generated, "exit_codes": codes,
            "posts_written": written, "python": platform.python_version(), "platform": platform.platform(),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
