"""Figures that disagree (issue 19): a figure is read with its subject, measure and the range its
qualifier allows; two stored documents' figures for the same subject are a conflict when the
ranges do not meet (a unit slip first), not when they agree within their qualifiers; an analyst's
confirmation closes the conflict and outlives a re-extraction."""
from __future__ import annotations

import pytest

# The sample report (corpus/samples/000.docx, a real report) says, in one sentence:
SPACE_CENTRE = ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam đã triển khai đầu tư Dự án Trung tâm Vũ trụ Việt Nam "
                "với tổng mức đầu tư khoảng 7.318.856,3 triệu đồng")
CHIP_PLANT = ("Tập đoàn Viettel đã khởi công nhà máy chế tạo chip bán dẫn đầu tiên tại Việt Nam với tổng mức đầu tư "
              "khoảng 33 tỷ đồng từ ngân sách nhà nước")
# A second report on the same two investments, as another office would write it: the space centre
# in a rounder figure that agrees ('trên 7.300 tỉ'), the chip plant a thousand times larger.
OTHER_REPORT = [
    "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 45/BC-BKHCN", "Hà Nội, ngày 20 tháng 11 năm 2025", "BÁO CÁO",
    "Tình hình đầu tư hạ tầng công nghệ chiến lược",
    "Dự án Trung tâm Vũ trụ Việt Nam có tổng mức đầu tư trên 7.300 tỉ đồng, đã hoàn thành giai đoạn 1.",
    "Tập đoàn Viettel khởi công Nhà máy chế tạo chip bán dẫn tại Khu công nghệ cao Hòa Lạc với tổng vốn đầu tư "
    "khoảng 33 nghìn tỷ đồng.",
]


def _docx(path, paragraphs):
    from docx import Document as Docx
    d = Docx()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)
    return path


def _figures(tmp_path, name, paragraphs):
    from pipeline import extract_file
    return extract_file(_docx(tmp_path / name, paragraphs)).figures


def test_a_figure_is_its_subject_its_measure_and_the_range_its_qualifier_allows(tmp_path):
    [centre, plant] = _figures(tmp_path, "a.docx", [f"{SPACE_CENTRE}; (3) {CHIP_PLANT};"])
    assert centre.subject == "Dự án Trung tâm Vũ trụ Việt Nam" and centre.measure == "investment"
    assert (centre.qualifier, centre.value) == ("about", 7_318_856_300_000)
    assert centre.low < centre.value < centre.high and centre.sentence.startswith("Viện Hàn lâm")
    assert plant.subject == "nhà máy chế tạo chip bán dẫn đầu tiên tại Việt Nam" and plant.value == 33 * 10**9


def test_a_counted_head_or_a_sum_over_many_names_no_subject(tmp_path):
    """'đã gửi đặt hàng 37 nhiệm vụ …, với tổng kinh phí dự kiến khoảng 1.436.130 triệu đồng' (the
    sample report): a total over 37 tasks is no figure of one subject."""
    assert _figures(tmp_path, "b.docx", [
        "Các bộ, ngành, địa phương đã gửi đặt hàng 37 nhiệm vụ CNCL về Bộ KH&CN, với tổng kinh phí dự kiến khoảng "
        "1.436.130 triệu đồng, trong đó có 01 nhiệm vụ đang triển khai."]) == []


def test_figures_that_agree_within_their_qualifiers_are_no_conflict_and_a_unit_slip_is(tmp_path):
    from records.figures import conflicts
    mine = _figures(tmp_path, "a.docx", [f"{SPACE_CENTRE}; (3) {CHIP_PLANT};"])
    theirs = _figures(tmp_path, "b.docx", OTHER_REPORT)
    assert len(theirs) == 2
    [c] = conflicts([(1, f) for f in mine] + [(2, f) for f in theirs])
    assert c.unit_slip and round(c.ratio) == 1000
    assert {c.a.text, c.b.text} == {"33 tỷ đồng", "33 nghìn tỷ đồng"}
    # one document's own figures are never compared with each other
    assert conflicts([(1, f) for f in mine + theirs]) == []


@pytest.mark.parametrize("order", ["sample first", "other first"])
def test_a_conflict_is_listed_confirmed_closed_and_stays_closed_after_reextraction(tmp_path, order):
    from fastapi.testclient import TestClient

    from cli.main import main
    from stores.db import Store, sqlite_url
    from tests.conftest import SAMPLES
    from web.app import create_app
    from web.auth import create_token
    other = _docx(tmp_path / "45-BC-BKHCN.docx", OTHER_REPORT)
    url = sqlite_url(tmp_path / "v.sqlite")
    paths = [SAMPLES / "000.docx", other]
    for path in paths if order == "sample first" else paths[::-1]:
        assert main(["extract", str(path), "-o", str(tmp_path / "out"), "--store", "--database", url, "-q"]) == 0
    store = Store.open(url)
    viewer = {"Authorization": f"Bearer {create_token(store, 'v', 'viewer')}"}
    reviewer = {"Authorization": f"Bearer {create_token(store, 'r', 'reviewer')}"}
    with TestClient(create_app(url, tmp_path, background=False)) as c:
        [conflict] = c.get("/api/conflicts", headers=viewer).json()["items"]
        assert conflict["unit_slip"] and conflict["state"] == "open"
        right = next(f for f in conflict["figures"] if f["text"] == "33 nghìn tỷ đồng")
        assert "Hòa Lạc" in right["sentence"] and right["document"]["key"] == "45/BC-BKHCN"
        assert c.post(f"/api/figures/{right['figure_id']}/confirm", headers=viewer).status_code == 403
        assert c.post(f"/api/figures/{right['figure_id']}/confirm", headers=reviewer).status_code == 200
        assert c.get("/api/conflicts", headers=viewer).json()["items"] == []
        [closed] = c.get("/api/conflicts?state=closed", headers=viewer).json()["items"]
        assert closed["confirmed"]["by"] == "token:r" and closed["confirmed"]["figure_id"] == right["figure_id"]
        # a re-extraction rewrites the figures' rows; the confirmation stands by what the figure says
        assert main(["extract", str(other), "-o", str(tmp_path / "out2"), "--store", "--database", url, "-q"]) == 0
        [closed] = c.get("/api/conflicts?state=closed", headers=viewer).json()["items"]
        new_right = next(f for f in closed["figures"] if f["text"] == "33 nghìn tỷ đồng")
        assert c.delete(f"/api/figures/{new_right['figure_id']}/confirm", headers=reviewer).status_code == 200
        assert len(c.get("/api/conflicts", headers=viewer).json()["items"]) == 1
        assert c.post("/api/figures/999999/confirm", headers=reviewer).json()["reason"] == "not_found"


def test_the_subject_after_the_measure_and_the_year_the_statement_names(tmp_path):
    """'Tổng mức đầu tư của dự án X là khoảng …': the subject after 'của'; a statement that names one
    year dates its figure (two years' figures are never compared); a plural names no subject."""
    by = {f.subject: f for f in _figures(tmp_path, "x.docx", [
        "Tổng mức đầu tư của dự án đường cao tốc Biên Hòa - Vũng Tàu là khoảng 17.837 tỷ đồng, trong đó vốn ngân "
        "sách trung ương 8.000 tỷ đồng.",
        "Năm 2024, dự án Cảng hàng không quốc tế Long Thành có tổng vốn đầu tư 109.111 tỷ đồng.",
        "Các dự án trọng điểm có tổng vốn đầu tư trên 200.000 tỷ đồng."])}
    assert set(by) == {"dự án đường cao tốc Biên Hòa - Vũng Tàu", "dự án Cảng hàng không quốc tế Long Thành"}
    assert by["dự án đường cao tốc Biên Hòa - Vũng Tàu"].qualifier == "about"
    assert by["dự án Cảng hàng không quốc tế Long Thành"].period == "2024"


def test_the_project_a_resolution_names_is_what_dự_án_alone_means(tmp_path):
    """Nghị quyết 187/2025/QH15 names its project in its title and then writes 'Sơ bộ tổng mức đầu tư
    của Dự án là 203.231 tỷ đồng' (no figure was read: 'Dự án' alone names no subject); a decision
    writes 'Tổng mức đầu tư Dự án 36.172,41 tỷ đồng' with no 'của' (QĐ 2166/QĐ-BXD of 2025)."""
    [figure] = _figures(tmp_path, "nq.docx", [
        "NGHỊ QUYẾT", "Về chủ trương đầu tư Dự án đầu tư xây dựng tuyến đường sắt Lào Cai - Hà Nội - Hải Phòng",
        "a) Sơ bộ tổng mức đầu tư của Dự án là 203.231 tỷ đồng (hai trăm linh ba nghìn, hai trăm ba mươi mốt tỷ "
        "đồng);"])
    assert figure.subject.startswith("Dự án đầu tư xây dựng tuyến đường sắt Lào Cai")
    assert (figure.measure, figure.value, figure.qualifier) == ("investment", 203_231_000_000_000, "exact")
    [figure] = _figures(tmp_path, "qd.docx", [
        "Phê duyệt Dự án đầu tư xây dựng mở rộng đường cao tốc Thành phố Hồ Chí Minh - Trung Lương - Mỹ Thuận",
        "Tổng mức đầu tư Dự án 36.172,41 tỷ đồng, trong đó:"])
    assert "Trung Lương" in figure.subject or "cao tốc" in figure.subject
