"""Tables printed as numbered lists: 'I. Nhóm 1: …' group lines and '1. Name. Lead agency.'
items under a 'DANH MỤC …' title become a typed table (columns STT, name, agency). An item's
text stays whole in the name cell; records/ splits a trailing lead agency off it with the
agencies ner/ found there."""
from __future__ import annotations

import re

from models import Block, Document, Table, TypedColumn, TypedRow, TypedTable
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key

# "1." or "1)"; OCR sometimes prints the period as a comma ("1, Trí tuệ …").
_ITEM = re.compile(r"^\s*(?:-\s*)?(?P<num>\d{1,3})\s*(?:[.)]|,(?=\s+[A-ZĐÀ-Ỹ]))\s*(?:-\s*)?(?P<body>\S.*)$")
_GROUP_LINE = re.compile(r"^\s*(?:-\s*)?(?P<roman>[IVX]{1,5})\.\s+(?P<body>.+)$")
# A group line whose roman numeral OCR turned into marks ('_ . Nhóm 1: …' for 'I. Nhóm 1: …').
_GARBLED_GROUP_LINE = re.compile(r"^\s*[\W_]{1,2}(?:\s*[.,])?\s+(?P<body>nhom\s+\d{1,2}\s*[:.].+)$")
_PREAMBLE = re.compile(r"^\(?\s*(Kèm theo|Ban hành kèm theo)", re.IGNORECASE)
# "1. Tên sản phẩm công nghệ chiến lược:" followed by "a) …; b) …" and, a few lines on,
# "2. Cơ quan chủ trì quản lý chương trình: Bộ Khoa học và Công nghệ."
# Matched on the text without marks (same length), so OCR that lost a mark still matches.
_NAMED_LIST = re.compile(r"^(?:\d{1,2}[.)]\s*)?ten (?:cac )?(san pham|cong nghe|nhiem vu)[^:]{0,60}:\s*$", re.IGNORECASE)
_LETTER_ITEM = re.compile(r"^\s*(?P<letter>[a-zđ])\)\s+(?P<body>\S.*)$")
# A lettered item whose letter OCR garbled: one or two marks that are not a bullet, then a
# capitalized body.
_UNREAD_LETTER = re.compile(r"^\s*[^\s\w+\-–•*·]?[^\W\d_]?[^\s\w+\-–•*·]?\)?\s+(?P<body>[A-ZÀ-ỸĐ][^\s:]*\s.*)$")
_LEAD = re.compile(r"co quan (?:chu tri|quan ly)[^:]{0,60}:\s*(?P<agency>.+)$", re.IGNORECASE)
MIN_ITEMS = 2


def numbered_lists(doc: Document, tables: list[Table]) -> list[TypedTable]:
    out: list[TypedTable] = []
    title: str | None = None
    rows: list[TypedRow] = []
    group: str | None = None
    page: int | None = None
    ocr = False

    def close() -> None:
        nonlocal rows, title
        if title and sum(1 for r in rows if r.kind == "data") >= MIN_ITEMS:
            out.append(_list_table(f"l{len(out)}", title, rows, page, ocr))
        rows = []

    table_orders = {t.order for t in tables}
    items = sorted([*doc.blocks, *tables], key=lambda x: x.order)
    for pos, item in enumerate(items):
        if item.order in table_orders and not isinstance(item, Block):
            close()
            title = None
            continue
        b: Block = item
        if b.kind in ("header", "footer", "footnote"):
            continue
        text = b.text.strip()
        if len(re.sub(r"\W", "", text)) < 2:
            continue  # specks and rules that OCR read as "_" or "-"
        key = _plain_key(text)
        if key.startswith("danh muc") and is_title(text):
            close()
            title, group, page, ocr = text, None, b.provenance.page, b.provenance.source == "ocr"
            continue
        if title is None:
            continue
        if re.sub(r"^[-\s]+", "", key).startswith("phu luc"):
            close()
            title = None
            continue
        m = _GROUP_LINE.match(text) or (_GARBLED_GROUP_LINE.match(key) if b.provenance.source == "ocr" else None)
        if m and "nhom" in _plain_key(m.group("body"))[:12]:
            group = text.strip("- *") if m.re is _GROUP_LINE else re.sub(r"^[\W_]+", "", text)
            rows.append(TypedRow(index=len(rows), kind="group", cells=["", group, ""], group=group,
                                 page=b.provenance.page))
            continue
        m = _ITEM.match(text)
        if m:
            rows.append(TypedRow(index=len(rows), kind="data", cells=[m.group("num"), m.group("body"), ""],
                                 group=group, page=b.provenance.page))
            continue
        if _PREAMBLE.match(text) or not rows:
            continue
        repaired = _unreadable_number(text, rows, items[pos + 1:pos + 2])
        if repaired is not None:
            rows.append(TypedRow(index=len(rows), kind="data", cells=[str(repaired[0]), repaired[1], ""],
                                 group=group, page=b.provenance.page, filled=[0]))
            continue
        close()
        title = None
    close()
    out.extend(lettered_lists(doc))
    return out


def _last_number(rows: list[TypedRow]) -> int | None:
    for r in reversed(rows):
        if r.kind == "data" and r.cells[0].isdigit():
            return int(r.cells[0])
        if r.kind == "group":
            continue
    return None


def _unreadable_number(text: str, rows: list[TypedRow], following: list) -> tuple[int, str] | None:
    """An item whose printed number OCR could not read ('ƠI . Công nghệ …' for '5. Công nghệ …'):
    taken as previous + 1 when the next line carries on the numbering (previous + 2) or starts
    a group. The number is marked as filled, not read."""
    last = _last_number(rows)
    m = re.match(r"^\s*\S{1,4}\s*[.)]\s+(?P<body>\S.*)$", text)
    if last is None or not m or not following or not isinstance(following[0], Block):
        return None
    nxt = following[0].text.strip()
    nm = _ITEM.match(nxt)
    if (nm and int(nm.group("num")) == last + 2) or _GROUP_LINE.match(nxt):
        return last + 1, m.group("body")
    return None


def lettered_lists(doc: Document) -> list[TypedTable]:
    """Lettered lists of named products or technologies with the managing body stated after."""
    out: list[TypedTable] = []
    blocks = [b for b in doc.blocks if b.kind not in ("header", "footer", "footnote")]
    i = 0
    while i < len(blocks):
        m = _NAMED_LIST.match(strip_diacritics_same_length(blocks[i].text.strip()))
        if not m:
            i += 1
            continue
        kind_word = {"san pham": "sản phẩm", "cong nghe": "công nghệ", "nhiem vu": "nhiệm vụ"}[m.group(1).lower()]
        rows: list[TypedRow] = []
        j = i + 1
        while j < len(blocks):
            text = blocks[j].text.strip()
            item = _LETTER_ITEM.match(text)
            unread = None if item or not rows or blocks[j].provenance.source != "ocr" else _UNREAD_LETTER.match(text)
            if item or unread:
                # An OCR'd letter that reads as nothing in sequence ('Ð Thiết bị …' for 'f) Thiết bị …')
                # takes its place from the sequence and is marked as filled, not read.
                body = (item or unread).group("body").rstrip(" ;.")
                rows.append(TypedRow(index=len(rows), kind="data", page=blocks[j].provenance.page,
                                     cells=[str(len(rows) + 1), body, ""], filled=[0] if unread else []))
            elif rows and text[:1].islower():
                rows[-1].cells[1] = f"{rows[-1].cells[1]} {text}".rstrip(" ;.")  # a broken line
            else:
                break
            j += 1
        lead = ""
        for b in blocks[j:j + 3]:
            lm = _LEAD.search(strip_diacritics_same_length(b.text))
            if lm:
                lead = b.text[lm.start("agency"):].strip()
                break
        if len(rows) >= MIN_ITEMS:
            for r in rows:
                r.cells[2] = lead
            title = "DANH MỤC " + ("SẢN PHẨM CÔNG NGHỆ" if kind_word == "sản phẩm" else kind_word.upper())
            if kind_word != "nhiệm vụ":
                out.append(_list_table(f"n{len(out)}", title, rows, blocks[i].provenance.page,
                                       blocks[i].provenance.source == "ocr"))
        i = max(j, i + 1)
    return out


def _plain_key(text: str) -> str:
    """Comparison key that survives OCR dropping the marks ('DANH MUC SAN PHAM')."""
    return strip_diacritics_same_length(match_key(text))


def is_title(text: str) -> bool:
    """An all-capitals heading, possibly run together with its '(Kèm theo …)' line."""
    head = text.split("(")[0].strip()
    return len(head.split()) >= 2 and head.upper() == head


def catalog_kind(title: str | None) -> str | None:
    """'DANH MỤC SẢN PHẨM …' → product, 'DANH MỤC CÔNG NGHỆ …' → technology (marks optional): a list
    whose subject is products or technologies ('DANH MỤC HOẠT ĐỘNG, SẢN PHẨM VÀ …' lists activities)."""
    m = re.search(r"danh muc (?:cac )?(san pham|cong nghe|nguyen lieu|vat lieu|thiet bi|may moc|linh kien)",
                  _plain_key(title or ""))
    if not m:
        return None
    # things made or bought are products: 'DANH MỤC NGUYÊN LIỆU, VẬT LIỆU BÁN DẪN, THIẾT BỊ, MÁY MÓC …'
    return "technology" if m.group(1) == "cong nghe" else "product"


def _list_table(table_id: str, title: str, rows: list[TypedRow], page: int | None,
                ocr: bool = False) -> TypedTable:
    columns = [TypedColumn(index=0, name="STT", role="stt"), TypedColumn(index=1, name="Tên", role="name"),
               TypedColumn(index=2, name="Cơ quan chủ trì", role="agency")]
    kind = "catalog" if catalog_kind(title) else "other"
    return TypedTable(id=table_id, kind=kind, catalog_kind=catalog_kind(title), title=title,
                      header_rows=0, columns=columns, rows=rows, source="list", page=page, ocr=ocr)
