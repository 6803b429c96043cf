"""Figures a document states about a named subject, and figures of two documents that disagree
(issue 19): 'Dự án Trung tâm Vũ trụ Việt Nam với tổng mức đầu tư khoảng 7.318.856,3 triệu đồng'
is the subject 'Dự án Trung tâm Vũ trụ Việt Nam', the measure 'tổng mức đầu tư', about
7,318,856,300,000 đồng. Two figures disagree when they measure the same thing of the same subject
(and the same year, where either names one) and the ranges their qualifiers allow do not meet:
'khoảng 7.318.856,3 triệu đồng' and 'trên 7.300 tỉ đồng' agree; '33 tỷ đồng' and '33 nghìn tỷ
đồng' for the same plant do not, and a ratio of a power of a thousand is ranked first (a unit
slip).

Only measures that are a property of the subject are read (what a project costs in total, what a
programme's whole budget is), not what changes from report to report (what was disbursed,
collected or reached by a date): those would disagree without anyone being wrong. A figure needs a
named subject (a head such as 'dự án', 'nhà máy', 'đề án' and its name); without one nothing is
compared. Hand-written rules rather than a library: no Vietnamese toolkit reads measures."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import combinations

from models.figures import Figure, FigureConflict, MeasureKind, QualifierKind
from models.mentions import Amount, TextMentions
from normalize.text import strip_diacritics_same_length

# The measure's words, as search_key writes them (no marks, lower case), and what they measure.
MEASURES: dict[str, MeasureKind] = {
    "tong muc dau tu": "investment", "tong von dau tu": "investment", "von dau tu": "investment",
    "quy mo dau tu": "investment", "muc dau tu": "investment", "tong dau tu": "investment",
    "tong kinh phi": "budget", "tong du toan": "budget", "kinh phi thuc hien": "budget",
}
# The heads that name a subject; its name runs from the head to the measure.
SUBJECT_HEADS = ("du an", "nha may", "cong trinh", "trung tam", "de an", "chuong trinh", "phong thi nghiem",
                 "ptn", "benh vien", "cang", "san bay", "tuyen duong", "duong cao toc", "cao toc", "cau",
                 "khu cong nghiep", "khu do thi", "he thong", "nhiem vu", "tieu du an", "goi thau")
# Words before the figure that bound the range it states; none: the figure as written.
QUALIFIERS: dict[str, QualifierKind] = {
    "khoang": "about", "xap xi": "about", "uoc": "about", "uoc tinh": "about", "du kien": "about",
    "gan": "nearly", "tren": "over", "hon": "over", "it nhat": "over", "khong duoi": "over",
    "duoi": "under", "toi da": "under", "khong qua": "under",
}
# The range each qualifier allows, as factors of the figure (measured on the seeds' reports: a
# figure written without qualifier is rounded to at most 5 %; 'trên X' in a summary stays below
# twice X).
RANGE: dict[QualifierKind, tuple[float, float]] = {
    "exact": (0.95, 1.05), "about": (0.8, 1.2), "nearly": (0.8, 1.0), "over": (1.0, 2.0), "under": (0.0, 1.0),
}
# Words that name no subject: links, and words every subject shares.
_STOP = {"cua", "va", "cho", "cac", "nhung", "da", "duoc", "dang", "voi", "dau", "tien", "so", "viet", "nam", "mot", "nay", "do", "la", "co", "trong", "tren", "ve", "theo"}
# Where a statement ends: a clause, an enumerated item, 'trong đó' (its parts follow).
_BOUNDARY = re.compile(r"[;\n]|\(\d+\)\s|\b\d+\)\s|\.\s+(?=[A-Z])|(?i:\btrong do\b)")
_MEASURE_RE = re.compile(r"\b(" + "|".join(sorted(MEASURES, key=len, reverse=True)) + r")\b", re.I)
_HEAD_RE = re.compile(r"\b(" + "|".join(sorted(SUBJECT_HEADS, key=len, reverse=True)) + r")\b", re.I)
_QUALIFIER_RE = re.compile(r"\b(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s*$", re.I)
# Between the measure and the figure only these may stand: 'là', ':', a qualifier, 'được
# duyệt', 'dự kiến' ('tổng mức đầu tư được phê duyệt là khoảng 7.300 tỷ đồng').
_BRIDGE = re.compile(r"^[\s:,(]*(?:(?:la|dat|duoc|phe|duyet|dieu|chinh|du|kien|ban|dau|sau|khi|len|tu|"
                     + "|".join(w for k in QUALIFIERS for w in k.split()) + r")[\s:,]*)*$", re.I)
# After the measure, before the figure: 'Tổng mức đầu tư của dự án X là …'.
# A head counted or in the plural names no one subject: '37 nhiệm vụ', 'các dự án'.
_COUNTED = re.compile(r"(?:\b\d+|\b(?:cac|nhung|nhieu|mot so|so))\s+$", re.I)
_HEAD_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SUBJECT_HEADS, key=len, reverse=True)) + r")\s+$", re.I)
_OF_SUBJECT = re.compile(r"^\s*(?:(?:cua|cho)\s+)?", re.I)   # ('Tổng mức đầu tư Dự án: …' has no 'của')
_TRAILING_LINKS = re.compile(r"(?:\s|,|:|\(|\b(?:voi|co|la|dat|duoc|su dung|da|dang|se|tu|bang|gom)\b)+$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MAX_SUBJECT_WORDS = 14
_MAX_GAP = 160   # characters between a measure and its figure when the subject stands between


def figures_of(pieces: Iterable[TextMentions]) -> list[Figure]:
    """The figures stated in a document's running text (tables are records, read elsewhere)."""
    running = [p for p in pieces if p.table_id is None]
    named = _NamedSubjects(running)
    out = []
    for piece in running:
        if not piece.amounts:
            continue
        folded = folded_same_length(piece.text)
        for amount in piece.amounts:
            figure = _figure(piece, folded, amount, named)
            if figure is not None:
                out.append(figure)
    return out


# After a head, the words that end its name: a clause mark, or a link word ('Dự án X với …').
_NAME_END = re.compile(r"[,;:.()\n]|\s(?:voi|co|la|duoc|da|se|nham|de|tai|theo|gom|bao gom|trong do)\s", re.I)


class _NamedSubjects:
    """Per head, the first subject the document names with it ('Dự án đường bộ cao tốc Bắc - Nam
    phía Đông …' in a resolution's title or first article): what 'Dự án' alone means further on
    ('Sơ bộ tổng mức đầu tư của Dự án là …'). Read only when a figure's subject is a head alone."""

    def __init__(self, pieces: Sequence[TextMentions]):
        self.pieces = pieces

    @cached_property
    def first(self) -> dict[str, tuple[str, str]]:
        """head → (the subject as written, its key)."""
        named: dict[str, tuple[str, str]] = {}
        for piece in self.pieces:
            folded = folded_same_length(piece.text)
            for head in _HEAD_RE.finditer(folded):
                word = head.group(1).lower()
                if word in named or _COUNTED.search(folded, 0, head.start()):
                    continue
                end = _NAME_END.search(folded, head.end())
                words = list(re.finditer(r"\S+", folded[:end.start() if end else len(folded)]))
                words = [w for w in words if w.start() >= head.start()][:_MAX_SUBJECT_WORDS]
                key = subject_key(folded[head.start():words[-1].end()])
                if len(key.split()) >= 2:
                    named[word] = (piece.text[head.start():words[-1].end()], key)
        return named


def folded_same_length(text: str) -> str:
    """Marks and case folded letter by letter, so offsets stay those of the text (search_key
    trims and squeezes spaces); case is kept for the sentence boundaries."""
    return strip_diacritics_same_length(text)


def _figure(piece: TextMentions, folded: str, amount: Amount, named: _NamedSubjects) -> Figure | None:
    if amount.value is None and amount.low is None:
        return None
    start, end = piece.span(amount)
    lo, hi = _statement(folded, start, end)
    before = folded[lo:start]
    measure = None
    for m in _MEASURE_RE.finditer(before):
        measure = m
    if measure is None:
        return None
    between = before[measure.end():]
    subject_span = _subject_after(between, lo + measure.end()) if not _BRIDGE.match(between) else None
    if subject_span is None:
        if not _BRIDGE.match(between):
            return None
        subject_span = _subject_before(folded, lo, lo + measure.start())
    if subject_span is None:
        return None
    s_start, s_end = subject_span
    subject = piece.text[s_start:s_end].strip(" ,:(")
    key = subject_key(folded[s_start:s_end])
    alone = _HEAD_RE.fullmatch(folded[s_start:s_end].strip(" ,:(").lower())
    if len(key.split()) < 2 and alone and alone.group(1) in named.first:
        subject, key = named.first[alone.group(1)]   # 'của Dự án' alone: the project the document named
    if len(key.split()) < 2:
        return None
    q = _QUALIFIER_RE.search(before)
    qualifier: QualifierKind = QUALIFIERS[q.group(1).lower()] if q else "exact"
    value = amount.value if amount.value is not None else (amount.low + amount.high) // 2
    f_lo, f_hi = RANGE[qualifier]
    if amount.value is None:   # a range stated as such: its own ends
        low, high = amount.low, amount.high
    else:
        low, high = int(value * f_lo), int(value * f_hi)
    statement = piece.text[lo:hi].strip()
    years = sorted(set(_YEAR.findall(folded[lo:hi])))
    return Figure(subject=subject, subject_key=key, measure=MEASURES[measure.group(1).lower()],
                  measure_text=piece.text[lo + measure.start():lo + measure.end()], qualifier=qualifier,
                  value=value, low=low, high=high, currency=amount.currency, text=amount.text,
                  period=years[0] if len(years) == 1 else None, sentence=statement[:300], page=piece.page,
                  position=amount.position)


def _statement(folded: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a figure: from the last boundary before it to the next after it."""
    lo = 0
    for m in _BOUNDARY.finditer(folded, 0, start):
        lo = m.end()
    nxt = _BOUNDARY.search(folded, end)
    return lo, nxt.start() if nxt else len(folded)


def _subject_before(folded: str, lo: int, measure_start: int) -> tuple[int, int] | None:
    """The last head before the measure and its name, up to the words that link it to the
    measure ('… nhà máy chế tạo chip bán dẫn đầu tiên tại Việt Nam với tổng mức đầu tư')."""
    head = None
    for m in _HEAD_RE.finditer(folded, lo, measure_start):
        head = m
    if head is None or _COUNTED.search(folded, lo, head.start()):
        return None
    start = head.start()
    while (chained := _HEAD_BEFORE.search(folded, lo, start)) is not None:   # 'Dự án Trung tâm …'
        start = chained.start()
    span = folded[start:measure_start]
    trimmed = _TRAILING_LINKS.sub("", span)
    words = trimmed.split()
    if len(words) > _MAX_SUBJECT_WORDS:
        return None
    return start, start + len(trimmed)


def _subject_after(between: str, offset: int) -> tuple[int, int] | None:
    """'Tổng mức đầu tư của dự án X là …': the subject stands between 'của' and the figure's
    bridge words."""
    of = _OF_SUBJECT.match(between)
    if not of or len(between) > _MAX_GAP or not _HEAD_RE.match(between, of.end()):
        return None   # (the bridge is looked for at every cut: a long gap is no subject, and slow)
    rest = between[of.end():]
    for cut in range(len(rest)):
        if _BRIDGE.match(rest[cut:]) and (cut == 0 or rest[cut - 1] == " "):
            rest = rest[:cut]
            break
    trimmed = _TRAILING_LINKS.sub("", rest)
    if not trimmed or len(trimmed.split()) > _MAX_SUBJECT_WORDS:
        return None
    return offset + of.end(), offset + of.end() + len(trimmed)


# Where the subject stands is not what it is: one report writes 'tại Việt Nam', another 'tại Khu
# công nghệ cao Hòa Lạc' for the same plant.
_WHERE = re.compile(r"\s(?:tai|o|tren dia ban|thuoc)\s")


def subject_key(folded_subject: str) -> str:
    """The words that name the subject, without its head, link words and where it stands,
    sorted: what two documents' subjects are compared by."""
    text = _HEAD_RE.sub(" ", _WHERE.split(folded_subject.lower(), 1)[0])
    words = {w for w in re.findall(r"[a-z0-9]+", text) if w not in _STOP}
    return " ".join(sorted(words))


# Two subjects are one when most words of the longer one are the other's (measured on the pools:
# at 0.6, 'nhà máy chế tạo chip bán dẫn' meets 'nhà máy chế tạo chip bán dẫn đầu tiên tại Việt
# Nam'; a section of a road, which adds its own place names, does not meet the whole road).
SAME_SUBJECT = 0.6


def same_subject(a: str, b: str) -> bool:
    wa, wb = set(a.split()), set(b.split())
    shared = len(wa & wb)
    return shared >= 2 and shared / max(len(wa), len(wb)) >= SAME_SUBJECT


def disagree(a: Figure, b: Figure) -> bool:
    """The same measure of the same subject and year whose allowed ranges do not meet."""
    if a.measure != b.measure or a.currency != b.currency:
        return False
    if a.period and b.period and a.period != b.period:
        return False
    if not same_subject(a.subject_key, b.subject_key):
        return False
    return a.high < b.low or b.high < a.low


def unit_slip(a: Figure, b: Figure) -> bool:
    """The ratio is a power of a thousand (within the qualifiers' 5 %): one of them wrote the
    wrong scale word ('33 tỷ' for '33 nghìn tỷ')."""
    if not a.value or not b.value:
        return False
    ratio = math.log10(max(a.value, b.value) / min(a.value, b.value)) / 3
    return round(ratio) >= 1 and abs(ratio - round(ratio)) < 0.01


def conflicts(figures: Sequence[tuple[int, Figure]], ids: Sequence[int] | None = None) -> list[FigureConflict]:
    """Pairs of figures from different documents (document id, figure) that disagree, a unit slip
    first, then the larger ratio first; `ids` name the figures (stored rows) in the pairs. Only
    figures sharing two subject words are compared (an index by word), not every pair."""
    ids = list(ids) if ids is not None else list(range(len(figures)))
    by_word: dict[str, list[int]] = {}
    for i, (_, f) in enumerate(figures):
        for w in set(f.subject_key.split()):
            by_word.setdefault(w, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for members in by_word.values():
        for i, j in combinations(members, 2):
            shared[(i, j)] = shared.get((i, j), 0) + 1
    out = []
    for (i, j), n in shared.items():
        (doc_a, a), (doc_b, b) = figures[i], figures[j]
        if n >= 2 and doc_a != doc_b and disagree(a, b):
            ratio = max(a.value, b.value) / max(1, min(a.value, b.value))
            out.append(FigureConflict(a=a, b=b, document_a=doc_a, document_b=doc_b, id_a=ids[i], id_b=ids[j],
                                      unit_slip=unit_slip(a, b), ratio=round(ratio, 3)))
    return sorted(out, key=lambda c: (not c.unit_slip, -c.ratio, c.id_a, c.id_b))
