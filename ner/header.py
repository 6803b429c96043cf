"""The document's own identity from its official header (Decree 30/2020/NĐ-CP layout):
issuing body (left) and national motto (right), 'Số: 808/QĐ-TTg', 'Hà Nội, ngày … tháng …
năm …', the type line ('QUYẾT ĐỊNH') and the title under it."""
from __future__ import annotations

import re

from models import Block, Document, DocumentHeader
from ner.references import canonical_type_name, find_references, issuer_from_codes, type_from_code
from normalize.agencies import canonical_agency
from normalize.dates import DATE_PATTERNS, from_match
from normalize.text import normalize_dashes

_MOTTO = re.compile(r"C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<num>\d*)\s*/\s*(?P<sym>[\wĐđ&/\-\s]+?)\s*$", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ .]{1,40}),\s*ngày\b(?P<rest>.*)$")
_BODY_START = re.compile(r"^(Căn cứ|Kính gửi|Theo đề nghị|Thực hiện|Điều\s+\d|I\.|1\.|Phần)", re.IGNORECASE)
HEADER_WINDOW = 16


def parse_header(doc: Document) -> DocumentHeader:
    blocks = [b for b in doc.reading_order() if isinstance(b, Block) and b.kind not in ("header", "footer", "footnote")][:HEADER_WINDOW]
    h = DocumentHeader()
    type_index = None
    for i, b in enumerate(blocks):
        text = normalize_dashes(b.text).strip()
        motto = _MOTTO.search(text)
        if motto and h.issuer is None:
            left = text[: motto.start()].strip()
            if left:
                h.issuer = canonical_agency(left) or left.title()
            elif i > 0:
                h.issuer = canonical_agency(blocks[i - 1].text) or blocks[i - 1].text
            continue
        m = _NUMBER_LINE.match(text)
        if m and h.symbol is None:
            h.number = m.group("num") or None
            sym = re.sub(r"\s+", "", m.group("sym"))
            h.symbol = sym
            refs = find_references(f"{m.group('num') or '0'}/{sym}")
            if refs and h.doc_type is None:
                h.doc_type = type_from_code(refs[0].type_code)
            continue
        m = _PLACE_DATE.match(text)
        if m and h.place is None:
            h.place = m.group("place").strip()
            rest = "ngày" + m.group("rest")
            for kind, rx in DATE_PATTERNS[:2]:
                dm = rx.search(rest)
                if dm and (parsed := from_match(kind, dm)):
                    h.date = parsed.value
                    break
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
                if _BODY_START.match(t) or t.upper() == t and canonical_agency(t) or len(t) > 200:
                    break
                if len(" ".join(title)) > 300:
                    break
                title.append(t)
                if t.endswith((".", ":")):
                    break
            h.title = re.sub(r"\s+", " ", " ".join(title)).strip().strip("*")
            break
        if _BODY_START.match(text):
            break
    if h.issuer and canonical_agency(h.issuer):
        h.issuer = canonical_agency(h.issuer)
    if h.symbol and h.issuer is None:
        h.issuer = issuer_from_codes(tuple(h.symbol.split("-")[1:]))
    return h
