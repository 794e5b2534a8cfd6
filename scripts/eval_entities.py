#!/usr/bin/env python3
"""Measure the entities plugin against posts annotated by hand: precision and recall by canonical entity,
and nDCG@3 of the related stories against a reader's ranked choice.

    python scripts/eval_entities.py tests/fixtures/entities_eval/dev [--verbose] [--json FILE]

A set is a folder of Markdown posts plus annotations.json:
    {"01-post.md": {"entities": [{"name": "Care Quality Commission", "type": "ORG", "mentions": ["CQC"]}, …],
                    "related": ["03-other.md", …]}, …}
The set is built with real Pelican and the site's own settings (pelicanconf.py: gazetteer, patterns,
theme), and the build's entities.json is compared with the annotations. An annotated entity and a found
one are the same when the annotation's name or one of its mentions is a name or alias of the found one
(ignoring case, curly apostrophes and a leading 'the').
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def norm(name: str) -> str:
    s = " ".join(name.replace("’", "'").replace("‘", "'").casefold().split())
    return s[4:] if s.startswith("the ") else s


def build(folder: Path, out: Path, extra: list[str] = ()) -> dict:
    """Build the set as a site; return its entities.json."""
    content = out / "content"
    (content / "posts").mkdir(parents=True)
    for md in sorted(folder.glob("*.md")):
        if md.name.lower() != "readme.md":
            shutil.copy(md, content / "posts" / md.name)
    if (folder / "entities").is_dir():
        shutil.copytree(folder / "entities", content / "entities")
    site = out / "site"
    done = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(site), "-s",
                           str(ROOT / "pelicanconf.py"), "--fatal", "errors", "-q",
                           *(["-e", *extra] if extra else [])],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the build of {folder} failed:\n{done.stdout}{done.stderr}")
    return json.loads((site / "entities.json").read_text(encoding="utf-8"))


def match_entities(annotated: list[dict], found: list[dict]) -> tuple[list, list, list]:
    """(pairs, missed annotations, extra found): one found entity per annotated one at most."""
    names = [{norm(n) for n in [f["name"], *f["aliases"]]} for f in found]
    used: set[int] = set()
    pairs, missed = [], []
    for a in annotated:
        keys = {norm(a["name"]), *(norm(m) for m in a.get("mentions", []))}
        k = next((i for i, ns in enumerate(names) if i not in used and keys & ns), None)
        if k is None:
            missed.append(a)
        else:
            used.add(k)
            pairs.append((a, found[k]))
    extra = [f for i, f in enumerate(found) if i not in used]
    return pairs, missed, extra


def ndcg3(ranked: list[str], ideal: list[str]) -> float:
    grade = {name: 3 - i for i, name in enumerate(ideal[:3])}
    dcg = sum(grade.get(name, 0) / math.log2(i + 2) for i, name in enumerate(ranked[:3]))
    best = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(grade.values(), reverse=True)))
    return dcg / best if best else (1.0 if not ranked else 0.0)


def evaluate(folder: Path, verbose: bool = False, extra: list[str] = ()) -> dict:
    annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        data = build(folder, Path(tmp), extra)
    by_id = {e["id"]: e for e in data["entities"]}
    by_file = {Path(a["source_path"]).name: a for a in data["articles"]}
    url_file = {a["url"]: Path(a["source_path"]).name for a in data["articles"]}
    tp = fp = fn = 0
    scores, none_offered, none_total = [], 0, 0
    lines = []
    for name, ann in sorted(annotations.items()):
        article = by_file.get(name)
        if article is None:
            raise SystemExit(f"{folder / name}: annotated but not built (is the file there, with a valid header?)")
        found = [by_id[i] for i in article["entities"]]
        pairs, missed, extra = match_entities(ann["entities"], found)
        tp, fp, fn = tp + len(pairs), fp + len(extra), fn + len(missed)
        related = [url_file[r["url"]] for r in article["related"]]
        ideal = ann.get("related", [])
        if ideal:
            scores.append(ndcg3(related, ideal))
        else:
            none_total += 1
            none_offered += bool(related)
        if verbose and (missed or extra or (ideal and scores[-1] < 1)):
            lines.append(f"{name}:")
            lines += [f"  missed  {a['type']:8} {a['name']}  ({', '.join(a.get('mentions', []))})" for a in missed]
            lines += [f"  extra   {f['type']:8} {f['name']}" for f in extra]
            if ideal and scores[-1] < 1:
                lines.append(f"  related {related[:3]} want {ideal}  nDCG@3 {scores[-1]:.2f}")
    result = {
        "set": str(folder), "posts": len(annotations), "annotated": tp + fn, "found": tp + fp,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "ndcg3": round(sum(scores) / len(scores), 4) if scores else None,
        "posts_with_related": len(scores), "posts_with_nothing_related": none_total,
        "of_which_offered_something": none_offered,
    }
    if verbose:
        print("\n".join(lines))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", type=Path, nargs="+", help="folders of annotated posts")
    ap.add_argument("--verbose", action="store_true", help="list every miss, extra and imperfect ranking")
    ap.add_argument("--json", type=Path, help="write the results here too")
    ap.add_argument("-e", "--extra-settings", nargs="*", default=[], metavar="KEY=VALUE",
                    help="settings for the build, as for pelican -e (e.g. ENTITIES_RELATED_MIN_SCORE=0.2)")
    args = ap.parse_args(argv)
    results = []
    for folder in args.sets:
        r = evaluate(folder, args.verbose, args.extra_settings)
        results.append(r)
        print(f"{folder}: {r['posts']} posts, {r['annotated']} annotated entities, {r['found']} found; "
              f"precision {r['precision']:.3f}, recall {r['recall']:.3f}; related nDCG@3 "
              f"{r['ndcg3'] if r['ndcg3'] is None else format(r['ndcg3'], '.3f')} over {r['posts_with_related']} posts; "
              f"{r['of_which_offered_something']} of {r['posts_with_nothing_related']} posts with nothing related "
              f"were offered something")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
