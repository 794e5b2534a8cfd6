"""One RawPost through clean -> structure -> metadata, into an ImportedPost ready to write."""
from __future__ import annotations

from dataclasses import dataclass, field

from .clean import clean
from .metadata import Metadata, Settings, build, header_lines
from .model import COMMENT, METADATA, STRIPPED, Comment, ImportError_, RawPost
from .structure import Block, structure


@dataclass
class ImportedPost:
    raw: RawPost
    meta: Metadata
    body: str  # Markdown
    blocks: list[Block]
    comments: list[Comment]
    stripped: list[dict] = field(default_factory=list)
    metadata_lines: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def header(self) -> list[tuple[str, str]]:
        return header_lines(self.meta)


def convert(post: RawPost, settings: Settings) -> ImportedPost:
    cleaned = clean(post)
    shaped = structure(cleaned.body)
    if not shaped.blocks and post.needs_cleaning and not any(f.field == "title" for f in cleaned.facts):
        rules = sorted({l.rule for l in cleaned.stripped if l.rule})
        raise ImportError_(
            f"{post.source}: no post body found: every line was title, metadata, comments or boilerplate "
            f"({', '.join(rules[:6]) or 'nothing left'}); check the file, or see the stripped lines with --report")
    meta = build(post.label, cleaned.facts + shaped.facts, shaped.blocks, post.kind, post.status, settings)
    warnings = list(post.warnings)
    if not shaped.blocks:
        # A title with no text (an export's empty page, a post that was only an image) is imported
        # for an author to look at, never dropped.
        meta.review.append("empty body")
        warnings.append("the post has a title but no body text")
    stripped = [{"line": l.no, "text": l.text.strip(), "rule": l.rule} for l in post.lines if l.fate == STRIPPED]
    stripped += post.skipped
    metadata_lines = [{"line": l.no, "text": l.text.strip(), "rule": l.rule} for l in post.lines if l.fate == METADATA]
    stray = [l.no for l in post.lines if l.fate == COMMENT and not any(l.no in c.lines for c in cleaned.comments)]
    if stray:
        warnings.append(f"lines {stray} were read as comments but not attached to one")
    return ImportedPost(post, meta, shaped.markdown, shaped.blocks, cleaned.comments, stripped, metadata_lines,
                        post.notes + shaped.notes, warnings)
