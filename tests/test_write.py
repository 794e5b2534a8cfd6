"""Provenance, idempotent re-imports, edit detection, --force and --dry-run, through the real CLI."""
import json

from conftest import SEEDS, split_post

SEED = sorted(SEEDS.glob("*.txt"))[4]  # the post with a reader comment


def test_provenance_header(run_import, tmp_path):
    code, report, _, _ = run_import(SEED)
    assert code == 0
    [entry] = report["inputs"]
    meta, _ = split_post(tmp_path / "content" / "posts" / (entry["metadata"]["slug"]["value"] + ".md"))
    import hashlib
    assert meta["import-source"] == SEED.name
    assert meta["import-source-hash"] == "sha256:" + hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert meta["import-checksum"].startswith("sha256:")
    archive = json.loads((tmp_path / "content" / meta["comments-archive"]).read_text(encoding="utf-8"))
    assert archive["import_source"] == SEED.name and archive["comments"][0]["author"] == "truthaholics"


def test_reimport_is_idempotent(run_import, tmp_path):
    run_import(SEED)
    before = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()}
    code, report, out, _ = run_import(SEED)
    assert code == 0 and report["inputs"][0]["status"] == "unchanged"
    after = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()}
    assert after == before


def test_edited_file_is_not_overwritten_without_force(run_import, tmp_path):
    run_import(SEED)
    [post] = (tmp_path / "content" / "posts").glob("*.md")
    edited = post.read_text(encoding="utf-8").replace("At 69 the NHS", "At 69, the NHS")
    post.write_text(edited, encoding="utf-8")
    code, report, _, err = run_import(SEED)
    assert code == 2 and report["inputs"][0]["status"] == "kept-edited"
    assert "was edited after it was imported" in err and "--force" in err and str(post) in err
    assert post.read_text(encoding="utf-8") == edited
    code, report, _, _ = run_import(SEED, "--force")
    assert code == 0 and report["inputs"][0]["status"] == "updated"
    assert "At 69 the NHS" in post.read_text(encoding="utf-8")


def test_edited_comment_archive_counts_as_an_edit(run_import, tmp_path):
    run_import(SEED)
    [archive] = (tmp_path / "content" / "comments").glob("*.json")
    archive.write_text(archive.read_text(encoding="utf-8").replace("truthaholics", "someone"), encoding="utf-8")
    code, report, _, _ = run_import(SEED)
    assert code == 2 and report["inputs"][0]["status"] == "kept-edited"


def test_an_unedited_file_is_updated_when_the_output_changes(run_import, tmp_path):
    overrides = tmp_path / "o.toml"
    run_import(SEED)
    overrides.write_text(f'["{SEED.name}"]\ntitle = "CCGs and private monopolies"\n', encoding="utf-8")
    code, report, _, _ = run_import(SEED, "--overrides", overrides)
    assert code == 0 and report["inputs"][0]["status"] == "updated"
    posts = list((tmp_path / "content" / "posts").glob("*.md"))
    assert [p.name for p in posts] == ["ccgs-and-private-monopolies.md"]  # the old file was moved, not copied
    assert [p.name for p in (tmp_path / "content" / "comments").glob("*.json")] == ["ccgs-and-private-monopolies.json"]


def test_dry_run_writes_nothing(run_import, tmp_path):
    code, report, out, _ = run_import(SEEDS, "--dry-run")
    assert code == 0 and {e["status"] for e in report["inputs"]} == {"would-write"}
    assert not (tmp_path / "content").exists()
    assert "would-write" in out


def test_slugs_stay_unique(run_import, tmp_path):
    for n in (1, 2):
        (tmp_path / f"in{n}").mkdir()
        (tmp_path / f"in{n}" / f"copy{n}.txt").write_text("Same title\n\nA body paragraph that is long enough.\n")
    code, report, _, _ = run_import(tmp_path / "in1", tmp_path / "in2")
    assert code == 0
    assert sorted(e["metadata"]["slug"]["value"] for e in report["inputs"]) == ["same-title", "same-title"]
    assert sorted(p.name for p in (tmp_path / "content" / "posts").glob("*.md")) == ["same-title-2.md", "same-title.md"]


def test_a_hand_written_post_is_never_overwritten(run_import, tmp_path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    mine = posts / "same-title.md"
    mine.write_text("Title: Same title\nDate: 2020-01-01\nSlug: same-title\n\nMine.\n", encoding="utf-8")
    src = tmp_path / "new.txt"
    src.write_text("Same title\n\nA body paragraph that is long enough.\n")
    code, report, _, _ = run_import(src)
    assert code == 0 and report["inputs"][0]["output"].endswith("same-title-2.md")
    assert mine.read_text(encoding="utf-8").endswith("Mine.\n")
