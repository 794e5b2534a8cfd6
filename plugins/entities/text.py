"""An article's own text, read from its HTML with lxml: what can be matched, and what can be linked."""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import lxml.html
from lxml import etree

SKIP = {"code", "pre", "script", "style", "kbd", "samp", "var", "math", "svg", "template"}  # not prose
ITALIC = {"em", "i", "cite"}
NO_LINK = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "button", "label"}  # matched, never linked
BLOCK = {"p", "li", "ul", "ol", "blockquote", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
         "table", "tr", "td", "th", "dt", "dd", "figure", "figcaption", "hr", "br", "details", "summary", "header", "footer"}


_SPACES = ("\u00a0", "\u202f", "\u2007", "\u2009")


class Segment(NamedTuple):
    """One text node: element.text or element.tail, at `start` in the document's text."""

    element: etree._Element | None  # None for a block separator
    attr: str  # 'text' or 'tail'
    start: int
    text: str
    linkable: bool


class Document:
    def __init__(self, html: str):
        self.root = lxml.html.fragment_fromstring(html or "", create_parent="div")
        self.segments: list[Segment] = []
        self.titles: list[tuple[int, int]] = []  # spans set in italics: perhaps a report's title
        self._pos = 0
        self._walk(self.root, linkable=True)
        # Matched text: no-break spaces (typogrify puts one before a paragraph's last word) read as spaces,
        # one character for one, so offsets still point into the segments' own text.
        text = "".join(s.text for s in self.segments)
        for space in _SPACES:  # str.replace runs in C; str.translate with a table is ten times slower
            if space in text:
                text = text.replace(space, " ")
        self.text = text
        self.starts = [s.start for s in self.segments]

    def _add(self, element, attr: str, text: str | None, linkable: bool) -> None:
        if text:
            self.segments.append(Segment(element, attr, self._pos, text, linkable))
            self._pos += len(text)

    def _walk(self, el, linkable: bool) -> None:
        for child in el:
            if not isinstance(child.tag, str):  # comments, processing instructions
                self._add(child, "tail", child.tail, linkable)
                continue
            tag = child.tag.lower()
            if tag in BLOCK:
                self._add(None, "", "\n", False)  # a sentence never runs across blocks
            if tag not in SKIP:
                if tag in ITALIC and child.text and not len(child):
                    self.titles.append((self._pos, self._pos + len(child.text)))
                self._add(child, "text", child.text, linkable and tag not in NO_LINK)
                self._walk(child, linkable and tag not in NO_LINK)
            if tag in BLOCK:
                self._add(None, "", "\n", False)
            self._add(child, "tail", child.tail, linkable)

    def segment_index(self, pos: int) -> int | None:
        """Index of the segment holding text position `pos`."""
        k = bisect_right(self.starts, pos) - 1
        if k < 0 or pos >= self.starts[k] + len(self.segments[k].text):
            return None
        return k

    def segment_at(self, pos: int) -> Segment | None:
        k = self.segment_index(pos)
        return None if k is None else self.segments[k]

    def html(self) -> str:
        inner = (self.root.text or "") + "".join(lxml.html.tostring(c, encoding="unicode") for c in self.root)
        return inner
