"""Facts + overrides -> the post's Pelican metadata, every field with where it came from."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from slugify import slugify

from .dates import vague_dates
from .inline import escape
from .model import Fact, ImportError_
from .rules import ADMIN_AUTHORS
from .structure import Block

OVERRIDABLE = {"title": str, "date": (date, datetime, str), "author": str, "category": str, "tags": list,
               "slug": str, "summary": str, "source": str, "status": str}
SUMMARY_WORDS = 50


@dataclass
class Field:
    value: object
    origin: str


@dataclass
class Metadata:
    fields: dict[str, Field] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)

    def get(self, name: str, default=None):
        f = self.fields.get(name)
        return f.value if f else default

    def set(self, name: str, value, origin: str) -> None:
        self.fields[name] = Field(value, origin)


@dataclass
class Settings:
    default_category: str = "Uncategorised"
    fallback_date: datetime = datetime(2000, 1, 1)
    overrides: dict[str, dict] = field(default_factory=dict)
    overrides_file: str | None = None


def load_overrides(path: Path) -> dict[str, dict]:
    """Read the campaign's corrections: a TOML table per source file name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImportError_(f"{path}: overrides file not found; create it or leave out --overrides") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ImportError_(f"{path}: not valid TOML ({err}); see import-overrides.toml in the README for the format") from None
    for source, table in data.items():
        if not isinstance(table, dict):
            raise ImportError_(f"{path}: '{source}' must be a table, e.g. [\"{source}\"] followed by key = value lines")
        for key, value in table.items():
            want = OVERRIDABLE.get(key)
            if want is None:
                raise ImportError_(f"{path}: [\"{source}\"] has unknown key '{key}'; use one of {', '.join(sorted(OVERRIDABLE))}")
            if not isinstance(value, want):
                raise ImportError_(f"{path}: [\"{source}\"] {key} has the wrong type ({type(value).__name__})")
            if key == "tags" and not all(isinstance(t, str) for t in value):
                raise ImportError_(f"{path}: [\"{source}\"] tags must be a list of strings")
            if key == "date" and isinstance(value, date) and not isinstance(value, datetime):
                table[key] = datetime(value.year, value.month, value.day)
            elif key == "date" and isinstance(value, datetime) and value.tzinfo:
                table[key] = value.replace(tzinfo=None)  # posts are dated in the site's TIMEZONE
            if key == "date" and isinstance(value, str):
                try:
                    table[key] = datetime.fromisoformat(value)
                except ValueError:
                    raise ImportError_(f"{path}: [\"{source}\"] date '{value}' is not YYYY-MM-DD or YYYY-MM-DD HH:MM") from None
            if key == "status" and value not in ("published", "draft", "hidden"):
                raise ImportError_(f"{path}: [\"{source}\"] status must be published, draft or hidden")
    return data


def _best(facts: list[Fact], name: str) -> Fact | None:
    """The strongest fact for a field; the earliest in the post breaks ties."""
    cands = [f for f in facts if f.field == name and f.value not in (None, "", [])]
    return max(cands, key=lambda f: (f.strength, -(f.line or 0))) if cands else None


def generated_title(blocks: list[Block]) -> str | None:
    """A title from the first sentence: cut at its first clause if that is long enough to stand alone."""
    first = next((b.text for b in blocks if b.kind == "paragraph" and len(b.text.split()) >= 3), None) or \
        next((b.text for b in blocks if b.text.strip()), None)
    if not first:
        return None
    sentence = re.split(r"(?<=[.!?])\s+", first.strip())[0]
    clause = re.split(r"[,:;–—]\s|\s-\s", sentence)[0]
    words = (clause if len(clause.split()) >= 5 else sentence).strip(" .:;,\"“”'‘’").split()
    if len(words) > 14:
        words = words[:12]
        while words and words[-1].lower() in {"the", "a", "an", "of", "to", "in", "on", "and", "for", "by", "with", "at", "from"}:
            words.pop()
        return " ".join(words) + "…"
    return " ".join(words)


def summary(blocks: list[Block]) -> str | None:
    text = next((b.text for b in blocks if b.kind == "paragraph" and len(b.text.split()) >= 8), None) or \
        next((b.text for b in blocks if b.kind == "paragraph"), None)
    if not text:
        return None
    words = " ".join(text.split()).split()
    if len(words) <= SUMMARY_WORDS:
        return " ".join(words)
    cut = " ".join(words[:SUMMARY_WORDS])
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > len(cut) // 2 else cut.rstrip(",;:–—-") + "…"


def html_text(s: str) -> str:
    """A one-line metadata value that templates print as HTML: no tags may get through."""
    return " ".join(str(s).split()).replace("<", "&lt;").replace(">", "&gt;")


def build(label: str, facts: list[Fact], blocks: list[Block], kind: str, status: str | None,
          settings: Settings) -> Metadata:
    meta = Metadata()
    over = settings.overrides.get(label, {})
    ofile = settings.overrides_file or "overrides"

    def overridden(name: str) -> bool:
        if name in over:
            meta.set(name, over[name], f"override in {ofile}")
            return True
        return False

    # Title
    if not overridden("title"):
        f = _best(facts, "title")
        if f:
            meta.set("title", f.value, f.origin)
        else:
            gen = generated_title(blocks) or label.rsplit(".", 1)[0]
            meta.set("title", gen, "generated from the first sentence (no title line)")
            meta.review.append("title generated")
    # Date and last update
    updates = sorted(f.value for f in facts if f.field in ("updated", "modified"))
    if not overridden("date"):
        f = _best(facts, "date")
        if f:
            meta.set("date", f.value, f.origin)
        elif updates:
            first = min((f for f in facts if f.field in ("updated", "modified")), key=lambda f: f.value)
            meta.set("date", first.value, f"{first.origin}: the earliest date the post states")
        else:
            text = " ".join(b.text for b in blocks)
            vague = [d for d in vague_dates(text)]
            if vague:
                latest = max(vague, key=lambda d: (d.when, d.precision == "month"))
                meta.set("date", latest.when, f"guess: the latest date the text mentions (\"{latest.text}\")")
            else:
                meta.set("date", settings.fallback_date, "guess: no date in the text; the import's fallback date")
            meta.review.append("date guessed")
    if updates and updates[-1] > meta.get("date"):
        meta.set("modified", updates[-1], "the latest dated update in the text")
    # Author, categories, tags
    if not overridden("author"):
        f = _best(facts, "author")
        if f:
            meta.set("author", f.value, f.origin)
            if f.value.lower() in ADMIN_AUTHORS:
                meta.review.append(f"author is the WordPress account '{f.value}'")
    cat_fact = _best(facts, "categories")
    cats = list(cat_fact.value) if cat_fact else []
    if not overridden("category"):
        if cats:
            meta.set("category", cats[0], cat_fact.origin)
        elif kind == "article":
            meta.set("category", settings.default_category, "default (no category stated)")
    if not overridden("tags"):
        tags, origins = [], []
        extra = [c for c in cats if c != meta.get("category")]
        if extra:
            tags += extra
            origins.append("further categories (" + cat_fact.origin + ")")
        for f in facts:
            if f.field == "tags":
                tags += list(f.value)
                origins.append(f.origin)
        seen = set()
        tags = [t for t in tags if not (t.lower() in seen or seen.add(t.lower()))]
        if tags:
            meta.set("tags", tags, "; ".join(dict.fromkeys(origins)))
    # Slug, summary, source, status
    if "slug" in over:
        meta.set("slug", slugify(over["slug"]) or "post", f"override in {ofile}")  # never a path or markup
    else:
        f = _best(facts, "slug")
        base = f.value if f else meta.get("title")
        slug = slugify(html_text(base), max_length=80, word_boundary=True, save_order=True,
                       replacements=[["'", ""], ["’", ""]])  # "Commission's" -> commissions, not commission-s
        meta.set("slug", slug or "post",
                 f.origin if f else "from the title")
    if not overridden("summary"):
        f = _best(facts, "summary")
        s = f.value if f else summary(blocks)
        if s:
            meta.set("summary", s, f.origin if f else "the first paragraph")
    if not overridden("source"):
        for name in ("source", "source_url"):
            f = _best(facts, name)
            if f:
                meta.set(name, f.value, f.origin)
    if not overridden("status") and status:
        meta.set("status", status, "WordPress status")
    return meta


def header_lines(meta: Metadata) -> list[tuple[str, str]]:
    """Metadata as Pelican 'Key: value' pairs, in a fixed order."""
    def when(v) -> str:
        return v.strftime("%Y-%m-%d %H:%M") if (v.hour or v.minute) else v.strftime("%Y-%m-%d")

    out = [("Title", html_text(meta.get("title")))]
    out.append(("Date", when(meta.get("date"))))
    if meta.get("modified"):
        out.append(("Modified", when(meta.get("modified"))))
    if meta.get("author"):
        out.append(("Author", html_text(meta.get("author"))))
    if meta.get("category"):
        out.append(("Category", html_text(meta.get("category"))))
    if meta.get("tags"):
        out.append(("Tags", ", ".join(html_text(t).replace(",", "") for t in meta.get("tags"))))
    out.append(("Slug", meta.get("slug")))
    if meta.get("summary"):
        out.append(("Summary", escape(" ".join(meta.get("summary").split()))))
    if meta.get("source"):
        out.append(("Source", html_text(meta.get("source"))))
    if meta.get("source_url"):
        out.append(("Source-URL", meta.get("source_url")))
    if meta.get("status"):
        out.append(("Status", meta.get("status")))
    origin = meta.fields["date"].origin
    if origin.startswith("guess"):
        out.append(("Date-Source", html_text(origin)))
    if meta.review:
        out.append(("Review", ", ".join(meta.review)))
    return out
