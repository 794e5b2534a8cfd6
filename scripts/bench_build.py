#!/usr/bin/env python3
"""Site build benchmark: python scripts/bench_build.py [--posts 1000 5000] [--runs 3] [--json FILE] [--without-entities]

For each size it generates that many Markdown posts in the campaign's style (scripts/corpus.py, seeded), then
times, in the same run and alternating so machine noise falls on both: plain Pelican (same version, the
`simple` theme, no plugins) and the full site (pelicanconf.py: theme, typogrify, comments and entities
plugins). It reports medians of CPU time (steadier than wall-clock on a shared machine; wall-clock is shown
too), the ratio, and the entities plugin's own time (its STATS: load, analyse, write) and the related-stories
step's (relate), each against plain Pelican. Targets: plugin at most 10% and related stories at most 2% of
plain Pelican at 5,000 posts, both growing linearly; the whole build within 1.3x plain Pelican.
With --without-entities it also builds the site less the entities plugin (theme, typogrify, the other
plugins), alternately with the others, and reports that ratio. Each build runs in a fresh subprocess.
Exit status 0 whatever the numbers (benchmarks report; tests fail).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
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
wall, cpu = time.perf_counter(), time.process_time()
Pelican(settings).run()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
try:
    from entities.pages import STATS
except ImportError:
    STATS = {{}}
print(json.dumps({{"wall": wall, "cpu": cpu, "plugin": dict(STATS)}}))
"""


# Plain Pelican: its default settings (no settings file), the simple theme, no plugins, feeds off as in pelicanconf.py.
PLAIN = {"THEME": "simple", "PLUGINS": [], "TIMEZONE": "Europe/London", "FEED_ALL_ATOM": None,
         "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None, "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None}


def run_build(conf: str | None, content: Path, out: Path, plain: bool, extra: dict | None = None) -> dict:
    override = {"PATH": str(content), "OUTPUT_PATH": str(out), "DELETE_OUTPUT_DIRECTORY": True, "CACHE_CONTENT": False,
                "LOAD_CONTENT_CACHE": False, **(PLAIN if plain else {}), **(extra or {})}
    code = DRIVER.format(plugins=str(ROOT / "plugins"), conf=conf, override=override)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed ({'plain' if plain else 'full'}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


ANNOTATED = ROOT / "tests" / "fixtures" / "entities_eval"


def write_annotated_posts(folder: Path, n: int) -> None:
    """n posts made from the hand-written, annotated posts (real entity density), each copy
    with its own title, address and date a few weeks on, so the site is n distinct posts."""
    sources = sorted(p for p in ANNOTATED.glob("*/[0-9]*.md"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        head, _, body = src.read_text(encoding="utf-8").partition("\n\n")
        copy = i // len(sources)
        lines = []
        for line in head.splitlines():
            key, _, value = line.partition(":")
            if key == "Title":
                line = f"Title: {value.strip()} ({copy + 1})"
            elif key == "Date":
                when = date.fromisoformat(value.strip()[:10]) + timedelta(days=35 * copy)
                line = f"Date: {when.isoformat()}"
            elif key == "Slug":
                continue
            lines.append(line)
        lines.append(f"Slug: {src.parent.name}-{src.stem}-{copy + 1}")
        (folder / f"{src.parent.name}-{src.stem}-{copy + 1}.md").write_text("\n".join(lines) + "\n\n" + body,
                                                                              encoding="utf-8")


def write_corpus(corpus: str, folder: Path, n: int) -> None:
    """n posts of the given corpus ('generated' or 'annotated') into folder."""
    (write_annotated_posts if corpus == "annotated" else write_markdown_posts)(folder, n)


def without_entities() -> dict:
    """The site's settings less the entities plugin: what the theme and the other plugins cost on their own."""
    sys.path.insert(0, str(ROOT))
    from pelicanconf import PLUGINS
    return {"PLUGINS": [p for p in PLUGINS if p != "entities"]}


def bench(n: int, runs: int, corpus: str = "generated", bare: bool = False) -> dict:
    conf = str(ROOT / "pelicanconf.py")
    rest_settings = without_entities() if bare else None
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_corpus(corpus, content / "posts", n)
        plain, full, rest = [], [], []
        for _ in range(runs):  # alternate, so noise on the shared machine falls on all
            plain.append(run_build(None, content, Path(tmp) / "plain", plain=True))
            full.append(run_build(conf, content, Path(tmp) / "full", plain=False))
            if rest_settings:
                rest.append(run_build(conf, content, Path(tmp) / "rest", plain=False, extra=rest_settings))
    med = statistics.median
    p_cpu, f_cpu, p_wall, f_wall = (med(r[k] for r in rs) for rs, k in ((plain, "cpu"), (full, "cpu"), (plain, "wall"), (full, "wall")))
    entities = med(sum(v for k, v in r["plugin"].items() if k != "relate") for r in full)
    relate = med(r["plugin"].get("relate", 0.0) for r in full)
    return {"posts": n, "runs": runs, "plain_wall_s": round(p_wall, 3), "full_wall_s": round(f_wall, 3),
            "plain_cpu_s": round(p_cpu, 3), "full_cpu_s": round(f_cpu, 3), "ratio_cpu": round(f_cpu / p_cpu, 3),
            "ratio_wall": round(f_wall / p_wall, 3), "entities_s": round(entities, 3), "relate_s": round(relate, 3),
            "entities_pct": round(100 * entities / p_cpu, 1), "relate_pct": round(100 * relate / p_cpu, 1),
            "stages": {k: round(med(r["plugin"].get(k, 0.0) for r in full), 3) for k in full[0]["plugin"]},
            **({"without_entities_ratio_cpu": round(med(r["cpu"] for r in rest) / p_cpu, 3)} if rest else {})}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--without-entities", action="store_true",
                    help="also build without the entities plugin, alternately, and report that ratio too")
    ap.add_argument("--corpus", choices=["generated", "annotated"], default="generated",
                    help="generated posts (scripts/corpus.py, ~28 entities a post) or copies of the annotated "
                         "posts (~20, as real posts)")
    args = ap.parse_args(argv)
    rows = []
    print(f"{'posts':>6} {'runs':>4} {'plain s':>8} {'full s':>8} {'full/plain':>10} {'entities s':>10} {'% plain':>8} "
          f"{'related s':>9} {'% plain':>8}")
    for n in args.posts:
        r = bench(n, args.runs, args.corpus, args.without_entities)
        rows.append(r)
        print(f"{r['posts']:>6} {r['runs']:>4} {r['plain_cpu_s']:>8} {r['full_cpu_s']:>8} {r['ratio_cpu']:>10} "
              f"{r['entities_s']:>10} {r['entities_pct']:>7}% {r['relate_s']:>9} {r['relate_pct']:>7}%   "
              f"(wall: {r['plain_wall_s']} / {r['full_wall_s']} s; stages {r['stages']})")
        if "without_entities_ratio_cpu" in r:
            print(f"{'':>6} without the entities plugin: {r['without_entities_ratio_cpu']}x plain Pelican")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        for key, label in (("entities_s", "entities plugin"), ("relate_s", "related stories"), ("plain_cpu_s", "plain Pelican")):
            growth = (b[key] / a[key]) / (b["posts"] / a["posts"]) if a[key] else float("nan")
            print(f"{label}: time per post grew {growth:.2f}x from {a['posts']} to {b['posts']} posts (1.00 = linear)")
    print("CPU seconds, median of the runs (wall-clock in brackets). Targets: entities plugin <= 10% and related "
          "stories <= 2% of plain Pelican at 5,000 posts; whole build <= 1.3x plain")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
