"""Readings of a name the gazetteer knows: its branch, region or province department, whether the
text's name goes on past it, whether the document is older than the name."""
from __future__ import annotations

import re

from ner.agency_tokens import Reading, TokenReader, known_name_words
from ner.agency_words import (
    DOCUMENT_KIND_KEYS,
    KIND_OF_HEAD,
    POSITION_WORDS,
    TITLE_WORDS,
    foreign_body_at,
)
from normalize.agencies import (
    AgencyEntry,
    initials_match,
    issuer_family,
    province_departments,
    units_of,
)
from normalize.places import PROVINCE_LEVELS

# Words that begin something else after a known name though known names hold them: the national
# motto, an international organization ('Tổ chức Y tế Thế giới', 'Liên Hợp Quốc').
NOT_MORE_OF_A_NAME = (("cộng", "hòa"), ("tổ", "chức"), ("liên", "hợp", "quốc"))


class KnownReadings(TokenReader):
    """What a name the gazetteer knows may be where the text writes it (a part of the grammar the
    parser joins: ner/agencies._Parser)."""

    def branch_after(self, end: int) -> tuple[int, str] | None:
        """(end, locality) of 'chi nhánh tỉnh X' after a known body: that body's branch there."""
        if self.key(end) == "chi" and self.key(end + 1) == "nhánh":
            loc = self.locality_at(end + 2)
            if loc is None and self.ctx.province is not None and self.key(end + 2) == "tỉnh" and not self.is_cap(end + 3) \
                    and not (self.key(end + 3) in (",", "và") and self.level_at(end + 4)):
                # 'chi nhánh tỉnh' in the province's own text; not 'chi nhánh tỉnh, huyện' (every level's)
                return end + 3, self.ctx.province.full()
            return loc
        return None

    def region_after(self, end: int) -> tuple[int, str] | None:
        """'khu vực V' at `end`: (its end, the number)."""
        if self.words_at(end, ("khu", "vực")) and end + 2 < len(self.toks) and \
                re.fullmatch(r"[IVXL]{1,6}|\d{1,2}", self.toks[end + 2].text):
            return end + 3, self.toks[end + 2].text
        return None

    def regional_unit(self, end: int, e: AgencyEntry) -> Reading | None:
        """'Kho bạc Nhà nước khu vực III', 'Kiểm toán nhà nước khu vực IX': a central body's unit
        for a region, numbered (the regional Kiểm toán nhà nước units; Kho bạc, Thuế, Hải quan and
        Thống kê from 2025)."""
        region = self.region_after(end)
        return (region[0], f"{e.name.removesuffix(' Việt Nam')} khu vực {region[1]}", e.kind, True) if region else None

    def department_by_initials(self, end: int) -> Reading | None:
        """'Sở Tài nguyên và MT', 'Sở Lao động, TB& XH' in a province's text: the department whose name's
        last words the text wrote as their initials (normalize.agencies.initials_match), the document's
        province's."""
        if self.ctx.province is None:
            return None
        stop = end
        while stop < len(self.toks) and stop - end < 8 and self.toks[stop].text not in (";", ":", "(", ")"):
            stop += 1
        for k in range(stop, end, -1):
            written = [t.text for t in self.toks[end:k]]
            for e in province_departments():
                if e.name.startswith("Sở ") and initials_match(written, e.name[3:]):
                    j = self.bare_level(k)
                    return j, f"{e.name} {self.ctx.province.full()}", "province_department", True
        return None

    def unit_by_initials(self, end: int, head: str) -> Reading | None:
        """'Vụ CST, Vụ NSNN (BTC)' in Bộ Tài chính's letter, 'Cục GSQL, Cục Thuế XNK' in Tổng cục Hải quan's,
        'Vụ LĐTL' in Bộ Lao động's (pool zz): a unit of the issuer's ministry (ministry_units.json) whose
        name after its head the text wrote as initials (normalize.agencies.initials_match), a qualifier
        after 'về' left out ('Giám sát quản lý [về hải quan]'), or of the ministry named right after it
        ('Cục KT VB &QLXLVPHC (Bộ TP)'). One such unit, at the document's date, or none."""
        stop = end
        while stop < len(self.toks) and stop - end < 8 and self.toks[stop].text not in (";", ":", ",", "(", ")", ".", "/"):
            stop += 1
        family = issuer_family(self.ctx.issuer or "") | self.parent_family(stop)
        if not family:
            return None
        units = [(e.name, _spoken_parts(e.name[len(head) + 1:])) for e in units_of(family)
                 if e.name.startswith(f"{head} ") and self.at_date(e)]
        for k in range(stop, end, -1):
            written = [t.text for t in self.toks[end:k]]
            found = {name for name, parts in units if any(initials_match(written, part) for part in parts)}
            if len(found) == 1:
                # (not a local office named with its place: 'Cục QLTT tỉnh Nghệ An', a review's probe)
                return (k, found.pop(), "department", True) if self.level_at(k) is None else None
        return None

    def parent_family(self, i: int) -> frozenset[str]:
        """The ministry a unit's name says it is of, right after it: 'Cục KT VB &QLXLVPHC (Bộ TP)', '… /Bộ Tư
        pháp', '… - Bộ Tư pháp' in any body's recipient list (pool zza)."""
        if i >= len(self.toks) or self.toks[i].text not in ("(", "/", "-", "–") or not self.starts_agency(i + 1):
            return frozenset()
        parent = self.agency_at(i + 1)
        return issuer_family(parent[1]) if parent is not None else frozenset()

    def at_date(self, e: AgencyEntry) -> bool:
        """Whether the document's date (where known) falls in the body's time under that name."""
        issued = self.ctx.issued
        return issued is None or (not e.valid_from or e.valid_from <= issued) and (not e.valid_to or issued <= e.valid_to)

    def continues_name(self, i: int) -> bool:
        """Whether the capitalized word at i goes on with the name before it: a word known names hold,
        no body, place, title, position or verb of its own ('Cục Quản lý Chất lượng Nông lâm sản …', not
        'Cục Thuế Hà Nội', '… Thể thao Hướng dẫn thực hiện', '… Chất lượng Phó Cục trưởng', 'Tổng cục
        Thuế Mai Xuân Thành', 'Cục Quản lý giá Số: 125/QLG', a review's probes)."""
        return self.is_cap(i) and not self.all_caps and not self.toks[i].text.isupper() and not self.starts_agency(i) \
            and self.toks[i].name_key in known_name_words(self.plain) \
            and not any(self.words_at(i, words) for words in NOT_MORE_OF_A_NAME) \
            and not self.locality_at(i) and not self.province_named_at(i) \
            and not self.level_at(i) and self.key(i) not in TITLE_WORDS and self.key(i + 1) not in POSITION_WORDS \
            and not self.verb_at(i) and not self.role_after(i - 1) and not self.words_at(i, ("việt", "nam")) \
            and not foreign_body_at(self.text, self.toks[i - 1].end) \
            and f"{self.key(i)} {self.key(i + 1)}" not in DOCUMENT_KIND_KEYS and self.key(i) not in DOCUMENT_KIND_KEYS

    def not_yet(self, e: AgencyEntry) -> bool:
        """A body the gazetteer knows only from a date after the document's (its name then meant another)."""
        return bool(e.valid_from and self.ctx.issued and self.ctx.issued < e.valid_from)

    def local_department(self, end: int, e: AgencyEntry) -> Reading | None:
        """A province's department: with the locality written after it, or the document's province.
        None where a People's Council follows: 'Ban Dân tộc HĐND huyện' is the council's committee
        (after_head), never a department of it."""
        if self.starts_agency(end):
            owner = self.agency_at(end)
            if owner is not None and owner[2] == "people_council":
                return None
        loc = self.locality_at(end)
        if loc and loc[1].split()[0] in PROVINCE_LEVELS:
            return loc[0], f"{e.name} {loc[1]}", _department_kind(e), True
        bare = self.province_without_level(end)
        if bare is not None:   # 'Sở Tài chính Hà Nội', a dataset's 'Sở văn hóa, thể thao và du lịch hà nội' (pool zf)
            return bare[0], f"{e.name} {bare[1].full()}", _department_kind(e), True
        if self.ctx.province is not None:
            j = end
            if self.key(j) == "tỉnh" or (self.key(j) == "thành" and self.key(j + 1) == "phố"):
                j += 1 if self.key(j) == "tỉnh" else 2  # 'Sở Tài chính tỉnh' in the province's own text
            return j, f"{e.name} {self.ctx.province.full()}", _department_kind(e), True
        return None


def _spoken_parts(name: str) -> tuple[str, ...]:
    """A unit's specific words and, where it ends in a qualifier after 'về', the words before it."""
    short = re.sub(r" về .+$", "", name)
    return (name, short) if short != name else (name,)


def _department_kind(e: AgencyEntry) -> str:
    """What a body every province has is: a Party committee ('Đảng ủy các cơ quan Đảng tỉnh X',
    which a 'Ban Thường vụ' heads) by its head noun, else a department ('Sở Tài chính tỉnh X')."""
    party = any(k == "party" and e.name.startswith(f"{h} ") for h, k in KIND_OF_HEAD.items())
    return "party" if party else "province_department"
