"""Inline links: first (or every) mention, never inside headings, existing links or code."""
from pathlib import Path

import lxml.html

from entities.gazetteer import Gazetteer, load_builtin
from entities.link import link
from entities.match import Matcher
from entities.text import Document

MATCHER = Matcher(Gazetteer(load_builtin(Path(__file__).parent / "fixtures" / "entities" / "gazetteer.toml")))


def linked(html: str, mode: str = "first"):
    doc = Document(html)
    link(doc, MATCHER.find(doc.text), lambda key: f"/entity/{key.split(':')[-1]}/", mode)
    return lxml.html.fragment_fromstring(doc.html(), create_parent="div")


def anchors(root):
    return [(a.text, a.get("href"), a.getparent().tag) for a in root.iter("a")]


def test_first_mention_in_the_body_is_linked_not_the_heading():
    root = linked("<h2>NHS England and the CQC</h2><p>NHS England said the CQC was wrong.</p><p>NHS England again.</p>")
    assert anchors(root) == [("NHS England", "/entity/nhs-england/", "p"), ("CQC", "/entity/cqc/", "p")]
    assert root.find("h2").text_content() == "NHS England and the CQC"
    assert root.text_content() == "NHS England and the CQCNHS England said the CQC was wrong.NHS England again."


def test_never_inside_links_or_code_and_the_next_mention_is_used():
    root = linked('<p><a href="https://x.org">NHS England</a> and <code>NHS England</code></p><p>Then NHS England.</p>')
    assert anchors(root) == [("NHS England", "https://x.org", "p"), ("NHS England", "/entity/nhs-england/", "p")]
    assert root.find(".//code").text == "NHS England"


def test_every_mode_and_off_mode():
    html = "<p>NHS England, then NHS England, with <em>NHS England</em>.</p>"
    assert len(anchors(linked(html, "every"))) == 3
    assert anchors(linked(html, "off")) == []


def test_text_around_links_is_kept_exactly():
    html = "<p>Before <b>bold</b> the CQC, after; and Southern Health’s board &amp; NHS England.</p>"
    root = linked(html, "every")
    assert root.text_content() == lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    assert [a.text for a in root.iter("a")] == ["CQC", "Southern Health", "NHS England"]


def test_an_ambiguous_name_at_a_sentence_start_is_never_the_one_linked():
    root = linked("<p>Monitor the data. We wrote to Monitor again.</p>")
    assert anchors(root) == [("Monitor", "/entity/monitor/", "p")]
    assert root.find("p").text == "Monitor the data. We wrote to "


def test_a_no_break_space_from_typogrify_still_matches_and_is_kept():
    root = linked("<p>The decision rests with NHS\u00a0England.</p>")
    assert anchors(root) == [("NHS\u00a0England", "/entity/nhs-england/", "p")]


def test_html_that_ends_the_page_early_is_never_rewritten(tmp_path):
    doc = Document("<p>NHS England said.</p></body><p>Text after a stray end tag.</p>")
    assert not doc.whole  # the plugin then leaves the post's HTML as written


def test_the_html_round_trips_when_nothing_is_linked():
    html = '<p>A &amp; B <em>said</em> “hello”<!-- note --></p><ul><li>one</li></ul>tail'
    assert Document(html).html() == html


def test_text_before_the_first_element_is_read_and_linked():
    root = linked("NHS England first. <p>Then more.</p>")
    assert anchors(root) == [("NHS England", "/entity/nhs-england/", "div")]


def test_links_are_escaped_and_a_post_using_the_marker_characters_is_left_alone():
    doc = Document("<p>NHS England &amp; friends</p>")
    link(doc, MATCHER.find(doc.text), lambda key: "/e/?id=1&x=\"2\"", "first")
    assert doc.html() == '<p><a href="/e/?id=1&amp;x=&quot;2&quot;" class="entity">NHS England</a> &amp; friends</p>'
    odd = Document("<p>NHS England \ue000 private use</p>")
    assert link(odd, MATCHER.find(odd.text), lambda key: "/e/", "first") == 0
    assert odd.html() == "<p>NHS England \ue000 private use</p>"


def test_review_cases_for_linking():
    # a hard-wrapped paragraph reads as one line
    root = linked("<p>We wrote to NHS\nEngland about it.</p>")
    assert anchors(root) == [("NHS\nEngland", "/entity/nhs-england/", "p")]
    # marks written by the post itself, as a character reference, never turn into links
    doc = Document("<p>x &#xe002; NHS England</p>")
    assert link(doc, MATCHER.find(doc.text), lambda key: "/e/", "first") == 0
    # nothing is linked where a link cannot go
    root = linked("<p>See <textarea>NHS England</textarea></p>")
    assert anchors(root) == []
