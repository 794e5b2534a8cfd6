"""Readers: WordPress exports (the real one from ../shared) and saved post pages."""
from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from conftest import WXR, assert_nothing_lost, body_text, convert_file, to_html
from wpimport.model import ImportError_
from wpimport.readers import read


@pytest.fixture(scope="module")
def export():
    return {raw.label: (raw, post) for raw, post in
            ((raw, None) for raw in read(WXR))}


def converted(label):
    for raw, post in convert_file(WXR):
        if raw.label == label:
            return raw, post
    raise AssertionError(f"{label} not in the export")


def test_export_items_by_type_and_status(export):
    kinds = {label: (raw.kind, raw.status) for label, (raw, _) in export.items()}
    assert kinds["wordpressexport.xml#post-173"] == ("article", None)
    assert kinds["wordpressexport.xml#post-168"] == ("article", "draft")
    assert kinds["wordpressexport.xml#page-334"] == ("page", None)
    assert kinds["wordpressexport.xml#custom1-175"] == ("article", None)
    assert sum(1 for raw, _ in export.values() if raw.status == "skip") == 4  # attachments
    assert len(export) == 20 and len(set(export)) == 20


def test_export_metadata_and_comments():
    raw, post = converted("wordpressexport.xml#post-422")
    assert post.meta.get("title") == "With comments"
    assert post.meta.get("date") == datetime(2012, 4, 18, 3, 36)  # posts are dated to the minute
    assert post.meta.get("category") == "Category 1"
    assert [(c.author, c.depth) for c in post.comments] == [("User2", 0), ("Bob", 1), ("bob", 1)]
    assert any("not approved" in s["rule"] and "trash" in s["rule"] for s in post.stripped)
    raw, post = converted("wordpressexport.xml#post-25")
    assert post.meta.get("tags") == ["tag 1", "Tag2", "Tag 3"] and post.meta.get("category") == "Category 3"


def test_export_html_is_converted_and_unsafe_parts_reported():
    raw, post = converted("wordpressexport.xml#post-173")
    page = BeautifulSoup(to_html(post.body), "html.parser")
    assert page.find("h2").get_text() == "Pelicans are scary"
    assert not page.find("iframe")
    assert page.find("a")["href"] == "http://www.youtube.com/embed/QNNl_uWmQXE"
    assert "“That’s a ‘magic’ sock.”" in body_text(post.body)
    assert any(s["text"].startswith("<iframe>") for s in post.stripped)


def test_export_title_entities_and_untitled_draft():
    _, post = converted("wordpressexport.xml#post-175")
    assert post.meta.get("title") == "A normal post with some <html> entities in the title. You can't miss them."
    assert dict(post.header)["Title"] == "A normal post with some &lt;html&gt; entities in the title. You can't miss them."
    _, post = converted("wordpressexport.xml#post-168")
    assert post.meta.get("title") == "This is a draft with no title" and "title generated" in post.meta.review
    assert dict(post.header)["Status"] == "draft"


def test_export_caption_shortcode_keeps_image_note_and_caption():
    _, post = converted("wordpressexport.xml#post-" + next(
        raw.label.rsplit("-", 1)[1] for raw in read(WXR) if "caption" in raw.label or b"[caption" in raw.raw))
    text = body_text(post.body)
    assert "Image not preserved" in text and "This also a pelican" in text
    assert "[caption" not in text


@pytest.mark.parametrize("label", [raw.label for raw in read(WXR) if raw.status != "skip"])
def test_export_nothing_lost(label):
    assert_nothing_lost(*converted(label))


def test_broken_and_hostile_xml(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel>&b;</channel></rss>')
    with pytest.raises(ImportError_) as err:
        read(bomb)
    assert "bomb.xml" in str(err.value) and "unsafe XML" in str(err.value)
    other = tmp_path / "feed.xml"
    other.write_text('<?xml version="1.0"?><feed><entry/></feed>')
    with pytest.raises(ImportError_, match="not a WordPress export"):
        read(other)


PAGE = """<!DOCTYPE html><html><head><title>Cuts agreed | Save Our Hospitals</title>
<script src="https://stats.wp.com/e.js"></script></head><body>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title">Save Our Hospitals</p>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav></header>
<main id="main"><article class="post hentry">
<header class="entry-header"><h1 class="entry-title">Cuts agreed in secret</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2017-03-23T09:14:00+00:00">March 23, 2017</time></span>
<span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/jane">Jane Doe</a></span></span></div></header>
<div class="entry-content">
<p>The trust board met on <strong>Tuesday</strong> and agreed the cuts. <a href="https://example.org/papers">Board papers</a>.</p>
<h2>What happens next</h2>
<ul><li>A public meeting</li><li>A <em>letter</em> to the MP</li></ul>
<blockquote><p>We had no choice, said the chair.</p></blockquote>
<p onclick="steal()">Read it <a href="javascript:alert(1)">here</a>.<img src="x" onerror="alert(1)"></p>
<script>alert("in the body")</script>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
<div id="jp-post-flair"><div class="sharedaddy sd-like"><h3>Like this:</h3><p>Like Loading...</p></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/hospitals" rel="category tag">Hospitals</a>, <a href="/c/campaigns" rel="category tag">Campaigns</a></span>
<span class="tags-links">Tagged <a href="/t/cuts" rel="tag">cuts</a></span></footer></article>
<nav class="navigation post-navigation"><a href="/prev">Previous post</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Cuts agreed in secret”</h2>
<ol class="comment-list">
<li class="comment depth-1" id="comment-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Mary Smith</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-1"><time datetime="2017-03-24T09:14:00+00:00">March 24, 2017 at 9:14 am</time></a></div></footer>
<div class="comment-content"><p>Well said. <script>alert("comment")</script>&lt;b&gt;bold?&lt;/b&gt;</p></div></article>
<ol class="children"><li class="comment depth-2" id="comment-2"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Jane Doe</b></div>
<div class="comment-metadata"><time datetime="2017-03-24T10:00:00+00:00">March 24, 2017 at 10:00 am</time></div></footer>
<div class="comment-content"><p>Thank you.</p></div></article></li></ol></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>
</main><aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul><li>Another post</li></ul></section></aside>
<footer id="colophon" class="site-footer">Blog at WordPress.com.</footer></body></html>"""


def test_saved_post_page(tmp_path):
    path = tmp_path / "cuts.html"
    path.write_text(PAGE, encoding="utf-8")
    [(raw, post)] = convert_file(path)
    assert post.meta.get("title") == "Cuts agreed in secret"
    assert post.meta.get("date") == datetime(2017, 3, 23, 9, 14)
    assert post.meta.get("author") == "Jane Doe"
    assert post.meta.get("category") == "Hospitals" and post.meta.get("tags") == ["Campaigns", "cuts"]
    page = BeautifulSoup(to_html(post.body), "html.parser")
    assert page.find("p").get_text() == "The trust board met on Tuesday and agreed the cuts. Board papers."
    assert page.find_all("p")[-1].get_text() == "Read it here. Image not preserved: x"
    assert [a["href"] for a in page.find_all("a")] == ["https://example.org/papers"]
    assert page.find("strong").get_text() == "Tuesday" and page.find("em").get_text() == "letter"
    assert [h.get_text() for h in page.find_all("h2")] == ["What happens next"]
    assert [li.get_text() for li in page.find_all("li")] == ["A public meeting", "A letter to the MP"]
    assert page.find("blockquote").get_text(strip=True) == "We had no choice, said the chair."
    text = body_text(post.body)
    for gone in ("Share this", "Like this", "Twitter", "Leave a Reply", "Recent Posts", "Previous post", "alert", "Skip to content"):
        assert gone not in text
    assert not page.find_all(["script", "img"]) and not page.find_all(attrs={"onclick": True})
    assert [(c.author, c.depth, c.date) for c in post.comments] == [
        ("Mary Smith", 0, datetime(2017, 3, 24, 9, 14)), ("Jane Doe", 1, datetime(2017, 3, 24, 10, 0))]
    assert post.comments[0].text == "Well said. <b>bold?</b>"  # text, escaped when shown; the script is gone
    assert any(s["rule"].startswith("html-clutter") and "Share this" in s["text"] for s in post.stripped)
