"""Names with shortenings inside them ('BQL các KCN tỉnh Bình Dương'), read with the shortenings
written out over the abbreviation tables and mapped back to the words as written."""
from __future__ import annotations

import re

from ner.agency_tokens import Reading, TokenReader
from normalize.agencies import spelled_out

# Tokens a name with shortenings inside it is read over ('BQL các KCN tỉnh Bình Dương' is 6; 'Ban QLDA
# đầu tư xây dựng và Phát triển quỹ đất thành phố Hà Tĩnh' is 15, pool zzc).
SPELLED_WINDOW = 16
# A shortening no table spells out, left in a name read with the others written out ('DD&CN').
_SHORTENING_LEFT = re.compile(r"(?<!\w)[A-ZĐ]{2,}")
# A name that ends in its locality ('… tỉnh Bình Dương'): a body, where the gazetteer does not know it.
_ENDS_IN_PLACE = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu) [A-ZĐÀ-Ỹ]\w*(?: \w+)*$")


class SpelledNames(TokenReader):
    def spelled_out_at(self, i: int) -> Reading | None:
        """A name with shortenings inside it, read with them written out ('BQL các KCN tỉnh Bình
        Dương', 'BQL dự án ĐTXD tỉnh Hà Nam', 'VP BCĐ TW về …'): one general rule over the abbreviation
        tables (issue 17, item 3), where the grammar, which reads a shortening as a word it does not
        know, stopped at it. The reading's end is mapped back to the tokens as written."""
        if self.spelled_out:
            return None
        end = i + 1
        while end < len(self.toks) and end - i < SPELLED_WINDOW and self.toks[end].text not in ";:()[]":
            end += 1
        pieces, ends, shortened = [], [], 0
        k = i
        while k < end:
            t = self.toks[k]
            pair = f"{t.text} {self.toks[k + 1].text}" if k + 1 < end else ""
            long, width = (spelled_out(pair), 2) if pair and spelled_out(pair) else (spelled_out(t.text), 1)
            shortened += long is not None
            gap = self.text[self.toks[k - 1].end:t.start] if k > i else ""
            pieces.append(gap + (long or t.text))
            ends += [sum(map(len, pieces))] * width
            k += width
        if shortened < 2 and not (shortened and spelled_out(self.toks[i].text) is None):
            return None   # (a shortened head alone, 'UBND tỉnh X', the grammar reads already)
        reader = type(self)("".join(pieces), self.ctx, self.plain, self.actor_context)
        reader.spelled_out = True
        reading = reader.agency_at(0)
        if reading is None or _SHORTENING_LEFT.search(reading[1]) or not (reading[3] or _ENDS_IN_PLACE.search(reading[1])):
            return None   # ('Ban QLDA' alone is no one body; 'DD&CN' no table spells out)
        last = reader.toks[reading[0] - 1].end
        written_end = i + next(n for n, e in enumerate(ends) if e >= last) + 1
        # ('Văn phòng HĐND – UBND', 'BQL KKT Dung Quất và các KCN …': one body of both, read whole or not at all)
        after = self.toks[written_end + 1:written_end + 4]
        joined = written_end < len(self.toks) and self.toks[written_end].text in ("-", "–", "&", "và") and after and \
            (spelled_out(after[0].text) or any(spelled_out(t.text) for t in after) and not self.head_at(written_end + 1))
        # (but 'Vụ BHXH - Bộ LĐTBXH' names its parent after the dash)
        return (written_end, *reading[1:]) if written_end > i + 1 and not joined else None
