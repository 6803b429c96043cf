"""Dates in running text and cells, with precision; day-month without a year takes the year
stated in the same sentence, or is dropped."""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.dates import DATE_PATTERNS, YEAR, from_match

_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")


@dataclass(frozen=True)
class FoundDate:
    value: str
    precision: str
    start: int
    end: int
    text: str


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() if m else len(text))


def _year_in(sentence: str) -> int | None:
    years = re.findall(rf"(?<!\d){YEAR}(?!\d)", sentence)
    return int(years[-1]) if len(set(years)) == 1 else None


def find_dates(text: str, masked: list[tuple[int, int]] = ()) -> list[FoundDate]:
    """masked: spans already claimed (document numbers), never read as dates."""
    taken = list(masked)
    out: list[FoundDate] = []
    for kind, rx in DATE_PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            hint = None
            if kind in ("dm_num", "dm_words"):
                s, e = _sentence_bounds(text, m.start())
                hint = _year_in(text[s:e])
            parsed = from_match(kind, m, hint)
            if parsed is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(FoundDate(parsed.value, parsed.precision, m.start(), m.end(), m.group(0)))
    out.sort(key=lambda d: d.start)
    return out
