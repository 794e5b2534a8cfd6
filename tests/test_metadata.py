"""Metadata from facts: title generation, date priority and guesses, categories and tags, overrides."""
from datetime import datetime
from pathlib import Path

import pytest

from conftest import convert_file
from wpimport.metadata import Settings, load_overrides
from wpimport.model import ImportError_


def imported(tmp_path: Path, text: str, settings: Settings | None = None):
    path = tmp_path / "post.txt"
    path.write_text(text, encoding="utf-8")
    [(_, post)] = convert_file(path, settings)
    return post


def test_date_guess_ignores_years_in_the_future_of_the_sentence(tmp_path):
    post = imported(tmp_path, "PFI costs\n\nThe scheme opened in 2009 and the trust will still be paying "
                              "when it ends in 2045, by which time it will have cost £1bn.\n")
    assert post.meta.get("date") == datetime(2009, 1, 1)
    assert post.meta.fields["date"].origin.startswith("guess") and "date guessed" in post.meta.review


def test_no_date_at_all_uses_the_fallback_and_says_so(tmp_path):
    post = imported(tmp_path, "A title\n\nNo dates anywhere in this short post about the hospital.\n",
                    Settings(fallback_date=datetime(2001, 2, 3)))
    assert post.meta.get("date") == datetime(2001, 2, 3)
    assert "fallback" in post.meta.fields["date"].origin


def test_stated_date_beats_continuation_and_modified_is_the_last_update(tmp_path):
    post = imported(tmp_path, "A title\n\nPosted on 1 March 2017 by Jane Doe\n\nThe first part of the post, long enough.\n\n"
                              "Update 3 April 2017\n\nThe trust replied at last, weeks after we asked.\n\n"
                              "Continued 18.05.17\n\nAnd again in May, with nothing new to say.\n")
    assert post.meta.get("date") == datetime(2017, 3, 1)
    assert post.meta.get("modified") == datetime(2017, 5, 18)


def test_overrides_win_and_are_reported(tmp_path):
    file = tmp_path / "o.toml"
    file.write_text('["post.txt"]\ntitle = "Better"\ndate = 2016-05-04\ntags = ["a", "b"]\ncategory = "X"\n', encoding="utf-8")
    settings = Settings(overrides=load_overrides(file), overrides_file=str(file))
    post = imported(tmp_path, "A title\n\nA body paragraph with enough words in it.\n", settings)
    assert (post.meta.get("title"), post.meta.get("date"), post.meta.get("tags"), post.meta.get("category")) == \
        ("Better", datetime(2016, 5, 4), ["a", "b"], "X")
    assert all(post.meta.fields[k].origin == f"override in {file}" for k in ("title", "date", "tags", "category"))
    assert post.meta.review == []


@pytest.mark.parametrize("toml, says", [
    ('["x.txt"]\ncolour = "red"\n', "unknown key 'colour'"),
    ('["x.txt"]\ndate = "next week"\n', "is not YYYY-MM-DD"),
    ('["x.txt"]\ntags = "a, b"\n', "tags has the wrong type"),
    ('["x.txt"]\nstatus = "gone"\n', "status must be"),
    ('title = "x"\n', "must be a table"),
    ('["x.txt"\n', "not valid TOML"),
])
def test_override_errors_name_the_file_and_the_problem(tmp_path, toml, says):
    file = tmp_path / "o.toml"
    file.write_text(toml, encoding="utf-8")
    with pytest.raises(ImportError_) as err:
        load_overrides(file)
    assert str(file) in str(err.value) and says in str(err.value)


def test_generated_title_is_the_first_clause(tmp_path):
    post = imported(tmp_path, "Commenting on the CQC report into the trust, the chief executive said the findings were "
                              "unacceptable and that the board would act.\n\nA second paragraph follows here.\n")
    assert post.meta.get("title") == "Commenting on the CQC report into the trust"
