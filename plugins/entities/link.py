"""Turn mentions into links to entity pages, inside the article's own text only."""
from __future__ import annotations

from .match import Hit
from .text import Document


def link(doc: Document, hits: list[Hit], href, mode: str) -> int:
    """Wrap the first (or every) linkable mention of each entity in <a>; return how many links were made.

    `href(entity_id)` gives the URL, or None for an entity without a page. A mention inside a heading, an
    existing link or code, or one that crosses an element boundary, is never linked; the next one may be.
    """
    if mode == "off":
        return 0
    chosen: dict[int, list[tuple[Hit, str]]] = {}  # segment index -> hits in it
    done: set[str] = set()
    first = mode == "first"
    for h in hits:
        if (first and h.entity in done) or h.weak:  # 'Monitor the data' is never linked, whatever else the post says
            continue
        k = doc.segment_index(h.start)
        if k is None:
            continue
        seg = doc.segments[k]
        if not seg.linkable or h.end > seg.start + len(seg.text):
            continue
        url = href(h.entity)
        if url is None:
            continue
        chosen.setdefault(k, []).append((h, url))
        done.add(h.entity)
    if not doc.markable:  # the post itself uses the private-use characters the links are marked with
        return 0
    for k, items in chosen.items():
        doc.mark(k, [(h.start, h.end, url) for h, url in items])
    return sum(len(v) for v in chosen.values())
