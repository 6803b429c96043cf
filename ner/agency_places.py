"""Places named as actors: a province or district that acts (a cell of bodies in charge, a list of
localities that act, an item among bodies) is its People's Committee."""
from __future__ import annotations

import re

from ner.agency_tokens import TokenReader
from ner.agency_words import (
    ADDRESS_CUE,
    BOUNDARY_CUE,
    COMPANY_HEAD,
    LEVEL_FIRST_WORDS,
    LOCALITY_CUE,
    STREET_BEFORE,
    WHERE_BEFORE,
)

# The ends of a stretch of places ('các tỉnh từ Quảng Ninh tới Ninh Bình', a coastal road's regions,
# pool zf): where, not who acts.
_RANGE_END = re.compile(r"\b(?:từ|tới|đến)\s*$")
_IN_COMPANY = re.compile(rf"\s*[-–•]?\s*{COMPANY_HEAD}\b", re.IGNORECASE)


class PlacesAsActors(TokenReader):
    # -- places as actors
    def places_as_actors(self) -> None:
        """A province or district named where the text makes it an actor: the whole of a cell of
        acting bodies or of a table's group row ('HUYỆN AN LÃO'), a list of localities ('nhiều địa
        phương như Hải Phòng, Bắc Ninh'), or an item of a list of bodies ('Sở Công Thương, huyện
        Tuy Phong cũ, …')."""
        # Only a cell of acting bodies, a list of localities or a level word ('huyện X' among
        # bodies) can make a place an actor: elsewhere there is nothing to look at.
        anywhere = self.actor_context or LOCALITY_CUE.search(self.text)
        i = 0
        while i < len(self.toks):
            if not (anywhere and self.is_cap(i)) and self.toks[i].name_key.split(" ")[0] not in LEVEL_FIRST_WORDS:
                i += 1
                continue
            level, j = None, i
            lv = self.level_at(i)
            if lv:
                j, level = lv
            place = self.place_at(j, level, ("province", "district") if level else ("province",))
            # a capitalized word just before a bare place name makes them one name ('Báo Quảng Nam',
            # a newspaper, in a cell of bodies in charge): no People's Committee
            named_by = not level and self.is_cap(i - 1) and self.key(i - 1) not in ("và", "các")
            if place and self.in_company(i):
                i = place[0]   # ('Công ty Cổ phần Khoáng sản và Xây dựng Bình Dương' in a cell of mine operators)
                continue
            if place and self.in_address(i):
                i = place[0]   # ('địa chỉ: Số 64, đường Lý Tự Trọng, phường Yên Bái': where a body sits)
                continue
            if place and not level and self.in_route(i, place[0]):
                i = place[0]   # ('các dự án Tuyên Quang - Hà Giang, Cần Thơ - Hậu Giang': a route's ends)
                continue
            if place and (place[1] is not None or level) and not named_by and not self.claimed(i, place[0]) \
                    and (self.actor_context or self.locality_list(i) or self.listed_with_bodies(i, place[0])):
                where = place[1].full(level) if place[1] is not None else f"{level} {place[2]}"
                self.add(i, place[0], f"Ủy ban nhân dân {where}", "people_committee", True)
                i = place[0]
                continue
            i += 1

    def in_company(self, i: int) -> bool:
        """A place inside a company's name ('CTTNHH Đá xây dựng Bình Dương', pool zza): no actor."""
        clause = re.split(r"[;,\n]", self.text[:self.toks[i].start])[-1]
        return bool(_IN_COMPANY.match(clause))

    def in_address(self, i: int) -> bool:
        """A place in an address ('địa chỉ: … phường Yên Bái, tỉnh Lào Cai', '… Đại lộ Trần Hưng Đạo,
        phường Cam Đường'), or on a boundary ('Tây giáp huyện Quế Võ, tỉnh Bắc Ninh', pool zr): where a
        body sits or what a place borders, not a locality that acts (pool w)."""
        clause = re.split(r"[;\n]", self.text[:self.toks[i].start])[-1]
        return bool(ADDRESS_CUE.search(clause) or STREET_BEFORE.search(clause[-60:]) or BOUNDARY_CUE.search(clause))

    def in_route(self, i: int, j: int) -> bool:
        """A place joined to another by a dash ('Bắc Kạn - Cao Bằng', 'Châu Đốc - Cần Thơ - Sóc
        Trăng'): the ends of a road or a line, named as one thing, not localities that act."""
        dash_before = i > 0 and self.toks[i - 1].text in ("-", "–")
        dash_after = j < len(self.toks) and self.toks[j].text in ("-", "–")
        return dash_before or dash_after

    def claimed(self, i: int, j: int) -> bool:
        """Part of a body already read ('Hội Chữ thập đỏ các tỉnh Gia Lai, Kon Tum': Gia Lai is
        the first item of that enumeration): a place as actor is the weakest reading."""
        a, b = self.toks[i].start, self.toks[j - 1].end
        return any(f.start < b and a < f.end for _, _, f in self.found if f.text)

    def locality_list(self, i: int) -> bool:
        """A list of localities that act ('nhiều địa phương như Hải Phòng, Bắc Ninh'), not one
        that says where ('thực hiện Dự án tại các tỉnh Gia Lai, Kon Tum', holdout h01)."""
        start = self.toks[i].start
        sentence_start = max(self.text.rfind(".", 0, start), self.text.rfind(";", 0, start), 0)
        cue = LOCALITY_CUE.search(self.text, sentence_start, start)
        return bool(cue) and not WHERE_BEFORE.search(self.text[max(sentence_start, cue.start() - 20):cue.start()]) \
            and not _RANGE_END.search(self.text, cue.end(), start)

    def listed_with_bodies(self, i: int, j: int) -> bool:
        """A place between commas in a list whose neighbours are bodies."""
        if not self.level_at(i):
            return False
        if self.key(j) in ("cũ", "mới"):
            j += 1   # 'huyện Tuy Phong cũ': the unit before the 2025 reorganization
        before = i > 0 and self.toks[i - 1].text == ","
        after = j < len(self.toks) and self.toks[j].text in (",", ";")
        bodies = {a.end for _, _, a in self.found if a.text}
        left = before and any(abs(self.toks[i - 1].start - e) <= 1 for e in bodies)
        right = after and self.starts_agency(j + 1)
        return bool(left and after or right and before)
