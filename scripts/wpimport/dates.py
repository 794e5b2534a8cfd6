"""Dates as people and WordPress themes write them: 'March 23, 2017', '23rd March 2017', '18.12.15'."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:,?\s*(?:at|@|-|–)?\s*(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

_PATTERNS = [
    # March 23, 2017 / Mar 23rd 2017
    ("mdy", rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}"),
    # 23 March 2017 / 23rd of March, 2017
    ("dmy", rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}"),
    # 2017-03-23
    ("iso", r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?:(?:[T ]| at )(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::\d\d)?)?"),
    # 18.12.15, 23/03/2017, 23-03-2017 (British day-first unless that is impossible)
    ("num", r"(?P<a>[0-3]?\d)[./-](?P<b>[01]?\d)[./-](?P<year>(?:19|20)?\d\d)" + _TIME),
]
_COMPILED = [(kind, re.compile(rf"(?<![\w.]){p}(?![\w])", re.IGNORECASE)) for kind, p in _PATTERNS]
_MONTH_YEAR = re.compile(rf"(?<!\w){_MONTH}\s+{_YEAR}(?!\w)", re.IGNORECASE)
_LONE_YEAR = re.compile(r"(?<![\w/£$.-])(?P<year>(?:199|20[0-4])\d)(?![\w/%-])")


@dataclass(frozen=True)
class DateMatch:
    when: datetime
    text: str
    start: int
    end: int
    precision: str = "day"  # day, month, year


def _build(kind: str, m: re.Match) -> datetime | None:
    g = m.groupdict()
    try:
        if kind in ("mdy", "dmy"):
            month, day = _MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        elif kind == "iso":
            month, day = int(g["month"]), int(g["day"])
        else:
            a, b = int(g["a"]), int(g["b"])
            day, month = (a, b) if b <= 12 else (b, a)
        year = int(g["year"])
        if year < 100:
            year += 2000 if year < 70 else 1900
        hour, minute = int(g.get("hour") or 0), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        return datetime(year, month, day, hour, minute)
    except (ValueError, KeyError):
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Every full (day-precision) date in the text, in order, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            when = _build(kind, m)
            if when:
                found.append(DateMatch(when, m.group(0).strip(), m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> DateMatch | None:
    """The date if the text is one date and little else (a date line under a title, a comment stamp)."""
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    rest = (text[: dates[0].start] + text[dates[0].end:]).strip(" ,.·|–-:()\u00a0")
    return dates[0] if len(rest) <= 3 else None


# Words that put the year after them in the future: 'ends in 2045', 'will … in 2037', 'by 2030'.
_FUTURE = re.compile(r"\b(by|until|till|before|ends?|ending|expires?|due|target|will|would|could|plans?|planned|"
                     r"forecasts?|projected|promised?|pledged?|aims?|next)\b[^.;]{0,40}$", re.IGNORECASE)


def vague_dates(text: str) -> list[DateMatch]:
    """Month-year and year mentions, for a labelled guess when no full date is stated.
    Years the sentence puts in the future say nothing about when the post was written."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        out.append(DateMatch(datetime(int(m["year"]), _MONTHS[m["month"].lower().rstrip(".")], 1),
                             m.group(0), m.start(), m.end(), "month"))
    for m in _LONE_YEAR.finditer(text):
        if _FUTURE.search(text[max(0, m.start() - 60):m.start()]):
            continue
        out.append(DateMatch(datetime(int(m["year"]), 1, 1), m.group(0), m.start(), m.end(), "year"))
    return out
