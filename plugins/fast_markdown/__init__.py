"""Markdown reading without Pelican's per-file set-up, and heading ids without a table of contents.

Pelican's Markdown reader builds a new converter for every file, importing and registering each extension
again: a tenth of a plain build's time. `ReusingMarkdownReader` builds one converter and resets it between
files (Python-Markdown's own way to convert many documents); the HTML is the same, file for file
(tests/test_fast_markdown.py builds a site both ways and compares). `heading_ids` (use it in MARKDOWN in
place of markdown.extensions.toc) gives headings the ids toc would.
"""
from __future__ import annotations

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open


class ReusingMarkdownReader(MarkdownReader):
    _shared: Markdown | None = None

    def _converter(self) -> Markdown:
        md = self._shared
        if md is None:
            md = self._shared = Markdown(**self.settings["MARKDOWN"])
            # Pelican's _parse_metadata deregisters the meta preprocessor (so summaries keep their first
            # line); it goes back, at its own priority, before the next file.
            self._meta = next((md.preprocessors[item.name], item.name, item.priority)
                              for item in md.preprocessors._priority if item.name == "meta")
        else:
            md.reset()
            if "meta" not in md.preprocessors:
                md.preprocessors.register(*self._meta)
        return md

    def read(self, source_path):
        self._source_path = source_path
        self._md = md = self._converter()
        with pelican_open(source_path) as text:
            content = md.convert(text)
        return content, (self._parse_metadata(md.Meta) if hasattr(md, "Meta") else {})


def use_reusing_reader(readers) -> None:
    for ext in ReusingMarkdownReader.file_extensions:
        if readers.reader_classes.get(ext) is MarkdownReader:  # a reader set in READERS wins
            readers.reader_classes[ext] = ReusingMarkdownReader


def register() -> None:
    signals.readers_init.connect(use_reusing_reader)
