"""Plain data passed between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# What became of an input line: every non-blank line gets exactly one fate.
BODY, COMMENT, METADATA, STRIPPED = "body", "comment", "metadata", "stripped"


class ImportError_(Exception):
    """A problem with one input that stops that input (not the run)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass
class Line:
    """One line (text source) or one block (HTML source) of a post."""

    no: int  # 1-based line number in the source (block number for HTML)
    text: str  # plain text, used by every rule
    md: str | None = None  # inline Markdown already made safe (HTML sources)
    hint: str | None = None  # structure known from markup: h2, h3, ul, ol, quote, pre, p
    depth: int = 0  # list nesting depth from markup
    fate: str | None = None
    rule: str | None = None  # the rule that decided the fate

    @property
    def s(self) -> str:
        return self.text.strip().replace("\u00a0", " ").strip()

    @property
    def blank(self) -> bool:
        return not self.s


@dataclass
class Fact:
    """A piece of metadata found in the post, with where it was found."""

    field: str  # title, date, author, categories, tags, source, source_url, modified
    value: object
    origin: str  # human-readable: 'byline line 3', 'footer line 40', 'WXR <wp:post_date>'
    line: int | None = None
    strength: int = 1  # higher wins when two facts disagree


@dataclass
class Comment:
    author: str
    text: str
    date: datetime | None = None
    date_text: str | None = None
    kind: str = "comment"  # comment, reblog, pingback, trackback
    depth: int = 0
    lines: list[int] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "author": self.author,
            "date": self.date.isoformat(timespec="minutes") if self.date else None,
            "date_text": self.date_text,
            "kind": self.kind,
            "depth": self.depth,
            "text": self.text,
        }


@dataclass
class RawPost:
    """What a reader hands to the pipeline."""

    source: str  # the input file's path as given
    label: str  # the file name, plus '#id' for one item of a WXR export
    raw: bytes  # exactly what was imported (hashed for provenance)
    lines: list[Line]
    facts: list[Fact] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    kind: str = "article"  # article or page
    status: str | None = None  # draft, hidden, published
    needs_cleaning: bool = True  # scraped text is; WXR content is not
    notes: list[str] = field(default_factory=list)  # decoding and reader notes
    warnings: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # e.g. spam comments, kept in the report
