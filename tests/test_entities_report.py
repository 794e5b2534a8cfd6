"""make entities-report: unknown names found by the naming patterns, with counts and example sentences."""
from pelican.settings import read_settings

from conftest import FIXTURES, ROOT
from entities.report import main, unknown_names


def site(tmp_path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "a.md").write_text("Title: A\nDate: 2020-01-01\n\nWest Hampshire Clinical Commissioning Group met. "
                                "NHS England came too.\n", encoding="utf-8")
    (posts / "b.md").write_text("Title: B\nDate: 2020-01-02\n\nThe board of West Hampshire CCG said no. "
                                "Chief executive Katrina Percy resigned.\n", encoding="utf-8")
    return read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "ENTITIES_GAZETTEER": str(FIXTURES / "entities" / "gazetteer.toml")})


def test_unknown_names_with_posts_and_sentences(tmp_path):
    found = unknown_names(site(tmp_path))
    assert set(found) == {("ORG", "West Hampshire CCG"), ("PERSON", "Katrina Percy")}
    ccg = found[("ORG", "West Hampshire CCG")]
    assert [p for p, _ in ccg] == ["posts/a.md", "posts/b.md"]
    assert ccg[1][1] == "The board of West Hampshire CCG said no."


def test_report_output(tmp_path, capsys, monkeypatch):
    settings = site(tmp_path)
    monkeypatch.setattr("entities.report.read_settings", lambda path: settings)
    assert main([]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 names found in the content but not in the gazetteer (most mentioned first):"
    assert out[2] == "West Hampshire CCG  [ORG]  2 posts"
    assert out[3].strip().startswith("posts/a.md: West Hampshire Clinical Commissioning Group met.")
