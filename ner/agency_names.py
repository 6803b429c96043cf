"""Whole agency names: a name the gazetteer knows, or a head noun and what follows it."""
from __future__ import annotations

import re

from ner.agency_known import KnownReadings
from ner.agency_tokens import Reading
from ner.agency_words import (
    CONNECTORS,
    EVENT_WORDS,
    GAZETTEER_ONLY,
    ITEM_ENDS,
    KIND_OF_HEAD,
    LOCAL_BRANCHES,
    LOCALITY_BODIES,
    MASS_ORGANIZATIONS,
    MINISTRY_UNIT_HEADS,
    NEEDS_LOCALITY,
    NESTING_HEADS,
    NEXT_CHIEFS,
    ORGAN_OF_HEADS,
    PARTY_PLACE_HEADS,
    PLURAL_WORDS,
    POSITION_WORDS,
    TITLE_WORDS,
    UNIT_LIST_HEADS,
    UNITS_WITH_OFFICES,
    local_name,
    party_committee_of,
)
from normalize.agencies import (
    council_committee,
    expand_abbreviations,
    known_agency,
    owned_unit,
    owned_unit_spelling,
    party_body,
    party_organ_codes,
    spelled_out,
    tidy_name,
)
from normalize.places import PROVINCE_LEVELS
from normalize.text import match_key


class WholeNames(KnownReadings):
    # -- whole names
    def agency_at(self, i: int) -> Reading | None:
        """The body named from token i, the longest reading the gazetteer or a known locality
        vouches for, else the longest."""
        candidates: list[Reading] = []
        known, head = self.known_at(i), self.head_at(i)
        if known and (self.not_yet(known[1]) or i >= 2 and self.words_at(i - 2, ("chi", "nhánh"))
                      or self.ctx.issued is None and known[1].valid_from) and head \
                and head[1] in LOCAL_BRANCHES and self.ctx.province:
            known = None   # ('Cục Thuế' in a province's letter of 2012, or an undated one (pool zq): its tax office, not the ministry's
            #              department of that name since 3/2025; the head reads it, pool x; 'Chi nhánh
            #              Ngân hàng Nhà nước' in a province's letter: its branch, pool z)
        by_head = self.after_head(*head) if head else None
        if known and by_head and self.not_yet(known[1]) and by_head[0] >= known[0] \
                and len(by_head[1]) > len(known[1].name):
            known = None   # ('Vụ Chính sách thuế' in 2015: not the 'Vụ Chính sách' a ministry has since 3/2025, pool ze)
        dashed = known is not None and known[0] < len(self.toks) and self.toks[known[0]].text in ("-", "–") \
            and self.continues_name(known[0] + 1)   # ('Ban Dân tộc - Tôn giáo tỉnh', pool zl)
        if known and head and (known[1].kind in UNIT_KINDS and (self.continues_name(known[0])
                                                                or self.lowercase_close(known[0]))
                               or known[1].kind == "province_department" and dashed):
            # the text's name goes on past a known one ('Cục Quản lý Chất lượng Nông lâm sản và Thuỷ sản'
            # of 2009, not the 'Cục Quản lý chất lượng' of Bộ GD&ĐT, pool zh), also where a lowercase
            # word inside it stops the head's reading ('Cục Quản lý chất lượng Nông lâm sản …')
            if not (by_head and by_head[0] > known[0]):
                longer = self.name_end(known[0])
                by_head = (longer, f"{head[1]} {self.expand(head[0], longer)}", KIND_OF_HEAD.get(head[1], "body"),
                           False) if longer > known[0] else by_head
            if by_head and by_head[0] > known[0]:
                known = None
        if known:
            end, e = known
            if e.kind == "province_department":
                reading = self.local_department(end, e)
                if reading:
                    candidates.append(reading)
            else:
                candidates.append(self.regional_unit(end, e) or (end, e.name, e.kind, True))
        if by_head:
            candidates.append(by_head)
        organ = party_organ_codes().get(self.toks[i].text) if i < len(self.toks) else None
        if organ and self.starts_agency(i + 1):
            inner = self.agency_at(i + 1)
            if inner and inner[2] == "party":   # 'UVTV Tỉnh uỷ', 'UBKT Đảng uỷ': that committee's organ
                candidates.append((inner[0], f"{organ} {inner[1]}", "party", True))
        if self.key(i) == "thường" and self.key(i + 1) == "trực":
            inner = self.agency_at(i + 2)
            if inner:  # 'Thường trực HĐND tỉnh' acts for the HĐND: that body is named
                candidates.append(inner)
        unit_head = next((h for h in UNIT_LIST_HEADS if self.words_at(i, tuple(match_key(h).split()))), None)
        # (also where a longer head begins so: 'Cục Thuế XNK' is read past the head 'Cục Thuế')
        by_unit_initials = self.unit_by_initials(i + len(unit_head.split()), unit_head) if unit_head else None
        if by_unit_initials:
            candidates.append(by_unit_initials)
        spelled = self.spelled_out_at(i) if i < len(self.toks) and (head or known or spelled_out(self.toks[i].text)) else None
        if spelled:
            candidates.append(spelled)
        by_initials = self.department_by_initials(head[0]) if head and head[1] == "Sở" else None
        if by_initials:
            candidates.append(by_initials)
        if not candidates:
            return None
        known_ones = [c for c in candidates if c[3]]
        best = max(known_ones or candidates, key=lambda c: c[0])
        if best[3] and best[2] == "department" and self.toks[i].text in ("Vụ", "Cục") and self.key(best[0]) == "và" \
                and self.is_cap(best[0] + 1) and not self.starts_agency(best[0] + 1) \
                and self.key(best[0] + 1) not in TITLE_WORDS and self.key(best[0] + 2) not in POSITION_WORDS:
            # a known name that the text continues with 'và' and a part of its own ('Vụ Pháp chế và
            # Quản lý khoa học' of the Supreme Court): the longer name read by its head (not where a
            # position follows: '… Vụ Pháp chế và Thủ trưởng các đơn vị')
            best = max([c for c in candidates if c[0] > best[0]] or [best], key=lambda c: c[0])
        region = self.region_after(best[0])
        inside = self.region_after(best[0] - 2) if best[0] - 2 > i else None
        if inside:   # a known name that ends in 'khu vực' ('Ngân hàng Nhà nước Khu vực') and its number
            best = (inside[0], f"{tidy_name(expand_abbreviations(self.span_text(i, best[0] - 2)))} khu vực {inside[1]}",
                    best[2], best[3])
        elif region and "khu vực" not in best[1]:
            # 'Chi cục Hải quan khu vực V', 'Ngân hàng Nhà nước khu vực XII': a body's numbered region
            best = (region[0], f"{re.sub(r' (?:(?:tỉnh|thành phố) .+|Việt Nam)$', '', best[1])} khu vực {region[1]}",
                    best[2], best[3])
        branch = self.branch_after(best[0]) if best[3] else None
        bare = self.place_at(best[0], None, ("province",)) if best[3] and best[1] in LOCAL_BRANCHES and branch is None \
            and not self.plain and best[0] < len(self.toks) and self.is_cap(best[0]) else None
        if bare is not None and bare[1] is not None:
            # a body every province has, named with the province alone ('Giám đốc Kho bạc Nhà nước Quảng
            # Ngãi', 'Cục Thuế Nghệ An'): that province's (a review's probes; pool e)
            best = (bare[0], local_name(best[1], bare[1].full()), "local", True)
        elif best[3] and branch is None and (local := self.local_branch_name(best[1])) \
                and (own := self.bare_own_level(best[0])) is not None:
            # the same body with a bare level word in a local document ('Uỷ ban Dân số, Gia đình và Trẻ em
            # tỉnh', pool zs; 'Hội Cựu chiến binh Việt Nam Phường' in a ward's decision, pool zv): the place's
            best = (own[0], local_name(local, own[1]), "local", True)
        elif best[3] and branch is None and (local := self.local_branch_name(best[1])) \
                and (loc := self.locality_at(best[0])):
            # a mass organization's name with 'Việt Nam' (or 'VN') and a locality after it ('Hội Nông dân VN tỉnh
            # Nghệ An', a review's probe): that locality's branch
            best = (loc[0], local_name(local, loc[1]), "local", True)
        elif branch is not None and best[1] in LOCAL_BRANCHES:
            # a body every province has, whose unit there is named by the province ('Kho bạc Nhà nước
            # chi nhánh tỉnh' in a province's decision of 2009 is its Kho bạc Nhà nước tỉnh, pool zd)
            best = (branch[0], local_name(best[1], branch[1]), "local", True)
        elif branch is not None:   # 'Ngân hàng Chính sách xã hội chi nhánh tỉnh Bình Dương'
            best = (branch[0], f"{best[1]} chi nhánh {branch[1]}", best[2], True)
        if self.key(best[0]) == "các" and (self.level_at(best[0] + 1) or self.key(best[0] + 1) in ("cấp", "địa")):
            return None  # 'KBNN các tỉnh …', 'Mặt trận Tổ quốc Việt Nam các cấp': each of them, no one body
        if best[3] and self.own_province_level(best[0], best[1]):
            # 'Trung tâm Phục vụ hành chính công cấp tỉnh' in a province's own document (pool q): its own
            return best[0] + 2, local_name(best[1], self.ctx.province.full()), "local", True
        if best[3] and best[2] != "local" and self.names_a_level(best[0], best[1]):
            return None
        return best

    @staticmethod
    def local_branch_name(name: str) -> str | None:
        """The name a national body's local branch goes by, where every place has one; a mass
        organization's drops 'Việt Nam' ('Hội Cựu chiến binh Việt Nam' → 'Hội Cựu chiến binh')."""
        if name in LOCAL_BRANCHES:
            return name
        local = name.removesuffix(" Việt Nam")
        return local if local != name and local.startswith("Hội ") and local in LOCAL_BRANCHES else None

    def names_a_level(self, j: int, name: str) -> bool:
        """A national name followed by a level and no place ('Kho bạc Nhà nước cấp huyện', 'Kho bạc Nhà
        nước quận - huyện'; a branch's 'Kho bạc Nhà nước nơi giao dịch'): the offices of that level,
        no one body (pools zs, s, zj)."""
        if self.key(j) == "cấp" and self.level_at(j + 1):
            return True   # 'cấp huyện', 'cấp xã'
        every_place_has_one = name in LOCAL_BRANCHES
        if every_place_has_one and self.key(j) == "nơi":
            return True   # 'nơi giao dịch', 'nơi đơn vị mở tài khoản'
        # a lower level word with no place's name after it ('quận - huyện;'); not a committee's name, which
        # holds another body's: with 'Ủy ban Mặt trận Tổ quốc Việt Nam phường, xã' unread, its 'Mặt trận
        # Tổ quốc Việt Nam' is read alone as the central one (pool za)
        level = self.level_at(j)
        if not every_place_has_one or name.startswith("Ủy ban") or level is None or level[1] in PROVINCE_LEVELS:
            return False
        after = level[0]
        return after < len(self.toks) and not self.is_cap(after) and not self.toks[after].text.isdigit()

    def after_head(self, end: int, head: str, follow: str) -> Reading | None:
        kind = KIND_OF_HEAD.get(head, "local" if follow == "place" else "body")
        if follow == "party":
            place = self.place_at(end, PARTY_PLACE_HEADS[head])
            if place:
                return place[0], party_body(head, place[2]), "party", place[1] is not None
            return self.bare_local(end, head, "party")
        if follow == "place" and head in NESTING_HEADS and self.starts_agency(end):
            nested = self.agency_at(end)
            if nested is not None and (nested[2] in ("ministry", "gov_agency", "state", "province_department")
                                       or nested[1].startswith(UNITS_WITH_OFFICES)):
                # 'Thanh tra Bộ Công an', 'Chánh Thanh tra Sở Xây dựng', '… Tổng cục Du lịch' (pool zj): a
                # ministry's, a department's or a Tổng cục's inspectorate, named by it (not 'Thanh tra tỉnh X')
                return nested[0], f"{head} {nested[1]}", "department", nested[3]
        if follow == "place" and head in MINISTRY_UNIT_HEADS and self.starts_agency(end):
            nested = self.agency_at(end)
            if nested is not None and nested[2] == "ministry":
                return nested[0], f"{head} {nested[1]}", "department", nested[3]
        if follow == "place":
            return self.place_head(end, head, kind)
        if head in GAZETTEER_ONLY:
            return None
        own = self.own_locality_body(end, head, kind)
        if own is not None:
            return own
        ministry_unit, reading = self.own_ministry_unit(end, head)
        if ministry_unit:
            return reading
        standing = 2 if self.words_at(end, ("thường", "trực")) else \
            1 if end < len(self.toks) and self.toks[end].text == "TT" else 0
        if head == "Ban" and standing and self.starts_agency(end + standing):
            inner = self.agency_at(end + standing)
            if inner:
                return inner  # 'Ban Thường trực (Ban TT) Ủy ban MTTQ xã X' acts for that committee
        if head == "Ban" and self.words_at(end, ("chấp", "hành", "đảng", "bộ")):
            # 'Ban chấp hành Đảng bộ thành phố Vũng Tàu', '… Đảng bộ tỉnh' typed in lowercase (pool x): the
            # Party committee of the place, or of the document's own
            loc = self.locality_at(end + 4) or self.bare_own_level(end + 4)
            if loc:
                return loc[0], party_committee_of(loc[1]), "party", True
        if head == "Ban" and self.words_at(end, ("thường", "vụ")) and self.starts_agency(end + 2):
            inner = self.agency_at(end + 2)
            if inner and inner[1].startswith(MASS_ORGANIZATIONS):
                return inner  # 'Ban Thường vụ Hội Nông dân tỉnh' acts for the union (a Party committee's stays its own)
        nested = self.agency_at(end) if self.starts_agency(end) else None
        if head in ORGAN_OF_HEADS and not nested:
            return None
        if nested and head in (*NESTING_HEADS, *ORGAN_OF_HEADS, "Ban", "Tổ giúp việc", "Tổ công tác"):
            # 'Văn phòng Tỉnh ủy X', 'Thanh tra Bộ Tài chính', 'Tổ giúp việc Ban Chỉ đạo …'; a Party
            # organ is the Party's whatever body it is in ('Chi bộ Công an xã')
            return nested[0], f"{head} {nested[1]}", "party" if kind == "party" else nested[2], nested[3]
        if nested and kind == "party":
            # The Party's organs inside a body are named by it (Điều lệ Đảng): 'Đảng ủy UBND TP',
            # 'Đảng đoàn Quốc hội', 'Ban Cán sự đảng Bộ Tư pháp'. Party bodies, whatever body names them.
            return nested[0], f"{head} {nested[1]}", "party", nested[3]
        if head in LOCALITY_BODIES and self.level_at(end):
            # 'Đảng ủy xã Công Hải', 'ĐẢNG ỦY PHƯỜNG HÀ ĐÔNG': a commune's or ward's Party committee
            # is named by its locality, like its People's Committee (every commune has one since 7/2025)
            placed = self.place_head(end, head, kind)
            if placed is not None:
                return placed
        committee = self.national_committee(end, head, kind)
        if committee is not None:
            return committee
        j, organ = self.name_end(end), None
        if j == end and head == "Phòng" and (department := self.lowercase_department(end)) is not None:
            return department
        if j == end and head == "Ban":
            j = self.lowercase_committee_end(end)   # (before a Party organ's 'Ban kinh tế': the council follows)
        if j == end:
            j, organ = self.owned_unit_words(end, head)
        if j == end:
            return None
        if head == "Ban" and match_key(self.span_text(end, j)).startswith(("chỉ đạo", "quản lý")):
            board = self.steering_board(end, j)
            if not isinstance(board, int):
                return board   # the issuer itself, or no one body
            j = board
        j = self.item_tail(j)
        name = organ or f"{head} {self.expand(end, j)}"
        committee = council_committee(name) if head == "Ban" else None
        if committee is not None:  # 'Ban KT-NS', 'Ban Văn hoá - Xã hội': one spelling
            name, kind = committee.name, committee.kind
        national = self.national_end(j) if head in NEEDS_LOCALITY else None
        if national is not None:
            # 'Trung tâm Khí tượng Thuỷ văn quốc gia', 'Trung tâm Dự báo khí tượng thuỷ văn Trung ương'
            # (a ministry's circular of 2006, pool zo): a national centre or institute, named so
            j, name = national, f"{head} {self.expand(end, national)}"
        loc, tail, j = self.name_locality(head, j)
        if loc:
            name, j = f"{head} {self.expand(end, tail)} {loc[1]}", loc[0]
            if head == "Ban" and match_key(self.span_text(end, tail)) == "chấp hành đảng bộ":
                # the executive committee of a locality's Party organization is its Party committee
                # (Điều lệ Đảng): 'Ban Chấp hành Đảng bộ tỉnh X' is the Tỉnh ủy, '… xã Y' the Đảng ủy xã Y
                return j, party_committee_of(loc[1]), "party", True
            organ = f"{head} {self.expand(end, tail)}"
            if owned_unit(organ) == "party":
                # a Party committee's organ named with its locality is that committee's ('Phó Trưởng
                # Ban Xây dựng Đảng phường Đông Hải', pool zb): 'Ban … Đảng ủy phường Đông Hải'
                return j, f"{owned_unit_spelling(organ)} {party_committee_of(loc[1])}", "party", True
        elif self.starts_agency(j) and not (j > 0 and self.toks[j - 1].text in ",;"):
            inner = self.agency_at(j)  # 'Ban Thường vụ Tỉnh ủy X', 'Ban Văn hóa - Xã hội HĐND tỉnh X'
            if inner and inner[2] in ("party", "people_committee", "people_council", "state", "ministry", "local"):
                name, j = f"{name} {inner[1]}", inner[0]
                loc = True
        e = known_agency(name)
        if e is not None and e.kind != "province_department":
            return j, e.name, e.kind, True
        owner = owned_unit(name)
        if owner is not None and not loc:
            # 'Ban Thường vụ', 'Ủy ban Kiểm tra', 'Ban Thường trực' alone: every committee has one;
            # the issuer's own where the issuer is such a committee, else no one body
            issuer = self.ctx.issuer if self.ctx.issuer and self.ctx.issuer.startswith(("Ủy ban", "Hội đồng")) else None
            resolved = {"party": self.ctx.party, "issuer": issuer}.get(owner)
            if resolved is None:
                return None
            return (j, resolved if owner == "issuer" else f"{owned_unit_spelling(name)} {resolved}",
                    "party" if owner == "party" else kind, True)
        if head == "Ban" and not loc and self.ctx.province is not None and \
                (self.key(end) == "quản" or self.key(end) == "thường" and self.key(end + 1) in ("vụ", "trực")):
            bare = self.bare_level(j)  # 'Ban Quản lý khu Kinh tế (tỉnh)' in the province's own document
            if name.endswith(f" {self.ctx.province.short}"):
                return j, name, kind, True   # 'Ban Quản lý các Khu công nghiệp Phú Thọ': named with it already
            return bare, f"{name} {self.ctx.province.full()}", kind, True
        own = self.ctx.locality or self.ctx.province
        if committee is not None and not loc and own is not None:
            # 'Ban Văn hoá - Xã hội' bare in a province's document, 'Ban Pháp chế' in a district's or a
            # commune's: the People's Council of the issuer's own locality
            return j, f"{committee.name} Hội đồng nhân dân {own.full()}", "people_council", True
        if head in NEEDS_LOCALITY and not loc and national is None and not self.all_caps and own is not None \
                and own.tier in ("province", "district") \
                and self.words_at(end - len(head.split()) - 2, ("giám", "đốc")) and (item := self.item_words_end(j)) is not None \
                and self.names_a_body(head, end, name, True) and not self.place_inside(end, item):
            # 'Giám đốc Trung tâm Phát triển quỹ đất' in a province's or a district's own document (pools zv,
            # zzc): its centre, named with it, as the pool's gold names them
            return item, f"{head} {self.expand(end, item)} {own.full()}", kind, True
        if head == "Phòng" and not loc and self.ctx.department and not self.all_caps and not self.is_low(j) \
                and (self.key(j) not in CONNECTORS or self.role_after(j)) and not self.head_at(end) and not self.level_at(j):
            # the department's own unit ('Phòng Bưu chính' in a Sở's plan); not where the name may go
            # on ('Phòng Chính trị, tư tưởng và …', 'phòng Dịch vụ kỹ thuật - Trung tâm CNTT Tây Bắc'),
            # but where a member's role follows its dash ('Trưởng phòng Quản lý Văn hoá - Phó Trưởng đoàn')
            return j, f"{name} {self.ctx.department}", "department", True
        if head == "Ban" and not loc and committee is None and not self.all_caps and self.key(end - 2) == "trưởng" \
                and (issuer := self.issuer_with_boards()) is not None and (item := self.item_words_end(j)) is not None \
                and not self.place_inside(end, item) and not EVENT_WORDS.search(self.span_text(end, item)):
            # 'Theo đề nghị của Trưởng Ban Đào tạo.' in a national university's decision (pools zk, zza,
            # zzc): the issuer's own board, as a Sở's 'Phòng' is the Sở's; not where another body follows
            # ('Trưởng Ban Đào tạo Đại học Quốc gia Hà Nội'), nor an event's organizing board
            return item, f"{head} {self.expand(end, item)} {issuer}", "department", True
        if self.all_caps or not self.names_a_body(head, end, name, bool(loc) or national is not None):
            return None
        return j, name, kind, False

    def place_inside(self, i: int, j: int) -> bool:
        """A place's name among tokens i..j ('Trung tâm Dịch vụ việc làm Nam Định': the centre is named by
        it already, a former province's)."""
        return any(self.is_cap(k) and (place := self.place_at(k, None, ("province", "district", "commune"))) is not None
                   and place[1] is not None for k in range(i + 1, j))

    def item_words_end(self, j: int) -> int | None:
        """Where a name's lowercase words end at an item's end ('… quỹ đất;', '… quỹ đất và các tổ chức',
        the text's end): None where anything else follows (a body, a place, a number, a capital)."""
        for k in range(j, min(j + MAX_ITEM_TAIL, len(self.toks)) + 1):
            if self.key(k) == "và" and self.is_low(k + 1) and self.key(k + 1) not in PLURAL_WORDS:
                continue   # ('Trung tâm Nước sạch và vệ sinh môi trường nông thôn': one name)
            if k == len(self.toks):
                return k
            if self.toks[k].text in ITEM_ENDS or self.key(k) == "và" or self.verb_at(k):
                if self.toks[k].text == ",":
                    # a comma inside the name ('… đổi mới sáng tạo, …') or an item's end: where the next
                    # chief or a body follows ('…, Chủ tịch', 'Trưởng Ban Tổ chức cán bộ, ĐHQGHN', pool i)
                    return k if self.key(k + 1) in NEXT_CHIEFS or self.starts_agency(k + 1) else None
                # (not where a capital goes on after 'và': 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch'
                # may be one name or two)
                return None if self.key(k) == "và" and self.is_cap(k + 1) else k
            if not self.is_low(k) or self.level_at(k):
                return None
        return None

    def issuer_with_boards(self) -> str | None:
        """The issuer where it is a central body outside the ministries ('gov_agency': a national
        university, Bảo hiểm xã hội Việt Nam, the national broadcaster), whose units are 'Ban's."""
        e = known_agency(self.ctx.issuer) if self.ctx.issuer else None
        return e.name if e is not None and e.kind == "gov_agency" else None


# Lowercase words a centre's name bare after its chief may hold ('và vệ sinh môi trường nông thôn': 7).
MAX_ITEM_TAIL = 8

# The kinds of a ministry's units (corpus/gazetteer/ministry_units.json): a name the text goes on with
# past one of them is a longer unit's; after a ministry or a department the words are a person's name,
# a title or a place more often ('Bộ Nội vụ Nguyễn Trọng Thừa', 'Sở Công Thương Bắc Giang': pools m, za).
UNIT_KINDS = {"bureau", "department", "general_department", "public_unit", "office", "inspectorate", "board"}
