"""Pieces of an agency name: a head noun, the end of a name's specific part, a name the gazetteer knows
(the places inside a name: agency_localities.py)."""
from __future__ import annotations

import re

from ner.agency_parts import NameParts
from ner.agency_tokens import (
    Reading,
    code_aliases,
    content_keys,
    head_index,
    known_names,
    party_organ_index,
    place_ending_prefixes,
    short_head_codes,
)
from ner.agency_words import (
    BULLETS,
    CONNECTORS,
    DISTRICT_BRANCHES,
    HEAD_PHRASES,
    ITEM_ENDS,
    LOCALITY_BODIES,
    POSITION_WORDS,
    ROLE_WORDS,
    SET_WORDS,
    SPECKS,
    party_committee_of,
)
from normalize.agencies import AgencyEntry, component_abbreviations
from normalize.text import match_key
from normalize.vowel_marks import lexicon

_LEVEL_WORD = re.compile(r"^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)


class NamePieces(NameParts):
    # -- pieces of a name
    def head_at(self, i: int) -> tuple[int, str, str] | None:
        """(end, canonical head, what follows) of a head noun at token i — not where the word
        belongs to another word ('nhiệm vụ', 'cơ sở', 'Ban hành', 'Bộ máy') or a position
        follows ('Bộ trưởng', 'Vụ trưởng')."""
        if not self.is_cap(i):
            return None
        words = lexicon()[0]
        prev = self.toks[i - 1] if i > 0 else None
        if prev is not None and prev.word and prev.end == self.toks[i].start - 1 and \
                f"{prev.key} {self.toks[i].key}" in words and not self._head_ends_at(i) \
                and not self._capital_breaks_word(i):
            return None   # (a head just before it is a whole: 'Văn phòng' + 'Thành ủy', not 'phòng thành')
        for keys, head, follow in head_index(self.plain).get(self.toks[i].name_key, ()):
            if not self.match_keys(i, keys) or (len(keys) == 1 and not self.marks_fit(i, head)):
                continue
            if len(keys) == 1 and keys[0] in short_head_codes() and not self.toks[i].text.isupper():
                continue   # ('TU', 'VP', 'CA' are codes in capitals: 'Tu bổ', 'Ca trực' are words)
            end = i + len(keys)
            nxt = self.key(end)
            if nxt in POSITION_WORDS:
                return None
            if head == "Bộ" and nxt in SET_WORDS:
                return None
            if len(keys) == 1 and nxt and (self.is_low(end) or self.all_caps) and f"{keys[0]} {nxt}" in words \
                    and f"{keys[0]} {nxt}" not in HEAD_PHRASES:
                return None
            return end, head, follow
        return None

    def _capital_breaks_word(self, i: int) -> bool:
        """A capital starts a name, not the second syllable of a word: in 'Giao Ban Xây dựng Đảng
        chủ trì' (a sentence's first word, then a capital) or 'giao Ban Tổ chức', 'Ban' is no
        'giao ban' (a briefing); 'Phục Vụ' (title case) and all-caps lines stay one word."""
        if self.all_caps or not self.is_cap(i) or self.toks[i].text.isupper():
            return False
        prev = self.toks[i - 1].text
        if self.toks[i - 1].key in POSITION_WORDS:
            # 'Trưởng Ban Chỉ đạo …' is a position; the body it heads would need its locality,
            # which the bare name does not give (measured: g19 lost 0.005 with it read); a
            # department's head names it ('Trưởng phòng Văn hóa - Xã hội'), the issuer's own, and so
            # does the head of a Party committee's organ ('Trưởng Ban Nội chính Tỉnh uỷ', pool zc)
            # — and a central body's own boards in its documents ('Trưởng Ban Đào tạo' in a national
            # university's decision, pools zk, zza, zzc: agency_names.WholeNames.issuer_with_boards)
            return self.toks[i].key == "phòng" or self._body_after_position(i) \
                or self.toks[i].key == "ban" and self.issuer_with_boards() is not None
        return self.is_low(i - 1) or (self._sentence_start(i - 1) and not prev.isupper())

    def _body_after_position(self, i: int) -> bool:
        """Token i is 'Ban' and the words after it name an organ every Party committee has, or are a
        shortening in capitals ('Trưởng Ban Nội chính Tỉnh uỷ', 'Chỉ huy trưởng Ban CHQS xã', pool zc)."""
        if self.toks[i].key != "ban" or i + 1 >= len(self.toks):
            return False
        after = self.toks[i + 1].text
        if any(len(keys) > 1 and follow == "place" and self.match_keys(i, keys)
               for keys, _, follow in head_index(self.plain).get("ban", ())):
            return True   # a body named by its locality ('Chỉ huy trưởng Ban Chỉ huy Quân sự xã', pool zj)
        if self.words_at(i + 1, ("quản", "lý")) and self.key(i + 3) in ("các", "khu"):
            return True   # a province's zone board ('Trưởng Ban Quản lý các Khu công nghiệp', pool zo)
        return (after.isupper() and after in component_abbreviations()) or any(
            tuple(self.key(i + 1 + k) for k in range(len(words))) == words for words, _ in party_organ_index().get("Ban", ()))

    def role_after(self, j: int) -> bool:
        """After the mark at j, a position or a member's role, not more of a name ('… - Phó Trưởng
        đoàn', '… và Gia đình - Thành viên', pool zf)."""
        return self.key(j + 1) in ("phó", "trưởng") or (self.key(j + 1), self.key(j + 2)) in ROLE_WORDS

    def _sentence_start(self, i: int) -> bool:
        """Token i begins its line or follows a sentence's or an item's mark."""
        if i <= 0:
            return True
        before = self.text[self.toks[i - 1].end:self.toks[i].start]
        mark = self.toks[i - 1].text
        return "\n" in before or (mark in ITEM_ENDS and mark != ",") or mark in BULLETS

    def _head_ends_at(self, i: int) -> bool:
        """A head noun of two words ends just before token i ('Văn phòng')."""
        return i >= 2 and any(len(keys) == 2 and self.match_keys(i - 2, keys)
                              for keys, _, _ in head_index(self.plain).get(self.toks[i - 2].name_key, ()))

    def _known_with_place(self, index: dict, keys: list[str], j: int) -> tuple[int, AgencyEntry] | None:
        """A known name that ends in its province, the province written in any of its forms ('TP.
        HCM', 'TP Hồ Chí Minh'): the gazetteer's 'Đại học Quốc gia Thành phố Hồ Chí Minh'."""
        loc = self.locality_at(j)
        if loc is None:
            return None
        place = _LEVEL_WORD.sub("", loc[1])
        for written in (f"Thành phố {place}", place, loc[1]):
            e = index.get((*keys, *content_keys(written, self.plain)))
            if e is not None:
                return loc[0], e
        return None

    def own_locality_body(self, end: int, head: str, kind: str) -> Reading | None:
        """A body of the issuer's own commune or district named by its kind: with a bare level word
        ('UBND xã', 'Đảng ủy xã' in that commune's document) or alone ('HĐND', 'Ủy ban bầu cử')."""
        loc = self.ctx.locality
        if loc is None or loc.tier == "province" or self.every_level_after(end) or self.other_level_after(end):
            return None
        own = self.own_level_at(end)
        bodies = LOCALITY_BODIES | DISTRICT_BRANCHES if loc.tier == "district" else LOCALITY_BODIES
        if own is None and head in bodies and self.level_at(end) is None and not self.is_cap(end) \
                and self.key(end) not in ("các", "cấp"):
            own = end
        if own is None:
            return None
        # ('Đảng ủy' in a city's or district's text of before 7/2025 is its Thành ủy, Huyện ủy …)
        return own, party_committee_of(loc.full()) if head == "Đảng ủy" else f"{head} {loc.full()}", kind, True

    def every_level_after(self, end: int) -> bool:
        """A bare head in a list that 'các cấp' closes ('Đảng ủy, chính quyền các cấp'; 'Hội đồng nhân
        dân, UBND các cấp', pool zn): no one body."""
        if end >= len(self.toks) or self.toks[end].text not in (",", "và"):
            return False
        k = end
        while k < len(self.toks) and k - end < 8:
            if self.key(k) == "các" and self.key(k + 1) == "cấp":
                return k > end
            head = self.head_at(k) if self.is_cap(k) else None
            if head is not None and self.toks[k - 1].text in (",", "và"):
                if self.level_at(head[0]):
                    return False   # a head with its own locality ('HĐND, UBND tỉnh và UBND các cấp': the province's)
                k = head[0]   # another bare head of the same list
            elif self.toks[k].text in (",", "và") or self.is_low(k):
                k += 1
            else:
                return False
        return False

    def other_level_after(self, end: int) -> bool:
        """A bare head in a list whose last head another level's word follows ('Tỉnh uỷ, Hội đồng nhân
        dân, Uỷ ban nhân dân tỉnh' in a commune's plan, pool zc): it shares that locality
        (heads_sharing_a_locality), it is not the issuer's own commune's body."""
        k = end
        while k < len(self.toks) and self.toks[k].text in (",", "và") and k - end < 12:
            head = self.head_at(k + 1)
            if head is None:
                return False
            level = self.level_at(head[0])
            if level is not None:
                return level[1] != self.ctx.locality.level
            k = head[0]
        return False

    def own_level_at(self, j: int) -> int | None:
        """Past a level word that stands bare for the issuer's own commune or district ('UBND xã',
        'Đảng ủy xã', 'HĐND phường' in that commune's document): its end, else None. (The context
        has a commune or district: own_locality_body.)"""
        lv = self.level_at(j)
        if lv is None or lv[1] != self.ctx.locality.level:
            return None
        if self.is_cap(lv[0]) and not self.toks[lv[0]].text.isupper() and not self.verb_at(lv[0]) \
                and not self.head_at(lv[0]):
            return None  # 'xã Tân An': a commune named, perhaps another
        return lv[0]

    def starts_agency(self, i: int) -> bool:
        return self.head_at(i) is not None or self.known_at(i) is not None

    def known_at(self, i: int) -> tuple[int, AgencyEntry] | None:
        """The longest gazetteer name or alias starting at token i (connectors aside)."""
        if i >= len(self.toks) or not (self.is_cap(i) or self.toks[i].text in code_aliases()):
            return None
        prev = self.toks[i - 1] if i > 0 else None
        if self.all_caps and prev is not None and prev.word and f"{prev.key} {self.toks[i].key}" in lexicon()[0] \
                and not self._head_ends_at(i):
            return None  # 'PHỤC VỤ HÀNH CHÍNH' is no 'Vụ Hành chính': the word began before
        index, longest = known_names(self.plain)
        best, keys, j = None, [], i
        while j < len(self.toks) and len(keys) < longest:
            placed = self._known_with_place(index, keys, j) if tuple(keys) in place_ending_prefixes(self.plain) else None
            if placed is not None:   # ('ĐHQG TP. HCM', 'Đại học Quốc gia TP.HCM': the place written short)
                return placed
            t = self.toks[j]
            j += 1
            if t.key in CONNECTORS or t.text in SPECKS:
                continue
            if not t.word:
                numbered = index.get((*keys, t.name_key)) if t.text.isdigit() else None
                if numbered is not None:   # 'Quân khu 5': a numbered body ends with its number
                    best = (j, numbered)
                break
            spelled = component_abbreviations().get(t.text) if keys else None
            # a part written short inside a known name ('Cục Kiểm tra văn bản và Quản lý xử lý VPHC')
            keys.extend(content_keys(spelled, self.plain) if spelled else (t.name_key,))
            e = index.get(tuple(keys))
            if e is None:
                continue
            raw = self.span_text(i, j)
            if len(keys) == 1 and raw not in code_aliases() and match_key(e.name) != match_key(raw):
                continue  # a one-word alias is a code: case and all
            best = (j, e)
        return best
