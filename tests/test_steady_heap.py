"""plugins/steady_heap: the content is frozen out of the garbage collector's scans from the end of reading
until the build is written, and handed back afterwards (a rebuilding server must free old builds)."""
from __future__ import annotations

import gc

from pelican import Pelican, signals
from pelican.settings import read_settings

from conftest import ROOT


def test_content_is_frozen_while_pages_are_written_and_released_after(tmp_path):
    content = tmp_path / "content" / "posts"
    content.mkdir(parents=True)
    for i in range(3):
        (content / f"p{i}.md").write_text(f"Title: Post {i}\nDate: 2020-01-0{i + 1}\n\nThe CQC said {i}.\n",
                                          encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"), "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False})
    seen = {}

    def while_writing(generators):  # after every generator's context, before any page is written
        seen["frozen"] = gc.get_freeze_count()

    signals.all_generators_finalized.connect(while_writing)
    try:
        before = gc.get_freeze_count()
        Pelican(settings).run()
    finally:
        signals.all_generators_finalized.disconnect(while_writing)
    assert seen["frozen"] > before  # the articles and what holds them were frozen…
    assert gc.get_freeze_count() == 0  # …and handed back when the build finished
    assert (tmp_path / "out" / "posts" / "post-0.html").is_file()
