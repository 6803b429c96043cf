"""Election boards named by their electoral unit ('Ban bầu cử đại biểu Hội đồng nhân dân phường Sa Đéc,
nhiệm kỳ 2026 – 2031 ở đơn vị bầu cử số 4'): the election law (Luật Bầu cử 2015, Điều 24) sets up one
board per electoral unit, and the decisions that set them up name each by its unit. The term of office
is no part of the name (pools zn, zo: the ward's boards, one per decision)."""
from __future__ import annotations

import re

from ner.agency_tokens import TokenReader

_ELECTION_BOARD = re.compile(
    r"\b(?P<board>Ban bầu cử đại biểu (?P<council>Quốc hội|Hội đồng nhân dân|HĐND)(?P<place>(?:\s+[^\W\d_]+){0,5}?))"
    r"(?:\s*,?\s*nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4})?\s*,?\s+(?:ở|tại)\s+(?P<unit>đơn vị bầu cử số\s+\d{1,3})\b")


class ElectionBoards(TokenReader):
    def election_boards(self) -> None:
        starts = {t.start: k for k, t in enumerate(self.toks)}
        ends = {t.end: k + 1 for k, t in enumerate(self.toks)}
        for m in _ELECTION_BOARD.finditer(self.text):
            i, j = starts.get(m.start()), ends.get(m.end())
            if i is None or j is None:
                continue
            council = "Hội đồng nhân dân" if m.group("council") == "HĐND" else m.group("council")
            name = f"Ban bầu cử đại biểu {council}{m.group('place')} ở {m.group('unit')}"
            self.add(i, j, name, "body", True)
