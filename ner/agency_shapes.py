"""The shape of a name after its head: where a unit's long lowercase name ends, which locality a
name closes with (written, or the issuer's own), how far a steering or management board's phrase
runs ('Ban Chỉ đạo của Chính phủ về …', its owner, a resolution's number), and whether an unknown
name is a public body's at all."""
from __future__ import annotations

import re

from ner.agency_tokens import Reading, TokenReader
from ner.agency_words import (
    ABBREVIATION,
    CLAUSE_WORDS,
    FACILITY_NAMES,
    LOCAL_ONLY_HEADS,
    NATIONAL_COMMITTEE_HEADS,
    NEEDS_LOCALITY,
    NOT_NAME_PARTS,
    PHRASE_ENDS,
    PHRASE_STOPS,
    REPORTED_TOPICS,
    STEERING_OWNERS,
    TAIL_STOPS,
    ZONE_KINDS,
    ZONE_QUALIFIERS,
)
from ner.references import PARTY_RE, STATE_RE
from normalize.agencies import component_abbreviations
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.places import TWO_LEVEL_FROM
from normalize.text import match_key
from normalize.vowel_marks import lexicon

# Issuers whose departments ('Phòng …') are named with the issuer's name, and how many words such a
# department's name may run after its capitalized part.
UNITS_NAMED_WITH_ISSUER = ("Viện kiểm sát nhân dân", "Tòa án nhân dân")
MAX_UNIT_WORDS = 24
MAX_SECOND_PART = 6    # words of a board's second part before its locality ('Phát triển quỹ đất thành phố')



class NameShapes(TokenReader):
    def steering_board(self, end: int, j: int) -> int | Reading | None:
        """'Ban Chỉ đạo …', 'Ban Quản lý …' (head's words end..j): where its name ends, or the
        reading it is (the issuer's own board), or None where it names no one body."""
        k = self.phrase_tail(j, managed=self.words_at(end, ("quản", "lý")))
        issuer = self.ctx.issuer or ""
        if match_key(self.span_text(end, j)) == "chỉ đạo" and issuer.startswith("Ban Chỉ đạo") and \
                (k == j or self.verb_at(j) or self.key(j) in PHRASE_STOPS | CLAUSE_WORDS):
            # a steering committee's own document names itself 'Ban Chỉ đạo' ('Ban Chỉ đạo tập trung
            # …', 'Ban Chỉ đạo và Thứ trưởng …'): the issuer, whatever follows
            return j, issuer, "body", True
        if issuer.startswith("Ban Quản lý dự án") and match_key(self.span_text(end, k)) == "quản lý dự án":
            # a project board's own rules name it 'Ban QLDA', 'Ban Quản lý dự án' with nothing after (pool
            # zzb: read with the province, fifteen times in one document): the issuer
            return k, issuer, "body", True
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

    def national_committee(self, end: int, head: str, kind: str) -> Reading | None:
        """'Uỷ ban quốc gia về hợp tác kinh tế quốc tế', 'Hội đồng Quốc gia về phát triển bền vững' (head's
        words end at `end`): named by what it is for, like a steering committee (pool zn)."""
        if head not in NATIONAL_COMMITTEE_HEADS or not self.words_at(end, ("quốc", "gia")) \
                or self.key(end + 2) != "về" or self.key(end + 3) in REPORTED_TOPICS:
            return None
        j = self.phrase_tail(end + 2)
        return (self.item_tail(j), f"{head} {self.expand(end, self.item_tail(j))}", kind, False) if j > end + 3 else None

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
            if loc is not None and tail > j and self.key(tail - 1) == "cấp" and self.more_levels_after(tail + 1):
                loc = None   # '… cấp tỉnh, cấp xã': each level's
            elif loc is not None and tail > j and self.key(tail - 1) == "cấp":
                tail -= 1   # '… đầu tư cấp tỉnh' in the province's text: 'cấp' says the level, not the name
        if loc is None and head == "Phòng" and self.ctx.locality is not None and self.ctx.locality.tier != "province" \
                and not (self.ctx.locality.tier == "commune" and self.ctx.issued is not None
                         and self.ctx.issued < TWO_LEVEL_FROM):
            # a department named bare in its commune's or district's own document ('Phòng Văn hóa -
            # Xã hội', 'Phòng Kinh tế' in a 2026 commune's decision) is that commune's; a commune had
            # none before 7/2025 ('Phòng Tư pháp' in a ward's letter of 3/2025 is its city's)
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

    def zone_abbreviation_at(self, i: int) -> bool:
        """'KCN', 'KKT': a zone's kind shortened."""
        spelled = component_abbreviations().get(self.toks[i].text) if i < len(self.toks) else None
        words = tuple(match_key(spelled).split()) if spelled else ()
        return len(words) == 3 and words[0] == "khu" and words[1:] in ZONE_KINDS

    def phrase_tail(self, j: int, managed: bool = False) -> int:
        """'Ban Chỉ đạo [Trung ương | quốc gia | tỉnh X] về phát triển khoa học, công nghệ, …', 'Ban Chỉ đạo
        chuyển đổi số trong các cơ quan đảng': the lowercase phrase that says what is steered or
        managed, to a function word or a punctuation mark."""
        k = self.owner_end(j)   # 'Ban Chỉ đạo của Chính phủ về sắp xếp …'
        loc = self.locality_at(k)
        if loc:
            k = loc[0]
        elif self.words_at(k, ("trung", "ương")) or self.words_at(k, ("quốc", "gia")):
            k += 2   # 'Ban Chỉ đạo Trung ương về …', 'Ban Chỉ đạo quốc gia về dữ liệu'
        # 'Ban Chỉ đạo Phòng, chống lụt, bão Trung ương': the pair of verbs, capitalized, begins the phrase
        verbs_first = self.words_at(k, ("phòng", ",", "chống")) or self.words_at(k, ("phòng", "chống"))
        if self.key(k) == "về":
            k += 1
        elif not (k == j and (self.is_low(k) or verbs_first) and not self.stops_at(k, PHRASE_STOPS)):
            return k
        end = m = k
        managed = managed or self.key(j - 1) == "lý"   # 'Ban Quản lý khu Kinh tế', 'Ban Quản lý các khu công nghiệp'
        first_noun = next((t.key for t in self.toks[k:k + 3] if t.key not in ("các", "những")), None)
        zoned = len(self.toks)   # from here a zone's kind has been read ('… các khu công nghiệp', '… các KCN')
        kind_end = 0             # the end of the zone's kind being read
        while m < len(self.toks) and not self.level_at(m) and not self.verb_at(m):
            t = self.toks[m]
            if any(self.words_at(m, words) for words in PHRASE_ENDS):
                break   # ('Ban Chỉ đạo chống buôn lậu … các cấp trên địa bàn tỉnh', pool zu)
            following = next((x for x in range(m + 1, m + 3) if self.key(x) not in ("các", "những")), m + 1)
            zone = self.key(following) == "khu" and (self.key(following + 1), self.key(following + 2)) in ZONE_KINDS
            if managed and t.key == "và" and self.key(following) != first_noun and not zone \
                    and not self.second_part_to_locality(m + 1):
                break  # '… khu công nghiệp và các đơn vị': the name ended; not '… Dung Quất và các khu Công nghiệp'
            if self.key(m - 1) == "và" and (t.key, self.key(m + 1)) in ZONE_KINDS:
                kind_end = m + 2   # ('các khu chế xuất và công nghiệp Cần Thơ')
            if m >= zoned and m >= kind_end and self.is_low(m) and t.key not in ("và", "các", "khu") \
                    and not any(self.words_at(m, words) for words in ZONE_QUALIFIERS):
                break  # ('Ban Quản lý các KCN thấy không có …', 'Ban Quản lý các KCN trân trọng thông báo', pool zu)
            if t.key == "khu" and (self.key(m + 1), self.key(m + 2)) in ZONE_KINDS:
                zoned, kind_end = min(zoned, m + 3), m + 3
            elif self.zone_abbreviation_at(m):
                zoned = min(zoned, m + 1)
            counted = t.text.isdigit() and len(t.text) <= 2 and self.key(m + 1) == "cấp"   # 'chính quyền … 02 cấp'
            if (self.is_low(m) or counted or managed and self.is_cap(m)
                    and (not self.starts_agency(m) or self.key(m - 1) == "khu")   # ('các khu Công nghiệp')
                    or m == k and verbs_first) and not self.stops_at(m, PHRASE_STOPS):
                m += 1
                if t.key not in ("và", "các"):
                    end = m
            elif t.text in (",", "-") and not managed and self.is_low(m + 1) and not self.stops_at(m + 1, PHRASE_STOPS):
                m += 1
            elif t.text in ("-", "–") and managed and self.is_cap(m + 1) and not self.starts_agency(m + 1):
                m += 1   # 'Ban Quản lý dự án Đầu tư – Hạ tầng phường X': a dash between the name's parts
            else:
                break
        if end > k and verbs_first and self.words_at(end, ("trung", "ương")):
            end += 2   # ('… lụt, bão Trung ương': the national one)
        elif verbs_first and self.is_cap(k) and not self.level_at(end):
            return k   # ('Ban Chỉ đạo Phòng, chống dịch COVID-19 tỉnh': cut at a capital, no one name: a review)
        if end > k and self.key(end - 1) == "số":
            end = self.number_end(end)   # 'Ban Chỉ đạo Nghị quyết số 57-NQ/TW': the number is the name's
            if end < len(self.toks) and re.fullmatch(r"\d{1,2}", self.toks[end].text):
                end += 1   # 'Ban Quản lý dự án đầu tư xây dựng số 1': a body's own number
        return self.owner_end(end) if end > k else end

    def second_part_to_locality(self, k: int) -> bool:
        """A capitalized part after 'và' that runs on, word by word, to a locality: the board's name
        has two parts ('Ban QLDA đầu tư xây dựng và Phát triển quỹ đất thành phố Hà Tĩnh', pool zzc)."""
        if not self.is_cap(k) or self.starts_agency(k) or match_key(self.span_text(k, k + 2)) in NOT_NAME_PARTS:
            return False
        for x in range(k + 1, min(k + MAX_SECOND_PART, len(self.toks))):
            if self.locality_at(x):
                return self.key(x - 1) not in ("tại", "ở", "trên")   # ('… và Nhà thầu thi công tại huyện X')
            if not self.toks[x].word:
                return False
        return False

    def only_owner(self, j: int, k: int) -> bool:
        """Whether tokens j..k are only whose steering committee it is ('của Chính phủ'), with no
        'về …' or locality that says which one."""
        return k > j and self.key(j) == "của" and self.owner_end(j) == k

    def owner_end(self, j: int) -> int:
        """Past 'của Chính phủ' (or another body that sets up steering committees) at j: the
        owner is part of the name ('Ban Chỉ đạo cải cách hành chính của Chính phủ')."""
        if self.key(j) == "của" and self.starts_agency(j + 1):
            owner = self.agency_at(j + 1)
            if owner is not None and owner[1] in STEERING_OWNERS:
                return owner[0]
        return j

    def number_end(self, j: int) -> int:
        """The end of a document's number at token j ('57-NQ/TW'), or j where none starts there."""
        if j >= len(self.toks):
            return j
        start = self.toks[j].start
        m = STATE_RE.match(self.text, start) or PARTY_RE.match(self.text, start)
        if m is None:
            return j
        while j < len(self.toks) and self.toks[j].end <= m.end():
            j += 1
        return j
