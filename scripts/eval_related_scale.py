#!/usr/bin/env python3
"""Related stories at scale: every annotated set in one site, among N generated posts.

    python scripts/eval_related_scale.py [--generated 4500] [-e KEY=VALUE …] [--show K]

eval_entities.py builds each set of ~30 posts on its own, where a post has few candidates. Here all the sets
share one site with N posts from scripts/corpus.py (seeded), as a real archive would hold them, and each
annotated post's related stories are scored against its reader's choice within its own set (nDCG@3). A story
from another set or a generated post counts as a miss, so the figure is lower than the per-set one: some
sets share real subjects (two sets on RAAC at Leighton Hospital). Read it as a comparison between settings
or versions, at 0 and at N generated posts, not against the per-set target. --show K prints K posts' picks.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "fixtures" / "entities_eval"
sys.path.insert(0, str(ROOT / "scripts"))
from corpus import write_markdown_posts  # noqa: E402
from eval_entities import ndcg3  # noqa: E402


def write_sets(content: Path) -> dict[str, list[str]]:
    """Copy every set's posts under posts/<set>/ (each slug prefixed by its set); return post -> its reader's picks."""
    want = {}
    for folder in sorted(p for p in SETS.iterdir() if (p / "annotations.json").is_file()):
        ann = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        (content / "posts" / folder.name).mkdir(parents=True)
        for md in sorted(folder.glob("[0-9]*.md")):
            head, _, body = md.read_text(encoding="utf-8").partition("\n\n")
            text = f"{head}\nSlug: {folder.name}-{md.stem}\n\n{body}"
            (content / "posts" / folder.name / md.name).write_text(text, encoding="utf-8")
            want[f"{folder.name}/{md.name}"] = [f"{folder.name}/{r}" for r in ann.get(md.name, {}).get("related", [])]
    return want


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generated", type=int, default=4500, help="generated posts around the sets")
    ap.add_argument("-e", "--extra-settings", nargs="*", default=[], metavar="KEY=VALUE")
    ap.add_argument("--show", type=int, default=0, metavar="K")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        want = write_sets(content)
        if args.generated:
            write_markdown_posts(content / "posts" / "generated", args.generated)
        site = Path(tmp) / "site"
        done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(site), "-s",
                               str(ROOT / "pelicanconf.py"), "-q",
                               *(["-e", *args.extra_settings] if args.extra_settings else [])],
                              cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"the build failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
        data = json.loads((site / "entities.json").read_text(encoding="utf-8"))

    def key(article: dict) -> str:
        path = Path(article["source_path"])
        return f"{path.parent.name}/{path.name}"

    post_of = {a["url"]: key(a) for a in data["articles"]}
    by_set: dict[str, list[float]] = {}
    alone = offered = 0
    annotated = [a for a in data["articles"] if key(a) in want]
    for a in annotated:
        got = [post_of[r["url"]] for r in a["related"]]
        if want[key(a)]:
            by_set.setdefault(key(a).split("/")[0], []).append(ndcg3(got, want[key(a)]))
        else:
            alone += 1
            offered += bool(got)
    scores = [v for vs in by_set.values() for v in vs]
    print(f"{len(annotated)} annotated posts among {args.generated} generated: related nDCG@3 "
          f"{statistics.mean(scores):.4f} over {len(scores)} posts; {offered} of {alone} posts with nothing related "
          f"in their set were offered something")
    print("  " + "  ".join(f"{s} {statistics.mean(v):.3f}" for s, v in sorted(by_set.items())))
    for a in random.Random(0).sample([a for a in annotated if want[key(a)]], args.show):
        print(f"\n{key(a)}: the reader picks {want[key(a)][:3]}")
        for r in a["related"]:
            print(f"    {post_of[r['url']]}  {r['score']}  {'; '.join(r['reasons'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
