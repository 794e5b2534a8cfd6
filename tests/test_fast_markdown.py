"""plugins/fast_markdown: one reused Markdown converter, and heading ids without a table of contents. Both
must give exactly the HTML that Pelican's own reader and Python-Markdown's toc give."""
from __future__ import annotations

import shutil

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, soup

TRICKY = {
    "notes.md": """Title: Footnotes and abbreviations
Date: 2020-01-02
Summary: The *CQC* said so[^s].

The CQC inspected the trust[^1]. HTML and <abbr>raw</abbr> too.

## Findings
## Findings
### Findings & more {#own-id}

| Ward | Rating |
|------|--------|
| Ash  | Good   |

[^1]: Care Quality Commission report, 2019.

*[CQC]: Care Quality Commission
""",
    "later.md": """Title: No definitions here
Date: 2020-01-03

The CQC came back[^1]. Nothing here defines an abbreviation or a footnote.

## Findings
""",
    "quoted.md": """Title: "Quoted" title & more
Date: 2020-01-04
Summary: A summary with a [link](https://example.org) and **bold**.

<div markdown="1">
Text in *HTML*.
</div>

Term
:   Definition
""",
}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("fast-md") / "content"
    shutil.copytree(ROOT / "content", root)
    for name, text in TRICKY.items():
        (root / "posts" / name).write_text(text, encoding="utf-8")
    return root


def pages(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def test_reused_converter_writes_what_pelicans_own_reader_writes(content, tmp_path):
    fast, stock = tmp_path / "fast", tmp_path / "stock"
    for out, extra in ((fast, ()), (stock, ("-e", 'PLUGINS=["comments_archive", "entities"]'))):
        done = build_site(content, out, *extra)
        assert done.returncode == 0, done.stderr
    a, b = pages(fast), pages(stock)
    assert len(a) > 20 and a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_nothing_from_one_post_reaches_the_next(content, tmp_path):
    done = build_site(content, tmp_path)
    assert done.returncode == 0, done.stderr
    notes = soup(tmp_path / "posts" / "footnotes-and-abbreviations.html").find("article")
    assert notes.find("abbr", title="Care Quality Commission") and notes.find(class_="footnote")
    later = soup(tmp_path / "posts" / "no-definitions-here.html").find("article")
    assert later.find("abbr") is None and later.find(class_="footnote") is None
    assert "[^1]" in later.get_text()
    assert later.find("h2", id="findings")  # ids start afresh: not findings_2


@pytest.mark.parametrize("text", [TRICKY["notes.md"].partition("\n\n")[2], "# A\n## A\n## a!\n#### `code` and *em*\n",
                                  "## Déjà vu\n\n## Déjà vu\n", "## [TOC]\n\n[TOC]\n\n## x <b>y</b>\n"])
def test_heading_ids_are_tocs_ids(text):
    def html(ext, **cfg):
        return markdown.Markdown(extensions=["extra", ext], extension_configs={ext: cfg}).convert(text)
    def ids(page):
        return [(h.name, h.get("id")) for h in BeautifulSoup(page, "html.parser").find_all(["h1", "h2", "h3", "h4"])]
    ids, want = ids(html("fast_markdown.heading_ids")), ids(html("toc", marker=""))
    assert ids == want and all(i for _, i in ids)
