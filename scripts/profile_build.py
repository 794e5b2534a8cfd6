#!/usr/bin/env python3
"""Where a full build's time goes: python scripts/profile_build.py [--posts 1000] [--plain] [--cprofile N] [--corpus C]

Builds n copies of the annotated posts (as `make bench --corpus annotated` does; --corpus generated builds
the benchmark's generated posts) in this process and prints
the CPU time of each generator's two stages (context, output), of writing each kind of page, and the entities
plugin's own stages. With --cprofile N, also the N functions with the most cumulative time. A tool for
finding what to make faster; the figures to quote come from scripts/bench_build.py.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from time import process_time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "plugins"))
from bench_build import PLAIN, write_corpus  # noqa: E402


def timed(table: dict, key: str, fn):
    def wrapper(*args, **kwargs):
        start = process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            table[key] += process_time() - start
    return wrapper


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--plain", action="store_true", help="plain Pelican (simple theme, no plugins)")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    ap.add_argument("--corpus", choices=["generated", "annotated"], default="annotated",
                    help="as scripts/bench_build.py --corpus")
    args = ap.parse_args(argv)

    from pelican import Pelican, generators, writers
    from pelican.settings import read_settings

    table: dict[str, float] = defaultdict(float)
    for name in ("ArticlesGenerator", "PagesGenerator", "StaticGenerator", "TemplatePagesGenerator"):
        cls = getattr(generators, name)
        for stage in ("generate_context", "generate_output"):
            if stage in cls.__dict__:
                setattr(cls, stage, timed(table, f"{name}.{stage}", cls.__dict__[stage]))
    real_write = writers.Writer.write_file

    def write_file(self, name, template, context, *a, **kw):
        key = f"write {getattr(template, 'name', template)}"
        return timed(table, key, real_write)(self, name, template, context, *a, **kw)
    writers.Writer.write_file = write_file

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_corpus(args.corpus, content / "posts", args.posts)
        override = {"PATH": str(content), "OUTPUT_PATH": str(Path(tmp) / "out"), "CACHE_CONTENT": False,
                    "LOAD_CONTENT_CACHE": False, **(PLAIN if args.plain else {})}  # plain: as the benchmark builds it
        settings = read_settings(None if args.plain else str(ROOT / "pelicanconf.py"), override=override)
        pelican = Pelican(settings)
        if not args.plain:
            from entities.pages import EntitiesGenerator
            for stage in ("generate_context", "generate_output"):
                setattr(EntitiesGenerator, stage, timed(table, f"EntitiesGenerator.{stage}",
                                                        EntitiesGenerator.__dict__[stage]))
        profiler = cProfile.Profile() if args.cprofile else None
        start = process_time()
        if profiler:
            profiler.enable()
        pelican.run()
        if profiler:
            profiler.disable()
        total = process_time() - start
    print(f"{args.posts} posts, {'plain' if args.plain else 'full'} build: {total:.2f} s CPU")
    for key, value in sorted(table.items(), key=lambda kv: -kv[1]):
        print(f"  {value:7.3f} s  {key}")
    if not args.plain:
        from entities.pages import STATS
        print("  entities plugin:", {k: round(v, 3) for k, v in STATS.items()})
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
