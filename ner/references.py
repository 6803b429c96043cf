"""References to documents by số/ký hiệu (Decree 30/2020/NĐ-CP; Party Regulation 66-QĐ/TW).

State form:  1131/QĐ-TTg, 21/2026/QĐ-TTg, 245/2025/QH15, 2631/BQP-KHQS, 1388/SKHCN-QLCN&ĐMST
Party form:  57-NQ/TW, 03-TB/BCĐTW, 02-CTr/BCĐTW, 22-TB/CQTTBCĐ
Lists:       'Kế hoạch số 107, 109, 110, 111/KH-UBND' → four references.
Fractions ('06/35'), dates ('12/6/2025') and ratios have no letter symbol and never match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus import load_json
from normalize.dates import DATE_PATTERNS, from_match
from normalize.ocr_repair import repair_symbol_segment, repair_type_code
from normalize.text import latin_lookalikes, normalize_dashes, strip_diacritics_same_length

_NUM = r"\d{1,5}"
# A symbol segment: capitals, digits, '&'; a few official codes carry lowercase letters
# (TTg, CTr, TTr, QĐi). Checked again in _valid_segment.
# Vietnamese capitals stand in codes too: '2589/BTTTT-ƯDCNTT' (Cục Ứng dụng CNTT).
_CAPS = "A-ZĐƯƠÂĂÊÔ"
_SEG = rf"[{_CAPS}][A-Za-z{_CAPS}đ0-9&]*"
_END = r"(?![A-Za-zÀ-ỹĐđ0-9&])"
# A hyphen, with a speck OCR may leave after it ('7091/UBND- .VHXH').
# An underscore for the hyphen, as a web page's copy may carry it ('10/2007/QĐ_BKHCN', pool za).
_HY = r"(?:\s?-\s?(?:[.,·'`]\s?)?|_)"
_SL = r"\s?/\s?"
_LIST_SEP = r"\s*(?:,|và|&)\s*"

# A resolution number may carry a point: 'Nghị quyết số 66.4/2025/NQ-CP' (the Government's
# numbered series); only with a year after it, so '1.436/…' (a thousands point) is not read so.
_NUM_STATE = rf"{_NUM}(?:\.\d{{1,2}}(?={_SL}(?:19|20)\d{{2}}{_SL})|[a-z](?={_SL}[A-ZĐ]))?"
# A unit's code may carry its number after a point, and a letter its own serial after a hyphen:
# '4814/CCTKV.05-TTKT3' (a regional tax office's 2025 code), '01/CV-01' (a company's letter), or its
# year ('0001/TB-2016', a company's notice, pool zzc), or the drafting unit's code in brackets
# ('03/BCĐX-CAT(PC04)', a provincial police's report, pool zze; '2877/TT-SXD(KTXD)'); older
# provincial codes join their parts with a point ('84/2004/QĐ.UB', '55/2005/QĐ-UB.NN',
# '2909/TTr.LS-TC-YT', pools zt and zw), in capitals only (not a sentence run on: '…/QĐ-UBND.Theo').
_SEG_NO = r"(?:\.\d{1,3}|\.[A-ZĐ]{2,}(?![a-zà-ỹđ]))?"
# (not the year of a standard's number: 'QCVN 27:2025/BCT', pool zx)
STATE_RE = re.compile(
    rf"(?<![\w/.\-])(?!(?<=\d:)(?:19|20)\d\d/)(?P<nums>{_NUM_STATE}(?:{_LIST_SEP}{_NUM})*){_SL}"
    rf"(?:(?P<year>(?:19|20)\d{{2}}){_SL})?(?P<sym>{_SEG}{_SEG_NO}(?:{_HY}{_SEG}{_SEG_NO})*(?:-(?:\d{{1,3}}|(?:19|20)\d{{2}}(?:-(?:19|20)\d{{2}})?))?(?:\([A-ZĐ]{{2,6}}\d{{0,2}}\))?){_END}")
PARTY_RE = re.compile(
    rf"(?<![\w/.\-])(?P<num>{_NUM}){_HY}(?P<type>{_SEG}){_SL}(?P<issuer>{_SEG}(?:{_HY}{_SEG})*){_END}")

# OCR drops the slash between the number and the symbol ('2025UBND-KGVX' for 2025/UBND-KGVX).
# Read as a reference only when the glued symbol starts with a known document-type or issuer
# code and has a second segment, and recorded as a repair.
LOST_SLASH_RE = re.compile(
    rf"(?<![\w/.\-])(?P<nums>{_NUM})(?P<sym>{_SEG}(?:{_HY}{_SEG})+){_END}")
# A Party document's number with a space where its hyphen belongs ('Kết luận 174 KL/TW'): only a
# Party type code over a Party issuer's code, so that '12 KH/UBND' in a table stays two cells' text.
# The Party's issuer codes: its committees ('TW', 'TU', 'HU', 'ĐU' …) and central organs.
PARTY_ISSUERS = ("TW", "TU", "HU", "QU", "ĐU", "ĐUK", "BCĐTW", "VPTW", "BTCTW", "UBKTTW", "ĐUCP")
# The Party's type codes a number may be written with when its hyphen is lost.
_PARTY_TYPES = "KL|NQ|CT|QĐ|QĐi|TB|KH|HD|BC|CV|CTr"
PARTY_SPACE_RE = re.compile(rf"(?<![\w/.\-])(?P<num>\d{{1,5}}) (?P<type>{_PARTY_TYPES})"
                            rf"/(?P<issuer>{'|'.join(PARTY_ISSUERS)})(?![\w&])")
# A Party number written with a slash for its hyphen ('Chỉ thị số 05/CT/TU', pool za), or with the
# slash and the hyphen swapped ('Nghị quyết số 27/NQ- TW', pool zd; '58/CT-TW', pool y): its Party key.
PARTY_SLASH_RE = re.compile(rf"(?<![\w/.\-])(?P<num>\d{{1,5}})/(?P<type>{_PARTY_TYPES})"
                            rf"(?:/|-\s?)(?P<issuer>{'|'.join(PARTY_ISSUERS)})(?![\w&/-])")
LEGISLATURE_LOST_SLASH_RE = re.compile(rf"(?<![\w/.\-])(?P<n>{_NUM})/(?P<year>(?:19|20)\d{{2}})(?P<sym>(?:UBTVQH|QH)\d{{1,2}}){_END}")
_GENERIC_ISSUERS = {"UBND", "HĐND", "BCĐ"}

_LOWER_OK = {"TTg", "CTr", "TTr", "QĐi", "QyĐ", "TTgCP", "QĐ", "HĐND"}


@dataclass(frozen=True)
class FoundReference:
    key: str
    number: str
    symbol: str
    start: int
    end: int
    type_code: str | None      # the document-type code inside the symbol, if any
    issuer_codes: tuple[str, ...]
    in_list: bool
    repairs: tuple[str, ...] = ()  # OCR repairs applied, e.g. ('QD→QĐ',)


def _valid_segment(seg: str) -> bool:
    if seg in _LOWER_OK:
        return True
    letters = [ch for ch in seg if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return bool(letters) and upper >= len(letters) - 1 and (upper >= 2 or len(seg) == 1 or seg.isupper())


def _segments(sym: str) -> list[str]:
    return [s for s in re.split(_HY, sym) if s]


def _without_run_on(segs: list[str]) -> list[str]:
    """A point after a whole issuer's code ends the symbol: the next sentence ran on without a space
    ('12/QĐ-UBND.UBND tỉnh giao', '15/2024/QĐ-UBND.TM'); a point inside a short code joins its parts
    ('QĐ.UB', 'TTr.LS')."""
    out = []
    for seg in segs:
        head, point, tail = seg.partition(".")
        if point and tail and not tail[0].isdigit() and len(head) > 3:
            out.append(head)
            break
        out.append(seg)
    return out


def _repaired(segs: list[str]) -> tuple[list[str], tuple[str, ...]]:
    fixed = [repair_symbol_segment(s) for s in segs]
    if fixed and not any(s in _type_codes() for s in fixed[1:]):
        fixed[0] = repair_type_code(fixed[0])
    return fixed, tuple(f"{a}→{b}" for a, b in zip(segs, fixed) if a != b)


# Codes of the National Assembly and its Standing Committee carry the legislature's number
# ('QH14', 'UBTVQH15'), which a line break can put on the next line ('119/2020/QH' + '14').
_TERM_CODES = ("QH", "UBTVQH")
# The National Assembly's legislatures and their years (a legislature's last year is the next one's
# first): a law's year says which one passed it.
LEGISLATURES = {9: (1992, 1997), 10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016),
                14: (2016, 2021), 15: (2021, 2026), 16: (2026, 2031)}
_TERM_SEGMENT = re.compile(r"^(?P<code>(?:UBTV)?QH)(?P<term>\d{1,2})$")


def _term_of_year(segs: list[str], year: str | None) -> tuple[list[str], tuple[str, ...]]:
    """'50/2014/QH15', '15/2023/QH5' (pool p): a legislature that did not sit in the key's year is a
    typing slip; the one that sat then is written, and the repair said ('QH15→QH13')."""
    if not year:
        return segs, ()
    y = int(year)
    out, repairs = [], []
    for seg in segs:
        m = _TERM_SEGMENT.match(seg)
        sat = [n for n, (a, b) in LEGISLATURES.items() if a <= y <= b]
        if m and sat and int(m.group("term")) not in sat:
            fixed = f"{m.group('code')}{sat[-1] if len(sat) == 1 else min(sat, key=lambda n: abs(n - int(m.group('term'))))}"
            repairs.append(f"{seg}→{fixed}")
            seg = fixed
        out.append(seg)
    return out, tuple(repairs)


_NEXT_PIECE = re.compile(r"[ \t\n]+(?P<piece>[A-ZĐ0-9][A-Za-zĐđ0-9&]{0,7})" + _END)


_DRAFTING_CODE = re.compile(r"\([A-ZĐ]{2,6}\d{0,2}\)$")
_DATED_AFTER = re.compile(r"[ \t]+ngày\s+\d{1,2}(?:\s?[/.\-]\s?\d|\s+tháng\b)", re.IGNORECASE)


def _rejoin(text: str, end: int, segs: list[str]) -> tuple[list[str], int, tuple[str, ...]]:
    """A ký hiệu cut by a line break or a stray space: 'QH' + '14', 'Q' + 'H14' (a segment split
    inside). Joined only when the result is a known code or a legislature code, or when the part
    before the space ends in '&', which no code does ('15972/SXD-QLN& TTBĐS', holdout)."""
    m = _NEXT_PIECE.match(text, end)
    if not m or not segs:
        return segs, end, ()
    piece, last = m.group("piece"), segs[-1]
    joined = last + piece
    ampersand = last.endswith("&") and not piece.isdigit() and text[m.end():m.end() + 1] != "/"   # (not 'KT&\nV/v')
    # a unit's number cut off by a PDF's spacing, its date right after on the same line: '4167/UBND -TH 1
    # ngày 18/6/2025' is 4167/UBND-TH1 (a province office's numbered units, NC1, TH2, pool zzc); not a
    # count of days ('1234/QĐ-UBND 5 ngày làm việc', a review's probe)
    unit_number = len(piece) == 1 and piece.isdigit() and len(segs) >= 2 and last.isalpha() and last.isupper() \
        and "\n" not in text[end:m.start("piece")] and _DATED_AFTER.match(text, m.end())
    if (last in _TERM_CODES and piece.isdigit() and len(piece) == 2) or ampersand or unit_number or \
            (not piece.isdigit() and len(last) <= 2 and (joined in _known_codes() or re.fullmatch(r"(?:UBTV)?QH\d{2}", joined))):
        return [*segs[:-1], joined], m.end(), (f"{last}+{piece}→{joined}",)
    return segs, end, ()


# After a document type, a slash where the hyphen before its issuers belongs ('84/2005/TTLT/BTC-BLĐTBXH').
# ('01/NQ/TW' is a Party number miswritten, '01-NQ/TW', not a state one: left alone.)
_SLASHED_ISSUERS = re.compile(rf"{_SL}(?P<issuers>{_SEG}(?:{_HY}{_SEG})*){_END}")


def _slash_for_hyphen(text: str, end: int, segs: list[str]) -> tuple[list[str], int, tuple[str, ...]]:
    """'TTLT/BTC-BLĐTBXH' → 'TTLT-BTC-BLĐTBXH': only a type code alone, then codes of which the
    tables know at least one issuer's."""
    m = _SLASHED_ISSUERS.match(text, end)
    if len(segs) != 1 or segs[0] not in _type_codes() or not m:
        return segs, end, ()
    issuers = _segments(m.group("issuers"))
    if not issuers or not all(_valid_segment(code) for code in issuers) or \
            not any(code in _issuer_codes() for code in issuers) or issuers[0] in PARTY_ISSUERS:
        return segs, end, ()
    return [*segs, *issuers], m.end(), (f"{segs[0]}/→{segs[0]}-",)


def _lost_hyphen(segs: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """'193/2025/NĐCP', '10/2024/TTBTC': a document type and its issuer's code written without the
    hyphen (a crawl, a typist). Split only where both parts are codes the tables know and the whole
    is none ('TTLT', 'TTr' are codes of their own)."""
    first = segs[0] if segs else ""
    if first in _type_codes() or first in _known_codes():
        return segs, ()
    issuers = _issuer_codes()
    for code in sorted(_type_codes(), key=len, reverse=True):
        if len(code) >= 2 and first.startswith(code) and first[len(code):] in issuers:
            return [code, first[len(code):], *segs[1:]], (f"{first}→{code}-{first[len(code):]}",)
    return segs, ()


def _official_number(number: str) -> tuple[str, tuple[str, ...]]:
    """A number below 10 is written with a 0 before it (Decree 30/2020/NĐ-CP, Appendix I: 'số nhỏ
    hơn 10 phải ghi thêm số 0 phía trước'): 'Luật … số 5/2017/QH14' is 05/2017/QH14."""
    if len(number) == 1:
        return f"0{number}", (f"{number}→0{number}",)
    return number, ()


def find_references(text: str) -> list[FoundReference]:
    text = latin_lookalikes(normalize_dashes(text))
    found: list[FoundReference] = []
    taken: list[tuple[int, int]] = []
    for m in PARTY_RE.finditer(text):
        segs, repairs = _repaired([m.group("type"), *_segments(m.group("issuer"))])
        if not all(_valid_segment(s) for s in segs):
            continue
        issuer = "-".join(segs[1:])
        symbol = f"{segs[0]}/{issuer}"
        found.append(FoundReference(f"{m.group('num')}-{symbol}", m.group("num"), symbol,
                                    m.start(), m.end(), segs[0], tuple(segs[1:]), False, repairs))
        taken.append((m.start(), m.end()))
    for m in (*PARTY_SPACE_RE.finditer(text), *PARTY_SLASH_RE.finditer(text)):
        # 'Kết luận 174 KL/TW', 'Chỉ thị số 05/CT/TU': a Party number typed with a space or a slash
        # for its hyphen
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        symbol = f"{m.group('type')}/{m.group('issuer')}"
        found.append(FoundReference(f"{m.group('num')}-{symbol}", m.group("num"), symbol, m.start(), m.end(),
                                    m.group("type"), (m.group("issuer"),), False,
                                    (f"{text[m.start('num'):m.start('type')]}→{m.group('num')}-",)))
        taken.append((m.start(), m.end()))
    for m in STATE_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        segs = _segments(m.group("sym"))
        if m.group("year") and segs:   # (a national document's symbol, with its year, has no drafting unit's
            segs[-1] = _DRAFTING_CODE.sub("", segs[-1])   # code: '15/2020/NĐ-CP(NĐ15)' names it, a review's probe)
        # Trim trailing segments that are ordinary words ("…/QĐ-TTg-Bộ" cannot happen, but a
        # line-broken "QĐ- TTg" must still join).
        while segs and not _valid_segment(segs[-1]) and not (len(segs) > 1 and segs[-1].isdigit()):
            segs.pop()   # (a last segment of digits is a letter's serial the pattern took: '01/CV-01')
        segs = _without_run_on(segs)
        if not segs or not _valid_segment(segs[0]):
            continue
        segs, repairs = _repaired(segs)
        segs, match_end, joined = _rejoin(text, m.end(), segs)
        segs, unglued = _lost_hyphen(segs)
        segs, match_end, slashed = _slash_for_hyphen(text, match_end, segs)
        unglued = (*unglued, *slashed)
        year = m.group("year")
        segs, term = _term_of_year(segs, year)
        repairs = (*repairs, *joined, *unglued, *term)
        symbol = ("" if not year else f"{year}/") + "-".join(segs)
        nums = re.findall(rf"{_NUM}(?:\.\d{{1,2}}|[a-z])?", m.group("nums"))
        in_list = len(nums) > 1
        type_code = segs[0] if segs[0] in _type_codes() else None
        issuers = tuple(segs[1:] if type_code else segs)
        # Positions: the last number carries the whole symbol; earlier list items point at
        # their own digits.
        pos = m.start("nums")
        for i, n in enumerate(nums):
            s = text.index(n, pos)
            pos = s + len(n)
            end = match_end if i == len(nums) - 1 else pos
            number, padded = _official_number(n)
            found.append(FoundReference(f"{number}/{symbol}", number, symbol, s, end, type_code, issuers,
                                        in_list, (*repairs, *padded)))
    for m in LOST_SLASH_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken + [(f.start, f.end) for f in found]):
            continue
        segs = _segments(m.group("sym"))
        while segs and not _valid_segment(segs[-1]):
            segs.pop()
        fixed, repairs = _repaired(segs)
        if len(fixed) < 2 or not all(_valid_segment(x) for x in fixed) or fixed[0] not in _known_codes():
            continue
        n = m.group("nums")
        type_code = fixed[0] if fixed[0] in _type_codes() else None
        found.append(FoundReference(f"{n}/{'-'.join(fixed)}", n, "-".join(fixed), m.start(), m.end(), type_code,
                                    tuple(fixed[1:] if type_code else fixed), False,
                                    (f"{n}{segs[0]}→{n}/{fixed[0]}", *repairs)))
    for m in LEGISLATURE_LOST_SLASH_RE.finditer(text):
        # '84/2025UBTVQH15': the slash before a legislature's code lost ('84/2025/UBTVQH15')
        if any(a < m.end() and m.start() < b for a, b in taken + [(f.start, f.end) for f in found]):
            continue
        n, year, sym = m.group("n"), m.group("year"), m.group("sym")
        found.append(FoundReference(f"{n}/{year}/{sym}", n, f"{year}/{sym}", m.start(), m.end(), None, (sym,),
                                    False, (f"{year}{sym}→{year}/{sym}",)))
    found.sort(key=lambda f: f.start)
    return _without_forms(found, text)


def _without_forms(found: list[FoundReference], text: str) -> list[FoundReference]:
    """The citations that are no form's number: one after 'Mẫu số', 'biểu số liệu' …, and those listed
    after it ('các biểu số liệu 01/TTr, 02/TTr, 03/TTr', pool zu: twelve forms read as documents)."""
    kept, last_form_end = [], None   # where the last number read as a form ends
    for f in found:
        listed = last_form_end is not None and _FORM_LIST_GAP.fullmatch(text, last_form_end, f.start)
        if listed or _FORM_BEFORE.search(strip_diacritics_same_length(text[max(0, f.start - 20):f.start])):
            last_form_end = f.end
            continue
        last_form_end = None
        kept.append(f)
    return kept


# 'Mẫu số 03/HNMT', 'theo mẫu 02/BBKP', 'tại phụ lục 03/BHXH-TCT': the number of a form or of an
# appendix, not a document's; matched without marks, which OCR slips ('mau sé 06/BKKTT/TXNK', pool zz).
_FORM_BEFORE = re.compile(r"\b(?:mau|bieu|phu luc)(?:\s+(?:so lieu|so|se))?\s*:?\s*$", re.IGNORECASE)
# Between two forms of one list.
_FORM_LIST_GAP = re.compile(r"\s*(?:,|;|và)\s*")


@lru_cache(maxsize=1)
def _issuer_codes() -> frozenset[str]:
    return frozenset(load_json("doc_types.json")["issuer_codes"]) | _GENERIC_ISSUERS


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    """Type and issuer codes, built once (asked for every segment of every citation)."""
    return frozenset(c for c in _type_codes() if len(c) > 1) | _issuer_codes()


def _type_codes() -> dict[str, str]:
    return load_json("doc_types.json")["codes"]


def type_of(kind: str) -> str | None:
    """A document type by its code or its name, in any case ('nq', 'NGHỊ QUYẾT' → 'Nghị quyết')."""
    code = next((c for c in _type_codes() if c.lower() == kind.strip().lower()), None)
    return type_from_code(code) if code else canonical_type_name(kind)


def type_from_code(code: str | None) -> str | None:
    return _type_codes().get(code) if code else None


def issuer_from_codes(codes: tuple[str, ...]) -> str | None:
    table = load_json("doc_types.json")["issuer_codes"]
    for c in codes:
        if c in table:
            return table[c]
    return None


_TYPE_NAMES = sorted(load_json("doc_types.json")["names"], key=len, reverse=True)
_TYPE_NAME_RE = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(map(re.escape, _TYPE_NAMES)) + r")(?![\wÀ-ỹ])",
                           re.IGNORECASE)


def starts_with_type_name(text: str) -> bool:
    """'QUYẾT ĐỊNH VỀ VIỆC …', 'Kế hoạch thực hiện …': a line that begins with a document type's name."""
    return _TYPE_NAME_RE.match(text) is not None


def canonical_type_name(name: str) -> str | None:
    """'QUYẾT ĐỊNH' → 'Quyết định', 'Thông báo kết luận' → 'Thông báo'; None for any other text."""
    canon = next((n for n in _TYPE_NAMES if n.lower() == name.strip().lower()), None)
    return load_json("doc_types.json")["name_aliases"].get(canon, canon) if canon else None


def stated_doc_type(text: str, start: int, previous_end: int) -> str | None:
    """The type the text names before a number: 'Quyết định số 1131/…', 'Luật Công nghệ cao
    (133/2025/QH15)', 'Nghị định 249/2025/NĐ-CP'. The name must sit in the same clause: no
    other reference, ';' or sentence end in between, at most ~110 characters back."""
    window_start = max(previous_end, start - 110)
    window = text[window_start:start]
    matches = list(_TYPE_NAME_RE.finditer(window))
    if not matches:
        return None
    m = matches[-1]
    between = window[m.end():]
    if re.search(r"[;]|\.\s+[A-ZĐÀ-Ỹ]", between):
        return None
    name = m.group(1)
    if not (name[0].isupper()):
        return None  # "văn bản" in running prose is not a cited type
    return canonical_type_name(name)


_DATE_AFTER = [(k, rx) for k, rx in DATE_PATTERNS if k in ("dmy_words", "dmy_num")]


def issue_date_after(text: str, end: int) -> str | None:
    """'… 1131/QĐ-TTg ngày 12/6/2025' or '… ngày 12 tháng 6 năm 2025': the date of issue."""
    tail = text[end:end + 40]
    m = re.match(r"\s*,?\s*(?:\)\s*)?(?:ban hành\s+)?(ngày\s+.*)", tail, re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    rest = m.group(1)
    for kind, rx in _DATE_AFTER:
        dm = rx.match(rest) or (rx.match(rest[5:].lstrip()) if kind == "dmy_num" else None)
        if dm:
            parsed = from_match(kind, dm)
            return parsed.value if parsed else None
    return None
