"""Bodies of the 63 provinces and their districts before the 2025 reorganization: recognized with
their name as written, and carrying the province that took the unit over (`successor`). The
expected successors are written from Nghị quyết 202/2025/QH15 (the merger of provinces), not
from the package vanthu reads them from."""
from __future__ import annotations

import pytest

from models import Block, Document, Provenance
from pipeline import run_stages

# (old province, the province it is part of from 1 July 2025) — Nghị quyết 202/2025/QH15, Điều 1
MERGED = [
    ("Hà Giang", "tỉnh Tuyên Quang"), ("Yên Bái", "tỉnh Lào Cai"), ("Bắc Kạn", "tỉnh Thái Nguyên"),
    ("Vĩnh Phúc", "tỉnh Phú Thọ"), ("Hòa Bình", "tỉnh Phú Thọ"), ("Bắc Giang", "tỉnh Bắc Ninh"),
    ("Thái Bình", "tỉnh Hưng Yên"), ("Hải Dương", "thành phố Hải Phòng"), ("Hà Nam", "tỉnh Ninh Bình"),
    ("Nam Định", "tỉnh Ninh Bình"), ("Quảng Bình", "tỉnh Quảng Trị"), ("Quảng Nam", "thành phố Đà Nẵng"),
    ("Kon Tum", "tỉnh Quảng Ngãi"), ("Bình Định", "tỉnh Gia Lai"), ("Ninh Thuận", "tỉnh Khánh Hòa"),
    ("Đắk Nông", "tỉnh Lâm Đồng"), ("Bình Thuận", "tỉnh Lâm Đồng"), ("Phú Yên", "tỉnh Đắk Lắk"),
    ("Bình Dương", "thành phố Hồ Chí Minh"), ("Bình Phước", "tỉnh Đồng Nai"), ("Long An", "tỉnh Tây Ninh"),
    ("Sóc Trăng", "thành phố Cần Thơ"), ("Bến Tre", "tỉnh Vĩnh Long"), ("Tiền Giang", "tỉnh Đồng Tháp"),
    ("Bạc Liêu", "tỉnh Cà Mau"), ("Kiên Giang", "tỉnh An Giang"),
]
# The ways documents name a province's bodies.
FORMS = ["Ủy ban nhân dân tỉnh {p}", "UBND tỉnh {p}", "Sở Tài chính tỉnh {p}", "Hội đồng nhân dân tỉnh {p}",
         "Tỉnh ủy {p}", "Sở Kế hoạch và Đầu tư tỉnh {p}"]


def agencies(*texts: str) -> dict[str, str | None]:
    blocks = [Block(id=f"b{i}", order=i, text=t, provenance=Provenance(source="docx")) for i, t in enumerate(texts)]
    _, mentions, _, _ = run_stages(Document(media_type="x", source_kind="docx", blocks=blocks))
    return {a.name: a.successor for a in mentions.agencies}


@pytest.mark.parametrize("k,province,successor", [(k, p, s) for k, (p, s) in enumerate(MERGED)])
def test_a_body_of_a_merged_province_keeps_its_name_and_carries_the_successor(k, province, successor):
    form = FORMS[k % len(FORMS)].format(p=province)
    found = agencies(f"Căn cứ Công văn số 12/UBND-KT ngày 05/3/2019 của {form} về việc báo cáo tình hình.")
    assert list(found.values()) == [successor], found
    (name,) = found
    assert province in name    # the name of the document's time, as written


def test_provinces_that_kept_their_name_and_central_bodies_carry_none():
    found = agencies("Ủy ban nhân dân tỉnh Tuyên Quang, Ủy ban nhân dân thành phố Hà Nội và Bộ Tài chính "
                     "phối hợp với Sở Y tế tỉnh Cao Bằng.")
    assert found == {"Ủy ban nhân dân tỉnh Tuyên Quang": None, "Ủy ban nhân dân thành phố Hà Nội": None,
                     "Bộ Tài chính": None, "Sở Y tế tỉnh Cao Bằng": None}


def test_districts_carry_the_province_that_took_them_over():  # e08 (Lâm Đồng, 2025): huyện Cư Jút of Đắk Nông
    assert agencies("Ủy ban nhân dân huyện Cư Jút báo cáo kết quả.") == {
        "Ủy ban nhân dân huyện Cư Jút": "tỉnh Lâm Đồng"}
    # 'Châu Thành' was a district of eight provinces: the document's own province settles which
    found = agencies("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Giao Ủy ban nhân dân huyện Châu Thành chủ trì thực hiện.")
    assert found["Ủy ban nhân dân huyện Châu Thành"] == "tỉnh Đồng Tháp"
    assert agencies("Giao Ủy ban nhân dân huyện Châu Thành chủ trì.") == {"Ủy ban nhân dân huyện Châu Thành": None}


def test_thua_thien_hue_became_the_city_of_hue():  # Nghị quyết 1314/NQ-UBTVQH15, from 1 January 2025
    assert agencies("Ủy ban nhân dân tỉnh Thừa Thiên Huế") == {"Ủy ban nhân dân tỉnh Thừa Thiên Huế": "thành phố Huế"}
