"""What the import did: a readable summary for people, a JSON document for machines and tests."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .pipeline import ImportedPost
from .write import Outcome


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value


@dataclass
class Report:
    entries: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, post: ImportedPost, outcome: Outcome) -> dict:
        entry = {
            "source": post.raw.source,
            "import_source": post.raw.label,
            "status": outcome.status,
            "output": str(outcome.path),
            "comments_output": str(outcome.comments_path) if outcome.comments_path else None,
            "metadata": {k: {"value": _plain(f.value), "from": f.origin} for k, f in post.meta.fields.items()},
            "review": post.meta.review,
            "body_blocks": [{"kind": b.kind, "lines": b.lines} for b in post.blocks],
            "metadata_lines": post.metadata_lines,
            "stripped": post.stripped,
            "comments": [dict(c.as_json(), lines=c.lines) for c in post.comments],
            "notes": post.notes,
            "warnings": post.warnings + ([outcome.message] if outcome.message else []),
        }
        if outcome.previous:
            entry["replaces"] = str(outcome.previous)
        self.entries.append(entry)
        return entry

    def skip(self, source: str, label: str, reason: str) -> None:
        self.entries.append({"source": source, "import_source": label, "status": "skipped", "notes": [reason]})

    def fail(self, source: str, message: str) -> None:
        self.problems.append(message)
        self.entries.append({"source": source, "status": "error", "error": message})

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e["status"]] = out.get(e["status"], 0) + 1
        return out

    def line(self, entry: dict) -> str:
        """One line a person can scan: what went where and what needs a look."""
        if entry["status"] == "error":
            return f"✗ {entry['error']}"
        if entry["status"] == "skipped":
            return f"- {entry['import_source']}: {entry['notes'][0]}"
        meta = entry["metadata"]
        bits = [f"“{meta['title']['value']}”", f"date {str(meta['date']['value'])[:10]}"]
        if meta["date"]["from"].startswith("guess"):
            bits[-1] += " (guessed)"
        bits.append(f"{len(entry['stripped'])} lines stripped")
        if entry["comments"]:
            bits.append(f"{len(entry['comments'])} comments kept")
        text = f"{'✓' if entry['status'] in ('written', 'updated', 'unchanged') else '·'} {entry['import_source']} → " \
               f"{entry['output']} [{entry['status']}] " + "; ".join(bits)
        if entry["review"]:
            text += f"\n    review: {', '.join(entry['review'])}"
        for w in entry["warnings"]:
            text += f"\n    warning: {w}"
        return text

    def summary(self) -> str:
        c = self.counts()
        order = ["written", "updated", "unchanged", "would-write", "would-update", "kept-edited", "skipped", "error"]
        parts = [f"{c[k]} {k}" for k in order if c.get(k)]
        review = sum(1 for e in self.entries if e.get("review"))
        text = f"{len(self.entries)} inputs: " + ", ".join(parts)
        if review:
            text += f"; {review} to review (see 'review:' above; correct them in the overrides file)"
        return text

    def write_json(self, path: Path) -> None:
        doc = {"summary": self.counts(), "problems": self.problems, "inputs": self.entries}
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
