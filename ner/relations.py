"""What a document says it does to each document it cites (issue 19), from the words before the
citation in its own clause: 'Căn cứ Luật …' (a preamble line) bases on it; 'Quyết định này thay
thế Quyết định số …' replaces it; 'sửa đổi, bổ sung' amends; 'bãi bỏ' repeals; 'hướng dẫn' or 'quy
định chi tiết' guides; 'thực hiện', 'triển khai' implements; 'Xét Tờ trình số …', 'theo đề nghị tại
…' was requested in it; 'báo cáo kết quả thực hiện …', or a clause that says it was carried out ('đã
… thực hiện …'), reports on it; anything else mentions it.

A cue counts for the citation it stands before in the same clause (to a ';', a sentence end or a
line start). Where another citation stands between the cue and this one ('thay thế Quyết định số
A và Quyết định số B') it holds with confidence 0.8 (lists usually share their verb); where a
citation stands before the cue ('Nghị định A sửa đổi, bổ sung Nghị định B': A amends B, this
document cites both) the cue is A's, and this document mentions B."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Most specific first: 'bãi bỏ' before 'thực hiện' ('… thực hiện việc bãi bỏ Quyết định …').
CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(rx, re.IGNORECASE)) for kind, rx in (
    ("repeals", r"\bbãi bỏ|\bhết hiệu lực|\bthôi hiệu lực|\bhủy bỏ"),
    ("replaces", r"\bthay thế"),
    ("amends", r"\bsửa đổi(?:,? bổ sung)?|\bbổ sung một số|\bđính chính"),
    ("based_on", r"\bcăn cứ(?: theo| vào)?"),
    ("guides", r"\bhướng dẫn(?: thực hiện| thi hành| triển khai)?|\bquy định chi tiết(?: thi hành)?"),
    ("requested_in", r"\b(?:theo|xét|xem xét|trên cơ sở|trên cơ sở xem xét) (?:các |những )?(?:tờ trình|đề nghị)"),
    ("reports_on", r"\bbáo cáo (?:kết quả|tình hình|sơ kết|tổng kết)|\b(?:rà soát|đánh giá|kiểm điểm) kết quả thực hiện"),
    ("implements", r"\bthực hiện|\btriển khai|\bthi hành|\bquán triệt"),
))
BASED_ON = re.compile(r"^\W{0,3}căn cứ\b", re.IGNORECASE)
CLAUSE_START = re.compile(r"[.;:!?\n]\s*|^")
# Words of a document's title between two citations: the second is named inside the first's title.
INSIDE_A_TITLE = re.compile(r"\b(?:về|thực hiện|triển khai|hướng dẫn|quy định chi tiết)\b", re.IGNORECASE)
CONTEXT_CHARS = 160     # how far back in its clause a cue may stand
# 'thực hiện' and 'hướng dẫn' govern the citation only when it follows them as their object
# ('Thực hiện Công văn số …', 'hướng dẫn thi hành Luật số …'); where other words stand between
# ('kinh phí thực hiện các chế độ … theo Quyết định số …', 'theo mẫu đã hướng dẫn tại Công văn số
# …') the citation is where the thing is set out, and only mentioned (external gold: 11 of 12
# such pairs were mentions).
OBJECT_CUES = frozenset({"implements", "guides", "based_on"})
OBJECT_GAP = re.compile(r"^[^,;()]{0,35}$")
# How well a thing is carried out, said between the verb and its object ('tổ chức thực hiện nghiêm,
# hiệu quả Chỉ thị số …'): no words of the object's own.
MANNER = re.compile(r"\b(?:nghiêm túc|nghiêm|có hiệu quả|hiệu quả|kịp thời|đầy đủ|quyết liệt|đồng bộ)\b[,\s]*",
                    re.IGNORECASE)
# What the clause says was done ('… đã chủ động … tổ chức thực hiện … Chỉ thị số …'): a report or a
# conclusion telling what was carried out reports on the document (external gold: 4 of 4 such pairs).
DONE_BEFORE = re.compile(r"\bđã\b(?!\s+được)", re.IGNORECASE)
# What is still to do, said between 'đã' and the verb ('Trên cơ sở kết quả đã đạt được, … tiếp tục
# thực hiện …', 'các đơn vị đã được phân công khẩn trương thực hiện …').
STILL_TO_DO = re.compile(r"\b(?:tiếp tục|khẩn trương|yêu cầu|đề nghị|cần|sẽ|phải)\b", re.IGNORECASE)
# The articles of the object stand between as part of it ('Hướng dẫn thực hiện điểm k khoản 1 Điều
# 12a của Nghị định số …').
ARTICLES = re.compile(r"\b(?:điểm|khoản|điều|mục|chương|phần)\s+[\w.]+[\s,]*(?:của\s+)?", re.IGNORECASE)
WHERE_SET_OUT = re.compile(r"\btại\b", re.IGNORECASE)   # 'thực hiện theo Nghị định số …' implements it


# A 'Xét …' line lists what the document was asked in, item after item ('Xét Tờ trình số …; Báo cáo
# thẩm tra số …; Báo cáo tiếp thu, giải trình số …'), as a 'Căn cứ' line lists its basis.
CONSIDERED = re.compile(r"^\W{0,3}(?:xét|trên cơ sở xem xét|xem xét)\b", re.IGNORECASE)
# A cue that is a word of the cited document's title ('Luật sửa đổi, bổ sung một số điều của Luật …
# số …', 'Nghị quyết sửa đổi, bổ sung Nghị quyết số …', _in_own_title), or a passive one ('… được sửa đổi, bổ sung
# bởi Nghị định số …': the cited one amends another): no act of this document (pool n, external).
TITLE_WORD_BEFORE = re.compile(r"\b(?:luật|pháp lệnh|nghị định|nghị quyết|thông tư|quyết định)\s*$", re.IGNORECASE)
PASSIVE_BEFORE = re.compile(r"\bđược\s*$", re.IGNORECASE)
BY_AFTER = re.compile(r"^\s*(?:bởi|tại)\b", re.IGNORECASE)
# A document named by its kind before its number ('Báo cáo kết quả giám sát số …'): 'báo cáo kết
# quả' there is the cited document's name, not this one reporting on it.
DOCUMENT_KIND = re.compile(r"\b(?:nghị quyết|quyết định|chỉ thị|kết luận|kế hoạch|công văn|thông báo|luật|"
                           r"nghị định|thông tư|chương trình|đề án|quy định)\b", re.IGNORECASE)
# 'Nghị định số … hết hiệu lực kể từ ngày …': the end of force said after the citation.
ENDS_AFTER = re.compile(r"[^.;\n]{0,200}?\b(?:hết hiệu lực|bị bãi bỏ)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundRelation:
    type: str
    cue: str | None
    clause_start: int
    confidence: float


def relation_at(text: str, start: int, citations_before: list[int]) -> FoundRelation:
    """The relation the clause gives the citation that starts at `start` of `text`.
    citations_before: the start offsets of the other citations of the same text."""
    clause = max((m.end() for m in CLAUSE_START.finditer(text, 0, start) if m.end() <= start), default=0)
    clause = max(clause, start - CONTEXT_CHARS)
    before = text[clause:start]
    based = BASED_ON.match(before)
    if based:
        return FoundRelation("based_on", based.group(0).strip(" \t-–+•"), clause, 1.0)
    listed_line = _line_relation(text, start, citations_before)
    if listed_line:
        return listed_line
    if ENDS_AFTER.match(text, start):
        return FoundRelation("repeals", "hết hiệu lực", clause, 0.8)
    cue = _nearest_cue(before)
    if cue is None:
        return _listed_after_colon(text, start, citations_before) or \
            _item_after_semicolon(text, start, clause, citations_before) or FoundRelation("mentions", None, clause, 1.0)
    return _cue_relation(text, start, clause, cue, citations_before)


# A clause that opens with a document's kind ('…; Nghị định số B …; các Quyết định của Thủ tướng Chính
# phủ số C, số D và số E'): an item of the list the clause before it opened, with no verb of its own.
LIST_ITEM = re.compile(r"\s*(?:các |những )?" + DOCUMENT_KIND.pattern, re.IGNORECASE)


def _item_after_semicolon(text: str, start: int, clause: int, citations_before: list[int]) -> FoundRelation | None:
    """An item of a list run on after ';' in the same sentence shares the relation of the item before
    it ('Căn cứ Nghị định số A …; Nghị định số B …', '… đã tổ chức thực hiện Chỉ thị số A …; Quy
    định số B …'), said with confidence 0.8 (external: 5 of 5 such items)."""
    opener = text[:clause].rstrip()
    if not opener.endswith(";") or not LIST_ITEM.match(text, clause):
        return None
    earlier = [c for c in citations_before if c < clause and "\n" not in text[c:clause]
               and not re.search(r"\.\s", text[c:clause])]
    if not earlier:
        return None
    previous = relation_at(text, max(earlier), [c for c in citations_before if c < max(earlier)])
    if previous.type == "mentions":
        return None
    return FoundRelation(previous.type, previous.cue, clause, 0.8)


# Verbs that take a list after a colon ('… thay thế các Quyết định: Quyết định số A …; Quyết định số
# B …', external e10): each item is their object.
LIST_TAKING = frozenset({"replaces", "repeals", "amends"})
LIST_INTRO_GAP = re.compile(r"^[^,;()]{0,40}$")


def _listed_after_colon(text: str, start: int, citations_before: list[int]) -> FoundRelation | None:
    """A citation in a list that a colon opens, in the same sentence, after a verb that takes it."""
    line = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line, start)
    if colon < 0 or re.search(r"\.\s", text[colon:start]):
        return None
    head_start = max((m.end() for m in CLAUSE_START.finditer(text, line, colon) if m.end() <= colon), default=line)
    cue = _nearest_cue(text[head_start:colon])
    if cue is None or cue[0] not in LIST_TAKING or not LIST_INTRO_GAP.match(text[head_start + cue[1].end():colon]) \
            or any(head_start <= c < colon for c in citations_before):
        return None
    return FoundRelation(cue[0], cue[1].group(0).strip(), head_start, 0.8)


def _line_relation(text: str, start: int, citations_before: list[int]) -> FoundRelation | None:
    """A 'Căn cứ' line lists the basis, a 'Xét' line what the document was asked in, item after item
    ('…; Nghị định số B …', '…, số B và số C', '(đã được sửa đổi, bổ sung bởi Nghị định B)'); a
    document named inside another's title ('Nghị quyết A về … thực hiện Nghị quyết B') is only
    mentioned (external gold, 12 of 47 based_on pairs were read as mentions or amends)."""
    line = text.rfind("\n", 0, start) + 1
    based = BASED_ON.match(text[line:start])
    if based:
        clause_from = max(text.rfind(";", line, start) + 1, line)
        earlier = [c for c in citations_before if clause_from <= c < start]
        if earlier and INSIDE_A_TITLE.search(text, max(earlier), start):
            return FoundRelation("mentions", None, clause_from, 1.0)
        return FoundRelation("based_on", based.group(0).strip(" \t-–+•"), line, 1.0 if not earlier else 0.8)
    considered = CONSIDERED.match(text[line:start])
    if considered:
        earlier = [c for c in citations_before if line <= c < start]
        return FoundRelation("requested_in", considered.group(0).strip(" \t-–+•"), line, 0.8 if earlier else 1.0)
    return None


def _nearest_cue(before: str) -> tuple[str, re.Match[str]] | None:
    """The cue nearest the citation: the one that ends last ('Hướng dẫn thực hiện … Nghị định số …'
    guides it: the longer cue ends where 'thực hiện' does), then the longest."""
    best = None
    for kind, rx in CUES:
        m = None
        for m in rx.finditer(before):
            pass
        if m is not None and (best is None or (m.end(), m.end() - m.start()) > (best[1].end(), best[1].end() - best[1].start())):
            best = (kind, m)
    return best


def _cue_relation(text: str, start: int, clause: int, cue: tuple[str, re.Match[str]],
                  citations_before: list[int]) -> FoundRelation:
    """What the nearest cue says of the citation, unless it is another citation's act, a word of the
    cited document's title, or stands too far from its object."""
    kind, m = cue
    before = text[clause:start]
    mentioned = FoundRelation("mentions", None, clause, 0.8)
    if any(clause <= c < clause + m.start() for c in citations_before):
        return mentioned   # 'Nghị định A sửa đổi, bổ sung Nghị định B': A amends B; this document only cites B
    listed = [c for c in citations_before if clause + m.end() <= c < start]
    gap = MANNER.sub("", ARTICLES.sub("", text[clause + m.end():min(listed, default=start)]))   # to the list's first citation
    if kind in OBJECT_CUES and (not OBJECT_GAP.match(gap) or WHERE_SET_OUT.search(gap)):
        return mentioned
    if kind in ("amends", "replaces", "repeals", "guides") and (
            _in_own_title(before[:m.start()], gap) or PASSIVE_BEFORE.search(before, 0, m.start())
            or BY_AFTER.match(gap)):
        return mentioned
    if kind == "reports_on" and not DOCUMENT_KIND.search(gap):
        return mentioned
    done = list(DONE_BEFORE.finditer(before, 0, m.start()))
    if kind == "implements" and done and not STILL_TO_DO.search(before, done[-1].end(), m.start()):
        kind = "reports_on"
    # 'thay thế Quyết định số A và Quyết định số B': most lists share their verb
    return FoundRelation(kind, m.group(0).strip(), clause, 0.8 if listed else 1.0)


def _in_own_title(before_cue: str, gap: str) -> bool:
    """'Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp số …': the cue is a word of the cited
    law's own title (its kind stands before the cue and again before its number), where 'Thông tư
    bãi bỏ Quyết định số …' names a circular that repeals the decision."""
    title = TITLE_WORD_BEFORE.search(before_cue)
    kinds = DOCUMENT_KIND.findall(gap)
    return bool(title and kinds and kinds[-1].lower() == title.group(0).strip().lower())


def sentence_around(text: str, clause_start: int, end: int) -> str:
    """The citing clause, to the citation's sentence end, at most 300 characters."""
    stop = re.search(r"[.;\n]", text[end:])
    return text[clause_start:end + (stop.start() if stop else len(text) - end)].strip()[:300]
