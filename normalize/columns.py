"""What a table column holds, from its header words: the one list both tables/ (column roles,
table kinds) and ner/ (money and agency columns) read. Headers are compared lowercased, without
marks and without stray leading symbols, so a scanned header that lost a mark ('Ten nhiém vu',
'‘Muc tiéu') keeps its role; patterns are written with marks for the reader and stripped here."""
from __future__ import annotations

import re
from functools import lru_cache

from normalize.ocr_repair import strip_diacritics_same_length
from normalize.text import match_key

# Header words → role, most specific first. Roles:
#   stt          the row number                name       what the row is (task, project, item)
#   agency       the body in charge            coordinating  bodies that assist
#   budget       money                         duration   a length of time ("24", "2 năm")
#   objective    aims                          result     expected product or result
#   reference    a cited document              note       remarks (often a cited document too)
#   period       years or a span of years      date       a day
#   measure      a unit of measurement ("Đơn vị tính": never the body in charge)
COLUMN_ROLES: list[tuple[str, str]] = [
    (r"^(stt|tt|số tt|số thứ tự)$", "stt"),
    (r"^đơn vị tính\b|^đvt\b", "measure"),
    (r"phối hợp", "coordinating"),
    (r"kinh phí|vốn|dự toán|tổng mức|ngân sách|số tiền|giá trị|chi phí", "budget"),
    (r"thời gian thực hiện|thời gian \(tháng\)|số tháng", "duration"),
    (r"mục tiêu", "objective"),
    (r"kết quả|sản phẩm dự kiến", "result"),
    (r"đơn vị|cơ quan chủ trì|chủ trì|bộ, ngành|cơ quan|địa phương", "agency"),
    (r"tên nhiệm vụ|tên|nội dung|đối tượng|hạng mục|danh mục|công trình|dự án", "name"),
    (r"văn bản|số hiệu|ký hiệu|công văn", "reference"),
    (r"ghi chú", "note"),
    (r"^(giai đoạn|thời gian|năm)\b", "period"),   # anchored: "Việt Nam" is no period
    (r"^ngày\b", "date"),
]

# Roles whose header may be found in a lower header level ("Kinh phí / Tổng số").
ROLES_FROM_ANY_LEVEL = frozenset({"budget", "duration"})
# Columns that name acting bodies: a bare province name in their cells is its People's Committee.
AGENCY_ROLES = frozenset({"agency", "coordinating"})


def header_key(text: str) -> str:
    """Lowercase, marks stripped, leading symbols gone: the form headers are compared in."""
    return re.sub(r"^[^\w(]+", "", strip_diacritics_same_length(match_key(text)))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(strip_diacritics_same_length(p)), role) for p, role in COLUMN_ROLES]


def column_role(header: str) -> str:
    """The role of a column from its header (levels joined with ' / '); 'other' if none fits."""
    key = header_key(header.split(" / ")[0]) if header else ""
    full = header_key(header)
    for pattern, role in _patterns():
        if pattern.search(key) or (role in ROLES_FROM_ANY_LEVEL and pattern.search(full)):
            return role
    return "other"
