"""Related stories on a small hand-made site whose right answers are known, built with real Pelican."""
import json

import pytest

from test_entities_site import build

# Three storylines and a loner. NHS England is in every post, so sharing it says almost nothing.
POSTS = {
    "mazars.md": "Title: The Mazars Review is out\nDate: 2015-12-17\nCategory: Southern Health\nTags: deaths\n\n"
                 "The Mazars Review found that Southern Health failed to investigate deaths. NHS England commissioned "
                 "it. Southern Health apologised.\n",
    "percy.md": "Title: Katrina Percy goes\nDate: 2016-08-01\nCategory: Southern Health\nTags: deaths\n\n"
                "Chief executive Katrina Percy left Southern Health after the Mazars Review. NHS England said "
                "little.\n",
    "mazars-year.md": "Title: A year after Mazars\nDate: 2016-12-15\nCategory: Southern Health\n\n"
                      "A year on from the Mazars Review, Southern Health still has questions to answer. NHS England "
                      "is silent.\n",
    "circle.md": "Title: Circle takes Hinchingbrooke\nDate: 2012-02-01\nCategory: Privatisation\nTags: outsourcing\n\n"
                 "Circle Health took over Hinchingbrooke. Monitor approved it, and NHS England watched.\n",
    "circle-out.md": "Title: Circle walks away\nDate: 2015-01-09\nCategory: Privatisation\nTags: outsourcing\n\n"
                     "Circle Health walked away from Hinchingbrooke. NHS England and Monitor picked up the pieces.\n",
    "parking.md": "Title: Parking charges\nDate: 2016-03-03\nCategory: Transport\nTags: parking\n\n"
                  "Hospital car parks cost patients a fortune, and NHS England has no view.\n",
}


def related(out, slug):
    doc = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    art = {a["url"]: a for a in doc["articles"]}[f"posts/{slug}.html"]
    return art["related"]


def urls(items):
    return [r["url"].split("/")[1].removesuffix(".html") for r in items]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    done, out = build(tmp_path_factory.mktemp("rel"), posts=POSTS)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_storylines_find_each_other_best_first(site):
    assert urls(related(site, "the-mazars-review-is-out")) == ["a-year-after-mazars", "katrina-percy-goes"]
    assert urls(related(site, "circle-walks-away")) == ["circle-takes-hinchingbrooke"]


def test_a_post_with_nothing_related_gets_nothing_rather_than_padding(site):
    assert related(site, "parking-charges") == []  # it shares only NHS England, which every post names


def test_a_rare_shared_entity_beats_a_common_one(site):
    # percy.md shares Southern Health and the Mazars Review with two posts, and only NHS England with the rest.
    got = related(site, "katrina-percy-goes")
    assert sorted(urls(got)) == ["a-year-after-mazars", "the-mazars-review-is-out"]
    assert all(r["score"] > 0 for r in got)


def test_chapters_of_a_storyline_come_nearest_in_time_first(site, tmp_path):
    # Both Mazars posts are nearly as related to percy.md (Aug 2016); the one written nearer it (Dec 2016, four
    # months on; the review itself came out eight months before) comes first, though the review shares a tag too.
    got = related(site, "katrina-percy-goes")
    assert urls(got) == ["a-year-after-mazars", "the-mazars-review-is-out"]
    assert got[0]["score"] < got[1]["score"]
    # With the storyline rule off, by score alone.
    done, out = build(tmp_path, "-e", "ENTITIES_RELATED_STORYLINE=0", posts=POSTS)
    assert done.returncode == 0, done.stderr
    by_score = related(out, "katrina-percy-goes")
    assert urls(by_score) == ["the-mazars-review-is-out", "a-year-after-mazars"]
    assert by_score[0]["score"] >= by_score[1]["score"]


def test_reasons_name_what_is_shared_in_words(site):
    reasons = related(site, "the-mazars-review-is-out")[0]["reasons"]
    assert reasons[0] in ("Also about Southern Health NHS Foundation Trust and the Mazars Review",
                          "Also about the Mazars Review and Southern Health NHS Foundation Trust")
    tagged = related(site, "circle-walks-away")[0]["reasons"]
    assert "Also tagged ‘outsourcing’" in tagged


def test_never_the_post_itself_and_at_most_the_setting(tmp_path):
    done, out = build(tmp_path, "-e", "ENTITIES_RELATED=1", posts=POSTS)
    assert done.returncode == 0, done.stderr
    for slug in ("the-mazars-review-is-out", "katrina-percy-goes", "a-year-after-mazars"):
        got = urls(related(out, slug))
        assert len(got) == 1 and got != [slug]


def test_author_pins_and_exclusions(tmp_path):
    posts = dict(POSTS)
    posts["parking.md"] = POSTS["parking.md"].replace("Tags: parking\n", "Tags: parking\nRelated: circle-walks-away, posts/mazars.md\n")
    posts["mazars.md"] = POSTS["mazars.md"].replace("Tags: deaths\n", "Tags: deaths\nRelated-Exclude: a-year-after-mazars\n")
    done, out = build(tmp_path, posts=posts)
    assert done.returncode == 0, done.stdout + done.stderr
    pinned = related(out, "parking-charges")
    assert urls(pinned) == ["circle-walks-away", "the-mazars-review-is-out"]  # in the author's order
    assert all(r["pinned"] for r in pinned)
    assert urls(related(out, "the-mazars-review-is-out")) == ["katrina-percy-goes"]


@pytest.mark.parametrize("line, says", [
    ("Related: no-such-post", "parking.md:5: Related names 'no-such-post', which is not a published post"),
    ("Related-Exclude: posts/nope.md", "parking.md:5: Related-Exclude names 'posts/nope.md', which is not a published post"),
    ("Related: parking-charges", "parking.md:5: Related names the post itself"),
])
def test_override_errors_name_the_file_and_line(tmp_path, line, says):
    posts = dict(POSTS)
    posts["parking.md"] = POSTS["parking.md"].replace("Tags: parking\n", f"Tags: parking\n{line}\n")
    done, _ = build(tmp_path, posts=posts)
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0 and says in log and "Traceback" not in log


@pytest.mark.parametrize("setting, says", [
    ('ENTITIES_RELATED_MIN_SCORE=2', "ENTITIES_RELATED_MIN_SCORE is 2; use a number from 0 to 1"),
    ('ENTITIES_RELATED_WEIGHTS={"colour": 1}', "ENTITIES_RELATED_WEIGHTS is {'colour': 1}"),
    ('ENTITIES_RELATED=-1', "ENTITIES_RELATED is -1; use a whole number"),
    ('ENTITIES_RELATED_STORYLINE="most"', "ENTITIES_RELATED_STORYLINE is 'most'; use a number from 0 to 1"),
])
def test_related_settings_are_checked(tmp_path, setting, says):
    done, _ = build(tmp_path, "-e", setting, posts=POSTS)
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0 and says in log and "Traceback" not in log


def test_related_stories_are_deterministic(site, tmp_path):
    done, again = build(tmp_path, posts=POSTS)
    assert done.returncode == 0
    assert (again / "entities.json").read_bytes() == (site / "entities.json").read_bytes()


def test_what_most_posts_share_relates_nothing(tmp_path):
    # Imported posts are all 'Uncategorised' and all name the NHS: that alone must not make them related.
    posts = {f"p{i}.md": f"Title: Post {i}\nDate: 2016-0{i}-01\n\nNHS England said something about week {i}.\n"
             for i in range(1, 6)}
    done, out = build(tmp_path, posts=posts)
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(related(out, f"post-{i}") == [] for i in range(1, 6))


def test_a_storyline_keeps_its_weaker_chapters_but_a_loner_is_not_padded(tmp_path):
    # With a high minimum score: 'A year after Mazars' clears it with the Mazars Review post, so the Percy post,
    # which shares less, still follows (it needs only a quarter of the minimum); the Percy post's own best
    # story falls short of the minimum, so it is offered nothing rather than weak links.
    done, out = build(tmp_path, "ENTITIES_RELATED_MIN_SCORE=0.6", posts=POSTS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert urls(related(out, "a-year-after-mazars")) == ["the-mazars-review-is-out", "katrina-percy-goes"]
    assert related(out, "katrina-percy-goes") == []


def test_people_known_only_by_a_given_name_relate_nothing(tmp_path):
    # Two unrelated posts each meet someone called Toby: that is not a reason to read one after the other.
    posts = {"a.md": "Title: Waiting in Leeds\nDate: 2019-01-01\nCategory: A&E\n\nToby waited nine hours. Toby is nine.\n",
             "b.md": "Title: Parking in Truro\nDate: 2019-02-01\nCategory: Parking\n\nToby paid for parking. Toby was cross.\n"}
    done, out = build(tmp_path, posts=posts)
    assert done.returncode == 0, done.stdout + done.stderr
    doc = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    assert any(e["name"] == "Toby" for e in doc["entities"])  # tagged on both posts…
    assert related(out, "waiting-in-leeds") == [] and related(out, "parking-in-truro") == []  # …but not a link


def test_a_hidden_post_is_offered_stories_but_never_offered_itself(tmp_path):
    from bs4 import BeautifulSoup
    posts = dict(POSTS)
    posts["hidden.md"] = ("Title: Mazars, the inside story\nDate: 2016-01-10\nStatus: hidden\nCategory: Southern Health\n"
                          "Tags: deaths\n\nWhat the Mazars Review found at Southern Health, told by staff.\n")
    done, out = build(tmp_path, posts=posts)
    assert done.returncode == 0, done.stdout + done.stderr
    page = BeautifulSoup((out / "posts" / "mazars-the-inside-story.html").read_text(encoding="utf-8"), "html.parser")
    offered = [a["href"].rsplit("/", 1)[-1] for a in page.find("section", class_="related").find_all("a")]
    assert sorted(offered) == ["a-year-after-mazars.html", "katrina-percy-goes.html", "the-mazars-review-is-out.html"]
    published = json.loads((out / "entities.json").read_text(encoding="utf-8"))["articles"]
    assert all("inside-story" not in r["url"] for a in published for r in a["related"])
