"""Localities shared in a phrase: a head with several ('HĐND tỉnh Bình Thuận, tỉnh Đắk Nông'), heads
with one ('Tỉnh ủy, HĐND, UBND tỉnh Thanh Hóa'). (The places a committee's plural names, 'UBND các
huyện, thành phố Mỹ Tho và thị xã Gò Công', are an enumeration: ner/agency_lists.py.)"""
from __future__ import annotations

import re

from ner.agency_tokens import FoundAgency, TokenReader, choose
from ner.agency_words import (
    COMMUNE_ONLY_HEADS,
    LEVEL_WORDS,
    PARTY_PLACE_HEADS,
    TITLE_WORDS,
    local_name,
)
from normalize.agencies import party_body
from normalize.places import find_place

# The level words, longest first ('thị xã' before 'xã'), and a body named with its locality ('HĐND
# tỉnh Bình Thuận'), whose head may take more localities.
_LEVELS = "|".join(sorted(set(LEVEL_WORDS.values()), key=len, reverse=True))
_NAMED_WITH_LOCALITY = re.compile(rf"\b(?:{_LEVELS})\s+\S")
_SHARED_LOCALITY = re.compile(rf"\b(?:{_LEVELS})\s.+$")
_LEVEL_FIRST = re.compile(rf"(?:{_LEVELS})\b", re.IGNORECASE)


def _shared_localities(located: list[FoundAgency]) -> list[str]:
    """The localities bare heads before a run of bodies take: the first body's ('Tỉnh ủy, HĐND, UBND
    tỉnh Thanh Hóa', 'HĐND, UBND xã Tân Lập'), and each locality its head goes on to without being
    written again ('HĐND, UBND Thành phố Hà Nội và tỉnh Phú Thọ', pool zc: both councils); not a
    later body's ('HĐND, UBND tỉnh Bắc Ninh và UBND tỉnh Bắc Giang': Bắc Ninh's council alone)."""
    if not located or not (first := _SHARED_LOCALITY.search(located[0].name)):
        return []
    head = located[0].name[:first.start()]
    wheres = [first.group(0)] + [m.group(0) for f in located[1:] if _LEVEL_FIRST.match(f.text)
                                 and (m := _SHARED_LOCALITY.search(f.name)) and f.name[:m.start()] == head]
    return list(dict.fromkeys(wheres))


# The district a body's name ends in ('Ủy ban nhân dân huyện Lục Nam'): its level and name.
_DISTRICT_IN_NAME = re.compile(r"\b(huyện|quận|thị xã)\s+([^,]+?)\s*(?:,|$)")


class SharedLocalities(TokenReader):
    """Heads that go with several localities, and localities several heads share (a part of the
    grammar the parser joins: ner/agencies._Parser)."""

    def head_with_more_localities(self) -> None:
        """'HĐND tỉnh Bình Thuận, tỉnh Đắk Nông, tỉnh Lâm Đồng': the head goes with each locality."""
        chosen = choose(self.found)
        for i, j, f in chosen:
            head = self.head_at(i)
            if head is None or f.kind not in ("people_committee", "people_council", "local", "party") \
                    or not _NAMED_WITH_LOCALITY.search(f.name):
                continue   # ('của Bộ Chính trị, tỉnh Thanh Hóa quyết tâm …': no head went with a locality)
            k, last = j, f.name
            while k < len(self.toks) and (self.toks[k].text == "," or self.key(k) == "và"):
                loc = self.locality_at(k + 1) or self.same_level_place(k, last)
                if not loc or any(a <= k + 1 < b for a, b, _ in chosen):
                    break
                last = f"{head[1]} {loc[1]}"
                self.add(k + 1, loc[0], last, f.kind, True)
                k = loc[0]

    def same_level_place(self, i: int, name: str) -> tuple[int, str] | None:   # (i: the ',' or 'và')
        """'UBND huyện Lục Nam và Yên Dũng' (pool z): a place after ',' or 'và' without a level word of
        its own is a district like the one before it: of the same province where the places list
        knows it, else, after 'và', as written (districts merged away before 2025 are not all
        listed: Yên Dũng), unless the list knows the words as another place."""
        m = _DISTRICT_IN_NAME.search(name)
        if m is None or self.toks[i - 1].text != m.group(2).split()[-1]:
            return None   # (the district written before the ',' or 'và', not taken from the document)
        i += 1
        place = self.place_at(i, m.group(1), ("district",))
        if not place:
            return None
        before = find_place(m.group(2), m.group(1))
        if place[1] is not None and (before is None or before.province != place[1].province):
            return None
        if place[1] is None and (self.key(i - 1) != "và" or find_place(place[2], None) is not None
                                 or self.key(i) in TITLE_WORDS):
            return None   # (', Trưởng phòng …': a position after the list, pool u)
        return place[0], f"{m.group(1)} {place[2]}"

    def heads_sharing_a_locality(self) -> None:
        """'Tỉnh ủy, HĐND, UBND tỉnh Thanh Hóa': heads standing alone before ', HEAD …, HEAD tỉnh X'
        take the locality of the last one (or the document's own province)."""
        bare = [(i, head) for i in range(len(self.toks))
                if (head := self.head_at(i)) and head[2] in ("place", "party")
                and (self.toks[head[0]].text if head[0] < len(self.toks) else "") in (",", "và")
                and not any(a <= i < b for a, b, _ in self.found) and not self.in_law_title(i)
                and not self.every_level_after(head[0])]   # ('HĐND, UBND các cấp': every level's, pool zn)
        # a commune's joint office named in a province's text: no one body, nor its inner heads
        inside = [(i, h[0]) for i in range(len(self.toks)) if (h := self.head_at(i)) and h[1] in COMMUNE_ONLY_HEADS]
        bare = [(i, head) for i, head in bare if head[1] not in COMMUNE_ONLY_HEADS
                and not any(a < i < b for a, b in inside)]
        heads = [FoundAgency(h[1], "local", self.toks[i].start, self.toks[h[0] - 1].end, "") for i, h in bare]
        chain = sorted([f for _, _, f in choose(self.found)] + heads, key=lambda f: f.start)
        for i, head in bare:
            # the bodies and bare heads that follow, joined by ',' or 'và'
            end, located = self.toks[head[0] - 1].end, []
            for f in chain:
                if f.start < end:
                    continue
                if self.text[end:f.start].strip() not in (",", "và"):
                    break
                end = f.end
                if f.text:
                    located.append(f)
            wheres = _shared_localities(located)
            if not wheres and self.ctx.province:
                wheres = [self.ctx.province.full()]
            for n, where in enumerate(wheres):
                level = PARTY_PLACE_HEADS.get(head[1])
                if level is not None and not where.startswith(f"{level} "):
                    # ('Tỉnh uỷ, Đảng uỷ xã Công Hải': a Tỉnh ủy is no commune's, pool zzd): the document's own
                    # province's, where its level is the head's
                    own = self.ctx.province
                    if own is None or own.level != level or n > 0:
                        continue
                    where = own.full()
                place = re.sub(rf"^(?:{_LEVELS})\s+", "", where)
                name = party_body(head[1], place) if head[2] == "party" else local_name(head[1], where)
                self.add(i, head[0], name, "party" if head[2] == "party" else "local", True, sibling=n > 0)
