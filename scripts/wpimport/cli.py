"""Command line: python scripts/import_posts.py SOURCE... --output DIR [--dry-run] [--force] [--report FILE]"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from . import readers
from .metadata import Settings, load_overrides
from .model import ImportError_
from .pipeline import convert
from .report import Report
from .write import Writer

EXIT_OK, EXIT_FAILED, EXIT_KEPT = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="import_posts.py",
        description="Import WordPress posts (text copied from the browser, saved .html pages, or a WXR .xml "
                    "export) as Pelican Markdown, stripping WordPress's boilerplate and keeping reader "
                    "comments apart.",
        epilog="Exit status: 0 all imported; 1 some inputs failed (the rest were still imported); "
               "2 some files were edited by hand since the last import and were left as they are.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders (.txt, .html, .xml)")
    p.add_argument("--output", "-o", required=True, type=Path,
                   help="the content folder: posts go to DIR/posts, pages to DIR/pages, comments to DIR/comments")
    p.add_argument("--dry-run", action="store_true", help="show what would be written; write nothing")
    p.add_argument("--force", action="store_true", help="overwrite files even if they were edited since import")
    p.add_argument("--report", type=Path, metavar="FILE", help="also write a JSON report to FILE")
    p.add_argument("--overrides", type=Path, metavar="FILE",
                   help="TOML file of corrections per source file (title, date, author, category, tags, …)")
    p.add_argument("--default-category", default="Uncategorised", help="category when a post states none")
    p.add_argument("--fallback-date", default="2000-01-01",
                   help="date for a post whose text mentions no date at all (YYYY-MM-DD); marked as a guess")
    p.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        fallback = datetime.fromisoformat(args.fallback_date)
    except ValueError:
        print(f"error: --fallback-date '{args.fallback_date}' is not a date (use YYYY-MM-DD)", file=sys.stderr)
        return EXIT_FAILED
    settings = Settings(default_category=args.default_category, fallback_date=fallback)
    if args.overrides:
        try:
            settings.overrides = load_overrides(args.overrides)
            settings.overrides_file = str(args.overrides)
        except ImportError_ as err:
            print(f"error: {err}", file=sys.stderr)
            return EXIT_FAILED
    if args.output.exists() and not args.output.is_dir():
        print(f"error: --output {args.output} is a file; give the content folder (e.g. content)", file=sys.stderr)
        return EXIT_FAILED
    files, problems = readers.find_inputs(args.sources, exclude=args.output)
    report = Report()
    for problem in problems:
        report.fail(problem.split(":")[0], problem)
    writer = Writer(args.output, force=args.force, dry_run=args.dry_run)
    seen: dict[str, str] = {}
    bar = tqdm(files, unit="file", disable=len(files) < 50 or not sys.stderr.isatty(), file=sys.stderr)
    for path in bar:
        try:
            posts = readers.read(path)
        except ImportError_ as err:
            report.fail(str(path), str(err))
            continue
        except (Exception, RecursionError) as err:  # one bad file never stops the others
            report.fail(str(path), f"{path}: could not be read ({type(err).__name__}: {err}); "
                                   "check the file, and report it if it looks like ordinary text")
            continue
        for raw in posts:
            if raw.label in seen:
                report.fail(str(path), f"{path}: same name as {seen[raw.label]}; rename one so each post has its own source name")
                continue
            seen[raw.label] = str(path)
            if raw.status == "skip":
                report.skip(raw.source, raw.label, raw.notes[-1])
                continue
            try:
                post = convert(raw, settings)
                outcome = writer.write(post)
            except ImportError_ as err:
                report.fail(str(path), str(err) if raw.label == path.name else f"{raw.label}: {err}")
                continue
            except (Exception, RecursionError) as err:
                report.fail(str(path), f"{raw.label}: could not be imported ({type(err).__name__}: {err}); "
                                       "the other inputs were imported")
                continue
            entry = report.add(post, outcome)
            if not args.quiet:
                bar.write(report.line(entry)) if not bar.disable else print(report.line(entry))
    unused = sorted(set(settings.overrides) - set(seen))
    for name in unused:
        print(f"warning: {settings.overrides_file}: [\"{name}\"] matches no input; check the file name", file=sys.stderr)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    kept = [e for e in report.entries if e["status"] == "kept-edited"]
    for e in kept:
        print(f"not overwritten: {e['warnings'][-1]}", file=sys.stderr)
    print(report.summary())
    if args.report:
        report.write_json(args.report)
        print(f"report: {args.report}")
    if report.problems:
        return EXIT_FAILED
    return EXIT_KEPT if kept else EXIT_OK
