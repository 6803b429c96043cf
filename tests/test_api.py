"""The HTTP API over httpx (FastAPI's TestClient), on SQLite and on PostgreSQL: roles and tokens,
the queue with filters and cursors, the output contract extracted and reviewed, corrections with
their audit rows, re-extraction that re-applies or flags corrections, uploads through the intake
(quarantine with a reason code for bad input), signed webhooks from the durable queue, gold export."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from models import Settings, settings
from tests.conftest import SAMPLES, postgres_database

PASSWORD = "mật-khẩu-dài-1"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request, tmp_path_factory, extracted):
    """One server per database with 004.pdf stored; clients for each role."""
    root = tmp_path_factory.mktemp(f"api-{request.param}")
    if request.param == "sqlite":
        from stores.db import sqlite_url
        yield from _server(sqlite_url(root / "vanthu.sqlite"), root, extracted)
    else:
        with postgres_database() as url:
            yield from _server(url, root, extracted)


def _server(url: str, root: Path, extracted):
    from stores.db import Store
    from web.app import create_app
    from web.auth import add_user, create_token
    store = Store.open(url)
    run_id = store.save_result(extracted("004.pdf"))
    extracted("004.docx")   # now, before this server's small upload limit is set
    for name, role in (("viewer1", "viewer"), ("rev1", "reviewer"), ("admin1", "admin")):
        add_user(store, name, PASSWORD, role)
    tokens = {role: create_token(store, f"sys-{role}", role) for role in ("viewer", "reviewer", "admin")}
    # the intake flow reads the process settings: the same limit for both
    os.environ["VANTHU_MAX_INPUT_BYTES"] = "60000"
    settings.cache_clear()
    try:
        app = create_app(url, root, Settings(login_max_failures=3, webhook_allow="127.0.0.1"), deliveries=False)  # the test delivers
        with TestClient(app) as client:
            yield {"client": client, "store": store, "root": root, "tokens": tokens, "run_id": run_id, "url": url}
    finally:
        os.environ.pop("VANTHU_MAX_INPUT_BYTES")
        settings.cache_clear()
        store.engine.dispose()


def _bearer(api, role: str) -> dict:
    return {"Authorization": f"Bearer {api['tokens'][role]}"}


def _doc_id(api) -> int:
    items = api["client"].get("/api/documents", headers=_bearer(api, "viewer")).json()["items"]
    return next(i["id"] for i in items if i["name"].endswith("004.pdf"))


def test_no_read_without_credentials_and_no_write_without_the_reviewer_role(api):
    c = api["client"]
    c.cookies.clear()
    assert c.get("/api/documents").status_code == 401
    assert c.get("/api/documents", headers={"Authorization": "Bearer vt_wrong"}).status_code == 401
    doc = _doc_id(api)
    body = {"field": "document", "target": "title", "action": "correct", "new_value": "x"}
    r = c.post(f"/api/documents/{doc}/corrections", json=body, headers=_bearer(api, "viewer"))
    assert r.status_code == 403 and r.json()["reason"] == "forbidden"
    assert c.get("/api/webhooks", headers=_bearer(api, "reviewer")).status_code == 403


def test_the_queue_filters_and_pages_with_a_cursor(api):
    c, h = api["client"], _bearer(api, "viewer")
    doc = _doc_id(api)
    first = c.get("/api/documents", headers=h, params={"limit": 1}).json()
    assert len(first["items"]) == 1
    got = c.get("/api/documents", headers=h, params={"q": "công nghệ chiến lược"}).json()["items"]
    assert [i["id"] for i in got] == [doc]
    assert c.get("/api/documents", headers=h, params={"q": "không-có-chữ-này"}).json()["items"] == []
    assert c.get("/api/documents", headers=h, params={"key": "QĐ-TTg"}).json()["items"]
    assert c.get("/api/documents", headers=h, params={"agency": "bộ khoa học và công nghệ"}).json()["items"]
    assert c.get("/api/documents", headers=h, params={"date_from": "2999-01-01"}).json()["items"] == []
    for bad in ({"limit": 0}, {"limit": "many"}, {"date_from": "12/06/2025"}, {"state": "done"}, {"cursor": "!!"}):
        assert c.get("/api/documents", headers=h, params=bad).status_code == 422, bad
    assert c.get("/api/documents/999999", headers=h).status_code == 404
    assert c.get("/api/documents/abc", headers=h).status_code == 422
    assert c.get("/api/jobs/no-such-job", headers=h).status_code == 404


def test_the_output_contract_and_the_source(api):
    c, h = api["client"], _bearer(api, "viewer")
    doc = _doc_id(api)
    result = c.get(f"/api/documents/{doc}", headers=h).json()
    assert result["schema_version"] == "3" and result["source"]["box_pages"] == "source"
    occurrences = [o for k in ("references", "dates", "agencies") for m in result[k] for o in m["occurrences"]]
    assert occurrences and all(o["bbox"] and o["page"] for o in occurrences)
    source = c.get(f"/api/documents/{doc}/source", headers=h)
    assert source.status_code == 200 and source.content == (SAMPLES / "004.pdf").read_bytes()
    tasks = c.get("/api/records/catalog", headers=h, params={"document_id": doc, "limit": 5}).json()
    assert len(tasks["items"]) == 5 and tasks["next_cursor"] is not None
    more = c.get("/api/records/catalog", headers=h, params={"document_id": doc, "cursor": tasks["next_cursor"]}).json()
    assert {i["id"] for i in more["items"]}.isdisjoint({i["id"] for i in tasks["items"]})


def test_a_correction_is_audited_leaves_the_extraction_alone_and_reaches_outbox_and_stores(api):
    c, h = api["client"], _bearer(api, "reviewer")
    doc = _doc_id(api)
    before = c.get(f"/api/documents/{doc}", headers=h).json()
    date = before["dates"][0]
    target = f"{date['value']}|{date['precision']}"
    r = c.post(f"/api/documents/{doc}/corrections", headers=h, json={
        "field": "dates", "target": target, "action": "correct", "new_value": "2026-01-15", "reason": "đọc lại bản gốc"})
    assert r.status_code == 200, r.text
    bad = c.post(f"/api/documents/{doc}/corrections", headers=h, json={
        "field": "dates", "target": "1800-01-01|day", "action": "reject"})
    assert bad.status_code == 422 and bad.json()["reason"] == "unknown_target"
    audit = c.get(f"/api/documents/{doc}/audit", headers=h).json()
    row = next(a for a in audit if a["field"] == "dates")
    assert row["user"] == "token:sys-reviewer" and row["new_value"]["value"] == "2026-01-15"
    assert row["old_value"]["value"] == date["value"] and row["reason"] == "đọc lại bản gốc"
    assert c.get(f"/api/documents/{doc}", headers=h).json()["dates"] == before["dates"]
    reviewed = c.get(f"/api/documents/{doc}", headers=h, params={"version": "reviewed"}).json()
    assert any(d["value"] == "2026-01-15" and d.get("corrected_by_review") for d in reviewed["dates"])
    r = c.post(f"/api/documents/{doc}/state", headers=h, json={"state": "reviewed"})
    out = Path(r.json()["outbox"])
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["review"]["state"] == "reviewed" and any(d["value"] == "2026-01-15" for d in written["dates"])
    from stores.review_schema import DocumentReview
    from stores.schema import ExtractionRun
    with api["store"].sessions() as s:
        runs = {r.extractor_version: r for r in s.query(ExtractionRun).filter_by(document_id=doc)}
        assert "reviewed" in runs and runs["reviewed"].result["review"]["state"] == "reviewed"
        assert s.get(DocumentReview, doc).state == "reviewed"


def test_re_extraction_re_applies_corrections_or_flags_them(api, extracted):
    """An extractor upgrade that reads the same amount keeps the correction; one that reads it
    otherwise leaves the correction stale and sends the document back to review."""
    from stores import review
    store, doc = api["store"], _doc_id(api)
    upgraded = extracted("004.pdf").model_copy(deep=True)
    upgraded.extractor_version = "0.2.0+same"
    store.save_result(upgraded)
    with store.sessions() as s:
        assert s.get(review.DocumentReview, doc).stale_corrections == 0
        assert s.get(review.DocumentReview, doc).state == "reviewed"
    # what the intake and reprocessing write to the outbox for this extraction: the reviewed result
    outbox = json.loads(store.outbox_json(upgraded))
    assert outbox["review"]["state"] == "reviewed" and any(d["value"] == "2026-01-15" for d in outbox["dates"])
    changed = extracted("004.pdf").model_copy(deep=True)
    changed.extractor_version = "0.3.0+reads-otherwise"
    changed.dates[0].value = "1999-01-01"
    store.save_result(changed)
    with store.sessions() as s:
        row = s.get(review.DocumentReview, doc)
        assert row.stale_corrections == 1 and row.state == "in_review"
        stale = review.reviewed_result(s, doc)["review"]["stale"]
        assert stale and stale[0]["field"] == "dates"


def test_a_box_drawn_on_a_page_gives_its_text_to_a_reviewer_only(api):
    c = api["client"]
    doc = _doc_id(api)
    agency = c.get(f"/api/documents/{doc}", headers=_bearer(api, "viewer")).json()["agencies"][0]
    x0, top, x1, bottom = agency["bbox"]
    box = {"x0": x0 - 2, "top": top - 2, "x1": x1 + 2, "bottom": bottom + 2}
    url = f"/documents/{doc}/pages/{agency['page']}/text"
    r = c.get(url, params=box, headers=_bearer(api, "reviewer"))
    assert r.status_code == 200, r.text
    from normalize.text import match_key
    assert match_key(agency["text"]) in match_key(r.json()["text"])
    assert c.get(url, params=box, headers=_bearer(api, "viewer")).status_code == 403
    assert c.get(url, params={**box, "x0": -5}, headers=_bearer(api, "reviewer")).status_code == 422
    assert c.get(f"/documents/{doc}/pages/999/text", params=box, headers=_bearer(api, "reviewer")).status_code == 404
    assert c.get("/documents/999999/pages/1/text", params=box, headers=_bearer(api, "reviewer")).status_code == 404
    off_page = {"x0": 10000, "top": 10000, "x1": 10010, "bottom": 10010}
    assert c.get(url, params=off_page, headers=_bearer(api, "reviewer")).json()["text"] == ""


def test_upload_goes_through_the_intake_and_bad_input_is_quarantined_with_a_reason(api):
    c, h = api["client"], _bearer(api, "reviewer")
    r = c.post("/api/documents", headers=h, files={"file": ("notes.txt", b"just some words, no document", "text/plain")})
    assert r.status_code == 415 and r.json()["reason"] == "unsupported_format"
    quarantined = list((api["root"] / "quarantine").glob("*notes.txt"))
    assert quarantined and json.loads(Path(f"{quarantined[0]}.reason.json").read_text())["reason"] == "unsupported_format"
    big = (SAMPLES / "000.pdf").read_bytes()   # 129 KB over this server's 60 KB limit
    r = c.post("/api/documents", headers=h, files={"file": ("big.pdf", big, "application/pdf")})
    assert r.status_code == 413 and r.json()["reason"] == "too_large"
    r = c.post("/api/documents", headers=_bearer(api, "viewer"), files={"file": ("x.pdf", b"%PDF-", "application/pdf")})
    assert r.status_code == 403
    # a real document: archived, extracted and queued like a file from the watched folder
    docx = (SAMPLES / "004.docx").read_bytes()
    r = c.post("/api/documents", headers=h, files={"file": ("công văn.docx", docx, "application/octet-stream")})
    assert r.status_code == 202, r.text
    job = _finished(c, h, r.json())
    assert job["state"] == "done" and job["document_id"], job
    assert list((api["root"] / "archive").rglob("công văn.docx"))
    again = _finished(c, h, c.post("/api/documents", headers=h,
                                   files={"file": ("lại.docx", docx, "application/octet-stream")}).json())
    assert again["state"] == "duplicate" and again["document_id"] == job["document_id"]
    # one long-lived upload intake (issue 20): the next upload is done by the same warm worker, not a
    # worker started and stopped for it
    worker = c.app.state.ctx.jobs.intake.workers[0].pid
    other = zip_with_comment(docx)
    assert _finished(c, h, c.post("/api/documents", headers=h, files={
        "file": ("bản khác.docx", other, "application/octet-stream")}).json())["state"] == "done"
    assert c.app.state.ctx.jobs.intake.workers[0].pid == worker
    # its first view made ahead, with no one asking (issue 18): the pages LibreOffice lays out, page
    # 1 and the thumbnails, the DOCX's boxes on those pages
    sha = hashlib.sha256(docx).hexdigest()
    cache = api["root"] / "cache"
    deadline = time.monotonic() + 120
    while not list((cache / "located").glob(f"{sha}.*.json")) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert list((cache / "located").glob(f"{sha}.*.json")) and (cache / "rendered" / f"{sha}.pdf").exists()
    assert list((cache / "pages" / sha).glob("1.*")) and list((cache / "pages" / sha).glob("1-thumb.*"))
    t = time.perf_counter()
    assert c.get(f"/documents/{job['document_id']}", headers=h).status_code == 200
    assert time.perf_counter() - t < 2   # no LibreOffice in the first view (it takes 1.5–3 s)


def zip_with_comment(docx: bytes) -> bytes:
    """The same .docx as another file (another hash)."""
    import io
    import zipfile
    buf = io.BytesIO(docx)
    with zipfile.ZipFile(buf, "a") as z:
        z.comment = b"another file"
    return buf.getvalue()


def _finished(c, h, job: dict, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while job["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.25)
        job = c.get(f"/api/jobs/{job['id']}", headers=h).json()
    return job


class _Receiver(BaseHTTPRequestHandler):
    got: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).got.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_webhooks_are_signed_and_reach_a_receiver_that_was_down(api):
    import socket

    from web.webhooks import deliver_due
    c, h = api["client"], _bearer(api, "admin")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = c.post("/api/webhooks", headers=h, json={"url": f"http://127.0.0.1:{port}/hook",
                                                  "events": ["document.reviewed", "document.failed"]})
    assert r.status_code == 201
    hook = r.json()
    doc = _doc_id(api)
    c.post(f"/api/documents/{doc}/state", headers=_bearer(api, "reviewer"), json={"state": "reviewed"})
    assert deliver_due(api["store"], retry_delays=(0, 0, 0), allow="127.0.0.1") == 0      # nobody listening yet
    deliveries = c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=h).json()
    assert deliveries and deliveries[0]["status"] == "pending" and deliveries[0]["attempts"] >= 1
    _Receiver.got = []
    server = HTTPServer(("127.0.0.1", port), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for _ in range(40):
            deliver_due(api["store"], retry_delays=(0, 0, 0), allow="127.0.0.1")
            if _Receiver.got:
                break
            time.sleep(0.25)
    finally:
        server.shutdown()
    headers, body = _Receiver.got[0]
    expected = "sha256=" + hmac.new(hook["secret"].encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Vanthu-Signature"] == expected
    assert json.loads(body)["event"] == "document.reviewed" and json.loads(body)["data"]["document_id"] == doc
    assert c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=h).json()[0]["status"] == "delivered"
    # a quarantined upload is an event too, queued with its reason
    job = c.post("/api/documents", headers=_bearer(api, "reviewer"),
                 files={"file": ("hỏng.pdf", b"%PDF-1.4 broken", "x/y")}).json()
    assert _finished(c, _bearer(api, "reviewer"), job)["reason"] == "corrupt_file"
    failed = [d for d in c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=h).json()
              if d["event"] == "document.failed"]
    assert failed and failed[0]["payload"]["data"]["reason"].startswith("corrupt_file")


def test_webhooks_to_this_machine_or_its_network_are_refused_and_deleting_one_cancels_its_deliveries(api):
    """An admin could point a webhook at the cloud metadata service, a database port or ::1 and
    read back what answered (a port probe). Now such targets are refused unless allow-listed
    (VANTHU_WEBHOOK_ALLOW, here 127.0.0.1 only), at subscription and again at delivery; deleting
    a subscription cancels what it still had to send; payloads carry no server path."""
    from web.webhooks import TargetRefused, check_target, deliver_due
    c, h = api["client"], _bearer(api, "admin")
    for url in ("http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:5432/", "http://[::1]:22/",
                "http://0x7f000002/", "http://10.0.0.1/", "http://localhost.:9/", "http://[::ffff:192.168.1.1]/"):
        r = c.post("/api/webhooks", headers=h, json={"url": url, "events": ["document.reviewed"]})
        assert r.status_code == 422 and r.json()["reason"] == "target_refused", (url, r.text)
    with pytest.raises(TargetRefused):
        check_target("http://127.0.0.1:1/", allow="")
    check_target("http://127.0.0.1:1/", allow="127.0.0.0/8")
    # a subscription allowed at first: deleted, its pending delivery is cancelled, never sent
    hook = c.post("/api/webhooks", headers=h, json={"url": "http://127.0.0.1:9/x",
                                                     "events": ["document.corrected", "document.reviewed"]}).json()
    doc = _doc_id(api)
    rv = _bearer(api, "reviewer")
    c.post(f"/api/documents/{doc}/state", headers=rv, json={"state": "reviewed"})
    # a change after review is an event too
    c.post(f"/api/documents/{doc}/corrections", headers=rv,
           json={"field": "document", "target": "title", "action": "correct", "new_value": "Trích yếu đã sửa"})
    events = [d["event"] for d in c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=h).json()]
    assert events == ["document.reviewed", "document.corrected"]
    payloads = [d["payload"] for d in c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=h).json()]
    assert all("/" not in p["data"]["name"] for p in payloads), payloads
    assert c.delete(f"/api/webhooks/{hook['id']}", headers=h).json()["cancelled"] == 2
    assert deliver_due(api["store"], retry_delays=(0,), allow="127.0.0.1") == 0
    assert {d["status"] for d in c.get(f"/api/webhooks/{hook['id']}/deliveries", headers=h).json()} == {"cancelled"}


def test_impossible_dates_are_refused_and_dates_in_words_understood(api):
    """31/02/2013 was accepted and exported as gold; a date typed in words was stored as typed.
    (Amounts typed in the mention's unit: tests/test_normalize.py and the browser test.)"""
    c, rv = api["client"], _bearer(api, "reviewer")
    doc = _doc_id(api)
    result = c.get(f"/api/documents/{doc}", headers=rv).json()
    path = f"/api/documents/{doc}/corrections"
    date = result["dates"][0]
    target = f"{date['value']}|{date['precision']}"
    for typed in ("31/02/2013", "2013-02-31"):
        r = c.post(path, headers=rv, json={"field": "dates", "target": target, "action": "correct", "new_value": typed})
        assert r.status_code == 422 and r.json()["reason"] == "bad_value", r.text
    r = c.post(path, headers=rv, json={"field": "dates", "target": target, "action": "correct",
                                       "new_value": {"value": "2013-02-31", "precision": "day"}})
    assert r.status_code == 422, r.text  # the store checks what an API client sends as an object too
    r = c.post(path, headers=rv, json={"field": "dates", "target": target, "action": "correct",
                                       "new_value": "ngày 5 tháng 3 năm 2025"})
    assert r.status_code == 200, r.text
    reviewed = c.get(f"/api/documents/{doc}?version=reviewed", headers=rv).json()
    assert any(d["value"] == "2025-03-05" and d.get("corrected_by_review") for d in reviewed["dates"])


def test_searches_without_marks_find_what_searches_with_marks_find(api):
    """"cong nghe chien luoc" found 0 documents (with marks, 6); agency "bo noi vu" found 0;
    /api/records?agency= missed Vietnamese capitals on SQLite (lower() folds ASCII only)."""
    c, h = api["client"], _bearer(api, "viewer")

    def found(**f) -> set[int]:
        return {i["id"] for i in c.get("/api/documents", headers=h, params=f).json()["items"]}
    for marked, plain in (({"q": "Danh mục công nghệ chiến lược"}, {"q": "danh muc cong nghe chien luoc"}),
                          ({"agency": "Bộ Khoa học và Công nghệ"}, {"agency": "BO KHOA HOC VA CONG NGHE"}),
                          ({"q": "hoá"}, {"q": "hóa"})):
        assert found(**marked) and found(**marked) == found(**plain), (marked, plain)
    rows = c.get("/api/records/catalog", headers=h, params={"q": "Trí tuệ nhân tạo"}).json()["items"]
    plain = c.get("/api/records/catalog", headers=h, params={"q": "TRI TUE NHAN TAO"}).json()["items"]
    assert rows and [r["id"] for r in rows] == [r["id"] for r in plain]


def test_what_an_analyst_corrects_in_agencies_the_next_extraction_knows(api, extracted):
    """Issue 17, item 6: a rejected body and a corrected name become rules the next extraction of
    the issuer's documents reads; an admin lists and revokes them."""
    from pipeline import extract_file
    from stores.review import with_learned_rules
    c, rv, adm = api["client"], _bearer(api, "reviewer"), _bearer(api, "admin")
    doc = _doc_id(api)
    result = c.get(f"/api/documents/{doc}", headers=rv).json()
    rejected, renamed = result["agencies"][2], result["agencies"][3]
    path = f"/api/documents/{doc}/corrections"
    assert c.post(path, headers=rv, json={"field": "agencies", "target": rejected["name"], "action": "reject"}).status_code == 200
    assert c.post(path, headers=rv, json={"field": "agencies", "target": renamed["name"], "action": "correct",
                                         "new_value": "Cơ quan do người rà soát đặt tên"}).status_code == 200
    rules = c.get("/api/learned", headers=adm).json()
    assert {r["kind"] for r in rules} == {"alias", "reject"} and all(r["issuer"] == result["document"]["issuer"]
                                                                    for r in rules)
    assert c.get("/api/learned", headers=rv).status_code == 403
    again = extract_file(SAMPLES / "004.pdf", with_learned_rules(api["store"]))
    names = [a.name for a in again.agencies]
    assert rejected["name"] not in names and renamed["name"] not in names
    assert "Cơ quan do người rà soát đặt tên" in names
    for r in rules:
        assert c.delete(f"/api/learned/{r['id']}", headers=adm).json()["active"] is False
    back = [a.name for a in extract_file(SAMPLES / "004.pdf", with_learned_rules(api["store"])).agencies]
    assert rejected["name"] in back and renamed["name"] in back


def test_accept_all_decides_the_header_fields_too(api):
    """'Accept all' skipped the header's fields (type, number, symbol, issuer, date, place, title):
    a document marked reviewed after it still had its header undecided."""
    from stores import review
    c, rv = api["client"], _bearer(api, "reviewer")
    doc = _doc_id(api)
    assert c.post(f"/api/documents/{doc}/accept-all", headers=rv).status_code == 200
    header = c.get(f"/api/documents/{doc}", headers=rv).json()["document"]
    with api["store"].sessions() as s:
        decided = {(x.field, x.target) for x in review.corrections_of(s, doc)}
    filled = [k for k in ("doc_type", "number", "symbol", "issuer", "date", "place", "title") if header.get(k)]
    assert filled and all(("document", k) in decided for k in filled), (filled, decided)


def test_sign_in_is_rate_limited_and_sessions_need_the_csrf_token(api):
    c = api["client"]
    c.cookies.clear()
    page = c.get("/login")
    token = page.cookies.get("vanthu_login_csrf") or c.cookies.get("vanthu_login_csrf")
    for _ in range(3):
        r = c.post("/login", data={"name": "viewer1", "password": "wrong", "csrf": token}, follow_redirects=False)
        assert r.status_code == 401 and 'value="viewer1"' in r.text   # the name stays typed
        token = c.cookies.get("vanthu_login_csrf")
    r = c.post("/login", data={"name": "viewer1", "password": PASSWORD, "csrf": token}, follow_redirects=False)
    assert r.status_code == 429
    c.get("/login")
    token = c.cookies.get("vanthu_login_csrf")
    r = c.post("/login", data={"name": "rev1", "password": PASSWORD, "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("samesite", "SameSite")
    doc = _doc_id(api)
    body = {"field": "document", "target": "place", "action": "accept"}
    assert c.post(f"/api/documents/{doc}/corrections", json=body).json()["reason"] == "csrf"
    page = c.get(f"/documents/{doc}").text
    csrf = page.split('name="csrf" content="')[1].split('"')[0]
    assert c.post(f"/api/documents/{doc}/corrections", json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
    c.cookies.clear()


def test_wrong_passwords_from_elsewhere_cannot_lock_an_account_out(api):
    """5 wrong tries for a name by anyone locked its owner out for 15 minutes. Now failures count
    per name and address: the owner signs in from their own address; the guesser stays limited."""
    from web import auth
    store = api["store"]
    for _ in range(3):
        with pytest.raises(auth.AuthError):
            auth.sign_in(store, "rev1", "sai", "203.0.113.9", 1, 3, 15)
    with pytest.raises(auth.AuthError) as limited:
        auth.sign_in(store, "rev1", PASSWORD, "203.0.113.9", 1, 3, 15)
    assert limited.value.reason == "rate_limited"
    token, csrf = auth.sign_in(store, "rev1", PASSWORD, "198.51.100.7", 1, 3, 15)
    assert token and csrf


def test_docx_gets_boxes_on_the_pdf_libreoffice_renders(api, extracted):
    from stores.review_schema import DocumentReview
    store = api["store"]
    store.save_result(extracted("004.docx"))
    with store.sessions() as s:
        doc = max(r.document_id for r in s.query(DocumentReview) if r.name.endswith("004.docx"))
    result = api["client"].get(f"/api/documents/{doc}", headers=_bearer(api, "viewer")).json()
    assert result["source"]["box_pages"] == "rendered_pdf"
    occurrences = [o for a in result["agencies"] for o in a["occurrences"]]
    assert occurrences and sum(1 for o in occurrences if o["bbox"]) / len(occurrences) > 0.9


def test_export_gold_of_reviewed_documents_scores_the_reviewed_output_perfectly(api, tmp_path):
    from cli.main import main
    from tests import gold_score
    doc = _doc_id(api)
    api["client"].post(f"/api/documents/{doc}/state", headers=_bearer(api, "reviewer"), json={"state": "reviewed"})
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    assert main(["export", "gold", "--reviewed", str(gold_dir), "--database", api["url"]]) == 0
    files = list(gold_dir.glob("*.json"))
    assert files
    gold = json.loads(files[0].read_text(encoding="utf-8"))
    assert {"references", "dates", "amounts", "agencies", "tasks", "catalog", "budget"} <= gold.keys()
    pred_dir.mkdir()
    reviewed = api["client"].get(f"/api/documents/{doc}", headers=_bearer(api, "viewer"),
                                 params={"version": "reviewed"}).json()
    (pred_dir / f"{files[0].stem}.pdf.json").write_text(json.dumps(reviewed, ensure_ascii=False), encoding="utf-8")
    import subprocess
    import sys
    out = subprocess.run([sys.executable, gold_score.__file__, str(gold_dir), str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True).stdout
    scores = json.loads(out)
    assert scores["missing_predictions"] == []
    for field, v in scores["fields"].items():
        assert v["fp"] == 0 and v["fn"] == 0, (field, v)
    for kind, v in scores["records"].items():
        assert v["gold"] == v["pred"] == v["matched"], (kind, v)


def test_a_document_is_given_to_a_reviewer_and_a_user_keeps_named_filters(api):
    """Issue 18: assigning a document (to oneself, to another reviewer, to no one) with an audit
    row and a 'mine' view; saved queue filters are the user's own."""
    c, rv, adm = api["client"], _bearer(api, "reviewer"), _bearer(api, "admin")
    doc = _doc_id(api)
    path = f"/api/documents/{doc}/assign"
    assert c.post(path, headers=_bearer(api, "viewer"), json={"to": "me"}).status_code == 403
    assert c.post(path, headers=rv, json={"to": "me"}).json()["assigned_to"] == "token:sys-reviewer"
    mine = c.get("/api/documents", headers=rv, params={"assigned": "me"}).json()["items"]
    assert [i["id"] for i in mine] == [doc] and mine[0]["assigned_to"] == "token:sys-reviewer"
    assert c.get("/api/documents", headers=adm, params={"assigned": "me"}).json()["items"] == []
    r = c.post(path, headers=rv, json={"to": "viewer1"})   # a viewer reviews nothing
    assert r.status_code == 422 and r.json()["reason"] == "no_such_user"
    assert c.post(path, headers=adm, json={"to": "rev1"}).json()["assigned_to"] == "rev1"
    audit = c.get(f"/api/documents/{doc}/audit", headers=rv).json()
    moves = {(a["old_value"], a["new_value"]) for a in audit if a["action"] == "assign"}
    assert {(None, "token:sys-reviewer"), ("token:sys-reviewer", "rev1")} <= moves
    assert c.post(path, headers=rv, json={"to": None}).json()["assigned_to"] is None
    # saved filters
    saved = c.post("/api/filters", headers=rv, json={"name": "Quyết định mới", "query": {
        "state": "new", "doc_type": "Quyết định", "page": "3", "evil": "x"}}).json()
    assert saved["query"] == {"state": "new", "doc_type": "Quyết định"}
    again = c.post("/api/filters", headers=rv, json={"name": "Quyết định mới", "query": {"state": "in_review"}}).json()
    assert again["id"] == saved["id"] and again["query"] == {"state": "in_review"}
    assert [f["name"] for f in c.get("/api/filters", headers=rv).json()] == ["Quyết định mới"]
    assert c.get("/api/filters", headers=adm).json() == []
    assert c.delete(f"/api/filters/{saved['id']}", headers=adm).status_code == 404   # not the admin's
    assert c.delete(f"/api/filters/{saved['id']}", headers=rv).json() == {"deleted": saved["id"]}
