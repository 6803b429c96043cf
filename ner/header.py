"""The document's own identity from its official header (Decree 30/2020/NĐ-CP layout):
issuing body (left) and national motto (right), 'Số: 808/QĐ-TTg', 'Hà Nội, ngày … tháng …
năm …', the type line ('QUYẾT ĐỊNH') and the title under it."""
from __future__ import annotations

import re

from models import Block, Document, DocumentHeader
from ner.agencies import find_agencies
from ner.agency_tokens import content_keys, known_names
from ner.agency_words import NAME_HEADS, PARTY_PLACE_HEADS, PLACE_HEADS, local_name
from ner.issuer_context import LOCALITY_SUFFIX
from ner.references import (
    canonical_type_name,
    find_references,
    issuer_from_codes,
    starts_with_type_name,
    type_from_code,
)
from normalize.agencies import canonical_agency, head_abbreviations, known_agency, spelled_out, tidy_name
from normalize.dates import DATE_PATTERNS, from_match
from normalize.places import Place, places_named
from normalize.text import normalize_dashes

# The State's national motto, or the Party's name on Party documents (Quy định 66-QĐ/TW).
_MOTTO = re.compile(r"C[ỘO]NG\s+H(?:[ÒOÓ]A|O[ÀÁ])\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
                    r"|[ĐD][ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM", re.IGNORECASE)
_SLOGAN = re.compile(r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc|^[-_=*.\s]+$", re.IGNORECASE)
# 'Số: 808/QĐ-TTg'; a Party document's 'Số 221-KL/TW' (its number joined by a dash, often no colon).
_NUMBER_LINE = re.compile(r"^Số\s*(?::\s*|(?=\d))(?P<num>\d*)\s*(?P<sep>[/-])\s*(?P<sym>[\wĐđ&/\-\s]+?(?:\([A-ZĐ]{2,6}\d{0,2}\))?)\s*$",
                          re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ .]{1,40}),\s*ngày(?:\b|(?=\d))(?P<rest>.*)$")   # ("ngày16": a space lost)
_BODY_START = re.compile(r"^(Căn cứ|Kính gửi|Theo đề nghị|Thực hiện|Điều\s+\d|I\.|1\.|Phần)", re.IGNORECASE)
HEADER_WINDOW = 16
# A title line: a document type's name (the types list) or a kind the list lacks ('ĐỀ CƯƠNG VÀ DỰ TOÁN
# CHI TIẾT' under 'UBND TỈNH PHÚ THỌ / SỞ THÔNG TIN VÀ TRUYỀN THÔNG', pool w): the issuer's lines end above it.
_KINDS_NOT_TYPES = re.compile(r"^(?:ĐỀ CƯƠNG|DỰ TOÁN|PHƯƠNG ÁN|DỰ ÁN|BIÊN BẢN|GIẤY MỜI|THÔNG CÁO)\b")


def parse_header(doc: Document) -> DocumentHeader:
    blocks = [b for b in doc.reading_order() if isinstance(b, Block) and b.kind not in ("header", "footer", "footnote")][:HEADER_WINDOW]
    h = DocumentHeader()
    type_index = None
    after_title = False
    issuer_lines: list[str] = []
    for i, b in enumerate(blocks):
        text = normalize_dashes(b.text).strip()
        # (the motto inside a sentence names the State, no header: 'Căn cứ Luật … được Quốc hội nước Cộng hoà
        # Xã hội Chủ nghĩa Việt Nam thông qua', a headerless text's preamble gave 'Quốc hội' as issuer, pool zm)
        motto = _MOTTO.search(text) if not _BODY_START.match(text) else None
        collecting = h.symbol is None and (type_index is None or after_title) and h.place is None
        if motto:
            if collecting and text[:motto.start()].strip():
                issuer_lines.append(text[:motto.start()].strip())
            continue
        if collecting and type_index is None and issuer_lines and text.upper() == text \
                and (_KINDS_NOT_TYPES.match(text) or starts_with_type_name(text)) \
                and not canonical_type_name(text.rstrip(":")):
            type_index = i   # (its first line is the title: the next ones are not the issuer's)
            continue
        if collecting and _in_capitals(text) and not _SLOGAN.search(text) and not _NUMBER_LINE.match(text) \
                and not canonical_type_name(text.rstrip(":")):
            issuer_lines.append(text)  # the issuer's lines, above or beside the motto
            continue
        m = _NUMBER_LINE.match(text)
        if m and h.symbol is None:
            _read_number_line(h, m)
            continue
        m = _PLACE_DATE.match(text)
        if m and h.place is None:
            _read_dateline(h, m)
            continue
        upper = text.upper() == text
        type_name = canonical_type_name(text.rstrip(":")) if upper and type_index is None else None
        if type_name:
            h.doc_type = type_name
            type_index = i
            continue
        if type_index is not None and i > type_index and h.title is None:
            title = [text]
            for nb in blocks[i + 1:]:
                t = nb.text.strip()
                if _BODY_START.match(t) or t.upper() == t and canonical_agency(t) or len(t) > 200 \
                        or _ends_title(t):
                    break
                if len(" ".join(title)) > 300:
                    break
                title.append(t)
                if t.endswith((".", ":")):
                    break
            h.title = re.sub(r"\s+", " ", " ".join(title)).strip().strip("*")
            if h.symbol or h.place or issuer_lines:
                break
            # the type line and title printed above the issuer's header (a transcription that put the
            # title first): the header's lines after the title are still read
            after_title = True
            continue
        if _BODY_START.match(text):
            break
    h.issuer = issuer_name(issuer_lines) if issuer_lines else None
    if h.symbol is None and h.issuer is None:
        _authenticated_by(doc, h)
    if h.issuer is None:
        h.issuer = session_issuer(blocks)
    if h.symbol and h.issuer is None:
        h.issuer = issuer_from_codes(tuple(h.symbol.split("-")[1:])) or _local_issuer(h.symbol, h.place)
    if h.number is None and h.doc_type:
        _number_from_what_it_issues(doc, h)
    return h


def _read_number_line(h: DocumentHeader, m: re.Match) -> None:
    """'Số: 808/QĐ-TTg', 'Số: 10 /VBHN-BYT': the header's number, symbol, key and, by its code, type."""
    h.number = m.group("num") or None
    h.symbol = re.sub(r"\s+", "", m.group("sym"))
    refs = find_references(f"{m.group('num') or '0'}{m.group('sep')}{h.symbol}")
    if refs and h.doc_type is None:
        h.doc_type = type_from_code(refs[0].type_code)
    if h.number:
        h.key = refs[0].key if refs else f"{h.number}{m.group('sep')}{h.symbol}"


def _read_dateline(h: DocumentHeader, m: re.Match) -> None:
    """'Hà Nội, ngày 16 tháng 3 năm 2026' (or 'ngày16'): the header's place and date."""
    h.place = m.group("place").strip()
    rest = "ngày " + m.group("rest").lstrip()
    for kind, rx in DATE_PATTERNS[:2]:
        if (dm := rx.search(rest)) and (parsed := from_match(kind, dm)):
            h.date = parsed.value
            return


# A consolidated text (văn bản hợp nhất) is authenticated at its end, not headed: 'BỘ Y TẾ / Số: 10
# /VBHN-BYT / XÁC THỰC VĂN BẢN HỢP NHẤT / Hà Nội, ngày 16 tháng 3 năm 2026' (pool w).
_AUTHENTICATION = re.compile(r"^XÁC THỰC VĂN BẢN HỢP NHẤT$")


def _authenticated_by(doc: Document, h: DocumentHeader) -> None:
    """The number, issuer and date of a consolidated text from its authentication block."""
    blocks = [b for b in doc.reading_order() if isinstance(b, Block)]
    at = next((i for i, b in enumerate(blocks) if _AUTHENTICATION.match(normalize_dashes(b.text).strip())), None)
    if at is None:
        return
    issuer_lines = []
    for b in blocks[max(0, at - 3):at + 3]:
        text = normalize_dashes(b.text).strip()
        number, dated = _NUMBER_LINE.match(text), _PLACE_DATE.match(text)
        if number and h.symbol is None:
            _read_number_line(h, number)
        elif dated and h.date is None:
            _read_dateline(h, dated)
        elif h.symbol is None and text.upper() == text and not _AUTHENTICATION.match(text) and text:
            issuer_lines.append(text)
    h.issuer = issuer_name(issuer_lines) if issuer_lines else None


def _ends_title(line: str) -> bool:
    """A header's line met while a title is read (its issuer in capitals, the motto, its number, its
    dateline): the title ended before it."""
    return bool(_MOTTO.search(line) or _NUMBER_LINE.match(line) or _PLACE_DATE.match(line)
                or line.upper() == line and issuer_name([line]))


# A province's People's Committee or Council by the code in its number ('70/KH-UBND').
_LOCAL_ISSUER_CODES = ("UBND", "HĐND")


def _local_issuer(symbol: str, place: str | None) -> str | None:
    """A header whose issuer lines were lost (an OCR'd page: 'Số 70/KH-UBND / Cần Thơ, ngày 15 …'):
    the body its number's code names, of the province its dateline names, when the place is a
    province ('Cần Thơ'; a provincial capital's name, 'Vinh', is no province and gives none)."""
    heads = head_abbreviations()
    head = next((heads[c] for c in symbol.split("-")[1:] if c in _LOCAL_ISSUER_CODES), None)
    province = dateline_province(place) if head else None
    return local_name(head, province.full()) if province is not None else None


def dateline_province(place: str | None) -> Place | None:
    """The province a dateline's place is ('Cần Thơ', 'Lâm Đồng'): none where the name is also a
    city's or a district's ('Bắc Ninh', 'Hà Tĩnh': either may have issued it) or no province's ('Vinh')."""
    named = places_named(place.strip()) if place else []
    provinces = [p for p in named if p.tier == "province"]
    return provinces[0] if len(provinces) == 1 and len(named) == 1 else None


# '(Ban hành kèm theo Nghị quyết số 197/2025/QH15 ngày 17/5/2025)': the caption of the rules or
# annex a document issues names the document itself.
_ISSUED_WITH = re.compile(r"^\W{0,2}(?:ban hành\s+)?kèm theo\s+(?P<type>[^\d(]{4,30}?)\s+số\b", re.IGNORECASE)


def _number_from_what_it_issues(doc: Document, h: DocumentHeader) -> None:
    """A document whose header gives no number (a crawl that lost its 'Số' line, a law as
    published) is named by the caption of what it issues, when the caption names a document of its
    own kind ('Nghị quyết' under a 'NGHỊ QUYẾT'): number, symbol and key from there."""
    for b in doc.blocks:
        m = _ISSUED_WITH.match(b.text.strip())
        if not m or canonical_type_name(m.group("type")) != h.doc_type:
            continue
        refs = find_references(b.text[m.end():])
        if refs:
            h.number, h.symbol, h.key = refs[0].number, refs[0].symbol, refs[0].key
            return


_SESSION = re.compile(r"^KHÓA\s+[IVXLCDM\d]+\b", re.IGNORECASE)


def session_issuer(blocks) -> str | None:
    """A council's or the legislature's resolution names its issuer again above its preamble, with
    its term and session ('HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK / KHÓA IX, KỲ HỌP THỨ TƯ'): the issuer
    when the header lost it (a crawl that dropped the header table)."""
    for b, nxt in zip(blocks, blocks[1:]):
        text = normalize_dashes(b.text).strip()
        if text and text.upper() == text and _SESSION.match(normalize_dashes(nxt.text).strip()):
            return issuer_name([text])
    return None


def _in_capitals(text: str) -> bool:
    """A line in capitals, as an issuer's is: not a numbering alone ('I.', 'II.', '1.', '2.1' of a
    headerless text's sections, read as its issuer 'I. 1. 2. 3. 1.', pool zf)."""
    return text.upper() == text and any(c.isalpha() for c in text) and not _NUMBERING_ALONE.fullmatch(text)


_NUMBERING_ALONE = re.compile(r"(?:[IVXLC]+|\d+(?:\.\d+)*|[A-ZĐ])[.)]?")


def issuer_name(lines: list[str] | str) -> str | None:
    """The body the header's issuer lines name ('ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP' → Ủy ban nhân
    dân tỉnh Đồng Tháp). A parent body printed above its unit ('BỘ TÀI CHÍNH / CỤC THUẾ') gives
    the unit, the last body named; a unit the parent's line does not name in full ('BAN CHẤP HÀNH
    TRUNG ƯƠNG / BAN TỔ CHỨC', 'UBND THÀNH PHỐ HÀ NỘI / TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG') is named
    with its parent (parent_unit)."""
    lines = [lines] if isinstance(lines, str) else list(lines)
    lines = [re.sub(r"\s+", " ", t).strip(" -_*") for t in lines]
    lines = [t for t in lines if t]
    if lines:   # (the issuer's own line is the last; a line above it names the organization above)
        lines[-1] = _PARTY_ORGANIZATION.sub(r"\g<1>ỦY", lines[-1])
    text = " ".join(lines)
    found = find_agencies(text)
    if found and len(lines) > 1 and found[-1].end <= len(text) - len(lines[-1]):
        unit = parent_unit(lines[-1], found[-1].name) or _unit_without_marks(lines[-1], found[-1].name)
        if unit:   # (the last line is a unit nobody read yet)
            return unit
    if found:
        return found[-1].name
    return canonical_agency(text) or (text.title() if text else None)


def _unit_without_marks(line: str, parent: str) -> str | None:
    """A unit's line OCR'd without marks under its People's Committee ('UBND TINH NGHE AN / SO TAI CHINH', a
    review's probe): read with the parent's locality after it, as a department of that locality."""
    local = LOCALITY_SUFFIX.search(parent) if line.isascii() else None
    found = find_agencies(f"{line} {local.group(0)}") if local else []
    return found[-1].name if found and found[-1].start == 0 else None


# A Party organization printed as the issuer ('ĐẢNG BỘ TỈNH KHÁNH HÒA / ĐẢNG BỘ XÃ CÔNG HẢI'): its
# committee issues ('Đảng ủy xã Công Hải'), as its signature ('T/M ĐẢNG ỦY') says.
_PARTY_ORGANIZATION = re.compile(r"^(ĐẢNG\s+)BỘ(?=\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b)")

# A standing board acts for the committee above it (ANNOTATION: 'Thường trực X' acts for X).
_STANDING = re.compile(r"^(?:BAN\s+)?THƯỜNG\s+TRỰC$", re.IGNORECASE)


def parent_unit(line: str, parent: str) -> str | None:
    """A unit printed under its parent's line: 'BAN TỔ CHỨC' under the Central Committee is Ban Tổ
    chức Trung ương; 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG' under a city's People's Committee is that
    city's; 'BAN THƯỜNG TRỰC' is the committee itself; else the unit named with its parent."""
    if _STANDING.match(line):
        return parent
    unit = sentence_case(line)
    if unit is None:
        return None
    # a shortening is written out, not put in sentence case ('PHÒNG LĐTB&XH'; the words stand one for one)
    if len(line.split()) == len(unit.split()):
        unit = tidy_name(" ".join(spelled_out(written) or cased for written, cased in zip(line.split(), unit.split())))
    # ('SỞ THÔNG TIN & TRUYỀN THÔNG', pool za: '&' for 'và')
    known = known_names(True)[0].get(content_keys(re.sub(r"\s*&\s*", " và ", unit), True))
    if known is not None and known.kind == "province_department":
        unit = known.name   # a mark slipped in the line ('SỞ THÔNG TIN VÀ TRUYỂN THÔNG'): the list's spelling
    if parent == "Ban Chấp hành Trung ương Đảng":
        for name in (f"{unit} Trung ương", f"{unit} Trung ương Đảng"):
            e = known_agency(name)
            if e is not None:
                return e.name
        return None
    e = known_agency(unit)
    if e is not None and e.kind != "province_department":
        return e.name
    local = LOCALITY_SUFFIX.search(parent)
    if local and parent.startswith(("Ủy ban nhân dân", "Hội đồng nhân dân")):
        return f"{unit} {local.group(0)}"   # the People's Committee's unit: the locality's
    level = _BARE_LEVEL_END.search(unit)
    committee = next((h for h in PARTY_PLACE_HEADS if parent.startswith(f"{h} ")), None)
    if level and committee and PARTY_PLACE_HEADS[committee] == level.group(1).lower():
        # 'TỈNH ỦY KHÁNH HÒA / BAN CHỈ ĐẠO … TỈNH': the province's board, set up by its Party committee
        return f"{unit} {parent[len(committee) + 1:]}"
    return f"{unit} {parent}"


# A unit's line that ends in a bare level word: the parent's locality is meant.
_BARE_LEVEL_END = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)$", re.IGNORECASE)


def sentence_case(line: str) -> str | None:
    """'TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN' → 'Tiểu ban Thông tin, tuyên truyền': a head noun as the
    heads list spells it, the specific name with its first letter capital (a line in capitals
    keeps no other case). None when the line starts with no head."""
    key = line.lower()
    for head in sorted(UNIT_HEADS, key=len, reverse=True):
        if key == head.lower():
            return head
        if key.startswith(head.lower() + " "):
            rest = line[len(head):].strip().lower()
            return f"{head} {rest[:1].upper()}{rest[1:]}"
    return None


# The heads of agencies.py, and a committee's sub-committee ('Tiểu ban …' of an election committee).
UNIT_HEADS = (*NAME_HEADS, *PLACE_HEADS, "Tiểu ban")
