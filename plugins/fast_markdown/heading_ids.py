"""Python-Markdown extension: ids on headings, made exactly as markdown.extensions.toc makes them (its
settings too: slugify, separator, baselevel), without building the table of contents. For every document
toc also renders, serialises and post-processes a contents list and searches the whole tree for a [TOC]
marker; this site never shows one, and that was most of the extension's cost."""
from __future__ import annotations

import html

from markdown.extensions.toc import (TocExtension, TocTreeprocessor, remove_fnrefs, render_inner_html,
                                     strip_tags, unique)


class HeadingIdsTreeprocessor(TocTreeprocessor):
    def run(self, doc) -> None:
        used = {el.attrib["id"] for el in doc.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el in doc.iter():
            if isinstance(el.tag, str) and self.header_rgx.match(el.tag):
                self.set_level(el)
                el.attrib.pop("data-toc-label", None)
                if "id" not in el.attrib:
                    name = strip_tags(render_inner_html(remove_fnrefs(el), self.md))
                    el.attrib["id"] = unique(self.slugify(html.unescape(name), self.sep), used, counters)


class HeadingIdsExtension(TocExtension):
    TreeProcessorClass = HeadingIdsTreeprocessor


def makeExtension(**kwargs) -> HeadingIdsExtension:  # noqa: N802 (Python-Markdown's name)
    return HeadingIdsExtension(**kwargs)
