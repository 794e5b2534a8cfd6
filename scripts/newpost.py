#!/usr/bin/env python3
"""Start a new post: `make newpost TITLE="Why the CCG merger matters"` writes content/posts/<slug>.md.

The header has Title, Date (now, in the site's TIMEZONE: Europe/London), Author, Category, Tags, Summary and
Slug (so the address stays the same if the title is edited later). Author is AUTHOR= if given, else
`git config user.name`, else the site's AUTHOR. An existing file is never overwritten.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.settings import read_settings
from pelican.utils import slugify

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = """\
Title: {title}
Date: {date}
Author: {author}
Category: {category}
Tags:
Summary:
Slug: {slug}

Write the post here, in Markdown. Fill in the header above: Category (one), Tags (comma-separated) and a
Summary of one or two sentences for the front page and feeds. README.md ("Writing a post") says more.
"""


def git_user_name(where: Path) -> str | None:
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=where, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # From the environment too, so that `make newpost TITLE="…"` passes any title through without shell quoting.
    parser.add_argument("--title", default=os.environ.get("TITLE", ""), help="the post's title (or TITLE=)")
    parser.add_argument("--author", default=os.environ.get("AUTHOR", ""), help="the author (or AUTHOR=)")
    parser.add_argument("--content", type=Path, default=None, help="the content folder (default: content/)")
    parser.add_argument("--settings", "-s", type=Path, default=ROOT / "pelicanconf.py")
    args = parser.parse_args(argv)

    title = " ".join(args.title.split())
    if not title:
        print('newpost: no title — run `make newpost TITLE="The post\'s title"`', file=sys.stderr)
        return 1
    settings = read_settings(str(args.settings))
    slug = slugify(title, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                   preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                   use_unicode=settings.get("SLUGIFY_USE_UNICODE", False))
    if not slug:
        print(f"newpost: {title!r} gives no slug for the file name — use a title with some letters or digits",
              file=sys.stderr)
        return 1
    content = (args.content or Path(settings["PATH"])).resolve()
    posts = content / settings.get("ARTICLE_PATHS", ["posts"])[0]
    path = posts / f"{slug}.md"
    shown = os.path.relpath(path)
    if path.exists():
        print(f"newpost: {shown} already exists, and is left as it is — edit it, or choose another title",
              file=sys.stderr)
        return 1
    author = " ".join(args.author.split()) or git_user_name(content if content.is_dir() else ROOT) or settings["AUTHOR"]
    now = datetime.now(ZoneInfo(settings.get("TIMEZONE") or "Europe/London"))
    text = TEMPLATE.format(title=title, date=now.strftime("%Y-%m-%d %H:%M"), author=author,
                           category=settings.get("DEFAULT_CATEGORY", "Uncategorised"), slug=slug)
    posts.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as f:  # "x": never overwrite, even in a race
            f.write(text)
    except FileExistsError:
        print(f"newpost: {shown} already exists, and is left as it is — edit it, or choose another title",
              file=sys.stderr)
        return 1
    print(f"newpost: wrote {shown} — fill in the header, then `make devserver` to preview it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
