"""What a table column holds, from its header words and its cells: the one list both tables/
(column roles, table kinds) and ner/ (money and agency columns) read. Headers are compared
lowercased, without marks and without stray leading symbols, so a scanned header that lost a mark
('Ten nhiém vu', '‘Muc tiéu') keeps its role; patterns are written with marks for the reader and
stripped here."""
from __future__ import annotations

import re
from functools import lru_cache

from corpus import load_json
from normalize.durations import parse_duration_months
from normalize.ocr_repair import strip_diacritics_same_length
from normalize.places import ALL_LEVELS
from normalize.text import match_key, normalize_dashes

# The kinds of document a column header may name as the rows' source ('Theo NQ 01', 'Theo Kế hoạch
# số 12'), by code or by name: doc_types.json's, longest first (letters and spaces only, as the
# patterns below are compared without marks).
_DOC_TYPES = load_json("doc_types.json")
SOURCE_KINDS = "|".join(k.lower() for k in sorted({*_DOC_TYPES["codes"], *_DOC_TYPES["names"]}, key=len, reverse=True))

# A column that numbers each row in a document the text cites: 'Theo NQ 01', 'NV theo KH 05-KH/BCĐTW'.
SOURCE_HEADER = rf"^(?:nv|nhiệm vụ|stt|tt)?\s*theo\s+(?P<kind>{SOURCE_KINDS})\s*(?:số\s*)?(?P<number>\d{{1,3}})\b"

# A header that names localities by their levels alone ('Tỉnh, thành phố', 'Huyện/thị xã').
_LEVEL = "|".join(ALL_LEVELS)
LOCALITY_HEADER = rf"^(?:tên )?(?:{_LEVEL})(?:\s*(?:,|/|-|và)\s*(?:{_LEVEL}))*(?: trực thuộc trung ương)?$"

# Header words → role, most specific first. Roles:
#   stt           the row number               name        what the row is (task, project, item)
#   agency        the body in charge (chủ trì, thực hiện, chủ đầu tư)
#   coordinating  bodies that assist or take part          submitter  the body that proposes
#   budget        money                        time        a time the cells must tell apart:
#   duration      a length ('24', '2 năm')                 a length, a span of years or a deadline
#   deadline      when it is due ('Quý II/2026', '2026')   period     a span of years ('2026-2027')
#   objective     aims                         result      expected product or result
#   reference     a cited document             note        remarks (often a cited document too)
#   location      where                        date        a day
#   measure       a unit of measurement ('Đơn vị tính': never the body in charge)
#   category      a second name column that labels groups of rows (set from the cells, tables/typed.py)
#   person        people by name ('Họ và tên'): a list of members, never tasks
#   score         points, a weight or a criterion to meet ('Khung điểm', 'Hệ số quy đổi', 'Tiêu chí'):
#                 a scoring rubric or an assessment form, never tasks, items or money
#   source        the item number in a document the header names ('Theo NQ 01'): the rows carry out
#                 that document (records/assemble.py resolves it among the document's citations)
COLUMN_ROLES: list[tuple[str, str]] = [
    # (also a procedure's step numbers, 'Thứ tự công việc' | 'Bước 1', before its 'Nội dung công việc': three
    # provinces' procedures of 2025, pool zzf)
    (r"^(s ?tt|tt|số tt|số thứ tự|thứ tự(?: công việc| các bước| thực hiện)?)$", "stt"),
    (SOURCE_HEADER, "source"),   # ('Theo KH 2025' names a year)
    # a rubric of work products with points (KPI scoring) read as 18 catalog items, an assessment
    # form ('Tiêu chí xác định địa bàn …' | 'Số liệu đánh giá' | 'Đánh giá') as 7 tasks (pool m)
    (r"^(khung điểm|điểm|thang điểm|điểm chấm|điểm đánh giá|hệ số|trọng số|tiêu chí)\b", "score"),
    # a header that starts by saying what the rows are names them, whatever words follow ('Nội dung
    # thực hiện' is no body in charge; 'Văn bản giao nhiệm vụ' cites a document, it names no task;
    # 'Hồ sơ cần thực hiện' lists the papers a person files, pool z: 9 tasks of no one)
    (r"^(văn bản|căn cứ|hồ sơ|giấy tờ)\b", "reference"),
    # people, not things to do or pay for: a list of members (their unit beside them is where they
    # work, not a body in charge) gave 35 uncertain tasks
    (r"^(họ và tên|họ tên|họ, tên)\b", "person"),
    # a procedure's steps ('Bước/Lưu đồ | Mô tả | Trách nhiệm', pool p) are things to do, each with who does it
    (r"^(nội dung|tên|nhiệm vụ|công việc|hoạt động|hành động|giải pháp|bước)\b(?!.*(?:chủ trì|phối hợp|kinh phí|chủ đầu tư))",
     "name"),
    (r"^đơn vị tính\b|^đvt\b", "measure"),
    # (a column of bodies in charge and those helping, 'Đơn vị chủ trì và phối hợp thực hiện', names the lead
    # first: records/assemble takes the bodies before 'phối hợp', pool y)
    (r"^(?!.*chủ trì).*(?:phối hợp|tham gia)", "coordinating"),
    (r"cơ quan trình|đơn vị trình|cơ quan đề xuất|đơn vị đề xuất|^trình\b|kiến nghị$", "submitter"),
    # money paid out, including norms per unit ('Mức chi', 'Tiền công'); never fees collected ('Mức thu')
    (r"kinh phí|vốn|dự toán|tổng mức|ngân sách|số tiền|giá trị|chi phí|mức hỗ trợ|phân bổ|mức chi|tiền công|"
     r"định mức chi|thành tiền|đơn giá", "budget"),
    (r"thời gian thực hiện \(tháng\)|thời gian \(tháng\)|số tháng", "duration"),
    # the target a task is held to, beside it ('Nhiệm vụ' | 'Chỉ tiêu định lượng' | 'Thời gian hoàn
    # thành', a Sở's 44 tasks in seven tables, pool za); a bare 'Chỉ tiêu' names a statistic's rows
    (r"^chỉ tiêu (?:định lượng|cần đạt|phấn đấu|đạt được)", "objective"),
    # (headers are compared without marks: a bare 'mốc' read 'Nhóm thiết bị, máy móc' as a deadline)
    (r"thời hạn|hoàn thành|tiến độ|thời gian trình|thời gian triển khai|thời gian ban hành|^mốc\b|mốc thời gian",
     "deadline"),
    (r"^(giai đoạn|năm thực hiện)\b|thời kỳ|khởi công", "period"),
    (r"thời gian", "time"),
    (r"mục tiêu", "objective"),
    (r"kết quả|sản phẩm dự kiến|sản phẩm chính|sản phẩm đầu ra", "result"),
    # ('Phân công nhiệm vụ': who each step of a procedure is given to, a province's procedure of 2025, pool zzf)
    (r"chủ trì|thực hiện|chủ đầu tư|đơn vị|cơ quan|bộ, ngành|địa phương|chủ quản|phụ trách|trách nhiệm|^phân công (?:nhiệm vụ|thực hiện)\b",
     "agency"),
    # a column of localities by their levels ('Tỉnh, thành phố', 'Huyện, thị xã'): where each row is;
    # in a table of money with no column of bodies, whom it goes to (tables/typed.py)
    (LOCALITY_HEADER, "location"),
    (r"tên|nội dung|nhiệm vụ|giải pháp|đối tượng|hạng mục|danh mục|công trình|dự án|đề án|công việc|hoạt động|đề tài|"
     r"khu vực|địa bàn|đề xuất|kiến nghị|chỉ tiêu|khoản chi|khoản mục|các khoản|mục chi", "name"),
    (r"văn bản|số hiệu|ký hiệu|công văn|căn cứ", "reference"),
    (r"ghi chú", "note"),
    (r"địa điểm", "location"),
    (r"^ngày\b", "date"),
]

# Roles whose header may be found in a lower header level ("Kinh phí / Tổng số").
ROLES_FROM_ANY_LEVEL = frozenset({"budget", "duration"})
# Columns that name acting bodies: a bare province name in their cells is its People's Committee.
AGENCY_ROLES = frozenset({"agency", "coordinating", "submitter"})
# Columns whose roles the cells decide.
TIME_ROLES = frozenset({"time", "duration", "deadline", "period"})

# What the rows of a table are, from the words of its name column's header: tasks to do, or
# items that money goes to (projects, works, units).
TASK_WORDS = r"nhiệm vụ|nội dung|công việc|giải pháp|hoạt động|đề tài|dự án luật|đề án"
# A list of administrative procedures ('Tên thủ tục hành chính' | 'Thời hạn giải quyết' | 'Địa điểm
# thực hiện' | 'Phí, lệ phí'): a service the public asks for, with its time limit and the body that
# serves it — no task and no budget (pool a17, d18, n03, n04, n12 were read as tasks).
PROCEDURE_WORDS = r"thủ tục hành chính|\btthc\b"
BID_PACKAGE_WORDS = r"gói thầu"
ITEM_WORDS = rf"dự án|công trình|hạng mục|danh mục|chương trình|địa phương|đơn vị|địa bàn|{BID_PACKAGE_WORDS}"


# A name column's words that say its rows are schemes or tasks set by a plan, not a course's contents
# or a project's work items ('Đề án/dự án', 'Nhiệm vụ', 'Đề tài').
SCHEME_WORDS = r"đề án|nhiệm vụ|dự án luật|đề tài"


def names_schemes(header: str) -> bool:
    return bool(_plain(SCHEME_WORDS).search(header_key(header)))


def names_localities(header: str) -> bool:
    """'Tỉnh, thành phố', 'Huyện/thị xã': a column of places named by their levels alone."""
    return bool(_plain(LOCALITY_HEADER).search(header_key(_first_part(header.split(" / ")[0]))))


def names_bid_packages(header: str) -> bool:
    """'Tên gói thầu': rows of bid packages, each with the price the state will pay (a plan for
    choosing contractors): budget lines, though a body and a start date stand beside them."""
    return bool(_plain(BID_PACKAGE_WORDS).search(header_key(header)))

# Which of several money columns a budget line takes: the one the document decides (allocates,
# assigns, supports) where there is one, else the total.
MONEY_KINDS: list[tuple[str, str]] = [
    (r"trong đó|gồm", "part"),
    # before tax beside after it ('Thành tiền trước thuế | Thành tiền sau thuế'): the state pays the
    # amount with its tax, which the total adds up (pool w)
    (r"trước thuế|chưa (?:có |bao gồm |tính )?(?:thuế|vat)", "before_tax"),
    # a column named 'Tổng …' is the total, whatever it totals ('Tổng kinh phí' beside its years, pool y)
    (r"^tổng", "total"),
    # ('Kinh phí và phân kỳ thực hiện' over the years is a schedule, not money spent: pool y)
    (r"lũy kế|đã bố trí|đã giải ngân|đã cấp|(?<!phân kỳ )thực hiện|giải ngân|còn lại|chưa bố trí", "spent"),
    (r"kế hoạch vốn|phân bổ|giao|bố trí|hỗ trợ|bổ sung|dự kiến|đề xuất|kinh phí", "allocation"),
    (r"tổng mức|tổng vốn|tổng kinh phí|tổng số|tổng cộng|^tổng|thành tiền", "total"),
    # a price per unit: the line's amount is its 'Thành tiền', never this
    (r"đơn giá|định mức|mức chi", "rate"),
]


# Money columns that split one amount by the source it comes from ('Ngân sách trung ương | Ngân sách
# địa phương', 'Vốn ODA', 'Nguồn xã hội hóa'): peers of a year's columns (issue 17, item 4).
MONEY_SOURCE_WORDS = (r"ngân sách (?:trung ương|địa phương|tỉnh|thành phố|huyện|xã|nhà nước|cấp)|\bns ?(?:tw|đp|nn)\b|"
                      r"vốn (?:oda|vay|đối ứng|khác|trong nước|ngoài nước|nước ngoài)|nguồn (?:vốn|khác)|xã hội hóa")


_YEAR_IN_HEADER = re.compile(r"\b(?:19|20)\d{2}\b")


def column_year(header: str) -> str | None:
    """The year a column's header names ('Kế hoạch vốn năm 2025' → '2025'); none where it names a
    span or no year."""
    years = _YEAR_IN_HEADER.findall(header)
    return years[0] if len(years) == 1 else None


def splits_by_year_or_source(header: str) -> bool:
    """Whether a money column is one year's or one source's share ('Năm 2025', 'Kế hoạch vốn năm
    2024', 'Ngân sách trung ương', 'NSĐP'), which a table gives each item beside its total; a split
    by task or kind of work ('Nhiệm vụ soạn thảo | Nhiệm vụ thẩm định') is no such share."""
    last = header.split(" / ")[-1]
    return column_year(last) is not None or bool(_plain(MONEY_SOURCE_WORDS).search(header_key(last)))


# Money a table's caption says is paid in, not spent: fees and prices ('1. Mức học phí', e13).
# 'kinh phí' and 'chi phí' are money spent ('DỰ TOÁN KINH PHÍ …' was read as a fee table and gave no
# records), so a bare 'phí' counts only after neither.
COLLECTED_WORDS = r"học phí|lệ phí|(?<!kinh )(?<!chi )\bphí\b|mức thu|giá dịch vụ|giá bán|giá vé"


def money_collected(caption: str) -> bool:
    return bool(re.search(COLLECTED_WORDS, match_key(caption)))


# A title that says the table is money to be spent ('DỰ TOÁN KINH PHÍ …', 'KẾ HOẠCH VỐN …',
# 'PHÂN BỔ …'): its rows are budget lines even when they read like tasks (a body and a time beside
# each content).
SPENT_WORDS = r"dự toán|kinh phí|kế hoạch vốn|phân bổ|nguồn vốn|tổng mức đầu tư"


def money_spent(title: str) -> bool:
    return bool(re.search(SPENT_WORDS, match_key(title)))


# What the state pays each person or case: an allowance, a subsidy, a compensation, a reward, a
# spending norm ('Mức hưởng trợ cấp', 'Mức bồi thường (đồng/mộ)', 'Mức chi'); not a wage floor, a
# tax, a price or the value of goods (pool c, n: 'Mức lương tối thiểu', 'Thuế suất', 'Giá trị').
RATE_WORDS = r"trợ cấp|phụ cấp|trợ giúp|hỗ trợ|bồi thường|thưởng|mức chi|định mức"
PAID_OUT_WORDS = RATE_WORDS + "|" + SPENT_WORDS
# A title that sets norms ('TIÊU CHUẨN, ĐỊNH MỨC SỬ DỤNG MÁY MÓC, THIẾT BỊ …'): the most the state may
# pay for each item is a spending norm, even where its column says 'Mức giá tối đa' (pool p).
NORM_TITLE = r"\bđịnh mức\b"


def money_paid_out(text: str) -> bool:
    return bool(re.search(PAID_OUT_WORDS, match_key(text)))


def paid_per_head(text: str) -> bool:
    """A rate the state pays each person or case, as the header's first words ('Trợ cấp', 'Mức hỗ
    trợ', 'Mức chi'), which is written in đồng where no unit is stated; a budget's 'Kinh phí' or
    'Dự toán' may be in millions, and 'Số hộ được hỗ trợ' counts households."""
    return bool(re.match(rf"(?:mức\s+|tiền\s+)?(?:{RATE_WORDS})", match_key(text)))


# A title that says the table states prices, not lines of a budget ('BẢNG GIÁ …', 'ĐƠN GIÁ …',
# 'KHUNG GIÁ …', 'MỨC TRẦN GIÁ …'): what each unit costs. Rates the state pays ('MỨC THƯỞNG …', 'ĐỊNH MỨC CHI …',
# 'MỨC TRỢ CẤP …') are budget lines, one per row and money column, as the holdouts' gold (h04, k03)
# and the pool's since 2026-12-06 have them. A section's number may stand before it ('II. BẢNG
# GIÁ …'), or the words that announce it ('QUY ĐỊNH …').
PRICE_TITLE = (r"^(?:phụ lục\s+\S+\s*[:.-]?\s*)?(?:(?:[ivxlc]+|\d+|[a-zđ])\s*[.)]\s*)?"
               r"(?:quy định\s+|bảng\s+|biểu\s+)?(?:mức\s+(?:trần\s+|sàn\s+|tối đa\s+)?)?"
               r"(?:đơn giá|bảng giá|khung giá|biểu giá|giá)\b")


# A money column that gives a price per unit, not an amount: 'Đơn giá (đồng)', 'Giá tính thuế', 'Mức giá'.
# ('Giá gói thầu', 'Giá dự toán' are what a bid package or a work costs the state: an amount spent)
PRICE_HEADER = r"đơn giá|^(?:mức )?giá\b(?! gói thầu| dự toán| trúng thầu| hợp đồng)"


def price_column(header: str) -> bool:
    """A money column of prices per unit (compared like every header: without marks)."""
    return bool(_plain(PRICE_HEADER).search(header_key(header.split(" / ")[-1])))


def price_title(title: str) -> bool:
    return bool(re.search(PRICE_TITLE, match_key(title).strip()))


def norm_title(title: str) -> bool:
    return bool(re.search(NORM_TITLE, match_key(title)))


# Letters a scan reads as symbols inside header words ('CHU TR]' for 'CHỦ TRÌ').
_OCR_LETTERS = str.maketrans({"]": "i", "[": "i", "|": "i", "!": "i"})


def header_key(text: str) -> str:
    """Lowercase, marks stripped, leading symbols gone, letters a scan turned into symbols put
    back: the form headers are compared in."""
    key = re.sub(r"^[^\w(]+", "", strip_diacritics_same_length(match_key(text)))
    return re.sub(r"(?<=[a-z])[\]\[|!]", lambda m: m.group(0).translate(_OCR_LETTERS), key)


def _plain(pattern: str) -> re.Pattern[str]:
    return re.compile(strip_diacritics_same_length(pattern))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(_plain(p), role) for p, role in COLUMN_ROLES]


def _first_part(level: str) -> str:
    """'Danh mục dự án/ Cơ quan, đơn vị thực hiện' → 'Danh mục dự án': a header that names two
    things is first of all the first (the second says what its group rows hold)."""
    return re.split(r"(?<=\w)/\s*(?=\w)", level, maxsplit=1)[0]


def column_role(header: str) -> str:
    """The role of a column from its header (levels joined with ' / '); 'other' if none fits.
    A header whose words a scan ran together ('THOIGIAN') is matched without spaces too."""
    levels = header.split(" / ") if header else [""]
    key = header_key(_first_part(levels[0]))
    full = header_key(header)
    for pattern, role in _patterns():
        if pattern.search(key) or (role in ROLES_FROM_ANY_LEVEL and pattern.search(full)):
            return role
    squeezed = key.replace(" ", "")
    for pattern, role in _patterns():
        if " " in pattern.pattern and re.search(pattern.pattern.replace(" ", ""), squeezed):
            return role
    return "other"


def money_kind(header: str) -> str | None:
    """'Tổng mức đầu tư' → total, 'Kế hoạch vốn năm 2023' → allocation, 'Trong đó: NSTW' → part."""
    key = header_key(header.split(" / ")[-1])
    full = header_key(header)
    for pattern, kind in MONEY_KINDS:
        if _plain(pattern).search(key):
            return kind
    for pattern, kind in MONEY_KINDS:
        if _plain(pattern).search(full):
            return kind
    return None


def rows_are(header: str) -> str | None:
    """'procedures', 'tasks' or 'items' by the words of a name column's header; None if it says none."""
    key = header_key(header)
    if _plain(PROCEDURE_WORDS).search(key) or "tthc" in key.replace(" ", ""):
        return "procedures"   # (a text PDF breaks 'TTHC' in a narrow cell: 'Tên TTH C cũ', pool zl)
    if _plain(TASK_WORDS).search(key):
        return "tasks"
    if _plain(ITEM_WORDS).search(key):
        return "items"
    return None


_YEAR = r"(?:19|20)\d{2}"
_YEAR_RANGE = re.compile(rf"^(?:giai đoạn|năm|từ năm|từ)?\s*{_YEAR}\s*(?:-|đến|–)\s*(?:năm\s*)?{_YEAR}$")
_DEADLINE = re.compile(rf"^(?:năm\s*|trước\s*|trong\s*|cuối\s*|đầu\s*|quý\s*[ivx\d]+\s*[/-]?\s*(?:năm\s*)?|"
                       rf"tháng\s*\d{{1,2}}\s*[/-]?\s*(?:năm\s*)?|\d{{1,2}}/)*{_YEAR}\b|thường xuyên|hằng năm|hàng năm|"
                       rf"liên tục|hằng quý|hằng tháng|^quý|^tháng")


def time_kind(text: str) -> str | None:
    """What a time cell says: 'duration' ('24', '48 - 60', '2 năm'), 'period' ('2026-2027',
    'giai đoạn 2021-2025') or 'deadline' ('Quý II/2026', '2026', 'Thường xuyên'); None if empty
    or none of these."""
    s = normalize_dashes(match_key(text)).strip()
    if not s:
        return None
    if _YEAR_RANGE.match(s):
        return "period"
    if _DEADLINE.search(s):
        return "deadline"
    months = parse_duration_months(s)
    if months is not None and months[1] < 1200:
        return "duration"
    return None


def numbering_rank(first: str) -> int:
    """How deep a row's number puts it: 'A' 0, 'I' 1, '1' 2, '1.1' 3, 'a' 4, '-' 5, none 6."""
    s = first.strip()
    for pattern, rank in _NUMBERING:
        if re.fullmatch(pattern, s):
            return rank
    return 6


# Roman numerals before capital letters: 'I', 'V', 'X' number groups far more often than they letter them.
_NUMBERING = ((r"[IVX]{1,5}[.)]?", 1), (r"[A-ZĐ][.)]?", 0), (r"\d{1,3}[.)]?", 2), (r"\d{1,3}(?:\.\d{1,3})+[.)]?", 3),
              (r"[a-zđ][.)]?", 4), (r"[-–+•*]", 5))


def rate_label(text: str) -> bool:
    """A row's label that says it holds rates ('- Tỷ lệ phần trăm (%)', 'Định mức tỷ lệ (%) chi phí
    chung'): its figures are no money, whatever unit its columns are in (pools f, zo)."""
    return bool(_RATE_LABEL.search(text))


_RATE_LABEL = re.compile(r"\(%\)|^\W*(?:định mức )?tỷ lệ\b|\bphần trăm\b", re.IGNORECASE)


# A header over rates, not money, under a table's money unit ('So sánh QT/DT (%)', 'Tỷ lệ', pool zp).
RATE_HEADER = re.compile(r"%|\btỷ lệ\b|\bphần trăm\b|\bso sánh\b", re.IGNORECASE)
