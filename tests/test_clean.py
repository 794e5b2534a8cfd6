"""The cleaner on each boilerplate variant, written as small real-looking pages."""
from datetime import datetime
from pathlib import Path

import pytest

from conftest import assert_nothing_lost, body_text, convert_file

BODY = ["The trust board met on Tuesday and agreed the cuts without a public vote.",
        "Campaigners say the consultation was a sham from the start, and they have the emails to prove it."]


def page(tmp_path: Path, text: str, name: str = "post.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [(raw, post)] = convert_file(path)
    assert_nothing_lost(raw, post)
    return raw, post


def lines(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def assert_body_is_exactly(post, expected: list[str]) -> None:
    assert body_text(post.body) == " ".join(expected)


@pytest.mark.parametrize("clutter", [
    ["Share this:", "Twitter", "Facebook", "Email", "Print", "More"],
    ["Share this:", "Click to share on Twitter (Opens in new window)", "Click to share on Facebook (Opens in new window)"],
    ["Like this:", "Like Loading..."],
    ["Like this:", "Like", "Be the first to like this."],
    ["Related", "Hospital cuts: the consultation", "March 2, 2017", "In \"NHS\"", "Our letter to the CCG",
     "January 5, 2017", "Similar post"],
    ["Advertisements", "Report this ad"],
    ["Rate this:", "Rate This"],
    ["Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
     "To find out more, including how to control cookies, see here: Cookie Policy", "Close and accept"],
])
def test_jetpack_blocks_between_sections_are_removed(tmp_path, clutter):
    _, post = page(tmp_path, lines("A title", BODY[0], *clutter, BODY[1], "Leave a Reply"))
    assert_body_is_exactly(post, BODY)


@pytest.mark.parametrize("tail", [
    ["Posted in Hospitals | Tagged cuts, consultation | 3 Comments"],
    ["This entry was posted in Hospitals and tagged cuts, consultation on March 23, 2017 by Jane Doe.",
     "Bookmark the permalink."],
    ["← Previous post", "Next post →"],
    ["Post navigation", "Previous Post", "What the CCG did next", "Next Post", "Another campaign post"],
    ["Blog at WordPress.com."],
    ["Follow", "Enter your email address to follow this blog and receive notifications of new posts by email.",
     "Join 2,345 other followers"],
    ["Comments are closed."],
    ["Leave a Reply", "Cancel reply", "Enter your comment here...", "Notify me of new comments via email.",
     "Notify me of new posts via email.", "Post Comment", "Δ"],
    ["Recent Posts", "A post title", "Another post title", "Archives", "March 2017", "February 2017",
     "Categories", "Hospitals", "Meta", "Register", "Log in", "Entries feed", "Comments feed", "WordPress.com"],
])
def test_page_tail_is_removed(tmp_path, tail):
    _, post = page(tmp_path, lines("A title", *BODY, *tail))
    assert_body_is_exactly(post, BODY)


def test_site_chrome_before_the_title(tmp_path):
    raw, post = page(tmp_path, lines("Skip to content", "Save Our Hospitals", "Fighting cuts in Hampshire", "Menu",
                                     "Home About Contact", "Search for:", "Cuts agreed in secret",
                                     "Posted on March 23, 2017 by Jane Doe", *BODY))
    assert post.meta.get("title") == "Cuts agreed in secret"
    assert post.meta.get("date") == datetime(2017, 3, 23)
    assert post.meta.get("author") == "Jane Doe"
    assert_body_is_exactly(post, BODY)


@pytest.mark.parametrize("byline, date, author", [
    ("March 23, 2017", datetime(2017, 3, 23), None),
    ("23rd March 2017 · 4 min read", datetime(2017, 3, 23), None),
    ("By Dr Jane Doe", None, "Dr Jane Doe"),
    ("Posted by admin on 12/04/2016", datetime(2016, 4, 12), "admin"),  # as stated, flagged for review
])
def test_byline_under_the_title(tmp_path, byline, date, author):
    _, post = page(tmp_path, lines("Cuts agreed in secret", byline, *BODY))
    assert post.meta.get("title") == "Cuts agreed in secret"
    if date:
        assert post.meta.get("date") == date and "byline" in post.meta.fields["date"].origin
    assert post.meta.get("author") == author
    assert ("author is the WordPress account 'admin'" in post.meta.review) == (author == "admin")
    assert_body_is_exactly(post, BODY)


def test_footer_with_categories_tags_date_author(tmp_path):
    _, post = page(tmp_path, lines("A title", *BODY,
                                   "This entry was posted in Hospitals, Campaigns and tagged cuts, CCG on March 23, 2017 by Jane Doe.",
                                   "Bookmark the permalink."))
    assert post.meta.get("category") == "Hospitals"
    assert post.meta.get("tags") == ["Campaigns", "cuts", "CCG"]  # further categories are kept as tags
    assert post.meta.get("date") == datetime(2017, 3, 23)
    assert post.meta.get("author") == "Jane Doe"


def test_reader_comments_are_kept_apart(tmp_path):
    _, post = page(tmp_path, lines(
        "A title", *BODY,
        "3 thoughts on “A title”",
        "Mary Smith", "March 24, 2017 at 9:14 am", "Well said. Share this with everyone you know.", "Reply",
        "John Brown says:", "March 25, 2017 at 10:02 pm", "I wrote to my MP.", "She has not replied.", "Reply",
        "Pingback: Cuts round-up | Hampshire Health Watch",
        "Leave a Reply"))
    assert_body_is_exactly(post, BODY)
    assert [(c.author, c.date, c.kind) for c in post.comments] == [
        ("Mary Smith", datetime(2017, 3, 24, 9, 14), "comment"),
        ("John Brown", datetime(2017, 3, 25, 22, 2), "comment"),
        ("Hampshire Health Watch", None, "pingback")]
    assert post.comments[1].text == "I wrote to my MP.\n\nShe has not replied."
    assert "Share this with everyone" in post.comments[0].text


def test_prose_that_resembles_boilerplate_is_kept(tmp_path):
    kept = ["Follow the money.", "Leave a reply to your MP telling them what you think.",
            "Advertisements for private health insurance are everywhere.", "Related issues",
            "Share this leaflet with your neighbours; it explains the cuts in plain words.",
            "Comments", "We will publish all the comments we received in full next week, as promised."]
    _, post = page(tmp_path, lines("A title", *kept, "Leave a Reply"))
    assert_body_is_exactly(post, kept)


def test_no_title_line(tmp_path):
    text = "Commenting on the report into the trust, the chief executive said: the findings are unacceptable."
    _, post = page(tmp_path, lines(text, *BODY))
    assert post.meta.get("title") == "Commenting on the report into the trust"
    assert "title generated" in post.meta.review
    assert body_text(post.body).startswith(text)


def test_author_bio_and_source(tmp_path):
    _, post = page(tmp_path, lines("A title", *BODY, "Source", "The NHS Confederation",
                                   "About Roger Burns - retired GP", "I am a retired GP and medical educator.",
                                   "Leave a Reply"))
    assert post.meta.get("author") == "Roger Burns"
    assert post.meta.get("source") == "The NHS Confederation"
    assert_body_is_exactly(post, BODY)


def test_inline_source(tmp_path):
    _, post = page(tmp_path, lines("A title", *BODY, "Source: https://www.example.org/report"))
    assert post.meta.get("source_url") == "https://www.example.org/report"
    assert_body_is_exactly(post, BODY)


def test_cookie_banner_above_the_title(tmp_path):
    _, post = page(tmp_path, lines(
        "Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
        "To find out more, including how to control cookies, see here: Cookie Policy", "Close and accept",
        "Cumbria CCG and the backlog", *BODY))
    assert post.meta.get("title") == "Cumbria CCG and the backlog"
    assert_body_is_exactly(post, BODY)


def test_advert_below_the_title_does_not_swallow_it(tmp_path):
    _, post = page(tmp_path, lines("Cumbria CCG and the backlog", "Advertisements", "Report this ad", *BODY))
    assert post.meta.get("title") == "Cumbria CCG and the backlog"
    assert_body_is_exactly(post, BODY)


def test_sidebar_printed_before_the_post(tmp_path):
    _, post = page(tmp_path, lines(
        "Skip to content", "Keep Our NHS Public", "Menu and widgets", "Home", "About", "Follow Blog via Email",
        "Enter your email address to follow this blog and receive notifications of new posts by email.", "Follow",
        "Recent Posts", "Is your GP practice on the list?", "Summer fair: thank you!", "Archives", "September 2018",
        "Categories", "Closures", "Events", "Walk-in centre to close", *BODY,
        "Author Lucy Brennan", "Posted on 5 September 2018", "Categories Closures, General practice", "Leave a comment"))
    assert post.meta.get("title") == "Walk-in centre to close"
    assert post.meta.get("author") == "Lucy Brennan" and post.meta.get("category") == "Closures"
    assert post.meta.get("date") == datetime(2018, 9, 5)
    assert_body_is_exactly(post, BODY)
