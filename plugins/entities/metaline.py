"""A post's metadata as the author wrote it: list fields, and where a field sits, so an error can say
'posts/x.md:4'."""
from __future__ import annotations

import os


def where(article, key: str) -> str:
    """'path:line' of the `Key:` line in the article's source (the path alone if it cannot be found)."""
    path = str(getattr(article, "source_path", "?"))
    shown = os.path.relpath(path) if os.path.isabs(path) else path
    if shown.startswith(".."):  # outside the working folder: the full path is clearer
        shown = path
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    break  # the header ends at the first blank line
                name, sep, _ = line.partition(":")
                if sep and name.strip().lower() == key.lower():
                    return f"{shown}:{n}"
    except (OSError, UnicodeDecodeError):
        pass
    return shown


def listed(value) -> list[str]:
    """A comma-separated metadata field ('Entities: Hampshire, Simon Stevens') as a list of names."""
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(",") if v.strip()]
