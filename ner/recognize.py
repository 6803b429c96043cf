"""Run every recognizer over every piece of text once, keep what each piece holds (records/ reads
table cells and sentences from there), and fold the hits into one entry per distinct normalized
value, keeping each occurrence for review."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from models import (
    Agency,
    AgencyRule,
    Amount,
    DateMention,
    Document,
    Mentions,
    Occurrence,
    Reference,
    Relation,
    TextMentions,
    TypedTable,
)
from ner.agencies import AgencyContext, FoundAgency, defined_aliases, find_agencies
from ner.amounts import amount_in_cell, find_amounts
from ner.dates import find_dates
from ner.header import dateline_province, parse_header
from ner.issuer_context import issuer_context, place_in_named_province, province_named_most, spelled_as_in_text
from ner.references import find_references, issue_date_after, issuer_from_codes, stated_doc_type, type_from_code
from ner.relations import relation_at, sentence_around
from ner.units import TextUnit, text_units
from normalize.agencies import known_agency, loose_key
from normalize.places import find_place, successor_of
from normalize.text import match_key, normalize_dashes


class _Folder:
    """Keeps the first mention of each value and appends later ones as occurrences."""

    def __init__(self) -> None:
        self.items: dict = {}

    def add(self, key, mention):
        occ = Occurrence(text=mention.text, page=mention.page, position=mention.position)
        item = self.items.get(key)
        if item is None:
            item = mention.model_copy(deep=True)
            self.items[key] = item
        item.occurrences.append(occ)
        return item


def document_context(header, units: list[TextUnit], agency_rules: Sequence[AgencyRule] = (),
                     issuer: str | None = None) -> AgencyContext:
    """The issuer's own bodies (ner/issuer_context.py: its province and locality, ministry, Party
    committee), the abbreviations the document defines for bodies it names, and what analysts
    taught for documents of this issuer (aliases they corrected, names they rejected). issuer:
    the header's, else the one a headerless text names on its first lines."""
    ctx = issuer_context(issuer)
    dated_in = dateline_province(header.place) if ctx.province is None and ctx.ministry is None else None
    unplaced = dated_in is not None and (issuer is None or known_agency(issuer) is None)
    named_most = province_named_most(u.text for u in units) if unplaced or issuer is None and ctx.province is None \
        else None
    if unplaced and named_most == dated_in:
        # an issuer that names no place ('Tổ giúp việc về Cải cách hành chính' of a steering committee,
        # pool zi) dates its document in its province ('Lâm Đồng, ngày …') and names it ('tỉnh Lâm Đồng'):
        # its bare 'Sở Nội vụ' is that province's. Not a central body's dated in Hà Nội (pools g, r, t)
        ctx = dataclasses.replace(ctx, province=dated_in)
    if issuer is None and ctx.province is None:
        # a text whose header a dataset lost, with no issuer line: its bare 'Sở Tài chính', 'UBND tỉnh'
        # are the province it names most ('trên địa bàn tỉnh Đồng Nai', pool zf)
        ctx = dataclasses.replace(ctx, province=named_most)
    own = place_in_named_province(ctx.locality, (u.text for u in units)) \
        if ctx.locality is not None and ctx.locality.tier != "province" else None
    if own is not None and own != ctx.locality:   # ('huyện Châu Thành' of ten provinces; the text names one)
        ctx = dataclasses.replace(ctx, province=find_place(own.province, "tỉnh"), locality=own)
    if header.date:
        ctx = dataclasses.replace(ctx, issued=header.date)
    aliases, taught = learned_for(issuer, agency_rules)
    for unit in units:
        if "tắt" in unit.text or "gọi là" in unit.text:
            aliases.update(defined_aliases(unit.text, find_agencies(unit.text, ocr=unit.ocr, ctx=ctx)))
    return dataclasses.replace(ctx, aliases=aliases, taught=taught) if aliases or taught else ctx


# A header-like line: short, among the first few of a document whose header gave no issuer. Its
# leader's title before the committee is no part of the issuer's name, and a dataset's lowercase
# line is read with its first letter capital ('Chủ tịch ủy ban nhân dân thành phố hồ chí minh', pool zc).
_LEADER_FIRST = re.compile(r"^(?:(?:chủ tịch|tm\.|kt\.|bộ trưởng|thống đốc|(?:tổng )?cục trưởng|tổng(?=\s+kiểm toán))\s+)+",
                           re.IGNORECASE)
_FIRST_LINES, _HEADER_LINE_CHARS = 6, 90
_ADDRESSED = re.compile(r"^\W{0,3}kính gửi\b", re.IGNORECASE)
# Issuers taken from a first line only where they fill it: a department, a ministry, a central body
# ('Bộ trưởng bộ giao thông vận tải', 'Tổng kiểm toán nhà nước', 'Thống đốc ngân hàng nhà nước': a dataset's
# lowercase lines, pools zh, zi, zj).
_ALONE_ON_ITS_LINE = ("province_department", "ministry", "state", "gov_agency", "department")


def _issuer_in_first_lines(units: list[TextUnit]) -> str | None:
    """A local council, People's Committee or department named alone on one of the first lines of a text whose
    header gave no issuer ('Ủy ban nhân dân tỉnh bắc kạn' under the title, 'Hội đồng nhân dân tỉnh
    tiền giang khóa vii - kỳ họp thứ 6': texts whose header a dataset flattened, pool v and w): the
    issuer its own bodies are read for ('Sở Tài chính', 'Chi cục Kiểm lâm' are that province's)."""
    for unit in units[:_FIRST_LINES]:
        if _ADDRESSED.match(unit.text):
            break   # ('Kính gửi:' / 'Bộ trưởng Bộ Tài chính': the addressee, no issuer; a review's probes)
        if unit.table_id is None and len(unit.text) <= _HEADER_LINE_CHARS:
            line = _LEADER_FIRST.sub("", unit.text.strip(), count=1)
            found = find_agencies(line[:1].upper() + line[1:], ocr=unit.ocr)
            if found and found[0].start <= 1 and (found[0].kind in ("people_committee", "people_council") or
                                                  found[0].kind in _ALONE_ON_ITS_LINE and found[0].end >= len(line) - 1):
                return found[0].name   # (a department only alone on its line: 'Sở Y tế … chủ trì' is a sentence)
            bare = _BARE_LOCAL_ISSUER.fullmatch(line.strip())   # (after its leader's title: 'Chủ tịch uỷ ban nhân dân tỉnh', pool zl)
            province = province_named_most(u.text for u in units) if bare else None
            if province is not None:
                return find_agencies(f"{bare.group(1)} {province.full()}")[0].name
    return None


# 'Ủy ban nhân dân tỉnh' alone where the header was ('Quyết định phê duyệt kế hoạch …' / 'Ủy ban nhân
# dân tỉnh' / 'Căn cứ …', a dataset's text, pool za): the province is the one its text names.
_BARE_LOCAL_ISSUER = re.compile(r"((?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân) tỉnh", re.IGNORECASE)


def learned_for(issuer: str | None, rules: Sequence[AgencyRule]) -> tuple[dict[str, FoundAgency], dict[str, str | None]]:
    """The analysts' rules that hold for a document of this issuer: (aliases for the recognizer
    to find the words by, and words as match keys → the body they name, None for none). A rule
    scoped to an issuer holds for that issuer's documents only."""
    mine = match_key(issuer) if issuer else None
    aliases, taught = {}, {}
    for r in rules:
        if r.issuer is not None and match_key(r.issuer) != mine:
            continue
        if r.kind == "alias" and r.name:
            aliases[r.text] = FoundAgency(r.name, "learned", 0, 0, r.text, True)
            taught[match_key(r.text)] = r.name
        elif r.kind == "reject":
            taught[match_key(r.text)] = None
    return aliases, taught


def recognize(doc: Document, typed: list[TypedTable], agency_rules: Sequence[AgencyRule] = ()) -> Mentions:
    header = parse_header(doc)
    refs, dates, amounts, agencies = _Folder(), _Folder(), _Folder(), _Folder()
    pieces = []
    units = text_units(doc, typed)
    header.issuer = spelled_as_in_text(header.issuer, (u.text for u in units[:400]))
    issuer = header.issuer or _issuer_in_first_lines(units)
    ctx = document_context(header, units, agency_rules, issuer)
    if issuer and [a.name for a in find_agencies(issuer)] == [issuer]:
        first = next((b for b in doc.blocks if b.kind not in ("header", "footer", "footnote")), None)
        agencies.add(loose_key(issuer), Agency(name=issuer, text=issuer, successor=successor_of(issuer, ctx.province),
                                    page=first.provenance.page if first else None))
    for unit in units:
        piece = read_piece(unit, ctx)
        pieces.append(piece)
        if not unit.counted:
            continue
        for r in piece.references:
            _merge_reference(refs.add(r.key, r), r)
        for d in piece.dates:
            dates.add((d.value, d.precision, d.qualifier), d)
        for a in piece.amounts:
            amounts.add((a.currency, a.value, a.low, a.high), a)
        for g in piece.agencies:
            agencies.add(loose_key(g.name), g)   # one body however its commas and marks were written
    link_spellings(list(refs.items.values()))
    # The document's own number is a reference too when it is filled in.
    if header.number and header.symbol:
        key = header.own_key()
        for r in refs.items.values():
            if r.key == key:
                r.doc_type = r.doc_type or header.doc_type
                r.date = r.date or header.date
                r.relations = []   # the 'Số:' line: no document relates to itself
    return Mentions(header=header, references=list(refs.items.values()), dates=list(dates.items.values()),
                    amounts=list(amounts.items.values()), agencies=list(agencies.items.values()), pieces=pieces)


def link_spellings(references: list[Reference]) -> None:
    """The same document cited with and without its year ('Nghị định 15/NĐ-CP', '15/2018/NĐ-CP'):
    both keys are kept as written, each naming the other in same_as."""
    groups: dict[tuple[str, str], list[Reference]] = {}
    for r in references:
        groups.setdefault((r.number, re.sub(r"^(?:19|20)\d{2}/", "", r.symbol)), []).append(r)
    for group in groups.values():
        if len(group) > 1 and len({r.symbol for r in group}) > 1:
            for r in group:
                r.same_as = sorted(o.key for o in group if o is not r and not _other_year(r, o))


def _other_year(a: Reference, b: Reference) -> bool:
    """'62/2011/QĐ-TTg' and '62/2015/QĐ-TTg' are two decisions; a key without its year is either,
    unless the date beside it names another year."""
    years = [_year_of(r.symbol) or (r.date or "")[:4] or None for r in (a, b)]
    return None not in years and years[0] != years[1]


def _year_of(symbol: str) -> str | None:
    m = re.match(r"(?:19|20)\d{2}(?=/)", symbol)
    return m.group(0) if m else None


def _merge_reference(entry: Reference, r: Reference) -> None:
    """A later citation adds what an earlier one lacked: a stated type beats one read from the
    symbol; the first stated date and issuer stay; each citation's relation is kept (the first
    citation's is already the entry's own)."""
    if r is not entry and r.relations and r.relations[0] not in entry.relations:
        entry.relations.extend(r.relations)
    if r.doc_type_stated and not entry.doc_type_stated:
        entry.doc_type, entry.doc_type_stated = r.doc_type, True
    elif entry.doc_type is None:
        entry.doc_type = r.doc_type
    entry.date = entry.date or r.date
    entry.issuer = entry.issuer or r.issuer
    entry.repairs = sorted(set(entry.repairs) | set(r.repairs))


# (also without its colon, before the file codes: '- Lưu VT, Viện KHTT, Vụ PC.', a 2007 circular, pool zze)
# (not a signer's name in capitals, 'LƯU QUANG HUY': a file code ends at a mark or the line's end)
FILING_LINE = re.compile(r"^\W{0,3}(?:[Ll]ưu|LƯU)\s*(?::|\s+(?=[A-ZĐ]{2,}\d*\s*(?:[,.;(]|$)))")


def read_piece(unit: TextUnit, ctx: AgencyContext | None = None) -> TextMentions:
    """Every mention in one piece of text, each with its position."""
    text = normalize_dashes(unit.text)
    piece = TextMentions(text=unit.text, page=unit.page, block_id=unit.block_id, table_id=unit.table_id,
                         row=unit.row, col=unit.col, parts=list(unit.parts))

    def where(start: int, end: int) -> dict:
        return {"text": text[start:end], "page": unit.page, "position": unit.position(start, end)}

    found_refs = find_references(text)
    masked = [(r.start, r.end) for r in found_refs]
    # 'Lưu: VT, Vụ KHTC.': where the copies are filed, not bodies the document addresses
    found_agencies = [] if FILING_LINE.match(text) else find_agencies(text, masked, unit.agency_column, unit.ocr, ctx)
    if ctx is not None:
        found_agencies = _as_taught(found_agencies, ctx)
    previous_end = 0
    starts = [r.start for r in found_refs]
    for r in found_refs:
        stated = stated_doc_type(text, r.start, previous_end if not r.in_list else 0)
        date = issue_date_after(text, r.end) if not r.in_list or r is found_refs[-1] else None
        issuer = _issuer_after(text, r.end, found_agencies) or issuer_from_codes(r.issuer_codes)
        rel = relation_at(text, r.start, starts)
        relation = Relation(type=rel.type, cue=rel.cue, sentence=sentence_around(text, rel.clause_start, r.end),
                            confidence=rel.confidence, page=unit.page, position=unit.position(r.start, r.end))
        piece.references.append(Reference(
            key=r.key, number=r.number, symbol=r.symbol, doc_type=stated or type_from_code(r.type_code),
            doc_type_stated=bool(stated), date=date, issuer=issuer, repairs=list(r.repairs), relations=[relation],
            **where(r.start, r.end)))
        if not r.in_list:
            previous_end = r.end
    for d in find_dates(text, masked, unit.column_year, when_cell=unit.time_column):
        piece.dates.append(DateMention(value=d.value, precision=d.precision, start=d.range_start, end=d.range_end,
                                       qualifier=d.qualifier, **where(d.start, d.end)))
    for a in _amounts(text, unit, masked):
        piece.amounts.append(Amount(value=a.value, low=a.low, high=a.high, currency=a.currency, unit=a.unit,
                                    **where(a.start, a.end)))
    for g in found_agencies:
        piece.agencies.append(Agency(name=g.name, kind=g.kind, known=g.known, parent=g.parent,
                                     successor=successor_of(g.name, ctx.province if ctx else None),
                                     **where(g.start, g.end)))
    return piece


def _as_taught(found: list[FoundAgency], ctx: AgencyContext) -> list[FoundAgency]:
    """What an analyst taught for this issuer's documents wins over the recognizer's reading of the
    same words: rejected words name nothing, corrected words name what the analyst wrote."""
    if not ctx.taught:
        return found
    out = []
    for g in found:
        key = match_key(g.text)
        if key not in ctx.taught:
            out.append(g)
        elif ctx.taught[key] is not None:
            out.append(dataclasses.replace(g, name=ctx.taught[key], known=True))
    return out


def _amounts(text: str, unit: TextUnit, masked):
    found = find_amounts(text, masked)
    if not found and unit.column_unit is not None:
        cell = amount_in_cell(text, unit.column_unit, unit.commas_group)
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
