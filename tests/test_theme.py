"""The campaign theme: one real Pelican build (publishconf.py, as published) of a small site, checked with a parser.

Landmarks and skip link, titles escaped, canonical and Open Graph URLs, JSON-LD, entities grouped by type, the
entity page's chart, comments collapsed, related stories, previous/next, search page and Pagefind's index,
sitemap, robots.txt, feeds, and that no asset comes from another host.
"""
import json
import re
import subprocess
import sys
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest

from conftest import FIXTURES, ROOT, fold, soup

pytestmark = pytest.mark.build
SITEURL = "https://example.org/blog"
GAZ = FIXTURES / "entities" / "gazetteer.toml"
# Titles are HTML in Pelican; the importer escapes what a post's text says, so a hostile title arrives like this.
HOSTILE = '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; "quoted" &amp; <b>bold</b>'
POSTS = {
    "a.md": "Title: Southern Health deaths\nDate: 2014-03-02\nCategory: Mental health\nTags: deaths, CQC\n"
            "Author: Jane Doe\nSummary: The Mazars Review was published.\n"
            "Comments-Archive: comments/a.json\n\n"
            "The Mazars Review into Southern Health was published. NHS England and the CQC responded.\n\n"
            "## What NHS England said\n\nSimon Stevens spoke. Southern Health again.\n",
    "b.md": "Title: The CQC and Southern Health again\nDate: 2016-05-10\nModified: 2016-06-01\nCategory: Mental health\n"
            "Tags: deaths, CQC\nAuthor: Jane Doe\n\nThe CQC inspected Southern Health. NHS England said little.\n",
    "c.md": f"Title: {HOSTILE}\nDate: 2016-07-01\nCategory: Commissioning\nDate-Source: guess: test\n\n"
            "NHS England and the Health and Social Care Act 2012.\n",
}
COMMENTS = {"comments": [{"author": "Mallory <b>", "date": "2014-03-03T10:00:00", "kind": "comment", "depth": 0,
                          "text": "<script>alert('c')</script>Thanks for this."}]}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("theme")
    content = tmp / "content"
    (content / "posts").mkdir(parents=True)
    (content / "comments").mkdir()
    (content / "pages").mkdir()
    for name, text in POSTS.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")
    (content / "comments" / "a.json").write_text(json.dumps(COMMENTS), encoding="utf-8")
    (content / "pages" / "about.md").write_text("Title: About\n\nWho we are.\n", encoding="utf-8")
    out = tmp / "out"
    done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "publishconf.py"),
                           "--fatal", "warnings", "-e", f'ENTITIES_GAZETTEER="{GAZ}"'],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"SITEURL": SITEURL, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    index = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out), "--quiet"], capture_output=True, text=True)
    assert index.returncode == 0, index.stdout + index.stderr
    return out


def post(site, slug):
    return soup(site / "posts" / f"{slug}.html")


def jsonld(page) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def hostile_page(site):
    [path] = [p for p in (site / "posts").glob("*.html") if "alert" in soup(p).find("h1").get_text()]
    return path


def html_pages(site):
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


def test_every_page_has_landmarks_a_skip_link_and_one_h1(site):
    for path in html_pages(site):
        page = soup(path)
        body = page.body
        first_link = body.find("a")
        assert first_link["href"] == "#main" and "skip-link" in first_link["class"], path
        assert body.find("main", id="main") is not None, path
        assert len(body.find_all("main")) == 1, path
        assert body.find("header", class_="site-header") and body.find("footer", class_="site-footer"), path
        assert body.find("nav", attrs={"aria-label": "Main"}), path
        assert len(body.find_all("h1")) == 1, path
        assert page.html["lang"] == "en" and page.find("meta", attrs={"name": "viewport"}), path
        assert page.find("meta", attrs={"name": "description"})["content"].strip(), path


def test_hostile_title_stays_text_everywhere(site):
    path = hostile_page(site)
    page = soup(path)
    title = " ".join(page.title.get_text().split())
    assert title.startswith('</title><script>alert(1)</script> "quoted" & bold')
    assert page.find("h1").get_text(" ", strip=True).startswith("</title><script>alert(1)</script>")
    assert [s for s in page.find_all("script") if s.get("type") != "application/ld+json"] == []
    for el in page.find_all(True):
        assert not any(a.startswith("on") for a in el.attrs), el
    for meta in page.find_all("meta", attrs={"property": "og:title"}):
        assert meta["content"].startswith("</title>")  # one attribute, the whole title in it
    raw = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S).group(1)
    assert "<" not in block and ">" not in block  # no way to close the script element
    assert jsonld(page)[0]["@graph"][0]["headline"].startswith("</title><script>alert(1)</script>")
    for other in html_pages(site):  # on listings and entity pages too: nothing but our JSON-LD and search script
        for s in soup(other).find_all("script"):
            assert s.get("type") == "application/ld+json" or s.get("src", "").endswith("/theme/js/search.js"), other


def test_canonical_and_open_graph_urls(site):
    page = post(site, "southern-health-deaths")
    url = f"{SITEURL}/posts/southern-health-deaths.html"
    assert page.find("link", rel="canonical")["href"] == url
    og = {m["property"]: m["content"] for m in page.find_all("meta", attrs={"property": True})}
    assert og["og:url"] == url and og["og:type"] == "article" and fold(og["og:title"]) == "Southern Health deaths"
    assert og["og:image"].startswith(SITEURL + "/") and og["article:published_time"].startswith("2014-03-02")
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    home = soup(site / "index.html")
    assert home.find("link", rel="canonical")["href"] == SITEURL + "/"
    entity = soup(site / "entity" / "nhs-england.html")
    assert entity.find("link", rel="canonical")["href"] == f"{SITEURL}/entity/nhs-england.html"


def test_blogposting_and_breadcrumbs_json_ld(site):
    [data] = jsonld(post(site, "southern-health-deaths"))
    graph = {g["@type"]: g for g in data["@graph"]}
    p = graph["BlogPosting"]
    assert data["@context"] == "https://schema.org"
    assert p["headline"] == "Southern Health deaths" and p["url"] == f"{SITEURL}/posts/southern-health-deaths.html"
    assert p["datePublished"].startswith("2014-03-02") and "dateModified" not in p
    assert p["author"] == [{"@type": "Person", "name": "Jane Doe", "url": f"{SITEURL}/author/jane-doe.html"}]
    assert p["articleSection"] == "Mental health" and set(p["keywords"]) == {"deaths", "CQC"}
    about = {t["name"]: t for t in p["about"]}
    assert about["Southern Health NHS Foundation Trust"]["@type"] == "Organization"  # named twice: what it is about
    assert about["Southern Health NHS Foundation Trust"]["url"] == f"{SITEURL}/entity/southern-health.html"
    names = set(about) | {t["name"] for t in p.get("mentions", [])}
    assert {"NHS England", "Simon Stevens", "Mazars Review"} <= names
    assert {t["@type"] for t in p["mentions"] if t["name"] == "Simon Stevens"} == {"Person"}
    crumbs = graph["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [(1, "Home"), (2, "Mental health"), (3, "Southern Health deaths")]
    assert crumbs[1]["item"] == f"{SITEURL}/category/mental-health.html"
    [updated] = jsonld(post(site, "the-cqc-and-southern-health-again"))
    assert updated["@graph"][0]["dateModified"].startswith("2016-06-01")
    [home] = jsonld(soup(site / "index.html"))
    assert home["@type"] == "WebSite" and home["potentialAction"]["target"] == f"{SITEURL}/search.html?q={{search_term_string}}"


def test_post_page_parts(site):
    page = post(site, "southern-health-deaths")
    article = page.find("article", class_="post")
    assert fold(article.find("h1").get_text()) == "Southern Health deaths"
    meta = article.find(class_="post-meta").get_text(" ", strip=True)
    assert "By Jane Doe" in meta and "2 March 2014" in meta and "min read" in meta
    assert article.find(class_="kicker").find("a")["href"] == "/blog/category/mental-health.html"
    assert [a.get_text() for a in article.find(class_="tag-list").find_all("a")] == ["deaths", "CQC"]
    share = [a["href"] for a in article.find(class_="share-list").find_all("a")]
    assert share and all("example.org%2Fblog%2Fposts%2Fsouthern-health-deaths" in h.replace("/", "%2F") for h in share)
    # the body keeps the plugin's inline entity links, the first mention of each
    assert [a.get_text() for a in article.find(class_="post-body").find_all("a", class_="entity")][:2] == \
        ["Mazars Review", "Southern Health"]
    cta = page.find("section", class_="cta")
    assert cta.find("h2").get_text() == ROOT_SETTINGS()["CAMPAIGN_CTA"]["heading"]
    assert cta.find("a")["href"] == "/blog/about.html"
    assert page.find(class_="date-note") is None
    assert "Updated" in post(site, "the-cqc-and-southern-health-again").find(class_="post-meta").get_text()
    assert soup(hostile_page(site)).find(class_="date-note") is not None  # Date-Source: guess


def ROOT_SETTINGS():
    sys.path.insert(0, str(ROOT))
    import pelicanconf
    return vars(pelicanconf)


def test_entities_are_grouped_by_type_on_the_post(site):
    box = post(site, "southern-health-deaths").find("section", class_="post-entities")
    groups = {h3.get_text(): [li.get_text(strip=True) for li in h3.find_next_sibling("ul").find_all("li")]
              for h3 in box.find_all("h3")}
    assert list(groups) == ["Organisations", "People", "Reports and plans"]  # the plugin's type order
    assert groups["Organisations"] == ["Southern Health NHS Foundation Trust", "NHS England", "Care Quality Commission"]
    assert groups["People"] == ["Simon Stevens"]
    link = box.find("a", string="NHS England")
    assert link["href"] == "/blog/entity/nhs-england.html" and link["data-pagefind-filter"] == "entity"
    assert {h3["data-pagefind-filter"] for h3 in box.find_all("h3")} == {"type"}


def test_comments_are_escaped_and_collapsed(site):
    section = post(site, "southern-health-deaths").find("section", class_="comments")
    details = section.find("details")
    assert not details.has_attr("open") and "1 archived reader comment" in details.find("summary").get_text()
    comment = section.find("li", class_="comment")
    assert comment.find("strong").get_text() == "Mallory <b>" and comment.find("b") is None
    assert comment.find("script") is None and "<script>alert('c')</script>Thanks" in comment.get_text()
    assert comment.find("time")["datetime"].startswith("2014-03-03")


def test_related_stories_and_previous_next(site):
    page = post(site, "the-cqc-and-southern-health-again")
    related = page.find("section", class_="related")
    assert related is not None, "the entities plugin relates two posts about the same trust and regulator"
    items = related.find_all("li")
    first = items[0]
    assert first.find("a")["href"] == "/blog/posts/southern-health-deaths.html"
    assert first.find("time")["datetime"].startswith("2014-03-02") and first.find(class_="reasons").get_text().strip()
    nav = page.find("nav", class_="post-nav")
    older, newer = nav.find("a", class_="older"), nav.find("a", class_="newer")
    assert older["href"] == "/blog/posts/southern-health-deaths.html"
    assert newer["href"].startswith("/blog/posts/") and "alert" in newer.get_text()
    assert post(site, "southern-health-deaths").find("nav", class_="post-nav").find("a", class_="older") is None


def test_entity_page_chart_has_one_bar_per_year(site):
    page = soup(site / "entity" / "southern-health.html")
    svg = page.find("svg", class_="year-chart")
    bars = svg.find_all("rect", class_="bar")
    years = [t.get_text() for t in svg.find_all("text", class_="year")]
    assert years == ["2014", "2015", "2016"]  # every year from the first post to the last, the empty one too
    assert len(bars) == 3 and [t.get_text() for t in svg.find_all("text", class_="count")] == ["1", "0", "1"]
    widths = [float(b["width"]) for b in bars]
    assert widths[0] == widths[2] > 0 == widths[1]
    assert svg["role"] == "img" and page.find(id=svg["aria-labelledby"]).get_text().startswith("Posts mentioning")
    assert page.find(class_="entity-articles").find_all("h3")[0].get_text() == "2016"  # stories by year, newest first
    comentions = page.find("section", class_="comentions")
    names = [a.get_text() for a in comentions.find_all("a")]
    assert "NHS England" in names and "Care Quality Commission" in names
    bars = comentions.find_all("rect")
    assert len(bars) == len(names) and max(float(r["width"]) for r in bars) == 100
    assert page.find(class_="feed").find("a")["href"] == f"{SITEURL}/feeds/entity/southern-health.atom.xml"
    search = page.find("a", string=re.compile("Search posts mentioning"))
    assert search["href"] == "/blog/search.html?entity=Southern%20Health%20NHS%20Foundation%20Trust"


def test_entities_index_groups_by_type(site):
    page = soup(site / "entities.html")
    sections = {s.find("h2").get_text(): s for s in page.find_all("section")}
    assert list(sections)[:2] == ["Organisations", "People"]
    jump = [a["href"] for a in page.find("nav", class_="jump").find_all("a")]
    assert all(page.find(id=h[1:]) for h in jump)


def test_search_page_works_without_server_code_and_says_what_to_do_without_js(site):
    page = soup(site / "search.html")
    form = page.find("form", id="search-form")
    assert form.has_attr("hidden") and form["data-pagefind"] == "/blog/pagefind/"  # shown by the script
    assert {s["name"] for s in form.find_all("select")} == {"entity", "type", "category", "year"}
    assert "needs JavaScript" in page.find(id="search-nojs").get_text()
    [script] = page.find_all("script", src=True)
    assert script["src"] == "/blog/theme/js/search.js" and script["type"] == "module"
    assert (site / "theme" / "js" / "search.js").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    # article bodies only: the three posts, not the listings, entity pages, about page or search page
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(POSTS)


def test_no_asset_comes_from_another_host(site):
    host = urlsplit(SITEURL).netloc
    for path in html_pages(site):
        page = soup(path)
        assets = [el.get("src") for el in page.find_all(["script", "img", "iframe", "video", "audio", "source"]) if el.get("src")]
        assets += [el["href"] for el in page.find_all("link") if el.get("href") and el.get("rel", [""])[0] != "canonical"
                   and "alternate" not in el.get("rel", [])]
        assert assets, path
        for url in assets:
            parts = urlsplit(url)
            assert not parts.netloc or parts.netloc == host, (path, url)
    css = (site / "theme" / "css" / "site.css").read_text() + (site / "theme" / "css" / "pages.css").read_text()
    assert not re.search(r"url\((?!\.\./|/)", css) and "@import" not in css  # no font, image or sheet from elsewhere


def test_sitemap_robots_and_feeds(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert f"{SITEURL}/" in locs and f"{SITEURL}/posts/southern-health-deaths.html" in locs
    assert f"{SITEURL}/entity/nhs-england.html" in locs and all(u.startswith(SITEURL + "/") for u in locs)
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (site / "robots.txt").read_text()
    home = soup(site / "index.html")
    feeds = {link["type"]: link["href"] for link in home.find_all("link", rel="alternate")}
    assert feeds == {"application/atom+xml": f"{SITEURL}/feeds/all.atom.xml", "application/rss+xml": f"{SITEURL}/feeds/all.rss.xml"}
    for f in ("feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/category/mental-health.atom.xml",
              "feeds/category/mental-health.rss.xml", "feeds/entity/nhs-england.atom.xml"):
        ET.parse(site / f)  # exists and is well-formed
    category = soup(site / "category" / "mental-health.html")
    alternates = [link["href"] for link in category.find_all("link", rel="alternate")]
    assert f"{SITEURL}/feeds/category/mental-health.rss.xml" in alternates
    assert f"{SITEURL}/feeds/category/mental-health.atom.xml" in alternates


def test_404_and_archives(site):
    missing = soup(site / "404.html")
    assert missing.find("h1").get_text() == "Page not found" and missing.find("meta", attrs={"name": "robots"})
    assert missing.find("link", rel="canonical") is None
    archives = soup(site / "archives.html")
    assert [h.get_text() for h in archives.find_all("h2", class_="year-heading")] == ["2016", "2014"]


@pytest.fixture(scope="module")
def relative_site(tmp_path_factory):
    """The same posts built with RELATIVE_URLS, one post a page: each page depth links with its own '../'
    prefix, and the home page's later pages (page/2/) show the same kind of card as tag pages (tag/)."""
    tmp = tmp_path_factory.mktemp("relative")
    content = tmp / "content"
    (content / "posts").mkdir(parents=True)
    for name, text in POSTS.items():
        (content / "posts" / name).write_text(text.replace("Comments-Archive: comments/a.json\n", ""), encoding="utf-8")
    out = tmp / "out"
    done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "pelicanconf.py"),
                           "--fatal", "warnings", "-e", f'ENTITIES_GAZETTEER="{GAZ}"', "RELATIVE_URLS=true",
                           "DEFAULT_PAGINATION=1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_listing_cards_link_to_their_post_from_every_page_depth(relative_site):
    # Cards are rendered once per post and reused, so a card made for the home page (depth 0) must not be the
    # one a tag page (depth 1) shows: every card's links must lead, from its own page, to the right files.
    pages = [relative_site / "index.html", *sorted((relative_site / "page").rglob("index.html")),
             *sorted((relative_site / "tag").rglob("*.html")),
             *sorted((relative_site / "category").glob("*.html")), *sorted((relative_site / "author").glob("*.html"))]
    titles = {fold(soup(p).find("h1").get_text()): p for p in (relative_site / "posts").glob("*.html")}
    seen = 0
    for page in pages:
        cards = soup(page).select("ol.cards article.card")
        assert cards, f"{page.name} lists no posts"
        for card in cards:
            heading = card.select_one(".card-title")
            assert heading.name == ("h3" if page == relative_site / "index.html" else "h2")
            target = (page.parent / heading.a["href"]).resolve()
            assert target == titles[fold(heading.get_text())].resolve(), (page, heading.a["href"])
            kicker = card.select_one(".kicker a")
            assert (page.parent / kicker["href"]).resolve().is_file(), (page, kicker["href"])
            seen += 1
    assert seen >= 3 + 2 * 2  # every post on the home pages; each of the two tags lists two
