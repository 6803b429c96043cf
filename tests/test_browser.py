"""The review app in a real headless Chromium (Debian's chromium + chromium-driver through
Selenium; nothing is downloaded): sign in, open the scanned document from the queue, click a
field and see its box drawn on the page image, correct a value and find the audit row and the
reviewed outbox JSON, and be refused as a viewer. Screenshots of the queue and the document
view go to out/screenshots/."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SHOTS = ROOT / "out" / "screenshots"
PASSWORD = "mật-khẩu-dài-2"

# In CI a missing browser is a failure (install.sh installs it), elsewhere a skip.
pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(DRIVER).exists()) and not os.environ.get("CI"),
                                reason="Debian's chromium and chromium-driver are not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, extracted):
    """One uvicorn server on loopback with the scanned sample, the text PDF and a report in the queue."""
    import uvicorn

    from models.settings import Settings
    from stores.db import Store, sqlite_url
    from web.app import create_app
    from web.auth import add_user
    root = tmp_path_factory.mktemp("review")
    url = sqlite_url(root / "vanthu.sqlite")
    store = Store.open(url)
    store.save_result(extracted("004.pdf"))
    store.save_result(extracted("004.scan-office.tiff"))
    store.save_result(extracted("000.pdf"))   # amounts in triệu/tỷ đồng, tasks with budgets
    store.save_result(extracted("000.docx"))  # the same report as Word: an analyst's session ends on it
    add_user(store, "chi", PASSWORD, "reviewer")
    add_user(store, "xem", PASSWORD, "viewer")
    add_user(store, "quan", PASSWORD, "admin")
    port = _free_port()
    # webhooks may reach this machine only where allow-listed: the session's receiver is on 127.0.0.1
    app = create_app(url, root, Settings(webhook_allow="127.0.0.1"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "root": root, "store": store}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=vi"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_window_size(1366, 768)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def _sign_in(browser, base: str, name: str) -> None:
    from selenium.webdriver.common.by import By
    browser.delete_all_cookies()
    browser.get(f"{base}/login")
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    browser.find_element(By.ID, "queue")


def _wait(predicate, timeout: float = 15.0):
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            got = predicate()
        except StaleElementReferenceException:  # the page reloaded under us
            got = None
        except WebDriverException as exc:   # the same, as Chromium sometimes words it: the node found
            if "does not belong to the document" not in str(exc):   # was replaced before its text was read
                raise
            got = None
        if got:
            return got
        time.sleep(0.1)
    raise AssertionError("timed out")


def _scan_link(browser):
    from selenium.webdriver.common.by import By
    return next(a for a in browser.find_elements(By.CSS_SELECTOR, "#queue a")
                if a.text.endswith("004.scan-office.tiff"))


def test_reviewer_opens_a_scan_sees_the_box_corrects_a_value_and_finds_audit_and_outbox(server, browser):
    from selenium.webdriver.common.by import By
    SHOTS.mkdir(parents=True, exist_ok=True)
    base = server["base"]
    _sign_in(browser, base, "chi")
    assert "Hàng chờ rà soát" in browser.page_source or "Mới" in browser.page_source
    browser.save_screenshot(str(SHOTS / "queue.png"))
    _scan_link(browser).click()
    browser.find_element(By.ID, "fields")
    # the first date of the scan: click it, its page comes up with the box around it
    item = browser.find_element(By.CSS_SELECTOR, '.item[data-field="dates"]')
    chip = item.find_element(By.CSS_SELECTOR, ".chip")
    page, bbox = int(chip.get_attribute("data-page")), [float(v) for v in chip.get_attribute("data-bbox").split(",")]
    item.find_element(By.CSS_SELECTOR, ".value").click()
    box = browser.find_element(By.ID, "box")
    _wait(lambda: box.is_displayed() and browser.find_element(By.ID, "page-img").get_attribute("data-page") == str(page))
    img = browser.find_element(By.ID, "page-img")
    _wait(lambda: browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
    width_pt = float(browser.find_element(By.CSS_SELECTOR, f'.pg[data-page="{page}"]').get_attribute("data-w"))
    scale = img.size["width"] / width_pt
    # the drawn box sits where the word boxes say, on the image (6 px of margin around it)
    rel_x = box.location["x"] - img.location["x"]
    rel_y = box.location["y"] - img.location["y"]
    assert abs(rel_x - (bbox[0] * scale - 3)) < 3 and abs(rel_y - (bbox[1] * scale - 3)) < 3
    assert abs(box.size["width"] - ((bbox[2] - bbox[0]) * scale + 6)) < 3
    browser.save_screenshot(str(SHOTS / "document.png"))
    # zoomed in twice (a scan's small print), the box is still on its words
    browser.find_element(By.ID, "zoom-in").click()
    browser.find_element(By.ID, "zoom-in").click()
    assert browser.find_element(By.ID, "zoom-level").text == "156%"
    item.find_element(By.CSS_SELECTOR, ".value").click()
    _wait(lambda: box.is_displayed())
    zoomed = img.size["width"] / width_pt
    assert zoomed > scale * 1.5
    rel_x = box.location["x"] - img.location["x"]
    rel_y = box.location["y"] - img.location["y"]
    assert abs(rel_x - (bbox[0] * zoomed - 3)) < 3 and abs(rel_y - (bbox[1] * zoomed - 3)) < 3
    browser.save_screenshot(str(SHOTS / "document-zoomed.png"))
    browser.find_element(By.ID, "zoom-width").click()
    # correct it in the inline editor: typed dd/mm/yyyy, what will be stored shown before saving
    target = item.get_attribute("data-target")
    item.find_element(By.CSS_SELECTOR, 'button[data-action="correct"]').click()
    editor = item.find_element(By.CSS_SELECTOR, "form.editor")
    editor.find_element(By.NAME, "value").clear()
    editor.find_element(By.NAME, "value").send_keys("31/02/2026")
    _wait(lambda: "31/02/2026" in editor.find_element(By.CSS_SELECTOR, ".err").text)  # no such day: refused
    editor.find_element(By.NAME, "value").clear()
    editor.find_element(By.NAME, "value").send_keys("31/03/2026")
    _wait(lambda: "2026-03-31" in editor.find_element(By.CSS_SELECTOR, ".preview").text)
    editor.find_element(By.NAME, "reason").send_keys("đọc lại trên bản quét")
    editor.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    audit = _wait(lambda: "2026-03-31" in browser.find_element(By.ID, "audit").text and
                  browser.find_element(By.ID, "audit"))
    assert "chi" in audit.text and "đọc lại trên bản quét" in audit.text
    # after the reload the page shows the corrected date in the item's place, marked
    shown = browser.find_element(By.CSS_SELECTOR, f'.item[data-field="dates"][data-target="{target}"]')
    assert "31/03/2026" in shown.find_element(By.CSS_SELECTOR, ".value").text
    assert "corrected" in shown.get_attribute("class")
    browser.find_element(By.ID, "mark-reviewed").click()
    outbox = server["root"] / "outbox" / "004.scan-office.tiff.json"
    written = _wait(lambda: outbox.exists() and json.loads(outbox.read_text(encoding="utf-8")))
    assert written["review"]["state"] == "reviewed"
    assert any(d["value"] == "2026-03-31" for d in written["dates"])
    assert target not in {f"{d['value']}|{d['precision']}" for d in written["dates"] if not d.get("corrected_by_review")}


def test_the_page_viewer_has_thumbnails_small_images_and_turns_the_page_with_its_boxes(server, browser):
    """Issue 18: a page strip of thumbnails; a scan page sent as WebP under 250 KB; the page turned a
    quarter with ⟳ keeps the box on its words (the box turns with the page); the "Kéo" (pan) button drags a zoomed page."""
    from selenium.webdriver.common.by import By
    _sign_in(browser, server["base"], "chi")
    _scan_link(browser).click()
    thumbs = browser.find_elements(By.CSS_SELECTOR, ".pg .thumb")
    assert len(thumbs) == len(browser.find_elements(By.CSS_SELECTOR, ".pg")) > 1
    _wait(lambda: browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth == 120", thumbs[0]))
    page_info = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(document.getElementById('page-img').src, {credentials: 'same-origin'})
            .then(r => r.blob()).then(b => done([b.type, b.size]));""")
    assert page_info[0] in ("image/webp", "image/png") and page_info[1] <= 250_000
    item = browser.find_element(By.CSS_SELECTOR, '.item[data-field="dates"]')
    item.find_element(By.CSS_SELECTOR, ".value").click()
    box, img = browser.find_element(By.ID, "box"), browser.find_element(By.ID, "page-img")
    _wait(lambda: box.is_displayed() and browser.execute_script("return arguments[0].naturalWidth > 0", img))
    chip = item.find_element(By.CSS_SELECTOR, ".chip")
    bbox = [float(v) for v in chip.get_attribute("data-bbox").split(",")]
    width_pt = float(browser.find_element(By.CSS_SELECTOR, f'.pg[data-page="{chip.get_attribute("data-page")}"]')
                     .get_attribute("data-w"))

    def rects():
        return browser.execute_script(
            "const r = e => e.getBoundingClientRect(); const b = r(arguments[0]), i = r(arguments[1]);"
            "return [b.left - i.left, b.top - i.top, b.width, b.height, i.width, i.height];", box, img)
    browser.find_element(By.ID, "rotate").click()
    x, y, w, h, iw, ih = rects()
    assert iw > ih   # a portrait page turned a quarter lies on its side
    scale = ih / width_pt   # its drawn width is now its height
    # turned clockwise: the word's top edge is now its right edge, measured from the page's right
    assert abs(w - ((bbox[3] - bbox[1]) * scale + 6)) < 3 and abs(h - ((bbox[2] - bbox[0]) * scale + 6)) < 3
    assert abs((iw - (x + w)) - (bbox[1] * scale - 3)) < 3 and abs(y - (bbox[0] * scale - 3)) < 3
    browser.save_screenshot(str(SHOTS / "document-turned.png"))
    for _ in range(3):
        browser.find_element(By.ID, "rotate").click()   # back to upright
    assert browser.find_element(By.ID, "frame").get_attribute("data-turn") == "0"
    browser.find_element(By.ID, "zoom-in").click()
    browser.find_element(By.ID, "pan").click()
    sheet = browser.find_element(By.ID, "sheet")
    before = browser.execute_script("return arguments[0].scrollLeft", sheet)
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(browser).move_to_element(img).click_and_hold().move_by_offset(-120, 0).release().perform()
    assert browser.execute_script("return arguments[0].scrollLeft", sheet) > before


def _report_link(browser):
    from selenium.webdriver.common.by import By
    return next(a for a in browser.find_elements(By.CSS_SELECTOR, "#queue a") if a.text.endswith("000.pdf"))


def _edit(browser, item, typed: str, expect_preview: str):
    from selenium.webdriver.common.by import By
    item.find_element(By.CSS_SELECTOR, 'button[data-action="correct"]').click()
    editor = item.find_element(By.CSS_SELECTOR, "form.editor")
    box = editor.find_element(By.NAME, "value")
    box.clear()
    box.send_keys(typed)
    _wait(lambda: expect_preview in editor.find_element(By.CSS_SELECTOR, ".preview").text)
    return editor


def test_an_analyst_corrects_in_the_documents_own_units_and_sees_every_correction_after_reload(server, browser):
    """An amount typed as the document writes it (the figure in the mention's unit), an agency
    picked from the suggestions typed without marks, a grid row's money: after the reload each
    shows its corrected value, and the reviewed JSON says the same."""
    from selenium.webdriver.common.by import By
    _sign_in(browser, server["base"], "chi")
    _report_link(browser).click()
    doc_id = browser.find_element(By.CSS_SELECTOR, ".docview").get_attribute("data-document")
    # an amount written in triệu/tỷ đồng: the editor starts with the document's own figure and unit
    amount = next(el for el in browser.find_elements(By.CSS_SELECTOR, '.item[data-field="amounts"]')
                  if el.get_attribute("data-unit") in ("triệu đồng", "tỷ đồng"))
    unit, figure = amount.get_attribute("data-unit"), amount.get_attribute("data-value")
    target = amount.get_attribute("data-target")
    scale = 10**6 if unit == "triệu đồng" else 10**9
    editor = _edit(browser, amount, "7", f"{7 * scale:,}".replace(",", "."))
    assert editor.find_element(By.CSS_SELECTOR, ".unit").text == unit and figure
    editor.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    def amount_shown():
        el = browser.find_element(By.CSS_SELECTOR, f'.item[data-field="amounts"][data-target="{target}"]')
        return "corrected" in el.get_attribute("class") and el
    assert _wait(amount_shown).get_attribute("data-value") == "7"
    # an agency: typed without marks, taken from the suggestions
    agency = browser.find_element(By.CSS_SELECTOR, '.item[data-field="agencies"]')
    agency_target = agency.get_attribute("data-target")
    editor = _edit(browser, agency, "bo noi vu", "bo noi vu")
    _wait(lambda: [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#agency-names option")]
          == ["Bộ Nội vụ"])
    box = editor.find_element(By.NAME, "value")
    box.clear()
    box.send_keys("Bộ Nội vụ")
    editor.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(lambda: "Bộ Nội vụ" in browser.find_element(
        By.CSS_SELECTOR, f'.item[data-field="agencies"][data-target="{agency_target}"] .value').text)
    # a grid row: only the money cell changes, typed with its unit
    row = browser.find_element(By.CSS_SELECTOR, "tr.rowitem")
    row_target, field = row.get_attribute("data-target"), row.get_attribute("data-field")
    money = row.find_element(By.CSS_SELECTOR, "input.money")
    money.clear()
    money.send_keys("1,5 tỷ")
    row.find_element(By.CSS_SELECTOR, "button.saverow").click()
    def row_shown():
        tr = browser.find_element(By.CSS_SELECTOR, f'tr.rowitem[data-target="{row_target}"]')
        return tr.find_element(By.CSS_SELECTOR, "input.money").get_attribute("value") == "1.500.000.000" and tr
    row = _wait(row_shown)
    assert "corrected" in row.get_attribute("class")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    browser.save_screenshot(str(SHOTS / "grid.png"))
    reviewed = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/documents/' + arguments[0] + '?version=reviewed', {credentials: 'same-origin'})
            .then(r => r.json()).then(done);""", doc_id)
    assert any(a["value"] == 7 * scale and a.get("corrected_by_review") for a in reviewed["amounts"])
    assert any(a["name"] == "Bộ Nội vụ" for a in reviewed["agencies"])
    money_of = {"tasks": "budget", "budget": "amount"}.get(field)
    if money_of:
        assert any((r.get(money_of) or {}).get("value") == 1_500_000_000 for r in reviewed["records"][field])


def _alert(browser):
    from selenium.common.exceptions import NoAlertPresentException
    try:
        return browser.switch_to.alert
    except NoAlertPresentException:
        return None


def test_keyboard_steps_through_fields_and_shows_each_box(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    _sign_in(browser, server["base"], "chi")
    _scan_link(browser).click()
    browser.execute_script("sessionStorage.clear();")
    browser.refresh()
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    body.send_keys("j")
    current = browser.find_element(By.CSS_SELECTOR, ".item.current")
    assert current.get_attribute("data-field") == "document"
    for _ in range(8):
        browser.switch_to.active_element.send_keys("j")
    current = browser.find_element(By.CSS_SELECTOR, ".item.current")
    assert current.get_attribute("data-field") != "document"
    assert _wait(lambda: browser.find_element(By.ID, "box").is_displayed())
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)


def test_a_box_drawn_on_the_scan_reads_its_text_and_adds_the_missed_entity(server, browser):
    """Draw round an agency's words on the page image: Tesseract reads the box, the analyst adds it."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By
    _sign_in(browser, server["base"], "chi")
    _scan_link(browser).click()
    item = browser.find_element(By.CSS_SELECTOR, '.item[data-field="agencies"]')
    chip = item.find_element(By.CSS_SELECTOR, ".chip")
    page, bbox = int(chip.get_attribute("data-page")), [float(v) for v in chip.get_attribute("data-bbox").split(",")]
    chip.click()
    img = browser.find_element(By.ID, "page-img")
    _wait(lambda: img.get_attribute("data-page") == str(page) and
          browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
    width_pt = float(browser.find_element(By.CSS_SELECTOR, f'.pg[data-page="{page}"]').get_attribute("data-w"))
    # viewport coordinates of the image's content box: an element origin would be the centre of
    # its visible part, which moves as the pane scrolls to the box
    left, top, width = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.left + arguments[0].clientLeft, r.top + arguments[0].clientTop, arguments[0].clientWidth];", img)
    k = width / width_pt
    start = (left + bbox[0] * k - 4, top + bbox[1] * k - 4)
    end = (left + bbox[2] * k + 4, top + bbox[3] * k + 4)
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(*map(round, start)).pointer_down() \
        .move_to_location(*map(round, end)).pointer_up()
    actions.perform()
    form = browser.find_element(By.ID, "add-form")
    value = form.find_element(By.NAME, "value")
    read = _wait(lambda: form.is_displayed() and value.get_attribute("value"), timeout=30)
    name = item.get_attribute("data-value")
    assert _words(read) & _words(name), (read, name)
    value.clear()
    value.send_keys("Cơ quan thêm bởi người rà soát")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    audit = _wait(lambda: "Cơ quan thêm bởi người rà soát" in browser.find_element(By.ID, "audit").text
                  and browser.find_element(By.ID, "audit"))
    assert "bbox" in audit.text


def _words(text: str) -> set[str]:
    from normalize.text import match_key
    return {w for w in match_key(text).split() if len(w) > 2}


def test_a_viewer_sees_no_actions_and_the_server_refuses_a_write(server, browser):
    from selenium.webdriver.common.by import By
    _sign_in(browser, server["base"], "xem")
    _scan_link(browser).click()
    browser.find_element(By.ID, "fields")
    assert not browser.find_elements(By.CSS_SELECTOR, "button.act")
    doc_id = browser.find_element(By.CSS_SELECTOR, ".docview").get_attribute("data-document")
    status = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/documents/' + arguments[0] + '/state', {method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json',
                        'X-CSRF-Token': document.querySelector('meta[name=csrf]').content},
              body: JSON.stringify({state: 'rejected'})}).then(r => done(r.status));
    """, doc_id)
    assert status == 403
    from stores.review_schema import DocumentReview
    with server["store"].sessions() as s:
        assert s.get(DocumentReview, int(doc_id)).state != "rejected"


def test_the_api_docs_render_from_installed_files(server, browser):
    """/docs loaded Swagger UI from a CDN: blank on an office network. Every request this page
    makes stays on the server (this machine has no internet, so a CDN asset would not load)."""
    from selenium.webdriver.common.by import By
    browser.get(server["base"] + "/docs")
    assert _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".opblock"), timeout=30)
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(u.startswith(server["base"]) for u in loaded), loaded
    assert "bearer" in browser.execute_script(
        "return fetch('/openapi.json').then(r => r.json()).then(j => Object.keys(j.components.securitySchemes))")


def test_an_agency_an_analyst_corrects_is_named_so_in_the_next_document_of_its_issuer(server, browser):
    """Issue 17, item 6, the alias loop in the browser: the analyst corrects what 'VPCP' names in
    one document of the Prime Minister's, uploads another of the same issuer from the queue page,
    and the new document's extraction (not a correction) names the body as taught."""
    from selenium.webdriver.common.by import By

    from tests.conftest import SAMPLES
    taught = "Cơ quan do người rà soát đặt tên"
    _sign_in(browser, server["base"], "chi")
    next(a for a in browser.find_elements(By.CSS_SELECTOR, "#queue a") if a.text.endswith("004.pdf")).click()
    office = browser.find_element(By.CSS_SELECTOR, '.item[data-field="agencies"][data-target="Văn phòng Chính phủ"]')
    editor = _edit(browser, office, taught, taught)
    editor.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(lambda: taught in browser.find_element(
        By.CSS_SELECTOR, '.item[data-field="agencies"][data-target="Văn phòng Chính phủ"] .value').text)
    browser.get(server["base"] + "/")
    browser.find_element(By.ID, "upload-file").send_keys(str(SAMPLES / "004.docx"))
    browser.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    link = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#upload-status a"), timeout=120)[0]
    assert link.text == "004.docx"
    link.click()
    shown = {el.find_element(By.CSS_SELECTOR, ".value").text: el.get_attribute("class")
             for el in browser.find_elements(By.CSS_SELECTOR, '.item[data-field="agencies"]')}
    # the name as taught, with the words the document wrote («VPCP»); extracted so, not corrected
    [(value, classes)] = [(v, c) for v, c in shown.items() if v.startswith(taught)]
    assert "«VPCP»" in value and "corrected" not in classes
    assert not any(v.startswith("Văn phòng Chính phủ") for v in shown)
    browser.save_screenshot(str(SHOTS / "taught.png"))


def test_a_reviewer_takes_a_document_sees_it_under_mine_and_keeps_a_filter(server, browser):
    """Issue 18: 'Nhận rà soát' on the document page gives it to the reviewer; the queue's 'Của tôi'
    lists it with the assignee shown; a filter saved under a name is a link that applies it."""
    from selenium.webdriver.common.by import By
    _sign_in(browser, server["base"], "chi")
    _report_link(browser).click()
    browser.find_element(By.ID, "take").click()
    _wait(lambda: browser.find_element(By.ID, "assignee").text == "chi")
    assert browser.find_element(By.ID, "give-back")
    browser.get(server["base"] + "/")
    browser.find_element(By.ID, "mine").click()
    rows = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr"))
    assert [r.find_element(By.CSS_SELECTOR, ".assignee").text for r in rows] == ["chi"]
    assert rows[0].text.find("000.pdf") >= 0
    # a filter: the queue filtered by a document type, saved, then applied from its link
    browser.get(server["base"] + "/?doc_type=Quyết định")
    shown = len(browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr"))
    form = browser.find_element(By.ID, "save-filter")
    form.find_element(By.NAME, "name").send_keys("Quyết định của tôi")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    link = _wait(lambda: [a for a in browser.find_elements(By.CSS_SELECTOR, ".saved-filter a")
                          if a.text == "Quyết định của tôi"])[0]
    browser.get(server["base"] + "/")
    browser.find_element(By.LINK_TEXT, "Quyết định của tôi").click()
    _wait(lambda: "doc_type=" in browser.current_url)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")) == shown
    assert link


def test_a_reference_shows_what_the_document_does_to_it(server, browser):
    """Issue 19: the Prime Minister's decision replaces 1131/QĐ-TTg; the reference says so on the
    page, with the citing sentence on hover."""
    from selenium.webdriver.common.by import By
    _sign_in(browser, server["base"], "chi")
    next(a for a in browser.find_elements(By.CSS_SELECTOR, "#queue a") if a.text.endswith("004.pdf")).click()
    ref = browser.find_element(By.CSS_SELECTOR, '.item[data-field="references"][data-target="1131/QĐ-TTg"]')
    chip = ref.find_element(By.CSS_SELECTOR, ".rel-replaces")
    assert chip.text == "thay thế" and "thay thế Quyết định số 1131/QĐ-TTg" in chip.get_attribute("title")
    # the replaced decision, once stored, says by which document (issue 19's Done-when, in the browser)
    from pipeline import extract_file
    from tests.test_relations import _decision_1131
    replaced = server["store"].save_result(extract_file(_decision_1131(server["root"] / "1131.docx")))
    assert replaced
    browser.get(server["base"] + "/")
    next(a for a in browser.find_elements(By.CSS_SELECTOR, "#queue a") if a.text.endswith("1131.docx")).click()
    status = browser.find_element(By.ID, "doc-status")
    assert status.text.startswith("Đã bị thay thế bởi")
    status.find_element(By.TAG_NAME, "a").click()
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, '.item[data-field="references"][data-target="1131/QĐ-TTg"]'))


def test_an_analysts_session_on_a_word_report_agrees_on_the_page_the_json_the_audit_and_the_webhook(server, browser):
    """An analyst's session on a .docx (issue 18): a date typed in words, an amount in the
    document's own unit, an agency from the suggestions typed without marks, a grid row's money;
    after a reload every corrected value is on the page, marked; then 'reviewed'. The reviewed
    JSON, the audit and the webhook delivery to a receiver on 127.0.0.1 (allow-listed) agree."""
    from http.server import BaseHTTPRequestHandler, HTTPServer

    import httpx
    from selenium.webdriver.common.by import By

    from web.auth import create_token
    got: list[bytes] = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            got.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    receiver = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    api = {"Authorization": f"Bearer {create_token(server['store'], 'quan', 'admin')}"}
    hook = httpx.post(f"{server['base']}/api/webhooks", headers=api, json={
        "url": f"http://127.0.0.1:{receiver.server_port}/hook", "events": ["document.reviewed"]})
    assert hook.status_code == 201, hook.text
    try:
        _sign_in(browser, server["base"], "chi")
        next(a for a in browser.find_elements(By.CSS_SELECTOR, "#queue a") if a.text.endswith("000.docx")).click()
        doc_id = browser.find_element(By.CSS_SELECTOR, ".docview").get_attribute("data-document")
        # a date, typed in words
        date = browser.find_element(By.CSS_SELECTOR, '.item[data-field="dates"]')
        date_target = date.get_attribute("data-target")
        _edit(browser, date, "ngày 5 tháng 3 năm 2025", "2025-03-05").find_element(
            By.CSS_SELECTOR, "button[type=submit]").click()
        _wait(lambda: "05/03/2025" in browser.find_element(
            By.CSS_SELECTOR, f'.item[data-field="dates"][data-target="{date_target}"] .value').text)
        # an amount in the unit the document writes it in
        amount = next(el for el in browser.find_elements(By.CSS_SELECTOR, '.item[data-field="amounts"]')
                      if el.get_attribute("data-unit") in ("triệu đồng", "tỷ đồng"))
        amount_target = amount.get_attribute("data-target")
        scale = 10**6 if amount.get_attribute("data-unit") == "triệu đồng" else 10**9
        _edit(browser, amount, "9", f"{9 * scale:,}".replace(",", ".")).find_element(
            By.CSS_SELECTOR, "button[type=submit]").click()
        _wait(lambda: browser.find_element(By.CSS_SELECTOR, f'.item[data-field="amounts"][data-target="{amount_target}"]')
              .get_attribute("data-value") == "9")
        # an agency, from the suggestions of a name typed without marks
        agency = browser.find_element(By.CSS_SELECTOR, '.item[data-field="agencies"]')
        agency_target = agency.get_attribute("data-target")
        editor = _edit(browser, agency, "bo tu phap", "bo tu phap")
        _wait(lambda: "Bộ Tư pháp" in [o.get_attribute("value")
                                      for o in browser.find_elements(By.CSS_SELECTOR, "#agency-names option")])
        editor.find_element(By.NAME, "value").clear()
        editor.find_element(By.NAME, "value").send_keys("Bộ Tư pháp")
        editor.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        _wait(lambda: "Bộ Tư pháp" in browser.find_element(
            By.CSS_SELECTOR, f'.item[data-field="agencies"][data-target="{agency_target}"] .value').text)
        # a grid row's money
        row = browser.find_element(By.CSS_SELECTOR, "tr.rowitem")
        row_target, row_field = row.get_attribute("data-target"), row.get_attribute("data-field")
        row.find_element(By.CSS_SELECTOR, "input.money").clear()
        row.find_element(By.CSS_SELECTOR, "input.money").send_keys("2,5 tỷ")
        row.find_element(By.CSS_SELECTOR, "button.saverow").click()
        _wait(lambda: browser.find_element(By.CSS_SELECTOR, f'tr.rowitem[data-target="{row_target}"] input.money')
              .get_attribute("value") == "2.500.000.000")
        # after a reload, every corrected value is shown and marked; the header names the file, not
        # where this server keeps it
        browser.refresh()
        header = browser.find_element(By.CSS_SELECTOR, "#fields > p.muted").text
        assert header.startswith("000.docx") and str(ROOT) not in header
        shown = {f: browser.find_element(By.CSS_SELECTOR, f'.item[data-field="{f}"][data-target="{t}"]')
                 for f, t in (("dates", date_target), ("amounts", amount_target), ("agencies", agency_target))}
        assert "05/03/2025" in shown["dates"].find_element(By.CSS_SELECTOR, ".value").text
        assert shown["amounts"].get_attribute("data-value") == "9"
        assert "Bộ Tư pháp" in shown["agencies"].find_element(By.CSS_SELECTOR, ".value").text
        assert all("corrected" in el.get_attribute("class") for el in shown.values())
        grid_row = browser.find_element(By.CSS_SELECTOR, f'tr.rowitem[data-target="{row_target}"]')
        assert grid_row.find_element(By.CSS_SELECTOR, "input.money").get_attribute("value") == "2.500.000.000"
        assert "corrected" in grid_row.get_attribute("class")
        audit = browser.find_element(By.ID, "audit").text
        assert all(v in audit for v in ("2025-03-05", "Bộ Tư pháp", "chi"))
        browser.find_element(By.ID, "mark-reviewed").click()
        # the webhook arrives; the document it names is the reviewed JSON the page showed
        body = json.loads(_wait(lambda: got and got[0]))
        assert body["event"] == "document.reviewed" and str(body["data"]["document_id"]) == doc_id
        reviewed = httpx.get(f"{server['base']}/api/documents/{doc_id}", params={"version": "reviewed"},
                             headers=api).json()
        assert "2025-03-05" in {d["value"] for d in reviewed["dates"]}
        assert any(a["value"] == 9 * scale and a.get("corrected_by_review") for a in reviewed["amounts"])
        assert "Bộ Tư pháp" in {a["name"] for a in reviewed["agencies"]}
        money_of = {"tasks": "budget", "budget": "amount"}.get(row_field)
        if money_of:
            assert any((r.get(money_of) or {}).get("value") == 2_500_000_000 for r in reviewed["records"][row_field])
        fields = {r["field"] for r in httpx.get(f"{server['base']}/api/documents/{doc_id}/audit", headers=api).json()}
        assert {"dates", "amounts", "agencies", row_field} <= fields
    finally:
        receiver.shutdown()


def test_an_analyst_sees_figures_that_disagree_and_confirms_the_right_one(server, browser):
    """Issue 19: a second report gives the sample report's chip plant a thousand times its figure;
    the conflicts view lists it first, with both sentences; confirming one figure closes it, and the
    page after reload says who confirmed which figure."""
    from selenium.webdriver.common.by import By

    from pipeline import extract_file
    from tests.test_figures import OTHER_REPORT, _docx
    server["store"].save_result(extract_file(_docx(server["root"] / "45-BC-BKHCN.docx", OTHER_REPORT)))
    _sign_in(browser, server["base"], "chi")
    browser.find_element(By.LINK_TEXT, "Số liệu vênh nhau").click()
    first = browser.find_element(By.CSS_SELECTOR, "#conflicts li.conflict")
    assert "lệch đơn vị" in first.text and "33 tỷ đồng" in first.text and "33 nghìn tỷ đồng" in first.text
    assert "Hòa Lạc" in first.text   # the other report's sentence
    opened = len(browser.find_elements(By.CSS_SELECTOR, "#conflicts li.conflict"))
    row = next(r for r in first.find_elements(By.CSS_SELECTOR, "tr.figure") if "33 nghìn tỷ đồng" in r.text)
    row.find_element(By.CSS_SELECTOR, "button.confirm").click()
    # the page after the action: the confirmed conflicts are gone from the open list …
    _wait(lambda: len(browser.find_elements(By.CSS_SELECTOR, "#conflicts li.conflict")) < opened)
    browser.get(server["base"] + "/conflicts?state=closed")
    closed = browser.find_element(By.CSS_SELECTOR, "#conflicts li.conflict.closed")
    # … and under 'confirmed', with who confirmed which figure, the chosen row marked
    assert "Đã xác nhận bởi chi" in closed.text and "33 nghìn tỷ đồng" in closed.find_element(
        By.CSS_SELECTOR, "p.confirmed").text
    assert "33 nghìn tỷ đồng" in closed.find_element(By.CSS_SELECTOR, "tr.figure.chosen").text
    browser.save_screenshot(str(SHOTS / "conflicts.png"))


def test_screenshots_are_saved():
    assert (SHOTS / "queue.png").stat().st_size > 5000 and (SHOTS / "document.png").stat().st_size > 5000
