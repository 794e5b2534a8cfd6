"""Hand-made WordPress pages against what each must import as (*.expect.json).

tests/fixtures/raw: the variant catalogue. tests/fixtures/holdout: written blind, without sight of the
importer, to measure it on posts it was not built against.
"""
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import RAW, assert_nothing_lost, body_text, convert_file, fold, to_html
from wpimport.model import ImportError_

CASES = sorted(p for folder in (RAW, RAW.parent / "holdout") for p in folder.iterdir() if p.suffix in (".txt", ".html"))
assert len(CASES) >= 45, "tests/fixtures/raw or tests/fixtures/holdout is missing"


def expect(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expect.json").read_text(encoding="utf-8"))


ERRORS = [p for p in CASES if expect(p)["error"]]
POSTS = [p for p in CASES if not expect(p)["error"]]


@pytest.mark.parametrize("path", ERRORS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_error_cases_are_refused_naming_the_file(path):
    with pytest.raises(ImportError_) as err:
        convert_file(path)
    assert path.name in str(err.value)


@pytest.fixture(scope="module", params=POSTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def case(request):
    [(raw, post)] = convert_file(request.param)
    return expect(request.param), raw, post


def test_metadata(case):
    want, raw, post = case
    if want["title"] is not None:
        assert fold(post.meta.get("title")) == fold(want["title"])
    else:
        assert "title generated" in post.meta.review
    assert post.meta.get("author") == want["author"]
    if want["date"]:
        assert post.meta.get("date").strftime("%Y-%m-%d") == want["date"]
        assert not post.meta.fields["date"].origin.startswith("guess")
    else:
        assert "date guessed" in post.meta.review
    if want["category"]:
        assert post.meta.get("category") == want["category"]
    assert set(post.meta.get("tags") or []) == set(want["tags"])
    source = post.meta.get("source") or post.meta.get("source_url")
    assert source == want["source"]


def test_body_kept_and_boilerplate_gone(case):
    want, raw, post = case
    text = body_text(post.body)
    for fragment in want["body_must_contain"]:
        assert fold(fragment) in text, f"lost from the body: {fragment!r}"
    for bad in want["body_must_not_contain"]:
        assert fold(bad) not in text, f"boilerplate left in the body: {bad!r}"


def test_structure(case):
    want, raw, post = case
    page = BeautifulSoup(to_html(post.body), "html.parser")
    headings = [fold(h.get_text()) for h in page.find_all(["h2", "h3", "h4"])]
    items = [fold(li.get_text()) for li in page.find_all("li")]
    for h in want["headings"]:
        assert fold(h) in headings, f"not a heading: {h!r} (headings: {headings})"
    for item in want["list_items"]:
        assert fold(item) in items, f"not a list item: {item!r}"


def test_comments_kept_apart(case):
    want, raw, post = case
    assert len(post.comments) == len(want["comments"]), [c.author for c in post.comments]
    text = body_text(post.body)
    for got, exp in zip(post.comments, want["comments"]):
        # a pingback or trackback names 'Title | Blog'; the importer may keep either part as the author
        assert fold(got.author) == fold(exp["author"]) or (got.kind in ("pingback", "trackback") and fold(got.author) in fold(exp["author"]))
        if exp["date"]:
            assert got.date is not None and got.date.strftime("%Y-%m-%d") == exp["date"]
        assert fold(exp["text_contains"]) in fold(got.text)
        assert fold(exp["text_contains"]) not in text, "a comment leaked into the body"


def test_nothing_lost(case):
    want, raw, post = case
    assert_nothing_lost(raw, post)
