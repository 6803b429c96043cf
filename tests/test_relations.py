"""Issue 19, first part: what a document says it does to each document it cites, typed from the
citing sentence (real sentences of the corpus), kept on the reference with its sentence."""
from __future__ import annotations

import json

import pytest

from ner.recognize import read_piece
from ner.units import TextUnit


def _relations(text: str) -> list[tuple[str, str, float]]:
    return [(r.key, r.relations[0].type, r.relations[0].confidence) for r in read_piece(TextUnit(text, 1, "b1")).references]


@pytest.mark.parametrize("sentence, expected", [
    ("Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Quyết định số 1131/QĐ-TTg "
     "ngày 12 tháng 6 năm 2025 của Thủ tướng Chính phủ.", [("1131/QĐ-TTg", "replaces", 1.0)]),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     [("30/2020/NĐ-CP", "based_on", 1.0)]),
    ("Bộ Quốc phòng ban hành Thông tư bãi bỏ Quyết định số 181/2006/QĐ-BQP ngày 31 tháng 10 năm 2006",
     [("181/2006/QĐ-BQP", "repeals", 1.0)]),
    ("Xét Tờ trình số 61/TTr-UBND ngày 09 tháng 6 năm 2017 của Ủy ban nhân dân Tỉnh về việc đề nghị thẩm định",
     [("61/TTr-UBND", "requested_in", 1.0)]),
    ("Thực hiện Công văn số 6356/UBND-NNMT ngày 01/12/2025 của UBND Thành phố về việc tăng cường các biện pháp",
     [("6356/UBND-NNMT", "implements", 1.0)]),
    ("Hướng dẫn thực hiện điểm k khoản 1 Điều 12a của Nghị định số 05/2011/NĐ-CP ngày 14/01/2011 của Chính phủ",
     [("05/2011/NĐ-CP", "guides", 1.0)]),
    # every item of a 'Căn cứ' line is its basis, also after ';' and inside '(đã được sửa đổi, bổ sung
    # bởi …)' (measured against the external set's relation gold: 12 of 47 were mentions or amends)
    ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính "
     "(đã được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ); Nghị định "
     "số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa;",
     [("63/2010/NĐ-CP", "based_on", 1.0), ("92/2017/NĐ-CP", "based_on", 1.0), ("61/2018/NĐ-CP", "based_on", 1.0)]),
    # another document amends the cited one: this document only cites both
    ("Quyết định số 117/2007/QĐ-TTg ngày 25/7/2007 của Thủ tướng Chính phủ về việc sửa đổi, bổ sung một số Điều "
     "của Quyết định số 118/TTg ngày 27/02/1996", [("117/2007/QĐ-TTg", "mentions", 1.0), ("118/TTg", "mentions", 0.8)]),
    ("tổ chức thực hiện chi trả theo quy định tại Thông tư số 95/2025/TT-BTC ngày 20/10/2025 của Bộ trưởng Bộ Tài "
     "chính sửa đổi, bổ sung một số điều của Thông tư số 44/2022/TT-BTC ngày 21/7/2022",
     [("95/2025/TT-BTC", "mentions", 0.8), ("44/2022/TT-BTC", "mentions", 0.8)]),
    # 'thực hiện', 'hướng dẫn' govern only their object: a citation after other words is where the
    # thing is set out
    ("kinh phí thực hiện các chế độ trợ cấp 1 lần theo Quyết định số 290/QĐ-TTg, Quyết định số 59/QĐ-TTg",
     [("290/QĐ-TTg", "mentions", 0.8), ("59/QĐ-TTg", "mentions", 0.8)]),
    ("các biểu mẫu (theo mẫu biểu đã hướng dẫn tại Công văn số 2906/LĐTBXH-KHTC ngày 13/7/2017 của Bộ",
     [("2906/LĐTBXH-KHTC", "mentions", 0.8)]),
    ("Thực hiện Chỉ thị số 16/CT-TTg ngày 25/6/2019 của Thủ tướng Chính phủ và Thông tư số 38/2019/TT-BTC",
     [("16/CT-TTg", "implements", 1.0), ("38/2019/TT-BTC", "implements", 0.8)]),
    # what the document was asked in, however the request is introduced
    ("Trên cơ sở đề nghị của Bộ Tài chính tại văn bản số 18345/BTC-NSNN ngày 26 tháng 11 năm 2025 về việc bổ sung",
     [("18345/BTC-NSNN", "requested_in", 1.0)]),
    ("Trên cơ sở xem xét các Tờ trình số 82/TTr-CP ngày 05/3/2024, số 125/TTr-CP ngày 02/4/2024 của Chính phủ và "
     "Báo cáo thẩm tra số 2734/BC-UBPL15 ngày 12/4/2024", [("82/TTr-CP", "requested_in", 1.0),
                                                         ("125/TTr-CP", "requested_in", 0.8),
                                                         ("2734/BC-UBPL15", "requested_in", 0.8)]),
    # pool n's relation gold, after its first-sight score (0.870) was recorded: a 'Xét' line lists what
    # the document was asked in; a passive or a title's 'sửa đổi' is no act of this document; a
    # document named 'Báo cáo kết quả …' is not reported on; 'X hết hiệu lực' after the citation
    ("Xét Tờ trình số 444/TTr-UBND ngày 24 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố; Báo cáo thẩm tra số "
     "123/BC-BPC ngày 25 tháng 11 năm 2025 của Ban Pháp chế Hội đồng nhân dân Thành phố; Báo cáo tiếp thu, giải trình "
     "số 500/BC-UBND ngày 26 tháng 11 năm 2025", [("444/TTr-UBND", "requested_in", 1.0),
                                                   ("123/BC-BPC", "requested_in", 0.8),
                                                   ("500/BC-UBND", "requested_in", 0.8)]),
    ("Trên cơ sở xem xét Báo cáo kết quả giám sát số 120/BC-ĐGS ngày 12 tháng 4 năm 2012 của Đoàn giám sát",
     [("120/BC-ĐGS", "requested_in", 1.0)]),
    ("chứng thực hợp đồng, giao dịch, được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP;",
     [("07/2025/NĐ-CP", "mentions", 0.8)]),
    ("Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp số 76/2025/QH15", [("76/2025/QH15", "mentions", 0.8)]),
    ("2. Nghị định số 74/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy định mức lương tối thiểu đối với "
     "người lao động làm việc theo hợp đồng lao động hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
     [("74/2024/NĐ-CP", "repeals", 0.8)]),
])
def test_a_citation_is_typed_by_its_own_sentence(sentence, expected):
    assert _relations(sentence) == expected


def test_each_citing_sentence_is_kept_as_evidence_on_the_reference():
    from models import Block, Document, Provenance
    from ner.recognize import recognize
    doc = Document(media_type="x", source_kind="docx", blocks=[
        Block(id=f"b{i}", order=i, text=t, provenance=Provenance(source="docx")) for i, t in enumerate([
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
            "Quyết định này thay thế Quyết định số 1131/QĐ-TTg ngày 12 tháng 6 năm 2025 của Thủ tướng Chính phủ.",
            "Các bộ thực hiện theo Nghị định số 30/2020/NĐ-CP."])])
    refs = {r.key: r for r in recognize(doc, []).references}
    assert [x.type for x in refs["30/2020/NĐ-CP"].relations] == ["based_on", "implements"]
    replaced = refs["1131/QĐ-TTg"].relations[0]
    assert replaced.type == "replaces" and replaced.cue == "thay thế" and replaced.sentence.startswith("Quyết định này")
    assert replaced.position.block_id == "b1"


def _decision_1131(path):
    """The Prime Minister's decision 1131/QĐ-TTg as its header and first lines read (the sample
    decision 004 says it replaces it)."""
    from docx import Document as Docx
    d = Docx()
    for t in ["THỦ TƯỚNG CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "Số: 1131/QĐ-TTg", "Hà Nội, ngày 12 tháng 6 năm 2025", "QUYẾT ĐỊNH",
              "Ban hành Danh mục công nghệ chiến lược và Danh mục sản phẩm công nghệ chiến lược",
              "THỦ TƯỚNG CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
              "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa "
              "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"]:
        d.add_paragraph(t)
    d.save(path)
    return path


@pytest.mark.parametrize("order", ["replaced first", "replacing first"])
def test_a_replacing_decision_and_the_one_it_replaces_are_linked_both_ways(tmp_path, order):
    """Issue 19's Done-when, through the store and the API: after `vanthu extract --store` of both
    (either order) the links show both ways, typed, and the replaced decision's status says by
    which document; the document page says so too."""
    from fastapi.testclient import TestClient

    from cli.main import main
    from stores.db import sqlite_url
    from tests.conftest import SAMPLES
    from web.app import create_app
    from web.auth import create_token
    old, new = _decision_1131(tmp_path / "1131.docx"), SAMPLES / "004.docx"
    url = sqlite_url(tmp_path / "v.sqlite")
    for path in ([old, new] if order == "replaced first" else [new, old]):
        assert main(["extract", str(path), "-o", str(tmp_path / "out"), "--store", "--database", url, "-q"]) == 0
    app = create_app(url, tmp_path, background=False)
    with TestClient(app) as c:
        from stores.db import Store
        h = {"Authorization": f"Bearer {create_token(Store.open(url), 'sys', 'viewer')}"}
        docs = {d["name"].rsplit("/", 1)[-1]: d["id"] for d in c.get("/api/documents", headers=h).json()["items"]}
        old_links = c.get(f"/api/documents/{docs['1131.docx']}/links", headers=h).json()
        assert old_links["status"] == "replaced" and old_links["by"]["document_id"] == docs["004.docx"]
        assert [(x["type"], x["source"]["document_id"]) for x in old_links["incoming"]] == [
            ("replaces", docs["004.docx"])]
        new_links = c.get(f"/api/documents/{docs['004.docx']}/links", headers=h).json()
        assert new_links["status"] == "in_force"
        [out] = [x for x in new_links["outgoing"] if x["key"] == "1131/QĐ-TTg"]
        assert out["type"] == "replaces" and out["target"]["document_id"] == docs["1131.docx"]
        page = c.get(f"/documents/{docs['1131.docx']}", headers=h).text
        assert "Đã bị thay thế bởi" in page and f'href="/documents/{docs["004.docx"]}"' in page


def test_a_replaced_documents_status_change_is_an_event_and_the_graph_shows_the_link(tmp_path):
    """Storing the replacing decision after the replaced one queues 'document.status_changed' for
    the replaced document (with the status and the document that decided it); /api/graph around its
    key gives both documents and the typed edge."""
    from fastapi.testclient import TestClient

    from cli.main import main
    from models.settings import Settings
    from stores.db import Store, sqlite_url
    from tests.conftest import SAMPLES
    from web.app import create_app
    from web.auth import create_token
    url = sqlite_url(tmp_path / "v.sqlite")
    store = Store.open(url)
    admin = {"Authorization": f"Bearer {create_token(store, 'quan', 'admin')}"}
    with TestClient(create_app(url, tmp_path, Settings(webhook_allow="127.0.0.1"), background=False)) as c:
        hook = c.post("/api/webhooks", headers=admin, json={"url": "http://127.0.0.1:9/hook",
                                                            "events": ["document.status_changed"]}).json()
        old = _decision_1131(tmp_path / "1131.docx")
        for path in (old, SAMPLES / "004.docx"):
            assert main(["extract", str(path), "-o", str(tmp_path / "out"), "--store", "--database", url, "-q"]) == 0
        docs = {d["name"].rsplit("/", 1)[-1]: d["id"] for d in c.get("/api/documents", headers=admin).json()["items"]}
        [event] = c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=admin).json()
        data = event["payload"]["data"]
        assert event["event"] == "document.status_changed" and data["document_id"] == docs["1131.docx"]
        assert data["status"] == "replaced" and data["by"]["document_id"] == docs["004.docx"]
        graph = c.get("/api/graph", params={"key": "1131/QĐ-TTg", "depth": 2}, headers=admin).json()
        stored = {n["document_id"] for n in graph["nodes"] if n["stored"]}
        assert {docs["1131.docx"], docs["004.docx"]} <= stored
        assert any(e["type"] == "replaces" and e["to"] == "1131/qd-ttg" for e in graph["edges"]), graph["edges"]
        # extracting the replacing decision again changes nothing: no second event
        assert main(["extract", str(SAMPLES / "004.docx"), "-o", str(tmp_path / "out"), "--store", "--database", url,
                     "-q"]) == 0
        assert len(c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=admin).json()) == 1


def test_a_database_of_before_the_links_table_gets_its_links_on_upgrade(tmp_path):
    """The links of documents stored before migration 0008 are filled from their latest extraction."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from stores import links as doc_links
    from stores.db import _ALEMBIC_INI, Store, sqlite_url
    from tests.conftest import SAMPLES
    url = sqlite_url(tmp_path / "v.sqlite")
    store = Store.open(url)
    from pipeline import extract_file
    store.save_result(extract_file(_decision_1131(tmp_path / "1131.docx")))
    store.save_result(extract_file(SAMPLES / "004.docx"))
    with store.engine.begin() as conn:
        cfg = Config(str(_ALEMBIC_INI))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        assert "document_links" not in {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    store.engine.dispose()
    store = Store.open(url)   # migrates to the head
    with store.sessions() as s:
        from stores.review_schema import DocumentReview
        old = next(r for r in s.query(DocumentReview) if r.name.endswith("1131.docx"))
        assert doc_links.links_of(s, old.document_id)["status"] == "replaced"


def test_vanthu_graph_exports_the_typed_links_as_json_graphml_and_dot(tmp_path, capsys):
    import xml.etree.ElementTree as ET

    from cli.main import main
    from stores.db import sqlite_url
    from tests.conftest import SAMPLES
    url = sqlite_url(tmp_path / "v.sqlite")
    for path in (_decision_1131(tmp_path / "1131.docx"), SAMPLES / "004.docx"):
        assert main(["extract", str(path), "-o", str(tmp_path / "out"), "--store", "--database", url, "-q"]) == 0
    capsys.readouterr()
    assert main(["graph", "--database", url]) == 0
    graph = json.loads(capsys.readouterr().out)
    [edge] = [e for e in graph["edges"] if e["type"] == "replaces"]
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes[edge["to"]]["stored"] and nodes[edge["from"]]["stored"]
    assert any(not n["stored"] for n in graph["nodes"])   # cited, not in the archive
    assert main(["graph", "--database", url, "--format", "graphml", "--key", "1131/QĐ-TTg"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert any(d.text == "replaces" for d in root.iterfind(".//g:edge/g:data", ns))
    assert main(["graph", "--database", url, "--format", "dot"]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith("digraph vanthu {") and '[label="replaces"]' in dot and "style=dashed" in dot


def test_the_documents_own_number_relates_to_nothing():
    """The 'Số:' line is the document itself: no 'mentions' of itself in its relations or graph
    (external gold: 10 of 15 documents had gained a self-mention)."""
    from models import Block, Document, Provenance
    from ner.recognize import recognize
    doc = Document(media_type="x", source_kind="docx", blocks=[
        Block(id=f"b{i}", order=i, text=t, provenance=Provenance(source="docx")) for i, t in enumerate([
            "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Số: 597/KH-UBND", "Đồng Tháp, ngày 27 tháng 11 năm 2025",
            "KẾ HOẠCH", "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ;"])])
    refs = {r.key: r for r in recognize(doc, []).references}
    assert refs["597/KH-UBND"].relations == []
    assert [x.type for x in refs["71/NQ-CP"].relations] == ["based_on"]


def test_a_party_documents_own_number_without_colon_is_its_key_and_resolves(tmp_path):
    """Pool d (Kết luận of the Politburo): 'Số 221-KL/TW' under the Party's name, no colon. The
    header gave no number, so a document citing 221-KL/TW never resolved to it (bench.resolution_score)."""
    from pipeline import extract_file
    from tests.test_figures import _docx
    result = extract_file(_docx(tmp_path / "kl.docx", [
        "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025",
        "KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ",
        "Tại phiên họp ngày 28/11/2025, sau khi nghe Báo cáo của Ban Tổ chức Trung ương, Bộ Chính trị, Ban Bí thư "
        "kết luận như sau:"]))
    assert result.document.key == "221-KL/TW" and result.document.own_key() == "221-KL/TW"
    [own] = [r for r in result.references if r.key == "221-KL/TW"]
    assert own.relations == []   # its own number relates to nothing


def test_two_years_of_one_number_are_two_documents_not_spellings_of_one(tmp_path):
    """Pool c: 'số 62/2011/QĐ-TTg, … và Quyết định số 62/2015/QĐ-TTg ngày 04 tháng 12 năm 2015' cites two
    decisions; they were linked as one (same_as) and the store resolved 62/2015 to the 2011 decision."""
    from pipeline import extract_file
    from tests.test_figures import _docx
    result = extract_file(_docx(tmp_path / "c.docx", [
        "Các Quyết định của Thủ tướng Chính phủ: số 38/2010/QĐ-TTg, số 53/2010/QĐ-TTg, số 62/2011/QĐ-TTg, số "
        "40/2011/QĐ-TTg; Quyết định số 62/2015/QĐ-TTg ngày 04 tháng 12 năm 2015 của Thủ tướng Chính phủ.",
        "Thực hiện Quyết định số 62/QĐ-TTg về chế độ đối với đối tượng tham gia chiến tranh bảo vệ Tổ quốc."]))
    refs = {r.key: r for r in result.references}
    assert refs["62/2011/QĐ-TTg"].same_as == ["62/QĐ-TTg"] and refs["62/2015/QĐ-TTg"].same_as == ["62/QĐ-TTg"]
    assert refs["62/QĐ-TTg"].same_as == ["62/2011/QĐ-TTg", "62/2015/QĐ-TTg"]   # either, nothing says which


def test_a_document_without_its_number_is_named_by_the_caption_of_what_it_issues(tmp_path):
    """Pool c (a National Assembly resolution as crawled, no 'Số' line): '(Ban hành kèm theo Nghị
    quyết số 197/2025/QH15 ngày 17/5/2025)' over its annex names it; five documents citing
    197/2025/QH15 did not resolve to it (bench.resolution_score)."""
    from pipeline import extract_file
    from tests.test_figures import _docx
    result = extract_file(_docx(tmp_path / "nq.docx", [
        "NGHỊ QUYẾT", "Về một số cơ chế, chính sách đặc biệt tạo đột phá trong xây dựng và tổ chức thi hành pháp luật",
        "QUỐC HỘI", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "QUYẾT NGHỊ:",
        "Điều 1. Phạm vi điều chỉnh", "Phụ lục",
        "(Ban hành kèm theo Nghị quyết số 197/2025/QH15 ngày 17/5/2025)"]))
    assert result.document.key == "197/2025/QH15"
    # a caption naming a document of another kind names no one's own number
    other = extract_file(_docx(tmp_path / "kh.docx", [
        "KẾ HOẠCH", "Triển khai thi hành", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 02/01/2025)"]))
    assert other.document.key is None


def test_a_verb_before_a_colon_takes_every_item_of_its_list():
    """External e10: '… và thay thế các Quyết định: Quyết định số A …; Quyết định số B …' — the
    colon ended the clause and both read as mentions (replaces 0 of 2)."""
    rel = _relations("Điều 3. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký và thay thế các Quyết định: Quyết "
                     "định số 110/2005/QĐ-UBND ngày 29/12/2005 của Ủy ban nhân dân tỉnh về việc ban hành Quy định tặng "
                     "quà đối với thương binh; Quyết định số 42/2007/QĐ-UBND ngày 20/12/2007 của Ủy ban nhân dân tỉnh.")
    assert [(k, t) for k, t, _ in rel] == [("110/2005/QĐ-UBND", "replaces"), ("42/2007/QĐ-UBND", "replaces")]
    # a colon after a word that takes no list opens no list of objects
    assert {t for _, t, _ in _relations("Kính gửi: Sở Tài chính; Quyết định số 12/QĐ-UBND ngày 02/01/2025.")} == {
        "mentions"}


def test_an_item_run_on_after_a_semicolon_shares_the_verb_of_the_item_before():
    """External e04: a 'Căn cứ' in mid-line, its list run on after ';' ('…; Nghị định số B …; các
    Quyết định … số C, số D và số E'): the items after the first read as mentions (based_on 42/47)."""
    rel = _relations("Kinh phí chi trả trợ cấp hàng tháng: Căn cứ Nghị định số 31/2013/NĐ-CP ngày 09/4/2013 của "
                     "Chính phủ quy định chi tiết một số điều của Pháp lệnh ưu đãi người có công với cách mạng; Nghị "
                     "định số 56/2013/NĐ-CP ngày 22/5/2013 của Chính phủ; các Quyết định của Thủ tướng Chính phủ số "
                     "142/2008/QĐ-TTg ngày 27/10/2008, số 53/2010/QĐ-TTg ngày 20/8/2010 và số 62/2011/QĐ-TTg ngày "
                     "09/11/2011; mức trợ cấp, phụ cấp căn cứ theo Nghị định số 58/2019/NĐ-CP ngày 01/7/2019.")
    assert [(k, t) for k, t, _ in rel] == [
        ("31/2013/NĐ-CP", "based_on"), ("56/2013/NĐ-CP", "based_on"), ("142/2008/QĐ-TTg", "based_on"),
        ("53/2010/QĐ-TTg", "based_on"), ("62/2011/QĐ-TTg", "based_on"), ("58/2019/NĐ-CP", "based_on")]
    # a clause after ';' that names no document's kind first is no item of the list
    assert _relations("Kinh phí chi trả: Căn cứ Nghị định số 31/2013/NĐ-CP ngày 09/4/2013; đồng thời đối chiếu "
                      "với Quyết định số 12/QĐ-UBND ngày 02/01/2025.")[1][1] == "mentions"


def test_what_a_conclusion_says_was_carried_out_it_reports_on():
    """External e15 (a Kết luận): '… đã chủ động … tổ chức thực hiện nghiêm, hiệu quả Chỉ thị số A …;
    Quy định số B …' reports on both; the manner words between verb and object made it a mention.
    'rà soát kết quả thực hiện … theo Kế hoạch số …' (e08, a report) reports on the plan."""
    rel = _relations("Văn phòng Trung ương Đảng và các văn phòng tỉnh uỷ, thành uỷ đã chủ động nắm tình hình, phối "
                     "hợp với các cơ quan liên quan tổ chức thực hiện nghiêm, hiệu quả Chỉ thị số 35-CT/TW, ngày "
                     "26/5/2014 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân; "
                     "Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp uỷ.")
    assert [(k, t) for k, t, _ in rel] == [("35-CT/TW", "reports_on"), ("11-QĐi/TW", "reports_on")]
    assert _relations("Trên cơ sở rà soát kết quả thực hiện các nhiệm vụ cải cách hành chính đã được UBND tỉnh đề "
                      "ra theo Kế hoạch số 213/KH-UBND ngày 15/7/2025 và đối chiếu với các nội dung tiêu chí")[0][1] \
        == "reports_on"
    # what is still to be done is carried out, not reported on
    assert _relations("Các văn phòng tiếp tục triển khai thực hiện có hiệu quả Chỉ thị số 35-CT/TW của Bộ Chính "
                      "trị.")[0][1] == "implements"
