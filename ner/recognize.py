"""Run every recognizer over every text unit and fold the hits into one entry per distinct
normalized value, keeping each occurrence for review."""
from __future__ import annotations

from dataclasses import dataclass, field

from models import Agency, Amount, DateMention, Document, DocumentHeader, Occurrence, Reference
from ner.agencies import find_agencies
from ner.amounts import amount_in_cell, find_amounts
from ner.dates import find_dates
from ner.header import parse_header
from ner.references import (find_references, issue_date_after, issuer_from_codes, stated_doc_type,
                            type_from_code)
from ner.units import TextUnit, text_units
from normalize.text import normalize_dashes


@dataclass
class Mentions:
    header: DocumentHeader
    references: list[Reference] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)


class _Folder:
    """Keeps the first mention of each value and appends later ones as occurrences."""

    def __init__(self) -> None:
        self.items: dict = {}

    def add(self, key, make, unit: TextUnit, start: int, end: int, text: str):
        occ = Occurrence(text=text, page=unit.page, position=unit.position(start, end))
        item = self.items.get(key)
        if item is None:
            item = make()
            item.text, item.page, item.position = text, unit.page, occ.position
            self.items[key] = item
        item.occurrences.append(occ)
        return item


def recognize(doc: Document) -> Mentions:
    header = parse_header(doc)
    refs, dates, amounts, agencies = _Folder(), _Folder(), _Folder(), _Folder()
    for unit in text_units(doc):
        text = normalize_dashes(unit.text)
        found_refs = find_references(text)
        masked = [(r.start, r.end) for r in found_refs]
        previous_end = 0
        found_agencies = find_agencies(text, masked, unit.agency_column, unit.ocr)
        for r in found_refs:
            stated = stated_doc_type(text, r.start, previous_end if not r.in_list else 0)
            date = issue_date_after(text, r.end) if not r.in_list or r is found_refs[-1] else None
            issuer = _issuer_after(text, r.end, found_agencies) or issuer_from_codes(r.issuer_codes)
            ref = refs.add(r.key, lambda r=r: Reference(key=r.key, number=r.number, symbol=r.symbol, text=""),
                           unit, r.start, r.end, text[r.start:r.end])
            if stated and not ref.doc_type_stated:
                ref.doc_type, ref.doc_type_stated = stated, True
            elif ref.doc_type is None:
                ref.doc_type = type_from_code(r.type_code)
            ref.date = ref.date or date
            ref.repairs = sorted(set(ref.repairs) | set(r.repairs))
            ref.issuer = ref.issuer or issuer
            if not r.in_list:
                previous_end = r.end
        for d in find_dates(text, masked):
            dates.add((d.value, d.precision), lambda d=d: DateMention(value=d.value, precision=d.precision, text=""),
                      unit, d.start, d.end, d.text)
        for a in _amounts(text, unit, masked):
            key = (a.currency, a.value, a.low, a.high)
            amounts.add(key, lambda a=a: Amount(value=a.value, low=a.low, high=a.high, currency=a.currency,
                                                unit=a.unit, text=""), unit, a.start, a.end, a.text)
        for g in found_agencies:
            agencies.add(g.name, lambda g=g: Agency(name=g.name, kind=g.kind, text=""),
                         unit, g.start, g.end, g.text)
    # The document's own number is a reference too when it is filled in.
    if header.number and header.symbol:
        key = f"{header.number}/{header.symbol}"
        for r in refs.items.values():
            if r.key == key:
                r.doc_type = r.doc_type or header.doc_type
                r.date = r.date or header.date
    return Mentions(header, list(refs.items.values()), list(dates.items.values()),
                    list(amounts.items.values()), list(agencies.items.values()))


def _amounts(text: str, unit: TextUnit, masked):
    found = find_amounts(text, masked)
    if not found and unit.column_unit is not None:
        cell = amount_in_cell(text, unit.column_unit)
        if cell is not None:
            return [cell]
    return found


def _issuer_after(text: str, end: int, agencies) -> str | None:
    """'… 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ': the body named after 'của'."""
    for a in agencies:
        if 0 <= a.start - end <= 45:
            between = text[end:a.start]
            if "của" in between and ";" not in between:
                return a.name
    return None
