#!/usr/bin/env python3
"""Check every post and page before Pelican builds them: `make lint` (and so `make html` and `make publish`).

Each problem is printed as `file:line: problem — how to fix`; the exit status is 1 if there is any.
The header is read as Pelican's Markdown reader reads it (Python-Markdown's `meta`: `Key: value` lines up to
the first blank line, continuation lines indented by four spaces), and the checks use Pelican's own code:
dates with pelican.utils.get_date, slugs with pelican.utils.slugify and the site's SLUG* settings.
"""
from __future__ import annotations

import argparse
import fnmatch
import html
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED
from pelican.settings import read_settings
from pelican.utils import get_date, slugify

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")
# Python-Markdown's meta extension, as Pelican's Markdown reader uses it.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Pelican's {filename}/{static}/{attach} links (and the old |filename| spelling), up to the end of the URL.
LINK_RE = re.compile(r"[{|](?P<what>filename|static|attach)[|}](?P<value>[^\s)\"'<>\]]*)")
FENCE_RE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+).+?\1")
# Keys Pelican takes once (it warns, and so the build fails, on a second definition), and two more whose
# second definition silently turns the value into a list.
SINGLE_KEYS = {k for k, allowed in DUPLICATES_DEFINITIONS_ALLOWED.items() if not allowed} | {"title", "slug"}
EPILOG = """\
Checked: Title (present, not empty), Date (present in posts unless Status: draft, and readable by Pelican),
Modified (readable), keys defined twice, duplicate slugs (Slug:, else Pelican's slug of the Title),
{filename}/{static}/{attach} links to files that do not exist, UTF-8, an empty body.
Not checked here: names in Entities:, Entities-Exclude:, Related: and Related-Exclude:. The build checks
those (plugins/entities stops it with the file, the line and what to fix), so `make html` still catches them.
"""


@dataclass
class Doc:
    path: Path
    rel: str  # relative to the content folder, with /
    kind: str  # "post" or "page"
    meta: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # key -> [(line, value)]
    body_start: int = 1  # line number of the first body line
    body: list[str] = field(default_factory=list)

    def first(self, key: str) -> tuple[int, str] | None:
        values = self.meta.get(key)
        return values[0] if values else None


class Problems:
    def __init__(self, base: Path):
        self.base = base
        self.items: list[tuple[str, int, str]] = []
        self.checked = 0

    def add(self, path: Path, line: int, problem: str, fix: str) -> None:
        self.items.append((self.show(path), line, f"{problem} — {fix}"))

    def show(self, path: Path) -> str:
        try:
            return os.path.relpath(path, self.base) if path.is_absolute() else str(path)
        except ValueError:
            return str(path)


def parse(path: Path, rel: str, kind: str, problems: Problems) -> Doc | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        problems.add(path, line, f"not valid UTF-8 (byte {raw[e.start]:#04x} at offset {e.start})",
                     "save the file as UTF-8 (or re-import it: the importer repairs other encodings)")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    doc = Doc(path, rel, kind)
    i = 0
    if lines and BEGIN_RE.match(lines[0]):
        i = 1
    key = None
    while i < len(lines):
        line = lines[i]
        if line.strip() == "" or END_RE.match(line):
            i += 1
            break
        m = META_RE.match(line)
        if m:
            key = m.group("key").lower().strip()
            doc.meta.setdefault(key, []).append((i + 1, m.group("value").strip()))
        else:
            more = META_MORE_RE.match(line)
            if not (more and key):
                break
        i += 1
    doc.body_start = i + 1
    doc.body = lines[i:]
    return doc


def check_header(doc: Doc, problems: Problems) -> None:
    for key, values in doc.meta.items():
        if key in SINGLE_KEYS and len(values) > 1:
            problems.add(doc.path, values[1][0], f"{key.capitalize()} is defined twice (first on line {values[0][0]})",
                         "keep one of them")
    title = doc.first("title")
    if title is None:
        problems.add(doc.path, 1, "missing Title", "add a first line `Title: The post's title`")
    elif not title[1]:
        problems.add(doc.path, title[0], "empty Title", "write the title after `Title:`")
    status = (doc.first("status") or (0, ""))[1].lower()
    date = doc.first("date")
    if date is None:
        if doc.kind == "post" and status != "draft":
            problems.add(doc.path, 1, "missing Date",
                         "add `Date: YYYY-MM-DD HH:MM` to the header (or `Status: draft` until it is ready)")
    else:
        check_date(doc, date, "Date", lambda v: v.replace("_", " "), problems)
    modified = doc.first("modified")
    if modified is not None:
        check_date(doc, modified, "Modified", lambda v: v, problems)


def check_date(doc: Doc, entry: tuple[int, str], name: str, prepare, problems: Problems) -> None:
    line, value = entry
    try:
        get_date(prepare(value))
    except (ValueError, OverflowError):
        problems.add(doc.path, line, f"{name} {value!r} is not a date Pelican can read",
                     f"write it as `{name}: YYYY-MM-DD` or `{name}: YYYY-MM-DD HH:MM`")


def slug_of(doc: Doc, settings: dict) -> tuple[int, str] | None:
    explicit = doc.first("slug")
    if explicit and explicit[1]:
        return explicit
    title = doc.first("title")
    if settings.get("SLUGIFY_SOURCE", "title") == "basename":
        return 1, slugify(doc.path.stem, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                          preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                          use_unicode=settings.get("SLUGIFY_USE_UNICODE", False))
    if not title or not title[1]:
        return None
    return title[0], slugify(title[1], regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                             preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                             use_unicode=settings.get("SLUGIFY_USE_UNICODE", False))


def check_slugs(docs: list[Doc], settings: dict, problems: Problems) -> None:
    """Two posts (or two pages) in the same language with the same slug would be written to the same URL."""
    seen: dict[tuple, tuple[Doc, int]] = {}
    for doc in docs:
        found = slug_of(doc, settings)
        if found is None:
            continue
        line, slug = found
        lang = (doc.first("lang") or (0, settings.get("DEFAULT_LANG", "en")))[1]
        key = (doc.kind, lang, slug)
        if key in seen:
            other, other_line = seen[key]
            how = "its Slug:" if doc.first("slug") else "the slug of its Title"
            problems.add(doc.path, line,
                         f"slug {slug!r} ({how}) is already used by {problems.show(other.path)}:{other_line}",
                         "give one of them a different title or a `Slug:` line")
        else:
            seen[key] = (doc, line)


def outside_code(lines: list[str]):
    """(index, line with code spans blanked) for each line not inside a fenced code block."""
    fence = None
    for n, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        yield n, CODE_SPAN_RE.sub(lambda s: " " * len(s.group(0)), line)


def check_body(doc: Doc, content: Path, problems: Problems) -> None:
    if not "".join(doc.body).strip():
        problems.add(doc.path, doc.body_start, "empty body",
                     "write the post below the header, after one blank line")
        return
    for n, line in outside_code(doc.body):
        for m in LINK_RE.finditer(line):
            value = m.group("value")
            target = urlsplit(value).path
            if not target:
                continue
            candidates = {target, unquote(target), urlsplit(html.unescape(value)).path}
            if not any(resolve(c, doc, content).is_file() for c in candidates):
                shown = resolve(target, doc, content)
                problems.add(doc.path, doc.body_start + n,
                             f"{{{m.group('what')}}}{value} links to {problems.show(shown)}, which does not exist",
                             "correct the path: `{filename}/posts/<file>.md` is from the content folder, "
                             "without a leading / it is from this file's folder")


def resolve(target: str, doc: Doc, content: Path) -> Path:
    if target.startswith("/"):
        return Path(os.path.normpath(content / target.lstrip("/")))
    return Path(os.path.normpath(content / Path(doc.rel).parent / target))


def content_files(content: Path, folders: list[str], ignore: list[str]):
    for folder in folders:
        base = content / folder
        if not base.is_dir():
            continue
        for root, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if not any(fnmatch.fnmatch(d, p) for p in ignore))
            for name in sorted(files):
                if name.lower().endswith(MARKDOWN) and not any(fnmatch.fnmatch(name, p) for p in ignore):
                    yield Path(root) / name


def lint(content: Path, settings: dict, base: Path) -> Problems:
    problems = Problems(base)
    docs = []
    ignore = list(settings.get("IGNORE_FILES", []))
    for kind, folders in (("post", settings.get("ARTICLE_PATHS", ["posts"])), ("page", settings.get("PAGE_PATHS", ["pages"]))):
        for path in content_files(content, folders, ignore):
            rel = path.relative_to(content).as_posix()
            doc = parse(path, rel, kind, problems)
            if doc is None:
                continue
            check_header(doc, problems)
            check_body(doc, content, problems)
            docs.append(doc)
    check_slugs(docs, settings, problems)
    problems.checked = len(docs)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check content/posts and content/pages before the build.",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("content", nargs="?", type=Path, default=None,
                        help="the content folder (default: PATH in the settings, content/)")
    parser.add_argument("--settings", "-s", type=Path, default=ROOT / "pelicanconf.py",
                        help="Pelican settings file (default: pelicanconf.py)")
    args = parser.parse_args(argv)
    settings = read_settings(str(args.settings))
    content = (args.content or Path(settings["PATH"])).resolve()
    if not content.is_dir():
        print(f"{content}: no such folder — pass the content folder, e.g. `make lint INPUTDIR=content`", file=sys.stderr)
        return 1
    problems = lint(content, settings, Path.cwd())
    for file, line, message in sorted(problems.items, key=lambda p: (p[0], p[1])):
        print(f"{file}:{line}: {message}")
    if problems.items:
        print(f"lint: {len(problems.items)} problem(s) in {len({p[0] for p in problems.items})} file(s). "
              "(Entities:/Related: names are checked by the build: see --help.)", file=sys.stderr)
        return 1
    print(f"lint: {problems.checked} posts and pages OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
