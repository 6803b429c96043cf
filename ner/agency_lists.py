"""Several bodies in one phrase (a head shared by an enumeration, a locality shared by heads) and
places the text makes actors."""
from __future__ import annotations

from ner.agency_shared import SharedLocalities
from ner.agency_tokens import content_keys, head_index, known_names
from ner.agency_words import (
    ITEM_ENDS,
    KIND_OF_HEAD,
    NESTING_HEADS,
    POSITION_WORDS,
    TAIL_STOPS,
    UNIT_LIST_HEADS,
    local_name,
)
from normalize.agencies import AgencyEntry, known_agency
from normalize.places import COMMUNE_LEVELS, DISTRICT_LEVELS, TWO_LEVEL_FROM, Place

# Words an item of a ministry's units may have ('Chính sách thương mại đa biên').
MAX_UNIT_ITEM = 8

# Words that open a list of bodies under one head: 'các Bộ: …', 'Liên Bộ: …' (a joint circular's issuers).
LIST_OPENERS = {"các", "liên"}


class ListedBodies(SharedLocalities):
    # -- several bodies in one phrase
    def enumeration_at(self, i: int) -> None:
        """'các Bộ: Tài chính, Nội vụ', 'các Bộ, cơ quan: Quốc phòng, …, Văn phòng Chính phủ', 'UBND
        các tỉnh: Hà Giang, Lào Cai', 'Liên Bộ: Tài chính, Y tế' (the ministries of a joint circular, pool
        zx) — each item validated against the gazetteer or the places."""
        if self.key(i) not in LIST_OPENERS:
            head = self.head_at(i)   # 'Hội Chữ thập đỏ các tỉnh Gia Lai, Kon Tum', 'UBND các tỉnh: …'
            if head and head[2] == "place" and self.key(head[0]) == "các":
                self.enumerate_items(head[0] + 1, head, place_level=True)
            elif head and head[2] != "place" and self.key(head[0]) == ":":
                self.enumerate_items(head[0], head, place_level=False)   # 'Văn phòng: Tỉnh ủy, UBND tỉnh' (Nơi nhận)
            return
        head = self.head_at(i + 1) or self.listing_head_at(i + 1)
        if head is not None:
            self.enumerate_items(head[0], head, place_level=head[2] == "place")

    def listing_head_at(self, i: int) -> tuple[int, str, str] | None:
        """A head written lowercase before a colon list ('các sở: Giáo dục và Đào tạo, Tài chính', 'các
        sở, ngành: Tài chính; Y tế'): the items that follow are capitalized names under it."""
        for keys, head, follow in head_index(self.plain).get(self.toks[i].name_key if i < len(self.toks) else "", ()):
            end = i + len(keys)
            colon = end
            while colon + 1 < len(self.toks) and self.toks[colon].text == "," and self.is_low(colon + 1):
                colon += 2   # ', ngành', ', ban, ngành': other kinds of body the list may hold
                while self.is_low(colon):
                    colon += 1
            if self.match_keys(i, keys) and self.key(colon) == ":" and follow == "name":
                return end, head, follow
        return None

    def enumerate_items(self, j: int, head: tuple[int, str, str], place_level: bool) -> None:
        level = None
        if place_level:
            lv = self.level_at(j)
            if lv is None:
                return
            j, level = lv
            while j + 1 < len(self.toks) and (self.toks[j].text == "," or self.key(j) == "và") and self.level_at(j + 1):
                if level != "tỉnh" and self.locality_at(j + 1):
                    # the level word begins a named item ('các huyện, thị xã Long Khánh, …'; not 'các tỉnh,
                    # thành phố An Giang, Cần Thơ': provinces, whatever their level word)
                    j += 1
                    break
                j, level = self.level_at(j + 1)   # ('các huyện và thành phố Huế', pool zi)
        while j + 1 < len(self.toks) and self.toks[j].text == "," and self.is_low(j + 1):
            j += 2  # 'các Bộ, cơ quan:', 'các Sở, ban, ngành:'
            while self.is_low(j):
                j += 1
        colon = j < len(self.toks) and self.toks[j].text == ":"
        if colon:
            j += 1
        while j < len(self.toks) and (self.is_cap(j) or place_level and self.level_at(j)):
            loc = self.locality_at(j) if place_level and not self.is_cap(j) else None
            if loc is not None:
                # an item with a level word of its own ('…, thành phố Mỹ Tho và thị xã Gò Công', pool zi):
                # that place, and the level of the items after it
                self.add(j, loc[0], local_name(head[1], loc[1]), KIND_OF_HEAD.get(head[1], "local"), True)
                end, level = loc[0], self.level_at(j)[1]
            else:
                end = self.enumerated_item(j, head[1], place_level, level, colon) if self.is_cap(j) else None
            if end is None:
                break
            if end < len(self.toks) and (self.toks[end].text in (",", ";") or self.key(end) == "và"):
                j = end + 1
            else:
                break

    def item_end(self, j: int) -> int:
        """Where a list item that starts at token j ends: its comma, semicolon, stop or bracket."""
        k = j
        while k < len(self.toks) and self.toks[k].text not in ITEM_ENDS and k - j < 12:
            k += 1
        return k

    def known_item(self, head: str, j: int, end: int) -> tuple[int, AgencyEntry] | None:
        """The longest known name under `head` that an item from token j to `end` begins with,
        connectors aside ('Cục trưởng các Cục: Quản lý Khám chữa bệnh, Quản lý Y, Dược cổ truyền -
        Bộ Y tế': 'Cục Quản lý Khám, chữa bệnh', then 'Cục Quản lý Y, Dược cổ truyền')."""
        e = known_agency(f"{head} {self.expand(j, end)}")
        if e is not None:
            return end, e
        index = known_names(self.plain)[0]
        for k in range(end, j, -1):
            if not self.toks[k - 1].word:
                continue   # an item ends on a word, not on its comma or dash
            e = index.get(content_keys(f"{head} {self.expand(j, k)}", self.plain))
            if e is not None:
                return k, e
        return None

    def add_known(self, j: int, end: int, e: AgencyEntry) -> int | None:
        """A list item the gazetteer knows; a province's department is the document's province's
        ('Văn phòng: …, UBND tỉnh': the level word is the item's). Where the item ends, or None."""
        if e.kind != "province_department":
            self.add(j, end, e.name, e.kind, True)
            return end
        if self.ctx.province is None:
            return None
        end = self.bare_level(end)
        self.add(j, end, f"{e.name} {self.ctx.province.full()}", "province_department", True)
        return end

    def enumerated_item(self, j: int, head: str, place_level: bool, level: str | None = None,
                        colon: bool = False) -> int | None:
        k = self.item_end(j)   # the item as the list delimits it: 'Nông nghiệp và Phát triển nông thôn'
        e = None
        if not place_level and k > j + 1:
            ends = [k]   # a name with commas in it ('Văn hóa, Thể thao và Du lịch'): the longest known
            while len(ends) < 3 and ends[-1] < len(self.toks) and self.toks[ends[-1]].text == ",":
                ends.append(self.item_end(ends[-1] + 1))
            for end in reversed(ends):
                found = self.known_item(head, j, end)
                if found is not None:
                    k, e = found
                    break
            if e is not None and head in UNIT_LIST_HEADS and self.lowercase_to(k, ends[0]):
                e = None   # 'các Vụ: …, Công nghiệp nhẹ, …' (a ministry's decision of 2010, pool zp): a unit
                #            longer than the known 'Vụ Công nghiệp' (of 2025)
            added = self.add_known(j, k, e) if e is not None else None
            if added is not None:
                return added
        if not place_level and head in UNIT_LIST_HEADS and colon:   # (not 'các Vụ Thị trường ngoài nước': every one)
            k = self.item_end(j)
            k = next((m for m in range(j + 1, k) if self.verb_at(m) or self.stops_at(m, TAIL_STOPS)), k)
            if j < k <= j + MAX_UNIT_ITEM and not self.toks[j].text.isupper() and not self.head_at(j) \
                    and not any(self.key(m) in POSITION_WORDS for m in range(j, k)) \
                    and all(self.toks[m].word or self.toks[m].text in ("-", "–", "&") for m in range(j, k)):
                # (not the codes of a recipients' list: 'các Vụ: NC, TGĐ Cổng TTĐTCP')
                # an item of 'các Vụ:', 'các Cục:' is that unit, named as the list writes it ('Năng lượng')
                self.add(j, k, f"{head} {self.expand(j, k)}", KIND_OF_HEAD.get(head, "department"), False)
                return k
        if place_level:
            place = self.place_at(j, None, ("province",))
            if (not place or place[1] is None) and level in DISTRICT_LEVELS and self.ctx.province is not None:
                # 'UBND các huyện, thành phố Đà Lạt, Bảo Lộc' (pool w): the last level word names the
                # items, districts of the document's province as the places list knows them
                place = self.place_at(j, level, ("district",))
                if place and place[1] is not None and place[1].province != self.ctx.province.short:
                    place = None
            if (not place or place[1] is None) and level in COMMUNE_LEVELS and self.ctx.locality is not None \
                    and self.ctx.locality.tier == "district":
                # 'UBND các phường Minh An, Sơn Phong, Cẩm Phô và Cẩm Nam' in a city's text (pool x): its
                # wards, named as written (communes are too many to list, and changed in 2025)
                place = self.place_at(j, level, ("commune",))
                if place:
                    self.add(j, place[0], f"{head} {level} {place[2]}", KIND_OF_HEAD.get(head, "local"), True)
                    return place[0]
            if (not place or place[1] is None) and level in COMMUNE_LEVELS:
                commune = self.current_commune(j)
                if commune is not None:
                    self.add(j, commune[0], f"{head} {commune[1].level} {commune[1].short}",
                             KIND_OF_HEAD.get(head, "local"), True)
                    return commune[0]
            if not place or place[1] is None:
                return None
            self.add(j, place[0], f"{head} {place[1].full()}", KIND_OF_HEAD.get(head, "local"), True)
            return place[0]
        end = self.name_end(j)
        full = f"{head} {self.expand(j, end)}"
        e = known_agency(full)
        added = self.add_known(j, end, e) if e is not None else None
        if added is not None:
            return added
        whole = self.agency_at(j)  # an item named in full: '…, Văn phòng Chính phủ'
        joint = self.joint_office(whole) if head == "Văn phòng" and whole else None
        if joint is not None:   # 'Văn phòng: Thành ủy, ĐĐBQH và HĐND TP' (pool zg): one office of both
            self.add(j, joint[0], joint[1], "local", True)
            return joint[0]
        if whole and whole[3]:
            if head in NESTING_HEADS:   # 'Các VP: Đoàn ĐBQH&HĐND, UBND TP': each body's office
                self.add(j, whole[0], f"{head} {whole[1]}", "body", True)
            return whole[0]
        return end if end > j else None

    def lowercase_to(self, k: int, end: int) -> bool:
        """Tokens k..end are lowercase words (and there is at least one)."""
        return k < end and all(self.is_low(m) for m in range(k, end))

    def joint_office(self, first) -> tuple[int, str] | None:
        """(end, name) where an office's list names a province's deputies' delegation and its council
        joined by 'và' or '&': their joint office, named with the council's locality."""
        end = first[0]
        if not first[1].startswith("Đoàn đại biểu Quốc hội") or self.key(end) not in ("và", "&"):
            return None
        council = self.agency_at(end + 1)
        if council is None or council[2] != "people_council":
            return None
        where = council[1].removeprefix("Hội đồng nhân dân").strip()
        return council[0], local_name("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", where)

    def current_commune(self, j: int) -> tuple[int, Place] | None:
        """'Giao UBND các phường, xã: Kim Liên, Bạch Mai, …, Đại Xuyên' in a city's decision of 2026
        (pool z): since 7/2025 a province's communes stand under it, each a ward or a commune as the
        places list says, where exactly one of the province's current units has the name."""
        if self.ctx.province is None or not self.ctx.issued or self.ctx.issued < TWO_LEVEL_FROM:
            return None
        found = []
        for level in COMMUNE_LEVELS:
            place = self.place_at(j, level, ("commune",))
            if place and place[1] is not None and place[1].current and place[1].province == self.ctx.province.short:
                found.append((place[0], place[1]))
        return found[0] if len(found) == 1 else None
