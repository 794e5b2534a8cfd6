#!/usr/bin/env python3
"""Preview with live reload: python scripts/devserver.py [--port 8000] [--content content] [--output output]

Builds the site and its search index, serves it on http://127.0.0.1:PORT and, whenever a post, page, entity
file, template, stylesheet, plugin or the settings file changes, builds again and reloads the open browser
tab. The reload script is added by the server to each page it sends (livereload); the built files never
contain it. A build that fails (a post with a bad date, say) prints what to fix and the last good site stays
up until the next save.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", type=Path, default=ROOT / "content")
    ap.add_argument("--output", type=Path, default=ROOT / "output")
    ap.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args(argv)
    from livereload import Server  # imported here so --help works before `make venv`

    def build() -> None:
        done = subprocess.run([sys.executable, "-m", "pelican", str(args.content), "-o", str(args.output),
                               "-s", str(args.settings), "--fatal", "warnings"], cwd=ROOT)
        if done.returncode == 0:
            subprocess.run([sys.executable, str(ROOT / "scripts" / "search_index.py"), str(args.output)], cwd=ROOT)
        else:
            print("devserver: the build failed (see above); fix it and save again", file=sys.stderr)

    build()
    server = Server()
    for watched in (args.content, ROOT / "theme", ROOT / "plugins", args.settings):
        server.watch(str(watched), build, delay=1)
    print(f"devserver: http://127.0.0.1:{args.port}/ (Ctrl-C stops it)", flush=True)
    server.serve(root=str(args.output), host="127.0.0.1", port=args.port, open_url_delay=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
