"""The specific part of an agency's name: its components ('Khoa học', 'KH&CN') joined by 'và', '&', '-',
and the lowercase words a known name's part still holds."""
from __future__ import annotations

import re

from ner.agency_tokens import (
    TokenReader,
    known_specific_parts,
)
from ner.agency_words import (
    COMMA_NAMES,
    CONNECTORS,
    DASH_NAMES,
    POSITION_WORDS,
    TAIL_STOPS,
    TITLE_WORDS,
)
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key
from normalize.vowel_marks import lexicon

# Lowercase words the part of a name after 'và' may run over ('… và Quản lý khoa học').
MAX_JOINED_TAIL = 4
MAX_KNOWN_PART_TAIL = 6   # words a known name's specific part may still hold ('khoa học và Công nghệ')
MAX_BRIDGED_WORDS = 2   # lowercase words between two capitalized parts of one name ('điện tử', 'châu')


# Lowercase words a national centre's name may hold before its 'quốc gia' ('khí tượng thuỷ văn').
MAX_NATIONAL_WORDS = 5


class NameParts(TokenReader):
    """Where the specific part of a name ends (a part of the grammar the parser joins:
    ner/agencies._Parser)."""

    def component_end(self, i: int) -> int:
        """A part of a specific name: a capitalized word and the lowercase words that make one word
        with it ('Khoa học', 'Tài chính', 'Quản lý'), or an abbreviation ('KH&CN')."""
        if not self.is_cap(i):
            return i
        if self.all_caps:
            return i + 1
        words = lexicon()[0]
        best, syllables = i + 1, [self.toks[i].key]
        for j in range(i + 1, min(i + 4, len(self.toks))):
            if not self.is_low(j):
                break
            syllables.append(self.toks[j].key)
            if " ".join(syllables) in words:
                best = j + 1
        if best < len(self.toks) and self.is_low(best) and f"{self.key(best - 1)} {self.key(best)}" in words \
                and f"{self.key(best)} {self.key(best + 1)}" not in words and not self.level_at(best) \
                and not self.stops_at(best, TAIL_STOPS):
            best += 1   # words that overlap ('Nông lâm' + 'lâm sản': the word list lacks 'nông lâm sản', pool zh);
            #             not one that begins the next word ('Thường trực' + 'trực ban', then 'ban hành'), nor a
            #             level word ('Tổ quốc' + 'quốc xã', 'Tuyên giáo' + 'giáo tỉnh': a review's probes)
        if best == i + 1 and i > 0 and self.toks[i - 1].text in ("-", "–") and self.is_low(best) \
                and self.toks[best].word and len(self.toks[i].text) > 1 \
                and len(self.toks[best].text) > 1 and self.is_syllable(best) and not self.stops_at(best, TAIL_STOPS) \
                and not self.level_at(best) and not self.verb_at(best) and self.ends_name(best + 1):
            best += 1   # after a dash, a syllable the word list lacks the pair of, closing the name ('Tìm kiếm -
            #             Cứu nạn và Ban …', pool zo); not after a head, where an OCR slip reads so ('Cục Đôi
            #             ngoại', pool d)
        return best

    def plain_name_word(self, k: int) -> bool:
        """A lowercase word at k that a name may hold: no stop word, verb or level word."""
        return self.is_low(k) and not self.stops_at(k, TAIL_STOPS) and not self.verb_at(k) and not self.level_at(k)

    def is_syllable(self, k: int) -> bool:
        """Token k is a Vietnamese syllable as spelled (not an OCR slip: 'ngọai')."""
        key = self.key(k)
        return key in lexicon()[1].get(strip_diacritics_same_length(key), ())

    def ends_name(self, k: int) -> bool:
        """A name may end before token k: a mark, the text's end, or 'và' before another body."""
        if k >= len(self.toks):
            return True
        if self.toks[k].text == "và":
            return self.starts_agency(k + 1)
        return not self.toks[k].word and self.toks[k].text not in ("-", "–", "&")

    def name_end(self, i: int) -> int:
        """Components joined by 'và', '&', '-' (',' only inside a name a locality closes, or one of the
        names that hold a comma)."""
        j = self.component_end(i)
        if j == i:
            return i
        while j < len(self.toks):
            sep = self.toks[j].text
            if sep in CONNECTORS and self.locality_at(j + 1):
                break
            if sep == "," and self.is_cap(j + 1) and not self.starts_agency(j + 1):
                # 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh X'
                k = self.name_end(j + 1)
                if k > j + 1 and self.locality_at(k):
                    j = k
                elif k > j + 1:   # (the part after 'và' may run on: 'Khoa học và Thông tin chủ trì')
                    j = next((m for m in range(k, j + 1, -1) if match_key(self.span_text(i, m)) in COMMA_NAMES), j)
                break
            if sep in ("-", "–") and self.is_low(j + 1):
                # 'Phòng Văn hoá – xã hội' (a commune's department, its second half lowercase, pool zb)
                k = next((m for m in range(min(j + 1 + MAX_JOINED_TAIL, len(self.toks)), j + 1, -1)
                          if self.toks[m - 1].word and match_key(self.span_text(i, m)) in DASH_NAMES), None)
                if k is not None:
                    j = k
                    continue
            if sep in CONNECTORS and sep != "," and self.is_cap(j + 1) and not self.head_at(j + 1) \
                    and self.key(j + 1) not in TITLE_WORDS and not self.role_after(j):
                # (not '… Xã hội - Phó Trưởng tiểu ban', '… - Thành viên')
                nxt = self.component_end(j + 1)
                if nxt > j + 1 and sep == "và" and self.is_low(nxt) and self.toks[nxt].text not in CONNECTORS:
                    # the part after 'và' runs over its lowercase words ('Vụ Pháp chế và Quản lý khoa
                    # học', 'Cục Quản lý và Phát triển thị trường nước ngoài'), to a stop word or a verb
                    nxt = min(self.unit_words_end(nxt), nxt + MAX_JOINED_TAIL)
                if nxt > j + 1:
                    j = nxt
                    continue
            if self.is_cap(j) and not self.level_at(j) and (self.key(j - 1) == "khu" or not self.head_at(j)
                                                            and not self.starts_agency(j)):
                # (a zone's name may begin with a head's word: 'Ban Quản lý Khu Đại học Nam Cao', pool zj)
                j = self.component_end(j)
                continue
            bridged = self.bridged_end(j)
            if bridged is not None:
                j = bridged
                continue
            break
        return self.known_part_end(i, j)

    def bridged_end(self, j: int) -> int | None:
        """Past lowercase words at j that sit between capitalized parts of one name, where the name
        then ends at a mark or another body ('Vụ Thị trường châu Á - Thái Bình Dương,', 'Cục Thương
        mại điện tử và Công nghệ thông tin.', pool zn); None where a word after it goes on ('Sở Tài
        chính thẩm định Dự án đầu tư': a verb and an object, not a name)."""
        m = j
        while m < len(self.toks) and m - j < MAX_BRIDGED_WORDS and self.plain_name_word(m) \
                and self.key(m) not in CONNECTORS:
            m += 1
        if m == j or m >= len(self.toks):
            return None
        end = m + 1 if self.toks[m].text in ("và", "-", "–") else m
        if not self._free_capital(end):
            return None
        while self._free_capital(end):
            end = self.component_end(end)
            if end < len(self.toks) and self.toks[end].text in ("và", "-", "–") and self._free_capital(end + 1):
                end += 1
        if end < len(self.toks) and self.toks[end].word and not self.starts_agency(end):
            return None   # (nor before a level word: 'Ban Quản lý dự án Đầu tư – Hạ tầng phường Tương Mai'
            #                is read as its locality's board by the commune's rules, pool s)
        return end

    def _free_capital(self, i: int) -> bool:
        """A capitalized word at i that may go on a name: no head, body, level, title or line start."""
        return self.is_cap(i) and not self.head_at(i) and not self.starts_agency(i) and not self.level_at(i) \
            and self.key(i) not in TITLE_WORDS and not self.role_after(i - 1)

    def known_part_end(self, i: int, j: int) -> int:
        """Past the lowercase words after j that make the words from i a known name's specific part
        ('Chi cục Tiêu chuẩn đo lường chất lượng': the part of 'Tổng cục Tiêu chuẩn Đo lường Chất
        lượng', pool zh); j where none does."""
        if not self.is_low(j):
            return j
        parts = known_specific_parts(self.plain)
        keys = [t.name_key for t in self.toks[i:j] if t.key not in CONNECTORS]
        end = j
        for k in range(j, min(j + MAX_KNOWN_PART_TAIL, len(self.toks))):
            t = self.toks[k]
            if not t.word and t.text not in CONNECTORS:
                break
            if t.key not in CONNECTORS:
                keys.append(t.name_key)
                if tuple(keys) in parts:
                    end = k + 1
        return end

    def lowercase_close(self, k: int) -> bool:
        """One or two lowercase words after a known unit's name that close a longer one before a mark
        ('Vụ Công nghiệp nặng,' of 2010, not the 'Vụ Công nghiệp' of Văn phòng Chính phủ, pool zq). Measured
        and left out: taking those words into the name wherever the known unit is newer than the text
        ('Vụ Chính sách thuế,' of 2005, pool zv) — a review found it took verbs the verb list does not
        hold ('Giao Cục Thuế thẩm định, …' of 2015)."""
        m = k
        while m < len(self.toks) and m - k < 2 and self.plain_name_word(m) and self.is_syllable(m) \
                and self.key(m) not in POSITION_WORDS and len(self.toks[m].text) > 1:   # (not an item's 'a)')
            m += 1
        return m > k and self.ends_name(m)

    def national_end(self, j: int) -> int | None:
        """Past the lowercase words from j that close a name with 'quốc gia' or 'Trung ương', the
        national tier a centre's or an institute's name may say instead of a locality."""
        k = j
        while k < len(self.toks) and k - j <= MAX_NATIONAL_WORDS:
            if self.words_at(k, ("quốc", "gia")) or self.words_at(k, ("trung", "ương")):
                after = k + 2
                if after < len(self.toks) and (self.is_cap(after) or self.key(after) == "về"
                                               or re.fullmatch(r"[IVX]+", self.toks[after].text)):
                    return None   # the name goes on ('… di tích quốc gia Kim Liên', '… quốc gia về dân cư',
                    #               'Trung tâm Lưu trữ quốc gia I': a review's probes)
                return after
            if not self.plain_name_word(k):
                return None
            k += 1
        return None
