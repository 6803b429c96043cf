"""Agencies by the grammar of their names (Decree 30/2020/NĐ-CP, Appendix II: a head noun that
says what kind of body it is, then the specific name, each part capitalized), checked against
the gazetteer for canonical spellings.

What is recognized, strongest first:
- a name or alias the gazetteer knows ('Bộ KH&CN', 'Văn phòng Chính phủ', 'TTg'), also with its
  connectors dropped or changed ('Sở Văn hoá Thể thao du lịch') and without its marks;
- a head noun and the name that follows it: 'Sở Tài chính tỉnh X', 'Cục Người có công', 'Ban Quản
  lý khu kinh tế tỉnh Đồng Tháp', 'Ủy ban nhân dân huyện An Lão', 'Thanh tra Bộ Tài chính';
- a head shared by an enumeration ('Bộ trưởng các Bộ: Tài chính, Nội vụ, Tư pháp'; 'UBND các
  tỉnh: Hà Giang, Lào Cai'; 'HĐND tỉnh Bình Thuận, tỉnh Đắk Nông'), or a locality shared by heads
  ('Tỉnh ủy, HĐND, UBND tỉnh Thanh Hóa');
- a bare local head in a document a province issued ('UBND tỉnh', 'Sở Tài chính', 'Tỉnh ủy',
  'Kho bạc Nhà nước'): that province's body;
- an abbreviation the document defines ('… (sau đây gọi là Bộ KH&CN)');
- a place where the text makes it an actor: a cell of a column of acting bodies, a group row of a
  table, a list of localities given a task, a list of bodies ('Đơn vị: Điện Biên' → Ủy ban nhân
  dân tỉnh Điện Biên).

Not agencies: positions ('Bộ trưởng'; the body a position names counts), generic plurals ('các Bộ,
ngành', 'UBND cấp tỉnh'), companies and state-owned groups, schools, hospitals and funds, foreign
bodies (see corpus/external/ANNOTATION.md). Word boundaries come from the Viet74K word list; the
measurement that kept it over underthesea's word segmentation is in README ("Agencies")."""
from __future__ import annotations

import dataclasses
import re

from ner.agency_elections import ElectionBoards
from ner.agency_lists import ListedBodies
from ner.agency_local import LocalNames
from ner.agency_localities import LocalityWords
from ner.agency_names import WholeNames
from ner.agency_pieces import NamePieces
from ner.agency_places import PlacesAsActors
from ner.agency_shapes import NameShapes
from ner.agency_spelled import SpelledNames
from ner.agency_tokens import AgencyContext, FoundAgency, choose, code_aliases, phrase_keys
from ner.agency_words import (
    COMMON_NOUN_BODIES,
    FIELD_BEFORE,
    LAW_TITLE_BEFORE,
    LEADERS_BOARD,
    MINISTRY_UNIT_HEADS,
    PEOPLES_BOARD_AFTER,
    PLURAL_AFTER,
    PLURAL_WORDS,
    THING_AFTER,
    THING_BEFORE,
    foreign_body_at,
)
from normalize.agencies import by_initials, known_agency_loosely
from normalize.places import Place, find_place


class _Parser(ListedBodies, ElectionBoards, PlacesAsActors, LocalNames, WholeNames, SpelledNames, NameShapes, NamePieces,
              LocalityWords):
    """The grammar over one piece of text; its parts are the classes it joins (ner/agency_*.py)."""

    # -- all of it
    def run(self) -> list[tuple[int, int, FoundAgency]]:
        for i in range(len(self.toks)):
            self.enumeration_at(i)
            if (self.is_cap(i) or self.toks[i].text in code_aliases()) and self.key(i - 1) not in PLURAL_WORDS \
                    and not self.in_law_title(i):
                hit = self.agency_at(i)
                if hit:
                    end, name, kind, known = hit
                    self.add(i, end, name, kind, known)
            for alias, agency in self.ctx.aliases.items():
                keys = phrase_keys(alias, self.plain)
                if self.match_keys(i, keys):
                    self.add(i, i + len(keys), agency.name, agency.kind, agency.known)
        self.election_boards()
        self.head_with_more_localities()
        self.heads_sharing_a_locality()
        self.places_as_actors()
        return self.found


def _with_parents(found: list[FoundAgency], text: str) -> list[FoundAgency]:
    """'Cục Thuế (Bộ Tài chính)', 'Vụ Pháp chế, Bộ Tư pháp': the body a unit belongs to; a ministry's
    unit named with it ('Bảo hiểm xã hội Bộ Quốc phòng') gives the ministry too (ANNOTATION: a unit
    named under its parent gives both)."""
    out = []
    for k, f in enumerate(found):
        head = next((h for h in MINISTRY_UNIT_HEADS if f.name.startswith(f"{h} Bộ ")), None)
        if head is not None:
            out.append(FoundAgency(f.name, f.kind, f.start, f.end, f.text, f.known, f.name[len(head) + 1:]))
            out.append(FoundAgency(f.name[len(head) + 1:], "ministry", f.start, f.end, f.text, True))
            continue
        parent = None
        if k + 1 < len(found) and found[k + 1].kind in ("ministry", "people_committee", "state", "gov_agency"):
            between = text[f.end:found[k + 1].start]
            if re.fullmatch(r"\s*[(,–-]\s*(?:thuộc\s+)?", between) and f.kind in ("department", "body", "local"):
                parent = found[k + 1].name
        out.append(FoundAgency(f.name, f.kind, f.start, f.end, f.text, f.known, parent))
    return out


def find_agencies(text: str, masked: list[tuple[int, int]] = (), agency_column: bool = False,
                  ocr: bool = False, ctx: AgencyContext | None = None) -> list[FoundAgency]:
    """Bodies named in a piece of text. masked: spans already claimed (document numbers).
    agency_column: the text is a cell of acting bodies or a table's group row, where a bare place
    is its People's Committee. Names whose marks were lost or slipped ('Bo Cong Thuong' from OCR,
    'Bộ Chính tri' typed) are read again without marks, as the gazetteer or the places list
    name them; the exact reading wins a tie. Text with no mark at all is read so only in capitals (a
    letterhead) or from OCR: in mixed case it may be another language's."""
    ctx = ctx or AgencyContext()
    found = _Parser(text, ctx, False, agency_column).run()
    if not text.isascii() or ocr or text.isupper():   # (a letterhead OCR'd without marks: 'TONG CUC THUE', pool zzd)
        found += [x for x in _Parser(text, ctx, True, agency_column).run() if x[2].known]
    chosen = [f for _, _, f in choose(found) if not any(f.start < b and a < f.end for a, b in masked)
              and _acting(f, text)]
    return _with_parents([f if f.known else _spelled_by_initials(_known_loosely(f)) for f in chosen], text)


def _known_loosely(f: FoundAgency) -> FoundAgency:
    """A name read by its structure that is a known body's name with a mark or a comma slipped."""
    entry = known_agency_loosely(f.name)
    return dataclasses.replace(f, name=entry.name, kind=entry.kind, known=True) if entry is not None else f


def _spelled_by_initials(f: FoundAgency) -> FoundAgency:
    """A name read by its structure whose specific part is initials ('Cục KTVB và QLXLVPHC - BTP'):
    the known body those initials spell (normalize.agencies.by_initials), the parent written after
    it ('- BTP', ', Bộ Tư pháp') left aside."""
    for written in dict.fromkeys((f.text, f.text.rsplit(" - ", 1)[0], f.text.split(",")[0])):
        entry = by_initials(written.strip())
        if entry is not None:
            return dataclasses.replace(f, name=entry.name, kind=entry.kind, known=True)
    return f


def _acting(f: FoundAgency, text: str) -> bool:
    """Whether 'Chính phủ' or 'Quốc hội' stands for the body, not for a word of a law's title
    ('Luật Tổ chức Chính phủ') or of a thing's name ('Chính phủ số', 'Trụ sở Chính phủ'); whether a
    'Thanh tra' is the state's, not the people's inspection board ('Thanh tra nhân dân'); whether
    the body is Viet Nam's, not another country's ('Bộ Ngoại giao Nhật Bản'); not a field, a plural or a
    body's leaders."""
    if f.text.endswith("Thanh tra") and PEOPLES_BOARD_AFTER.match(text, f.end):
        return False
    if foreign_body_at(text, f.end):
        return False
    if FIELD_BEFORE.search(text, 0, f.start) or PLURAL_AFTER.match(text, f.end) or LEADERS_BOARD.match(f.name):
        return False   # a field ('lĩnh vực Kho bạc Nhà nước'), every region's ('… các khu vực'), the leaders
    if f.name not in COMMON_NOUN_BODIES:
        return True
    before, after = text[max(0, f.start - 40):f.start], text[f.end:f.end + 20]
    return not (LAW_TITLE_BEFORE.search(before) or THING_BEFORE.search(before) or THING_AFTER.match(after))


# -- the document's context -----------------------------------------------------------------------
_DEFINED = re.compile(r"\(\s*(?:sau đây\s+)?(?:gọi tắt là|viết tắt là|gọi là)\s*:?\s*[\"“”']?"
                      r"(?P<abbr>[^()\"“”']{2,40}?)[\"“”']?\s*\)", re.IGNORECASE)


def defined_aliases(text: str, found: list[FoundAgency]) -> dict[str, FoundAgency]:
    """'Bộ Khoa học và Công nghệ (sau đây gọi là Bộ KH&CN)': the short form the document defines
    for the body just named."""
    out = {}
    for m in _DEFINED.finditer(text):
        abbr = m.group("abbr").strip()
        before = [f for f in found if f.end <= m.start() and m.start() - f.end <= 3]
        # the short form must read as a body's name ('Bộ KH&CN', 'VKHCN'), not a document's
        shaped = re.fullmatch(r"[A-ZĐ][A-ZĐ&\-]{1,12}", abbr) or find_agencies(abbr)
        if before and shaped:
            out[abbr] = before[-1]
    return out


def issuing_province(issuer: str | None) -> Place | None:
    """The province a local issuer belongs to ('Ủy ban nhân dân tỉnh Đồng Tháp', 'Sở Nội vụ tỉnh
    Lâm Đồng', 'Tỉnh ủy Thanh Hóa'); None for a central body."""
    if not issuer:
        return None
    # the Party committee's words first: 'Tỉnh ủy Thanh Hóa' is no 'tỉnh' named 'ủy Thanh Hóa' (every
    # provincial Party committee's document lost its province so, pool h08)
    m = re.search(r"(?:\b(?:tỉnh|thành)\s+(?:ủy|uỷ)|\btỉnh|\bthành phố|\btp\.?)\s+(.+)$", issuer.strip(), re.IGNORECASE)
    if not m:
        return None
    return province_first(m.group(1).split())


def province_first(words: list[str], level: str | None = None) -> Place | None:
    """The province the longest run of the words' first ones names, as the places list knows it
    ('Đồng Tháp', 'hồ chí minh chỉ đạo' → Hồ Chí Minh); None where they name none."""
    for n in range(len(words), 0, -1):
        p = find_place(" ".join(words[:n]), level)
        if p is not None and p.tier == "province":
            return p
    return None


__all__ = ["AgencyContext", "FoundAgency", "defined_aliases", "find_agencies", "issuing_province"]
