"""`make entities-report`: names found in the content that the gazetteer lacks, for authors to confirm.

    python -m entities.report [--settings pelicanconf.py] [--min N]

Each name is listed with its type, how many posts name it, and an example sentence. To confirm one, add
content/entities/<slug>.md (Title, Type, Aliases; the body describes it); to reject a wrong one, list it in
the post's Entities-Exclude metadata.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from pelican.readers import Readers
from pelican.settings import read_settings

from .gazetteer import build, slug as make_slug
from .match import Matcher
from .settings import EntitiesConfigError, configure
from .text import Document


def sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return " ".join(text[left:right + 1].split())[:240]


def unknown_names(settings: dict) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(type, name) -> [(post path, example sentence)] for every pattern-found name not in the gazetteer."""
    config = configure(settings)
    readers = Readers(settings)
    gaz = build(config, readers.readers["md"].read)
    matcher = Matcher(gaz, use_patterns=True)
    found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    content = Path(settings["PATH"])
    for folder in settings["ARTICLE_PATHS"]:
        for path in sorted((content / folder).rglob("*.md")):
            html, _ = readers.readers["md"].read(str(path))
            doc = Document(html)
            seen = set()
            for h in matcher.find(doc.text, doc.titles):
                if h.entity.startswith("pattern:") and h.entity not in seen:
                    seen.add(h.entity)
                    _, type_, name = h.entity.split(":", 2)
                    found[(type_, name)].append((str(path.relative_to(content)), sentence_around(doc.text, h.start, h.end)))
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="entities-report", description=__doc__.split("\n\n")[0])
    p.add_argument("--settings", default="pelicanconf.py")
    p.add_argument("--min", type=int, default=1, help="list names found in at least this many posts")
    args = p.parse_args(argv)
    try:
        found = unknown_names(read_settings(args.settings))
    except EntitiesConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    rows = sorted(((t, n, posts) for (t, n), posts in found.items() if len(posts) >= args.min),
                  key=lambda r: (-len(r[2]), r[1]))
    if not rows:
        print("Every name the naming patterns find is already in the gazetteer.")
        return 0
    print(f"{len(rows)} names found in the content but not in the gazetteer (most mentioned first):\n")
    for type_, name, posts in rows:
        print(f"{name}  [{type_}]  {len(posts)} post{'s' if len(posts) != 1 else ''}")
        path, sentence = posts[0]
        print(f"    {path}: {sentence}")
    slug = make_slug(rows[0][1])
    print(f"\nConfirm one by adding content/entities/{slug}.md with 'Title:' and 'Type:' lines.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
