#!/usr/bin/env python3
"""Search index: python scripts/search_index.py OUTPUT — Pagefind over the built site, made byte-stable.

Pagefind (1.5) writes each filter's values, and the list of filters in its metadata file, in hash-map order,
which changes from run to run on the same input (Pagefind issue #638): two builds of the same content then
differ in those files and in the names derived from them, up to pagefind-entry.json. After Pagefind has run,
this rewrites them with the values sorted and with names made from their content, as Pagefind names its other
files; pagefind.js reaches every file through those names, so nothing else changes. Exit status 1, with a
message, if Pagefind fails or its files are not laid out as expected (a Pagefind upgrade: check this script).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"  # before the CBOR in every Pagefind data file (gzipped)


class LayoutError(Exception):
    pass


def read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise LayoutError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def write(path: str, lang: str, digits: int, data) -> str:
    """Write data to path, "{}" in it filled with a name made from the content ("en_1a2b3c4"); return the name."""
    raw = SIGNATURE + cbor2.dumps(data)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    Path(path.replace("{}", name)).write_bytes(gzip.compress(raw, mtime=0))
    return name


def stabilise(bundle: Path) -> int:
    """Rewrite the filter and metadata files of a Pagefind bundle in a stable order; return files rewritten."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    rewritten = 0
    for lang, info in sorted(entry["languages"].items()):
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_file)
        # [version, fragments, index chunks, filters [[name, file]], sorts, …]
        filters = meta[3] if isinstance(meta, list) and len(meta) > 3 else None
        if not (isinstance(filters, list) and all(isinstance(f, list) and len(f) == 2 for f in filters)):
            raise LayoutError(f"{meta_file}: no list of filters where Pagefind {meta[0]!r} was expected to keep it")
        renamed = []
        for name, file in filters:
            path = bundle / "filter" / f"{file}.pf_filter"
            fname, values = read(path)
            if fname != name:
                raise LayoutError(f"{path}: holds filter {fname!r}, the metadata says {name!r}")
            values = sorted([value, sorted(pages)] for value, pages in values)
            path.unlink()
            renamed.append([name, write(f"{bundle}/filter/{{}}.pf_filter", lang, 7, [name, values])])
            rewritten += 1
        meta[3] = sorted(renamed)
        meta_file.unlink()
        info["hash"] = write(f"{bundle}/pagefind.{{}}.pf_meta", lang, 10, meta)
        rewritten += 1
    # Pagefind's own layout of the entry file: compact, keys in its order.
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return rewritten


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path, help="the built site (Pelican's OUTPUT_PATH)")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"search index: {args.site}/index.html not found; build the site first (make html)", file=sys.stderr)
        return 1
    # A bundle left by an earlier build would keep files nothing names any more: Pagefind writes it afresh.
    shutil.rmtree(args.site / "pagefind", ignore_errors=True)
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(args.site), "--quiet"])
    if done.returncode != 0:
        print(f"search index: Pagefind failed (exit {done.returncode}); its messages are above", file=sys.stderr)
        return 1
    try:
        stabilise(args.site / "pagefind")
    except (LayoutError, OSError, ValueError, KeyError, cbor2.CBORDecodeError) as err:
        print(f"search index: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
