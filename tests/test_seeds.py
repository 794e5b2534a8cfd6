"""Golden tests on the campaign's real posts (../shared/seeds): the committed content/ is the expected output."""
from datetime import datetime

import pytest

from conftest import (ROOT, assert_nothing_lost, body_text, convert_file, seed_files, split_post, to_html)
from bs4 import BeautifulSoup

SEED = {p.name[:3]: p for p in seed_files()}
BOILERPLATE = ["Leave a Reply", "Fill in your details below", "You are commenting using", "Connecting to %s",
               "Advertisements", "2 Comments", "Reblogged this on", "This entry was posted in", "About Roger Burns",
               "WordPress.com Logo", "Google photo", "Twitter picture", "Facebook photo", "Log Out", "I am a retired GP"]


def imported(key):
    [(raw, post)] = convert_file(SEED[key])
    return raw, post


def html(post) -> BeautifulSoup:
    return BeautifulSoup(to_html(post.body), "html.parser")


@pytest.mark.parametrize("key", sorted(SEED))
def test_every_seed_line_is_accounted_for(key):
    assert_nothing_lost(*imported(key))


@pytest.mark.parametrize("key", sorted(SEED))
def test_no_boilerplate_left_in_any_body(key):
    _, post = imported(key)
    for block in html(post).find_all(["p", "li", "h2", "h3", "blockquote"]):
        for bad in BOILERPLATE:
            assert bad not in block.get_text(), f"{key}: boilerplate {bad!r} in body block {block.get_text()[:80]!r}"


@pytest.mark.parametrize("key", sorted(SEED))
def test_committed_content_is_what_the_importer_writes(key, run_import, tmp_path):
    code, report, _, _ = run_import(SEED[key], "--overrides", ROOT / "import-overrides.toml")
    assert code == 0
    [entry] = report["inputs"]
    written = tmp_path / "content" / entry["output"].split("/content/", 1)[1]
    committed = ROOT / "content" / written.relative_to(tmp_path / "content")
    assert committed.exists(), f"{committed} is missing: run `make import`"
    assert written.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), \
        f"{committed} differs from the importer's output: run `make import` (or fix the importer)"


def test_000_dated_continuation():
    _, post = imported("000")
    page = html(post)
    assert post.meta.get("title") == "West Hampshire CCG"
    assert post.meta.get("date") == datetime(2015, 12, 18)
    assert "Continued 18.12.15" in post.meta.fields["date"].origin
    assert [h.get_text() for h in page.find_all("h2")] == ["Continued 18.12.15"]
    assert [li.get_text() for li in page.find_all("li")] == [
        "The usual, “Sincere condolences” but no apologies for the failings of Commissioners.",
        "The spin: not we will improve but we will “continue to improve.”"]
    assert [a["href"] for a in page.find_all("a")] == ["https://www.england.nhs.uk/south/our-work/ind-invest-reports/"]
    # the author's punctuation, bracket and quotes exactly
    assert "“[The report] highlights a number of actions for regulators, commissioners and the Trust." in body_text(post.body)
    assert post.comments == []


def test_001_short_lines_become_headings_and_typos_stay():
    _, post = imported("001")
    assert post.meta.get("title") == "The must read stories and talking points from Thursday"
    assert [h.get_text() for h in html(post).find_all("h2")] == [
        "New CCG ratings", "Service failure at children’s hopsital", "NHS Brexit bonus?"]
    assert post.meta.fields["date"].origin.startswith("guess") and "date guessed" in post.meta.review


def test_002_no_title_line_and_source_attribution():
    _, post = imported("002")
    assert post.meta.get("title") == "Commenting on the Care Quality Commission's report into the West London Mental Health Trust"
    assert "title generated" in post.meta.review
    assert post.meta.get("source") == "The NHS Confederation"
    text = body_text(post.body)
    assert text.startswith("Commenting on the Care Quality Commission's report")  # first line stays in the body
    assert "Source" not in text.split()[-5:]


def test_003_footer_categories_and_author_bio():
    _, post = imported("003")
    assert post.meta.get("author") == "Roger Burns"
    assert post.meta.get("category") == "A Personal View"
    assert post.meta.get("tags") == ["Rationing", "Stories in the Media"]
    assert [li.get_text() for li in html(post).find_all("li")][0].startswith("A report by the Institute for Public Policy Research")


def test_004_image_remnant_reblog_comment_and_links():
    raw, post = imported("004")
    page = html(post)
    note = page.find(class_="image-note")
    assert note is not None and "__nhs_structure27_624" in note.get_text()
    urls = [line.strip() for line in SEED["004"].read_text(encoding="utf-8").split("\n") if line.startswith("http")]
    assert [a["href"] for a in page.find_all("a")] == urls and len(urls) == 8
    [comment] = post.comments
    assert comment.kind == "reblog" and comment.author == "truthaholics"
    assert comment.text.startswith("“What now then is the distinction de facto")
    assert comment.text.endswith("Without competition nor patient voice.”")
    assert "truthaholics" not in body_text(post.body)
