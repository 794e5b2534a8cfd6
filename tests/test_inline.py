from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from conftest import fold, to_html
from wpimport.inline import escape, escape_line_start, html_to_blocks, text_to_md

PROSE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=120)


def rendered(md: str) -> BeautifulSoup:
    return BeautifulSoup(to_html(md), "html.parser")


@settings(max_examples=400, deadline=None)
@given(PROSE)
def test_escaped_text_renders_as_itself_and_nothing_else(text):
    text = " ".join(text.split())
    md = escape_line_start(escape(text))
    page = rendered(md)
    assert fold(page.get_text()) == fold(text)
    assert {t.name for t in page.find_all(True)} <= {"p"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "*", "_", "[x](javascript:alert(1))",
                                 "<a href='javascript:alert(1)'>x</a>", "&lt;", "&amp;", "#", "> ", "1. ", "- ", "`code`",
                                 "{: .x}", "<!-- c -->", "\\", ": ", "=", "---", "|a|b|", "[^1]", "*[HTML]: x", "word"]),
                max_size=12))
def test_hostile_text_never_becomes_markup(parts):
    text = " ".join(parts)
    page = rendered(escape_line_start(text_to_md(text)))
    assert not page.find_all(["script", "img", "a", "code", "em", "strong", "h1", "ol", "ul", "blockquote", "hr", "table"])
    assert fold(page.get_text()) == fold(text)


def test_bare_urls_become_links_without_trailing_punctuation():
    page = rendered(text_to_md("See https://www.hsj.co.uk/news/a_b.article#.VFa5Hp_raKI. Also www.nhs.uk, (https://x.org/a_(b))."))
    assert [a["href"] for a in page.find_all("a")] == [
        "https://www.hsj.co.uk/news/a_b.article#.VFa5Hp_raKI", "https://www.nhs.uk", "https://x.org/a_(b)"]
    assert fold(page.get_text()).endswith("(https://x.org/a_(b)).")


def test_html_fragment_keeps_safe_markup_and_reports_the_rest():
    conv = html_to_blocks('<p>Hello <b>bold</b> <a href="javascript:alert(1)">click</a> '
                          '<a href="https://example.org" onclick="x()">link</a><img src=x onerror=alert(1)></p>'
                          '<script>alert(2)</script><ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul>'
                          '<blockquote><p>quoted</p></blockquote><h1>Big</h1><pre>a  b</pre>')
    kinds = [(hint, text) for hint, text, _, _ in conv.blocks]
    assert kinds == [("p", "Hello bold click link Image not preserved: x"), ("ul", "one"), ("ul", "two"),
                     ("ul", "deep"), ("quote", "quoted"), ("h2", "Big"), ("pre", "a  b")]
    md = conv.blocks[0][2]
    page = rendered(md)
    assert [a["href"] for a in page.find_all("a")] == ["https://example.org"]
    assert page.find("strong").get_text() == "bold"
    assert not page.find_all(attrs={"onclick": True}) and not page.find_all(attrs={"onerror": True})
    assert any("javascript:alert(1)" in r for r in conv.removed)
    assert any(r.startswith("<script>") for r in conv.removed)
    assert conv.blocks[3][3] == 1  # nested list depth
