"""Places inside an agency's name: a level word ('tỉnh', 'TP.', 'huyện'), the place after it (as the
places list names it, or as written for districts and communes), a locality ('tỉnh Đồng Tháp')."""
from __future__ import annotations

import re

from ner.agency_tokens import TokenReader
from ner.agency_words import _PLAIN_LEVELS, FAMILY_NAMES, LEVEL_WORDS
from normalize.places import COMMUNE_LEVELS, PROVINCE_LEVELS, Place, find_place

# Levels whose units may be named by a number alone: 'Phường 1', 'Quận 3', 'xã 2'.
_NUMBERED_LEVELS = ("phường", "quận", "xã", "thị trấn")


class LocalityWords(TokenReader):
    def place_at(self, i: int, level: str | None, tiers=("province", "district")) -> tuple[int, Place | None, str] | None:
        """A place name of up to five words at i: (end, the place when known, its name)."""
        best = None
        for n in range(1, 7):
            j = i + n
            if j > len(self.toks) or not all(self.is_cap(k) or self.toks[k].text in "-–." or self._place_number(k)
                                             for k in range(i, j)):
                break
            if not self.toks[j - 1].word and not self._place_number(j - 1):
                continue
            p = find_place(self.span_text(i, j), level, self.plain)
            if p is not None and p.tier in tiers:
                best = (j, p, p.short)
        if best is None and level in _NUMBERED_LEVELS and not self.plain and i < len(self.toks) \
                and self.toks[i - 1].key == level.split()[-1] and re.fullmatch(r"\d{1,2}", self.toks[i].text) \
                and self.key(i + 1) not in ("cấp", "năm", "tháng", "ngày") and not self.is_cap(i + 1):
            # a ward or commune named by its number ('Phường 1', 'phường 12' of a city before 7/2025);
            # not 'chính quyền địa phương 2 cấp', and 'Phường 2 Bảo Lộc' is a name the list knows
            return i + 1, None, self.toks[i].text
        if best is None and level in ("tỉnh", "thành phố") and not self.plain:
            best = self._lowercase_province(i, level)
        if best or self.all_caps or self.plain:
            return best  # a mark-blind reading takes only places the list knows ('cơ quan Trung' ≠ 'quận Trung')
        if level and level not in PROVINCE_LEVELS or level == "thành phố":
            # Districts, provinces' cities and communes are too many to list (communes changed in 2025;
            # the list lacks Cao Lãnh, Hồng Ngự …, a review found): a capitalized name after their level
            # word is taken as written, but not a man's after 'thành phố' ('PCT UBND TP Trương Việt Dũng',
            # pool zz: three words or more under a family name; no city but Hồ Chí Minh, which the list
            # knows, is named so).
            j = i
            while j < len(self.toks) and self.is_cap(j) and j - i < 4 and not self.head_at(j) and not self.verb_at(j):
                j += 1   # ('UBND Thành phố Báo cáo Bộ Tài chính': a verb, holdout2 k01)
            if level == "thành phố" and j - i >= 3 and self.toks[i].text in FAMILY_NAMES:
                return None
            if j > i:
                written = self.span_text(i, j)
                slipped = self._slipped_place(written, level)
                return j, slipped, slipped.short if slipped else written
        return None

    def province_named_at(self, i: int) -> bool:
        """A province's name alone at i ('… Kho bạc Nhà nước Nghệ An': 'Nghệ' is also a word of known names,
        'Học viện … Nghệ thuật', pool zy)."""
        place = self.place_at(i, None, ("province",))
        return place is not None and place[1] is not None

    def _lowercase_province(self, i: int, level: str) -> tuple[int, Place, str] | None:
        """A province written in lowercase after 'tỉnh' ('Ủy ban nhân dân tỉnh bắc kạn', 'Hội đồng nhân
        dân tỉnh tiền giang khóa vii': texts whose names a dataset or a typist lowercased, pool v and
        w), or a centrally-run city after 'thành phố' ('ủy ban nhân dân thành phố hồ chí minh', pool
        zc): the list's province of two or more words, written as the list writes it."""
        best = None
        for j in range(i + 2, min(i + 5, len(self.toks)) + 1):
            if not all(self.toks[k].word and self.is_low(k) for k in range(i, j)):
                break
            p = find_place(self.span_text(i, j), level)
            if p is not None and p.tier == "province":
                best = (j, p, p.short)
        return best

    def province_without_level(self, i: int) -> tuple[int, Place] | None:
        """A province named without its level word after a department's name ('Sở Tài chính Hà
        Nội'), capitalized or, as a dataset lowercased it, of two words or more ('… du lịch hà nội')."""
        if self.is_cap(i):
            place = self.place_at(i, None, ("province",))
            return (place[0], place[1]) if place and place[1] is not None else None
        place = self._lowercase_province(i, "tỉnh") or self._lowercase_province(i, "thành phố")
        return (place[0], place[1]) if place else None

    def _slipped_place(self, written: str, level: str) -> Place | None:
        """A district or commune of the document's province whose name was written with a mark
        slipped ('thị trấn Tâm Vu' for Tầm Vu, 'huyện Bến Lúc' for Bến Lức, in OCR'd letters): the
        list's spelling, where the name read without marks is that one place of the province."""
        if self.ctx.province is None:
            return None
        p = find_place(written, level, plain=True)
        return p if p is not None and p.province == self.ctx.province.short else None

    def _place_number(self, k: int) -> bool:
        """A number that is part of a commune's name since 7/2025 ('xã Bảo Lâm 2', 'phường 2 Bảo
        Lộc', 'xã Đam Rông 3'); the places list says which exist."""
        t = self.toks[k].text
        return t.isdigit() and len(t) <= 2

    def level_at(self, i: int) -> tuple[int, str] | None:
        """A level word at i ('tỉnh', 'thành phố', 'TP.', 'huyện', …; without marks in a mark-blind
        reading: 'THI XA'): (end, level)."""
        if i >= len(self.toks):
            return None
        levels = _PLAIN_LEVELS if self.plain else LEVEL_WORDS
        k = self.toks[i].name_key
        two = f"{k} {self.toks[i + 1].name_key}" if i + 1 < len(self.toks) else None
        if two in levels:
            return i + 2, levels[two]
        if k in levels:
            j = i + 1
            if j < len(self.toks) and self.toks[j].text == "." and k == "tp":
                j += 1
            return j, levels[k]
        return None

    def locality_at(self, i: int) -> tuple[int, str] | None:
        """'tỉnh Đồng Tháp', 'TP. HCM', 'huyện An Lão', 'xã Yên Khương' → (end, 'tỉnh Đồng Tháp')."""
        lv = self.level_at(i)
        if lv is None:
            return None
        end, level = lv
        tiers = ("province",) if level == "tỉnh" else ("commune",) if level in COMMUNE_LEVELS else ("province", "district")
        place = self.place_at(end, level, tiers)
        return (place[0], f"{level} {place[2]}") if place else None
