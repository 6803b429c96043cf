"""Names of local bodies and their units: a place head and its locality, a bare local head in its
issuer's document, a Party committee's organs, and where a name's tail ends."""
from __future__ import annotations

from ner.agency_tokens import Reading, TokenReader, party_organ_index, phrase_keys
from ner.agency_words import (
    BARE_BRANCHES_SINCE,
    COMMON_NOUN_HEADS,
    ITEM_ENDS,
    LOCAL_BRANCHES,
    NAMED_WITHOUT_LEVEL,
    NATIONAL_SUFFIXES,
    NESTING_HEADS,
    NEXT_CHIEFS,
    PARTY_PLACE_HEADS,
    REGIONAL_HEADS,
    TAIL_STOPS,
    TERM_WORDS,
    UNITS_WITH_OFFICES,
    local_name,
)
from normalize.agencies import (
    component_abbreviations,
    council_committee,
    department_part,
    known_agency,
    party_body,
    spell_glued,
    spell_regions,
)
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.places import PROVINCE_LEVELS, find_place
from normalize.text import match_key
from normalize.vowel_marks import lexicon

# The longest council committee's name in tokens ('kinh tế - ngân sách', 'văn hóa - xã hội'; 'Ban
# Kinh tế và Ngân sách' of before 2016).
MAX_COMMITTEE_WORDS = 5
# The longest department's specific part in tokens ('lao động - thương binh và xã hội': 7).
MAX_DEPARTMENT_WORDS = 8
# A province's Party committee as lists of recipients write it, 'Tỉnh ủy' or 'Thành ủy' alike.
PARTY_COMMITTEE_CODE = "TU"
# How far a list of heads may run before the locality they share (tokens).
LIST_REACH = 24




class LocalNames(TokenReader):
    def owned_unit_words(self, end: int, head: str) -> tuple[int, str | None]:
        """(end, the organ as named) for a Party committee's organ written in lowercase after its
        head ('Ủy ban kiểm tra Đảng ủy', 'Ban thường vụ Tỉnh ủy'): the organs every committee has."""
        for words, organ in party_organ_index().get(head, ()):
            if all(self.is_low(end + k) for k in range(len(words))) and \
                    tuple(self.key(end + k) for k in range(len(words))) == words:
                return end + len(words), organ
        return end, None

    def own_province_level(self, j: int, name: str) -> bool:
        """'cấp tỉnh' at j after a body every province has, in the province's own document: that
        province's ('Trung tâm Phục vụ hành chính công cấp tỉnh', pool q); not its councils and
        committees, which a commune's election texts name by level ('đại biểu Hội đồng nhân dân cấp
        tỉnh', pool t), nor 'cấp tỉnh, cấp xã' (each level's)."""
        own = self.ctx.locality or self.ctx.province
        return name in LOCAL_BRANCHES and name not in ("Ủy ban nhân dân", "Hội đồng nhân dân") \
            and own is not None and own.tier == "province" and self.words_at(j, ("cấp", "tỉnh")) \
            and not self.more_levels_after(j + 2)

    def lowercase_department(self, end: int) -> Reading | None:
        """A district's or a commune's department written in lowercase before its locality ('Phòng tư pháp
        huyện Tân Trụ', 'Phòng lao động TB&XH huyện Tân Trụ' in a commune's letter of 2010, pool zzd): the
        department list's spelling, with the locality."""
        if not self.is_low(end):
            return None
        for k in range(min(end + MAX_DEPARTMENT_WORDS, len(self.toks)), end, -1):
            part = department_part(self.span_text(end, k)) if self.toks[k - 1].word else None
            loc = self.locality_at(k) if part else None
            if loc and not self.province_named(loc[1]):   # (a province's, or a city's of that tier, are Sở)
                return loc[0], f"Phòng {part} {loc[1]}", "local", True
        return None

    @staticmethod
    def province_named(locality: str) -> bool:
        """'tỉnh Nghệ An', 'thành phố Hà Nội' (a city of a province's tier); not 'thành phố Vinh'."""
        level, _, name = locality.partition(" ") if locality.startswith("tỉnh ") else locality.partition("phố ")
        place = find_place(name, "tỉnh" if level == "tỉnh" else "thành phố") if name else None
        return place is not None and place.tier == "province"

    def more_levels_after(self, j: int) -> bool:
        """'… cấp tỉnh, cấp xã', '… cấp tỉnh và huyện', '… cấp tỉnh/huyện': each level's, no one body (pools g,
        h; a review's probes)."""
        return j < len(self.toks) and self.toks[j].text in (",", "và", "/", "-") \
            and (self.key(j + 1) == "cấp" or self.level_at(j + 1) is not None)   # ('cấp tỉnh, huyện, xã')

    def lowercase_committee_end(self, end: int) -> int:
        """The end of a People's Council committee's name written in lowercase after 'Ban', where its
        council follows ('Ban kinh tế - ngân sách của Hội đồng nhân dân tỉnh', a council's resolution
        of 2017, pool zzc); end where none is (a lowercase 'ban pháp chế' alone says not whose)."""
        if not self.is_low(end):
            return end
        for k in range(min(end + MAX_COMMITTEE_WORDS, len(self.toks)), end, -1):
            if self.toks[k - 1].word and council_committee(f"Ban {self.span_text(end, k)}") is not None:
                council = k + 1 if self.key(k) == "của" else k
                inner = self.agency_at(council) if self.starts_agency(council) else None
                return k if inner is not None and inner[2] == "people_council" else end
        return end

    def own_ministry_unit(self, end: int, head: str) -> tuple[bool, Reading | None]:
        """'Văn phòng Bộ', 'Thanh tra Bộ': (True, the document's own ministry's unit), or (True,
        None) when the issuer is no ministry (no one body); (False, None) for other words."""
        if head in NESTING_HEADS and self.key(end) == "bộ" and self.is_cap(end) and not self.is_cap(end + 1):
            return True, (end + 1, f"{head} {self.ctx.ministry}", "department", True) if self.ctx.ministry else None
        if head in NESTING_HEADS and self.key(end) == "sở" and self.is_cap(end) and not self.is_cap(end + 1) \
                and self.ctx.department:   # 'Văn phòng Sở', 'Thanh tra Sở' in a province's department's document
            return True, (end + 1, f"{head} {self.ctx.department}", "department", True)
        if head == "Văn phòng" and self.key(end - 3) == "chánh" and not self.all_caps and end < len(self.toks) \
                and (self.toks[end].text in ",;" or self.key(end) == "và") and self.key(end + 1) in NEXT_CHIEFS:
            # (the next item another unit's chief: 'Ông A, Chánh Văn phòng, Sở Y tế' is a member's title
            # and body, 'Chánh Văn phòng và Phó Chánh Văn phòng Tỉnh ủy' another office: a review's probes)
            # 'Chánh Văn phòng, Cục trưởng …' in a decision's last article: the issuer's own office (pool zh)
            office = self.issuer_office()
            return True, (end, office, "department", True) if office else None
        return False, None

    def issuer_office(self) -> str | None:
        """The office of the issuer, where it has one of that name: a province's department's, a People's
        Committee's, a central body's (a ministry, the State Bank, a Tổng cục: pool zj); not the Prime
        Minister's (his decisions name the Government's office by its minister)."""
        issuer = self.ctx.issuer or ""
        if self.ctx.department:
            return f"Văn phòng {self.ctx.department}"
        if issuer.startswith("Ủy ban nhân dân") and self.ctx.locality is not None and self.ctx.locality.tier == "province":
            return f"Văn phòng {issuer}"   # (a district's or a commune's is 'Văn phòng HĐND và UBND', or none)
        e = known_agency(issuer) if issuer and not issuer.startswith("Thủ tướng") else None
        if e is not None and (e.kind in ("ministry", "gov_agency", "state") or e.name.startswith(UNITS_WITH_OFFICES)):
            return f"Văn phòng {e.name}"
        return None

    def place_head(self, end: int, head: str, kind: str) -> Reading | None:
        ministry_unit, reading = self.own_ministry_unit(end, head)
        if ministry_unit:
            return reading
        if head in REGIONAL_HEADS and self.words_at(end, ("khu", "vực")):
            return self.regional_body(end + 2, head, kind)
        region = self.region_after(end)
        if region is not None:   # 'Chi cục Thuế khu vực V', 'Kho bạc Nhà nước khu vực XII': a numbered region's
            return region[0], f"{head} khu vực {region[1]}", kind, True
        if head in NAMED_WITHOUT_LEVEL:
            place = self.place_at(end, None, ("province",))
            if place and place[1] is not None:   # 'Tỉnh đoàn Bắc Ninh'
                return place[0], local_name(head, place[1].full()), kind, True
        loc = self.locality_at(end)
        if loc:
            return loc[0], local_name(head, loc[1]), kind, True
        for suffix in NATIONAL_SUFFIXES:
            keys = phrase_keys(suffix, self.plain)
            if self.match_keys(end, keys):
                e = known_agency(f"{head} {suffix}")
                if e is not None:
                    return end + len(keys), e.name, e.kind, True
        if head.startswith("Văn phòng") and self.starts_agency(end):
            nested = self.agency_at(end)
            if nested:
                return nested[0], f"{head} {nested[1]}", nested[2], nested[3]
        if self.own_province_level(end, head):
            # 'Trung tâm Phục vụ hành chính công cấp tỉnh' in a province's own document (pool q): its own
            return end + 2, local_name(head, self.ctx.province.full()), kind, True
        if head in LOCAL_BRANCHES and head not in COMMON_NOUN_HEADS:
            bare_place = self.place_at(end, None, ("province",))
            own = self.ctx.locality
            if bare_place and bare_place[1] is not None and own is not None and own.tier != "province" \
                    and own.short == bare_place[1].short:
                # the issuer's own district or commune that bears a province's name ('Công an Quảng Ninh' in
                # huyện Quảng Ninh's document, Quảng Bình; a review's probe): its own
                return bare_place[0], local_name(head, own.full()), kind, True
            if bare_place and bare_place[1] is not None:
                # a body every province has, named with the province alone: 'UBND Bình Định', 'BẢO
                # HIỂM XÃ HỘI HƯNG YÊN' (a letterhead's parent line), 'Công an Nghệ An' (pool zzc;
                # the gazetteer's bodies, 'Kho bạc Nhà nước Quảng Ngãi', are read so in agency_at)
                return bare_place[0], local_name(head, bare_place[1].full()), kind, True
        return self.bare_local(end, head, kind)

    def regional_body(self, k: int, head: str, kind: str) -> Reading | None:
        """After 'khu vực': its number, then its province ('- Tuyên Quang', 'tỉnh Hà Tĩnh'), or the
        document's own province; no province, no one body."""
        if k >= len(self.toks) or not self.toks[k].text.isdigit():
            return None
        number, k = self.toks[k].text, k + 1
        province = self.ctx.province.short if self.ctx.province else None
        if k < len(self.toks) and self.toks[k].text in "-–":
            place = self.place_at(k + 1, None, ("province",))
            if place and place[1] is not None:
                province, k = place[1].short, place[0]
            elif province and self.is_cap(k + 1) and strip_diacritics_same_length(self.toks[k + 1].key) == \
                    strip_diacritics_same_length(match_key(province)).replace(" ", ""):
                k += 2   # '- TuyênQuang': the document's own province, its space lost
        else:
            loc = self.locality_at(k)
            place = find_place(loc[1]) if loc else None
            if place is not None and place.tier == "province":
                province, k = place.short, loc[0]
        return (k, f"{head} khu vực {number} - {province}", kind, True) if province else None

    def bare_level(self, j: int) -> int:
        """Past a bare level word ('tỉnh', 'thành phố') that stands for the document's province."""
        lv = self.level_at(j)
        if lv and lv[1] in PROVINCE_LEVELS and self.key(lv[0]) != "ủy" \
                and (not self.is_cap(lv[0]) or self.verb_at(lv[0]) or self.term_at(lv[0])):
            return lv[0]   # (not 'Tỉnh ủy', 'Thành ủy': a Party committee)
        return j

    def term_at(self, i: int) -> bool:
        """A council's term or session after its level word ('Hội đồng nhân dân tỉnh Khoá XIV, kỳ họp
        thứ 15', pool zi), no place's name."""
        return any(self.words_at(i, words) for words in TERM_WORDS)

    def bare_own_level(self, j: int) -> tuple[int, str] | None:
        """Past a bare level word that stands for the document's own place: 'tỉnh' for its province,
        'huyện', 'xã', 'phường' … for the district or commune that issued it ('Trung tâm Dịch vụ nông
        nghiệp huyện' in the district's own text): (end, the place's name)."""
        own, lv = self.ctx.locality, self.level_at(j)
        if own is not None and own.tier != "province" and lv is not None and lv[1] == own.level \
                and not self.is_cap(lv[0]) and not (lv[0] == j + 1 and f"{self.key(j)} {self.key(j + 1)}" in lexicon()[0]):
            return lv[0], own.full()   # ('xã hội' is no commune; 'thành phố' in a city's text of before
            #                            7/2025 is that city, not its province: pool x)
        end = self.bare_level(j)
        if end > j and self.ctx.province is not None:
            return end, self.ctx.province.full()
        return None

    def bare_local(self, end: int, head: str, kind: str) -> Reading | None:
        """'UBND tỉnh', 'Ủy ban nhân dân Tỉnh', 'Tỉnh ủy', 'Kho bạc Nhà nước', 'Đoàn ĐBQH địa phương'
        with no place: the document's own province, when a province issued it. Never 'cấp tỉnh'."""
        if self.every_level_after(end):
            return None   # 'Đảng ủy, chính quyền các cấp': the committees of every level (pool x)
        own = self.own_locality_body(end, head, kind)
        if own is not None:
            return own
        p = self.ctx.province
        if p is None or self.key(end) in ("cấp", "các"):
            return None
        if self.key(end) in (",", "và") and self.head_at(end + 1) and self.list_names_a_place(end + 1):
            # 'Tỉnh ủy, HĐND, UBND tỉnh X': the locality comes at the end (shared_localities); where
            # the list names none ('Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy') it is the province's own
            return None
        lv = self.level_at(end)
        if lv and lv[1] in PROVINCE_LEVELS:
            if self.is_cap(lv[0]) and not self.toks[lv[0]].text.isupper() and not self.verb_at(lv[0]) \
                    and not self.term_at(lv[0]):
                return None  # 'tỉnh X' this parser does not know: not the document's own
            return lv[0], local_name(head, p.full()), kind, True
        if lv:
            return None  # 'UBND huyện' (which one?), 'UBND xã'
        if head in PARTY_PLACE_HEADS:
            if self.toks[end - 1].text == PARTY_COMMITTEE_CODE:
                # 'TU' in a list of recipients ('TT.TU', 'VPTU'): the province's own Party
                # committee, a Thành ủy where the province is a city
                head = next(h for h, level in PARTY_PLACE_HEADS.items() if level == p.level)
            if PARTY_PLACE_HEADS[head] != p.level:
                return None  # 'Thành ủy' in a province's text is some city's
            return end, party_body(head, p.short), "party", True
        if head in LOCAL_BRANCHES and head not in ("Ủy ban nhân dân", "Hội đồng nhân dân"):
            if head in COMMON_NOUN_HEADS and self.is_low(end) and not self.verb_at(end) \
                    and not self.words_at(end, ("địa", "phương")):
                return None   # 'Thuế nhà đất', 'Thuế thu nhập cá nhân': a tax, not the tax office (pool w)
            since = BARE_BRANCHES_SINCE.get(head)
            if since is not None and not (self.ctx.issued and self.ctx.issued >= since) \
                    and not self.province_named_at(end):
                return None   # (but 'Thuế Nghệ An' is the office whenever written: a review's probe)
            j = end + 2 if self.words_at(end, ("địa", "phương")) else end
            return j, local_name(head, p.full()), kind, True
        return None

    def list_names_a_place(self, i: int) -> bool:
        """Whether a locality ('tỉnh X', 'huyện Y') is named from token i to the clause's end."""
        for k in range(i, min(len(self.toks), i + LIST_REACH)):
            if self.toks[k].text in (";", ".", ":"):
                return False
            if self.locality_at(k):
                return True
        return False

    def item_tail(self, j: int) -> int:
        """In a cell or a list item, the lowercase words that end it belong to the name ('Vụ Lý luận
        chính trị', 'Cục Quản lý lao động ngoài nước'); not a verb or a function word."""
        if not self.item:
            return j
        k = j
        while k < len(self.toks) and self.is_low(k) and not self.stops_at(k, TAIL_STOPS) and not self.verb_at(k) \
                and k - j < 6:
            k += 1
        if k > j and self.key(k) == "và" and self.is_cap(k + 1) and not self.starts_agency(k + 1):
            more = self.name_end(k + 1)   # 'Cục Kiểm tra văn bản và Quản lý XLVPHC': a second component
            if more > k + 1 and (more == len(self.toks) or self.toks[more].text in (*ITEM_ENDS, ")", "-", "–")):
                return more
        if k > j and (k == len(self.toks) or self.toks[k].text in (*ITEM_ENDS, ")") or self.key(k) == "và"):
            return k
        return j

    def lowercase_tail(self, j: int) -> int | None:
        """Lowercase words that end in a locality belong to the name ('Ban Quản lý khu kinh tế tỉnh
        Đồng Tháp', 'Trung tâm Phục vụ hành chính công tỉnh Hà Giang')."""
        k = j
        while k < len(self.toks) and k - j < 12:
            if self.locality_at(k) or self.bare_own_level(k):
                return k
            if self.toks[k].text in (",", "và") and self.is_low(k + 1):
                k += 1
                continue
            if not self.is_low(k) or self.stops_at(k, TAIL_STOPS):
                return None
            k += 1
        return None

    def expand(self, i: int, j: int) -> str:
        """The text of tokens i..j with the specific-name abbreviations spelled out."""
        comp = component_abbreviations()
        parts = []
        for k in range(i, j):
            t = self.toks[k]
            parts.append(comp.get(t.text) or spell_glued(t.text) or t.text)
            if k + 1 < j and self.toks[k + 1].start > t.end:
                parts.append(" ")
        return spell_regions("".join(parts))
