"""Attach each post's archived WordPress reader comments (content/comments/*.json) to the article.

The importer keeps comments out of the article text and names the archive in the post's
`Comments-Archive:` metadata. This plugin reads it once per article and exposes
`article.archived_comments`: a list of dicts (author, date, date_text, kind, depth, html), where `html`
is the comment text escaped and split into paragraphs, so no comment can inject markup.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path

from markupsafe import Markup, escape
from pelican import signals

log = logging.getLogger(__name__)


def to_html(text: str) -> Markup:
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Markup("".join(
        "<p>" + "<br>\n".join(str(escape(line)) for line in p.strip().split("\n")) + "</p>" for p in paragraphs))


def load(archive: Path, owner: str) -> list[dict]:
    """The comments in an archive file; logs an error naming the post and returns [] if unusable."""
    try:
        data = json.loads(archive.read_text(encoding="utf-8"))
        comments = data["comments"]
        out = []
        for n, c in enumerate(comments, start=1):
            if not isinstance(c, dict) or not isinstance(c.get("text"), str):
                raise ValueError(f"comment {n} has no text")
            when = datetime.fromisoformat(c["date"]) if c.get("date") else None
            out.append({"author": str(c.get("author") or "Anonymous"), "date": when, "date_text": c.get("date_text"),
                        "kind": c.get("kind", "comment"), "depth": int(c.get("depth") or 0), "html": to_html(c["text"])})
        return out
    except FileNotFoundError:
        log.error("%s: Comments-Archive file %s does not exist; restore it or remove the Comments-Archive line",
                  owner, archive)
    except (ValueError, KeyError, TypeError) as err:
        log.error("%s: Comments-Archive file %s is not a valid comments archive (%s); re-import the post or fix the JSON",
                  owner, archive, err)
    return []


def attach(content) -> None:
    rel = getattr(content, "metadata", {}).get("comments-archive")  # Pelican keeps the hyphen
    content.archived_comments = []
    if rel:
        content.archived_comments = load(Path(content.settings["PATH"]) / rel, content.source_path)


def register() -> None:
    signals.content_object_init.connect(attach)
