"""The interface's words in Vietnamese (default) and English, and Vietnamese formats: dates
dd/mm/yyyy, numbers 1.436.130, money with its unit."""
from __future__ import annotations

LANGS = ("vi", "en")
WORDS = {
    "app": ("Văn thư — rà soát", "Văn thư — review"),
    "queue": ("Hàng chờ rà soát", "Review queue"),
    "upload": ("Tải văn bản lên", "Upload a document"),
    "status_replaced": ("Đã bị thay thế bởi", "Replaced by"), "status_repealed": ("Đã bị bãi bỏ bởi", "Repealed by"),
    "cited_by": ("Được viện dẫn bởi", "Cited by"), "rel_mentions": ("viện dẫn", "cites"),
    "rel_based_on": ("căn cứ", "bases on"), "rel_implements": ("thực hiện", "implements"),
    "rel_replaces": ("thay thế", "replaces"), "rel_amends": ("sửa đổi, bổ sung", "amends"),
    "rel_repeals": ("bãi bỏ", "repeals"), "rel_guides": ("hướng dẫn", "guides"),
    "rel_requested_in": ("theo đề nghị tại", "requested in"), "rel_reports_on": ("báo cáo về", "reports on"),
    "conflicts": ("Số liệu vênh nhau", "Figures that disagree"), "conflicts_open": ("Chưa xử lý", "Open"),
    "conflicts_closed": ("Đã xác nhận", "Confirmed"), "conflicts_all": ("Tất cả", "All"),
    "no_conflicts": ("Không có số liệu vênh nhau.", "No figures disagree."),
    "measure_investment": ("tổng mức đầu tư", "total investment"), "measure_budget": ("tổng kinh phí", "whole budget"),
    "unit_slip": ("lệch đơn vị (×1.000)", "unit slip (×1,000)"), "confirmed_by": ("Đã xác nhận bởi", "Confirmed by"),
    "confirm_figure": ("Xác nhận số liệu này", "Confirm this figure"), "unconfirm": ("Bỏ xác nhận", "Take back"),
    "qualifier_exact": ("đúng", "as written"), "qualifier_about": ("khoảng", "about"),
    "qualifier_nearly": ("gần", "nearly"), "qualifier_over": ("trên", "over"), "qualifier_under": ("dưới", "under"),
    "mine": ("Của tôi", "Mine"), "assigned_to": ("Giao cho", "Assigned to"),
    "take": ("Nhận rà soát", "Take it"), "give_back": ("Trả lại", "Give it back"),
    "saved_filters": ("Bộ lọc đã lưu", "Saved filters"), "save_filter": ("Lưu bộ lọc này", "Save this filter"),
    "filter_name": ("Tên bộ lọc", "Filter name"), "delete": ("Xóa", "Delete"),
    "upload_send": ("Gửi", "Send"),
    "upload_queued": ("Đang chờ xử lý…", "Waiting…"),
    "upload_running": ("Đang trích xuất…", "Extracting…"),
    "upload_done": ("Đã trích xuất:", "Extracted:"),
    "upload_duplicate": ("Đã có trong kho:", "Already stored:"),
    "upload_failed": ("Không xử lý được:", "Could not be processed:"),
    "login": ("Đăng nhập", "Sign in"), "logout": ("Đăng xuất", "Sign out"),
    "name": ("Tên đăng nhập", "User name"), "password": ("Mật khẩu", "Password"),
    "bad_login": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong name or password."),
    "rate_limited": ("Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.", "Too many failed sign-ins; try again later."),
    "state": ("Trạng thái", "State"), "new": ("Mới", "New"), "in_review": ("Đang rà soát", "In review"),
    "reviewed": ("Đã rà soát", "Reviewed"), "rejected": ("Từ chối", "Rejected"), "all": ("Tất cả", "All"),
    "key": ("Số/ký hiệu", "Number/symbol"), "agency": ("Cơ quan", "Agency"), "doc_type": ("Loại văn bản", "Type"),
    "date_from": ("Từ ngày", "From"), "date_to": ("Đến ngày", "To"), "search": ("Tìm trong văn bản", "Search text"),
    "filter": ("Lọc", "Filter"), "risk": ("Rủi ro", "Risk"), "warnings": ("Cảnh báo", "Warnings"),
    "mismatches": ("Lệch tổng", "Total mismatches"), "ocr_repairs": ("Sửa OCR", "OCR repairs"),
    "confidence": ("Độ tin cậy", "Confidence"), "file": ("Tệp", "File"), "date": ("Ngày", "Date"),
    "issuer": ("Cơ quan ban hành", "Issuer"), "title": ("Trích yếu", "Title"), "number": ("Số", "Number"),
    "symbol": ("Ký hiệu", "Symbol"), "place": ("Địa danh", "Place"),
    "references": ("Văn bản viện dẫn", "References"), "dates": ("Ngày tháng", "Dates"),
    "amounts": ("Số tiền", "Amounts"), "agencies": ("Cơ quan", "Agencies"), "document": ("Văn bản", "Document"),
    "tasks": ("Nhiệm vụ", "Tasks"), "catalog": ("Danh mục", "Catalog"), "budget": ("Kinh phí", "Budget"),
    "accept": ("Chấp nhận", "Accept"), "correct": ("Sửa", "Correct"), "reject": ("Loại bỏ", "Reject"),
    "add": ("Thêm", "Add"), "save": ("Lưu", "Save"), "reason": ("Lý do", "Reason"),
    "bulk_accept": ("Chấp nhận tất cả", "Accept all"), "mark_reviewed": ("Hoàn tất rà soát", "Mark reviewed"),
    "mark_rejected": ("Từ chối văn bản", "Reject document"), "next_doc": ("Văn bản tiếp", "Next document"),
    "page": ("Trang", "Page"), "text": ("Văn bản trích xuất", "Extracted text"), "audit": ("Nhật ký thay đổi", "Audit"),
    "who": ("Người sửa", "Who"), "when": ("Thời điểm", "When"), "field": ("Trường", "Field"),
    "old": ("Giá trị cũ", "Old value"), "new_value": ("Giá trị mới", "New value"), "action": ("Thao tác", "Action"),
    "stale": ("Sửa không còn khớp sau khi trích xuất lại", "Corrections that no longer fit the new extraction"),
    "scores": ("Độ chính xác của bộ trích xuất", "Extractor precision and recall"),
    "precision": ("Độ chính xác", "Precision"), "recall": ("Độ bao phủ", "Recall"),
    "extracted": ("Trích xuất", "Extracted"), "agree": ("Khớp", "Agree"),
    "forbidden": ("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."),
    "no_docs": ("Không có văn bản nào.", "No documents."), "prev": ("Trước", "Previous"), "next": ("Sau", "Next"),
    "add_selected": ("Thêm thực thể từ đoạn chọn", "Add entity from selection"),
    "kind": ("Loại", "Kind"), "value": ("Giá trị", "Value"), "saved": ("Đã lưu", "Saved"),
    "shortcuts": ("Phím tắt: j/k trường tiếp/trước · a chấp nhận · c sửa · r loại bỏ · n văn bản tiếp",
                  "Keys: j/k next/previous field · a accept · c correct · r reject · n next document"),
    "role": ("Vai trò", "Role"), "rows": ("dòng", "rows"), "documents": ("văn bản", "documents"),
    "occurrences": ("Vị trí", "Occurrences"), "none": ("—", "—"),
    "accept_done": ("Đã chấp nhận", "Accepted"), "correct_done": ("Đã sửa", "Corrected"),
    "reject_done": ("Đã loại bỏ", "Rejected"), "add_done": ("Đã thêm", "Added"), "cancel": ("Hủy", "Cancel"),
    "will_store": ("Sẽ lưu", "Will store"), "fit_width": ("Vừa chiều rộng", "Fit width"),
    "fit_page": ("Vừa trang", "Fit page"), "rotate": ("Xoay trang", "Rotate the page"),
    "pan": ("Kéo để di chuyển trang", "Drag to move the page"), "pan_short": ("Kéo", "Pan"),
    "col_number": ("STT", "No."), "col_agency": ("Cơ quan chủ trì", "Lead body"), "col_name": ("Tên", "Name"),
    "col_source_ref": ("Văn bản giao", "Assigned by"), "col_group": ("Nhóm", "Group"),
    "col_item": ("Nội dung", "Item"), "col_period": ("Thời kỳ", "Period"),
}


def t(lang: str, key: str) -> str:
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def fmt_number(value, lang: str = "vi") -> str:
    """1436130 → '1.436.130' (vi) or '1,436,130' (en); decimals with ',' in vi."""
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        s = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        s = f"{int(value):,}"
    if lang == "en":
        return s
    return s.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_date(iso: str | None, lang: str = "vi") -> str:
    """'2026-05-06' → '06/05/2026'; '2026-04' → '04/2026'; other forms as they are."""
    if not iso:
        return "—"
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{parts[1]}/{parts[0]}"
    return iso


def fmt_money(m: dict | None, lang: str = "vi") -> str:
    """{'currency': 'VND', 'value': 169000000000} → '169.000.000.000 đồng'."""
    if not m:
        return "—"
    unit = "đồng" if m.get("currency", "VND") == "VND" else "USD"
    if m.get("value") is not None:
        return f"{fmt_number(m['value'], lang)} {unit}"
    return f"{fmt_number(m.get('low'), lang)} – {fmt_number(m.get('high'), lang)} {unit}"


_NOT_SHOWN = {"provenance", "occurrences", "boxes", "position", "confidence"}


def readable(value) -> str:
    """An audit value as a person reads it: 'value: 2026-03-31; text: ngày 31/3/2026', marks as
    they are (not \\u escapes), where-it-is fields left out."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {readable(v)}" for k, v in value.items()
                         if k not in _NOT_SHOWN and v not in (None, "", [], {}))
    if isinstance(value, list):
        return ", ".join(readable(v) for v in value)
    return str(value)
