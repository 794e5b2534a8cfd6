"""Write posts and comment archives; never clobber a file an author has edited since it was imported.

Each file carries its provenance in its header:
    Import-Source:    the input file name (plus '#id' for one item of a WordPress export)
    Import-Source-Hash: sha256 of the bytes that were imported
    Import-Checksum:  sha256 of this file (minus this line) and its comments archive, as written
A re-import finds the file by Import-Source. If the checksum still matches, the file is the importer's
own and may be replaced; if not, an author has edited it and only --force overwrites it.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .pipeline import ImportedPost

CHECKSUM = "Import-Checksum"
_HEADER = re.compile(r"^([A-Za-z][\w-]*):\s*(.*)$")


@dataclass
class Outcome:
    status: str  # written, updated, unchanged, kept-edited, would-write, would-update
    path: Path
    comments_path: Path | None
    message: str = ""
    previous: Path | None = None


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read_header(path: Path) -> dict[str, str]:
    """A Pelican Markdown header as a dict (keys lower-cased); stops at the first blank line."""
    out: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                m = _HEADER.match(line.rstrip("\n"))
                if not m:
                    break
                out[m.group(1).lower()] = m.group(2).strip()
    except OSError:
        pass
    return out


class Writer:
    def __init__(self, root: Path, force: bool = False, dry_run: bool = False):
        self.root, self.force, self.dry_run = root, force, dry_run
        self.by_source: dict[str, Path] = {}
        self.slugs: dict[tuple[str, str], str] = {}  # (kind, slug) -> Import-Source that owns it
        for path in sorted(root.rglob("*.md")) if root.exists() else []:
            head = read_header(path)
            kind = "page" if path.parent.name == "pages" else "article"
            # A hand-written post without a Slug: line still owns the slug of its file name.
            for slug in {head.get("slug"), path.stem} - {None, ""}:
                self.slugs.setdefault((kind, slug), head.get("import-source", str(path)))
            if head.get("import-source"):
                self.by_source[head["import-source"]] = path

    def unique_slug(self, post: ImportedPost) -> str:
        base = post.meta.get("slug")
        slug, n = base, 2
        while self.slugs.get((post.raw.kind, slug), post.raw.label) != post.raw.label:
            slug, n = f"{base}-{n}", n + 1
        self.slugs[(post.raw.kind, slug)] = post.raw.label
        return slug

    def render(self, post: ImportedPost, slug: str, comments_rel: str | None) -> tuple[str, str | None]:
        """The file's text (checksum included) and the comments archive's text."""
        header = [(k, v if k != "Slug" else slug) for k, v in post.header]
        if comments_rel:
            header.append(("Comments-Archive", comments_rel))
        header += [("Import-Source", post.raw.label), ("Import-Source-Hash", "sha256:" + sha256(post.raw.raw))]
        archive = None
        if post.comments:
            archive = json.dumps({"post": slug, "import_source": post.raw.label,
                                  "comments": [c.as_json() for c in post.comments]}, ensure_ascii=False, indent=2) + "\n"
        text = "\n".join(f"{k}: {v}" for k, v in header) + "\n\n" + post.body
        checksum = sha256(text + (archive or ""))
        lines = text.split("\n")
        lines.insert(len(header), f"{CHECKSUM}: sha256:{checksum}")
        return "\n".join(lines), archive

    def edited(self, path: Path) -> bool:
        """True if the file (or its comments archive) changed since the importer wrote it."""
        text = path.read_text(encoding="utf-8", errors="replace")
        recorded, rest = None, []
        for line in text.split("\n"):
            if recorded is None and line.startswith(CHECKSUM + ":"):
                recorded = line.split(":", 1)[1].strip().removeprefix("sha256:")
            else:
                rest.append(line)
        if recorded is None:
            return True
        archive_rel = read_header(path).get("comments-archive")
        archive = ""
        if archive_rel:
            apath = self.root / archive_rel
            archive = apath.read_text(encoding="utf-8") if apath.exists() else "missing"
        return sha256("\n".join(rest) + archive) != recorded

    def write(self, post: ImportedPost) -> Outcome:
        slug = self.unique_slug(post)
        folder = "pages" if post.raw.kind == "page" else "posts"
        path = self.root / folder / f"{slug}.md"
        comments_rel = (f"comments/{slug}.json" if post.raw.kind == "article" else f"comments/pages/{slug}.json") \
            if post.comments else None
        text, archive = self.render(post, slug, comments_rel)
        cpath = self.root / comments_rel if comments_rel else None
        old = self.by_source.get(post.raw.label)
        if old is not None and old.exists():
            old_archive = read_header(old).get("comments-archive")
            same = old == path and old.read_text(encoding="utf-8", errors="replace") == text and (
                archive is None or (cpath.exists() and cpath.read_text(encoding="utf-8") == archive))
            if same:
                return Outcome("unchanged", path, cpath)
            if self.edited(old) and not self.force:
                return Outcome("kept-edited", old, None,
                               f"{old} was edited after it was imported; left as it is (re-run with --force to overwrite)")
            status = "would-update" if self.dry_run else "updated"
            if not self.dry_run:
                if old != path:
                    old.unlink()
                if old_archive and (self.root / old_archive) != cpath and (self.root / old_archive).exists():
                    (self.root / old_archive).unlink()
        else:
            if path.exists() and not self.force:
                return Outcome("kept-edited", path, None,
                               f"{path} exists and was not written by this import; left as it is (--force overwrites it)")
            status = "would-write" if self.dry_run else "written"
        if not self.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if cpath and archive:
                cpath.parent.mkdir(parents=True, exist_ok=True)
                cpath.write_text(archive, encoding="utf-8")
            self.by_source[post.raw.label] = path
        return Outcome(status, path, cpath, previous=old if old != path else None)
