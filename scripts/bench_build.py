#!/usr/bin/env python3
"""Site build benchmark: python scripts/bench_build.py [--posts 1000 5000] [--runs 3] [--json FILE]

For each size it generates that many Markdown posts in the campaign's style (scripts/corpus.py, seeded), then
times, in the same run and alternating so machine noise falls on both: plain Pelican (same version, the
`simple` theme, no plugins) and the full site (pelicanconf.py: theme, typogrify, comments and entities
plugins). It reports medians, the ratio, and the entities plugin's own time (its STATS: load, analyse,
write) against plain Pelican. Targets: plugin at most 10% of plain Pelican at 5,000 posts, growing linearly.
Each build runs in a fresh subprocess. Exit status 0 whatever the numbers (benchmarks report; tests fail).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from corpus import write_markdown_posts  # noqa: E402

# Runs inside the subprocess: a build with the given settings, then the plugin's own timings as JSON.
DRIVER = """
import json, sys, time
sys.path.insert(0, {plugins!r})
from pelican import Pelican
from pelican.settings import read_settings
settings = read_settings({conf!r}, override={override!r})
start = time.perf_counter()
Pelican(settings).run()
total = time.perf_counter() - start
try:
    from entities.pages import STATS
except ImportError:
    STATS = {{}}
print(json.dumps({{"total": total, "plugin": dict(STATS)}}))
"""


def run_build(conf: str | None, content: Path, out: Path, plain: bool) -> dict:
    override = {"PATH": str(content), "OUTPUT_PATH": str(out), "DELETE_OUTPUT_DIRECTORY": True, "CACHE_CONTENT": False,
                "LOAD_CONTENT_CACHE": False}
    if plain:
        override.update({"THEME": "simple", "PLUGINS": [], "TIMEZONE": "Europe/London", "FEED_ALL_ATOM": None,
                         "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None,
                         "AUTHOR_FEED_RSS": None})
    code = DRIVER.format(plugins=str(ROOT / "plugins"), conf=conf, override=override)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed ({'plain' if plain else 'full'}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench(n: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_markdown_posts(content / "posts", n)
        plain, full, plugin = [], [], []
        for _ in range(runs):
            plain.append(run_build(None, content, Path(tmp) / "plain", plain=True)["total"])
            r = run_build(str(ROOT / "pelicanconf.py"), content, Path(tmp) / "full", plain=False)
            full.append(r["total"])
            plugin.append(sum(r["plugin"].values()))
    p, f, g = statistics.median(plain), statistics.median(full), statistics.median(plugin)
    return {"posts": n, "runs": runs, "plain_s": round(p, 3), "full_s": round(f, 3), "ratio": round(f / p, 3),
            "plugin_s": round(g, 3), "plugin_pct_of_plain": round(100 * g / p, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    rows = []
    print(f"{'posts':>6} {'runs':>4} {'plain s':>8} {'full s':>8} {'full/plain':>10} {'entities s':>10} {'% of plain':>10}")
    for n in args.posts:
        r = bench(n, args.runs)
        rows.append(r)
        print(f"{r['posts']:>6} {r['runs']:>4} {r['plain_s']:>8} {r['full_s']:>8} {r['ratio']:>10} {r['plugin_s']:>10} "
              f"{r['plugin_pct_of_plain']:>9}%")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        growth = (b["plugin_s"] / a["plugin_s"]) / (b["posts"] / a["posts"]) if a["plugin_s"] else float("nan")
        print(f"entities plugin time per post grew {growth:.2f}x from {a['posts']} to {b['posts']} posts (1.00 = linear)")
    print("targets: entities plugin <= 10% of plain Pelican at 5,000 posts; whole build <= 1.3x plain")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
