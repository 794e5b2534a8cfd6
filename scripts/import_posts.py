#!/usr/bin/env python3
"""Import WordPress posts into content/ as Pelican Markdown. See `--help` and the README."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wpimport.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
