"""A real Pelican build with the entities plugin: pages, index, feeds, entities.json, metadata, errors."""
import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, soup

GAZ = FIXTURES / "entities" / "gazetteer.toml"
POSTS = {
    "one.md": "Title: Southern Health deaths\nDate: 2015-12-17\nTags: deaths\n\nThe Mazars Review into Southern Health "
              "was published. NHS England and the CQC responded; NHS England apologised.\n\n## What NHS England said\n\n"
              "Chief executive Katrina Percy stayed.\n",
    "two.md": "Title: Stevens on the success regime\nDate: 2015-07-04\nEntities: Hampshire\n\nSimon Stevens of NHS England "
              "spoke about the Health and Social Care Act. Monitor the numbers.\n",
    "three.md": "Title: A quiet week\nDate: 2016-01-10\nEntities-Exclude: NHS England\n\nNHS England was not the story; "
                "the CQC was, again. See `NHS England` in code.\n",
}


def build(tmp_path, *extra, posts=POSTS, entity_files=None):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for name, text in posts.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")
    for name, text in (entity_files or {}).items():
        (content / "entities").mkdir(exist_ok=True)
        (content / "entities" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "publishconf.py"),
                           "--fatal", "warnings", "-e", f'ENTITIES_GAZETTEER="{GAZ}"', *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env={"SITEURL": "https://example.org/blog", "COLUMNS": "500",
                                                                                       "PATH": "/usr/bin:/bin"})
    return done, out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ent")
    done, out = build(tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def data(site):
    return json.loads((site / "entities.json").read_text(encoding="utf-8"))


def test_entity_page(site):
    page = soup(site / "entity" / "nhs-england.html")
    article = page.find("article", class_="entity")
    assert article.find("h1").get_text() == "NHS England"
    assert "NHSE" in article.find(class_="aliases").get_text()
    assert article.find(class_="description").get_text(strip=True) == "The body that leads the NHS in England."
    assert article.find(class_="official").find("a")["href"] == "https://www.england.nhs.uk/"
    years = [h.get_text() for h in article.find(class_="entity-articles").find_all("h3")]
    assert years == ["2015"]  # three.md excluded NHS England
    titles = [" ".join(a.get_text().split()) for a in article.find(class_="entity-articles").find_all("a")]
    assert titles == ["Southern Health deaths", "Stevens on the success regime"]  # newest first
    together = [a.get_text() for a in article.find(class_="comentions").find_all("a")]
    assert together == sorted(together)  # each is named alongside once here, so they follow name order
    assert set(together) >= {"Care Quality Commission", "Simon Stevens"}
    feed = article.find(class_="feed").find("a")["href"]
    assert feed == "https://example.org/blog/feeds/entity/nhs-england.atom.xml"


def test_entity_feed_lists_its_posts(site):
    from xml.etree import ElementTree as ET
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(site / "feeds" / "entity" / "cqc.atom.xml").getroot()
    assert [" ".join(e.find("a:title", ns).text.split()) for e in feed.findall("a:entry", ns)] == \
        ["A quiet week", "Southern Health deaths"]


def test_index_groups_by_type_with_counts(site):
    page = soup(site / "entities.html")
    sections = {s.find("h2").get_text(): [li.get_text() for li in s.find_all("li")] for s in page.find_all("section")}
    assert "Care Quality Commission (2)" in sections["Organisations"]
    assert "Simon Stevens (1)" in sections["People"] and "Katrina Percy (1)" in sections["People"]
    assert "Hampshire (1)" in sections["Places"]  # added by Entities: metadata
    assert sections["Laws"] == ["Health and Social Care Act 2012 (1)"]


def test_inline_links_in_built_posts(site):
    page = soup(site / "posts" / "southern-health-deaths.html")
    body = page.find("article")
    links = [(a.get_text(), a["href"]) for a in body.find_all("a", class_="entity")]
    assert ("NHS England", "https://example.org/blog/entity/nhs-england.html") in links
    assert [t for t, _ in links].count("NHS England") == 1
    assert all(not h.find("a", class_="entity") for h in body.find_all(["h2", "h3"]))
    quiet = soup(site / "posts" / "a-quiet-week.html").find("article")
    assert "nhs-england" not in str(quiet.find_all("a", class_="entity"))
    assert quiet.find("code").get_text() == "NHS England"
    stevens = soup(site / "posts" / "stevens-on-the-success-regime.html").find("article")
    assert "monitor" not in " ".join(a["href"] for a in stevens.find_all("a", class_="entity"))  # 'Monitor the numbers'


def test_entities_json(site):
    doc = data(site)
    by_id = {e["id"]: e for e in doc["entities"]}
    assert by_id["nhs-england"]["articles"] == ["posts/southern-health-deaths.html", "posts/stevens-on-the-success-regime.html"]
    assert by_id["nhs-england"]["url"] == "entity/nhs-england.html" and by_id["nhs-england"]["type"] == "ORG"
    arts = {a["url"]: a for a in doc["articles"]}
    one = arts["posts/southern-health-deaths.html"]
    assert one["source_path"] == "posts/one.md" and one["date"].startswith("2015-12-17")
    assert one["entities"][:3] == ["mazars-review", "southern-health", "nhs-england"]  # first-mention order
    assert [e["id"] for e in doc["entities"]] == sorted(by_id)
    assert [a["url"] for a in doc["articles"]] == sorted(arts)


def test_two_builds_are_identical(site, tmp_path):
    done, again = build(tmp_path)
    assert done.returncode == 0
    assert (again / "entities.json").read_bytes() == (site / "entities.json").read_bytes()
    for page in (site / "entity").glob("*.html"):
        assert (again / page.relative_to(site)).read_bytes() == page.read_bytes(), page


def test_campaign_entity_files_add_and_correct(tmp_path):
    files = {"percy.md": "Title: Katrina Percy\nType: PERSON\nAliases: Mrs Percy\n\nChief executive of Southern Health until 2016.\n",
             "cqc.md": "Title: Care Quality Commission\nType: ORG\nAliases: the regulator CQC\n\nThe health and care *regulator*.\n"}
    done, out = build(tmp_path, entity_files=files)
    assert done.returncode == 0, done.stderr
    page = soup(out / "entity" / "katrina-percy.html")
    assert page.find(class_="description").get_text(strip=True) == "Chief executive of Southern Health until 2016."
    cqc = soup(out / "entity" / "cqc.html")
    assert cqc.find(class_="description").find("em").get_text() == "regulator"


@pytest.mark.parametrize("files, extra, says", [
    ({"x.md": "Title: X\n\nNo type.\n"}, (), "x.md: no 'Type:'"),
    ({"x.md": "Title: X\nType: THING\n\nBad type.\n"}, (), "type 'THING' is not one of"),
    ({"x.md": "Title: Y\nType: ORG\nAliases: NHS England\n\nClash.\n"}, (), "'NHS England' names both"),
    ({}, ("-e", 'ENTITIES_LINK="sometimes"'), "ENTITIES_LINK is 'sometimes'"),
    ({}, ("-e", 'ENTITIES_COLOUR="red"'), "unknown setting(s) ENTITIES_COLOUR"),
    ({}, ("-e", 'ENTITIES_GAZETTEER=["nowhere.toml"]'), "ENTITIES_GAZETTEER: nowhere.toml does not exist"),
    ({}, ("-e", 'ENTITIES_GAZETTEER=7'), "ENTITIES_GAZETTEER is 7; use a path, or a list of paths"),
])
def test_configuration_errors_are_friendly(tmp_path, files, extra, says):
    done, _ = build(tmp_path, *extra, entity_files=files)
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0 and says in log and "Traceback" not in log


def test_unknown_entity_in_metadata_fails_the_build_naming_the_post(tmp_path):
    done, _ = build(tmp_path, posts={"p.md": "Title: P\nDate: 2020-01-01\nEntities: Nobody Known\n\nText.\n"})
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0 and "p.md:3: Entities names 'Nobody Known', which is not a known entity" in log
    assert "Traceback" not in log


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    posts = {"a.md": "Title: A\nDate: 2020-01-01\nEntities: Nobody Known\n\nText.\n",
             "b.md": "Title: B\nDate: 2020-01-02\nTags: x\nEntities-Exclude: Nothing Here\n\nText.\n"}
    done, _ = build(tmp_path, posts=posts)
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0 and "Traceback" not in log
    assert "a.md:3: Entities names 'Nobody Known'" in log and "b.md:4: Entities-Exclude names 'Nothing Here'" in log
    assert "2 problems in the content" in log


def test_a_broken_gazetteer_is_named_with_its_line(tmp_path):
    gaz = tmp_path / "g.toml"
    gaz.write_text('[[entity]]\nid = "x"\nname = "X\ntype = "ORG"\n', encoding="utf-8")
    done, _ = build(tmp_path, "-e", f'ENTITIES_GAZETTEER="{gaz}"')
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode != 0 and "g.toml: not valid TOML" in log and "line 3" in log and "Traceback" not in log


def test_entity_history_both_ways(tmp_path):
    posts = {"m.md": "Title: Regulators\nDate: 2016-04-01\n\nWe wrote to Monitor, the regulator, and to NHS Improvement.\n"}
    done, out = build(tmp_path, posts=posts)
    assert done.returncode == 0, done.stdout + done.stderr
    became = soup(out / "entity" / "monitor.html").find("p", class_="successor")
    assert " ".join(became.get_text().split()) == "Became NHS Improvement."
    assert became.find("a")["href"].endswith("/entity/nhs-improvement.html")
    took = [p for p in soup(out / "entity" / "nhs-improvement.html").find_all("p", class_="successor")]
    assert [" ".join(p.get_text().split()) for p in took] == ["Became NHS England.", "Took over from Monitor."]


def test_an_entity_file_renaming_a_built_in_keeps_its_old_names(tmp_path):
    files = {"nhse.md": "Title: NHSE\nType: ORG\n\nThe body that runs the NHS in England.\n",
             "caps.md": "Title: CARE QUALITY COMMISSION\nType: PLACE\n\nA place written in capitals.\n",
             "monitor.md": "Title: Monitor regulator\nSlug: monitor\nType: ORG\n\nThe old regulator.\n"}
    posts = {"p.md": "Title: P\nDate: 2020-01-01\n\nNHS England and the CQC wrote to Monitor, the regulator.\n"}
    done, out = build(tmp_path, posts=posts, entity_files=files)
    assert done.returncode == 0, done.stdout + done.stderr
    doc = data(out)
    ids = doc["articles"][0]["entities"]
    assert "nhs-england" in ids and "cqc" in ids and "monitor" in ids  # 'NHS England' still names it
    by_id = {e["id"]: e for e in doc["entities"]}
    assert by_id["nhs-england"]["name"] == "NHSE" and "NHS England" in by_id["nhs-england"]["aliases"]
    assert by_id["cqc"]["name"] == "Care Quality Commission" and by_id["cqc"]["type"] == "ORG"  # matched exactly


def test_a_listed_entity_named_only_in_the_title_is_mentioned(tmp_path):
    # The title says Southern Health; the body never names it again. A pattern-looking name in a title
    # ('Jane Smyth Speaks') is not enough on its own: titles are often in title case.
    posts = {"t.md": "Title: Southern Health: Jane Smyth Speaks\nDate: 2016-01-01\n\nThe CQC inspected the trust again.\n"}
    done, out = build(tmp_path, posts=posts)
    assert done.returncode == 0, done.stdout + done.stderr
    doc = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in doc["entities"]}
    [article] = doc["articles"]
    assert {names[i] for i in article["entities"]} == {"Southern Health NHS Foundation Trust", "Care Quality Commission"}


def test_a_name_in_the_title_is_read_as_the_body_reads_it(tmp_path):
    # On its own 'the Horton' would be the village; the body has named the hospital, so the title means it too.
    files = {"horton.md": "Title: Horton\nType: PLACE\n\nA village.\n",
             "horton-general-hospital.md": "Title: Horton General Hospital\nType: ORG\n\nBanbury's hospital.\n"}
    posts = {"h.md": "Title: Births leave the Horton\nDate: 2016-08-01\n\nBirths stop at the Horton General Hospital. "
                     "Mothers at the Horton will travel.\n",
             "v.md": "Title: Horton fete\nDate: 2016-08-02\n\nThe fete in Horton is on Sunday.\n"}
    done, out = build(tmp_path, posts=posts, entity_files=files)
    assert done.returncode == 0, done.stdout + done.stderr
    doc = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in doc["entities"]}
    found = {a["title"]: {names[i] for i in a["entities"]} for a in doc["articles"]}
    assert found == {"Births leave the Horton": {"Horton General Hospital"}, "Horton fete": {"Horton"}}
