"""The command line as an author uses it: reports, errors that name the file, exit codes."""
import json
import subprocess
import sys

from conftest import ROOT, SEEDS, WXR


def test_report_accounts_for_every_field_and_line(run_import):
    code, report, out, _ = run_import(SEEDS)
    assert code == 0 and report["summary"] == {"written": 5}
    for entry in report["inputs"]:
        meta = entry["metadata"]
        assert {"title", "date", "slug", "category"} <= set(meta)
        assert all(f["from"] for f in meta.values())
        assert all(s["rule"] for s in entry["stripped"])
        assert entry["output"].endswith(".md")
    assert "5 inputs: 5 written" in out


def test_one_bad_file_does_not_stop_the_others(run_import, tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a-empty.txt").write_bytes(b"")
    (bad / "b-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (bad / "c-broken.xml").write_text("<?xml version='1.0'?><rss><channel><item>", encoding="utf-8")
    (bad / "d-good.txt").write_text("A title\n\nA good paragraph of body text.\n", encoding="utf-8")
    code, report, out, err = run_import(bad)
    assert code == 1
    statuses = {e["source"].rsplit("/", 1)[-1]: e["status"] for e in report["inputs"]}
    assert statuses == {"a-empty.txt": "error", "b-binary.txt": "error", "c-broken.xml": "error", "d-good.txt": "written"}
    assert "a-empty.txt: the file is empty" in err
    assert "b-binary.txt: not a text file" in err
    assert "c-broken.xml: line 1, column" in err and "not a well-formed WordPress export" in err


def test_missing_source_and_bad_overrides(run_import, tmp_path):
    code, report, _, err = run_import(tmp_path / "nope")
    assert code == 1 and "nope: no such file or folder" in err
    bad = tmp_path / "o.toml"
    bad.write_text('["x.txt"]\ncolour = "red"\n', encoding="utf-8")
    code = subprocess.run([sys.executable, ROOT / "scripts" / "import_posts.py", SEEDS, "--output", tmp_path / "c",
                           "--overrides", bad], capture_output=True, text=True)
    assert code.returncode == 1 and "unknown key 'colour'" in code.stderr and str(bad) in code.stderr
    bad.write_text('["x.txt"\ntitle = 1\n', encoding="utf-8")
    code = subprocess.run([sys.executable, ROOT / "scripts" / "import_posts.py", SEEDS, "--output", tmp_path / "c",
                           "--overrides", bad], capture_output=True, text=True)
    assert code.returncode == 1 and "not valid TOML" in code.stderr and "line 1" in code.stderr


def test_wordpress_export_and_html_page_together(run_import, tmp_path):
    code, report, _, _ = run_import(WXR)
    assert code == 0
    statuses = [e["status"] for e in report["inputs"]]
    assert statuses.count("skipped") == 4  # the four attachments
    assert all(s in ("written", "skipped") for s in statuses)


def test_help_and_script_entry_point():
    done = subprocess.run([sys.executable, ROOT / "scripts" / "import_posts.py", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for flag in ("--output", "--dry-run", "--force", "--report", "--overrides"):
        assert flag in done.stdout
