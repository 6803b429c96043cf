"""The shape of a name after its head: where a unit's long lowercase name ends, which locality a
name closes with (written, or the issuer's own), what a steering or management board's words say,
and whether an unknown name is a public body's at all."""
from __future__ import annotations

import re

from ner.agency_tokens import Reading, TokenReader
from ner.agency_words import (
    ABBREVIATION,
    CLAUSE_WORDS,
    FACILITY_NAMES,
    LOCAL_ONLY_HEADS,
    NEEDS_LOCALITY,
    PHRASE_STOPS,
    TAIL_STOPS,
)
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key
from normalize.vowel_marks import lexicon

# Issuers whose departments ('Phòng …') are named with the issuer's name, and how many words such a
# department's name may run after its capitalized part.
UNITS_NAMED_WITH_ISSUER = ("Viện kiểm sát nhân dân", "Tòa án nhân dân")
MAX_UNIT_WORDS = 24


class NameShapes(TokenReader):
    def steering_board(self, end: int, j: int) -> int | Reading | None:
        """'Ban Chỉ đạo …', 'Ban Quản lý …' (head's words end..j): where its name ends, or the
        reading it is (the issuer's own board), or None where it names no one body."""
        k = self.phrase_tail(j)
        issuer = self.ctx.issuer or ""
        if match_key(self.span_text(end, j)) == "chỉ đạo" and issuer.startswith("Ban Chỉ đạo") and \
                (k == j or self.verb_at(j) or self.key(j) in PHRASE_STOPS | CLAUSE_WORDS):
            # a steering committee's own document names itself 'Ban Chỉ đạo' ('Ban Chỉ đạo tập trung
            # …', 'Ban Chỉ đạo và Thứ trưởng …'): the issuer, whatever follows
            return j, issuer, "body", True
        if k - j <= 1 and not self.level_at(k) and match_key(self.span_text(end, j)) == "chỉ đạo":
            return None  # 'Ban Chỉ đạo' alone, or of one word ('Ban Chỉ đạo thi' of each exam): a kind, not one body
        if self.key(j) in ("các", "cấp") and match_key(self.span_text(end, j)) == "chỉ đạo":
            return None  # 'Ban Chỉ đạo các cấp', 'Ban Chỉ đạo cấp quân khu': every level's, no one body
        if match_key(self.span_text(end, k)) in ("chỉ đạo trung ương", "chỉ đạo quốc gia") or \
                match_key(self.span_text(end, j)) == "chỉ đạo" and self.only_owner(j, k):
            # 'Ban Chỉ đạo Trung ương', 'Ban Chỉ đạo của Chính phủ' with nothing after: there are
            # many, each named by what it steers; only the issuer's own text may mean itself
            owner = match_key(self.span_text(end + 2, k))
            return (k, issuer, "body", True) if issuer.startswith("Ban Chỉ đạo") and \
                owner in match_key(issuer) else None
        return k

    def name_locality(self, head: str, j: int) -> tuple[tuple[int, str] | None, int | None, int]:
        """The locality a name after `head` (ending at j) closes with: (locality's end and name, where
        the name's own words end, the name's end)."""
        tail = self.lowercase_tail(j)
        loc = self.locality_at(tail) if tail is not None else None
        if tail is None and self.is_cap(j) and not self.all_caps:
            tail = j   # 'Bộ Tư lệnh Thành phố': the capitalized level word stands for the city's own name
        if loc is None and tail is not None:
            # '… du lịch tỉnh' in the province's text, 'Bộ Tư lệnh Thành phố' in the city's (holdout2 k01),
            # '… nông nghiệp huyện' in the district's
            loc = self.bare_own_level(tail)
        if loc is None and head == "Phòng" and self.ctx.locality is not None and self.ctx.locality.tier != "province":
            # a department named bare in its commune's or district's own document ('Phòng Văn hóa -
            # Xã hội', 'Phòng Kinh tế' in a 2026 commune's decision) is that commune's
            loc = (j, self.ctx.locality.full())
            tail = j
        if loc is None and head == "Phòng" and self.ctx.issuer and self.ctx.issuer.startswith(UNITS_NAMED_WITH_ISSUER) \
                and not self.starts_agency(j):
            # a procuracy's or a court's own department ('Phòng Tổ chức cán bộ' in a notice of Viện
            # kiểm sát nhân dân tỉnh X) is named with it, as the pool's gold names them (g12, g13)
            tail = self.unit_words_end(j)
            loc, j = (tail, self.ctx.issuer), tail
        if loc is None and head == "Chi cục" and self.ctx.province is not None and not self.starts_agency(j) \
                and self.region_after(j) is None:
            # a department's branch office named bare in its province's document ('Chi cục Kiểm lâm',
            # 'Chi cục Chăn nuôi và Thú y'): the province's, as its Sở is
            loc, tail = (j, self.ctx.province.full()), j
        return loc, tail, j

    def unit_words_end(self, j: int) -> int:
        """Where a department's long lowercase name ends ('… Kiểm sát điều tra, kiểm sát xét xử sơ
        thẩm án hình sự (Phòng 1)'): at a bracket, a verb, a stop word or another body."""
        k = j
        while k < len(self.toks) and k - j < MAX_UNIT_WORDS:
            if self.toks[k].text in (",", "và") and self.is_low(k + 1) and not self.verb_at(k + 1):
                k += 1
                continue
            if self.key(k) in TAIL_STOPS and self.is_low(k + 1) and f"{self.key(k)} {self.key(k + 1)}" in lexicon()[0]:
                k += 2   # a stop word that begins a word of two syllables ('trật tự xã hội')
                continue
            if not self.is_low(k) or self.stops_at(k, TAIL_STOPS) or self.verb_at(k):
                break
            k += 1
        return k

    def names_a_body(self, head: str, start: int, name: str, has_locality: bool) -> bool:
        """Whether a name the gazetteer does not know is a public body's, by its shape."""
        specific = name[len(head):].strip()
        if not re.search(r"[a-zà-ỹđ]", specific):
            return False  # 'Cục KSTT', 'Vụ KHTC' unexpanded: no canonical name to give
        if head == "Trung tâm" and strip_diacritics_same_length(match_key(specific)).startswith(FACILITY_NAMES):
            return False
        if head in LOCAL_ONLY_HEADS or head in NEEDS_LOCALITY:
            # a unit's name with a shortening left in ('Trung tâm CB - TH tỉnh', 'Trung tâm CN và Cổng
            # TTĐT tỉnh') has no canonical form to give (one the abbreviation tables knew is expanded)
            return has_locality and not ABBREVIATION.search(specific)
        if head == "Ban":
            return has_locality or self.key(start) in ("chỉ", "quản") or \
                self.key(start) == "thường" and self.key(start + 1) in ("vụ", "trực")
        return True

