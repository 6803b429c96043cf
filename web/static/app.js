// The document view: page images with the box of the chosen field, actions, shortcuts.
(function () {
  "use strict";
  const view = document.querySelector(".docview");
  if (!view) return;
  const docId = view.dataset.document;
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const img = document.getElementById("page-img");
  const box = document.getElementById("box");
  const sizes = {};
  document.querySelectorAll(".pg").forEach((b) => {
    sizes[b.dataset.page] = [parseFloat(b.dataset.w), parseFloat(b.dataset.h)];
    b.addEventListener("click", () => showPage(parseInt(b.dataset.page, 10), null));
  });
  let pending = null;

  function place() {
    if (!pending || !img.complete || !img.naturalWidth) return;
    const [page, bbox] = pending;
    const size = sizes[page];
    if (!bbox || !size) { box.hidden = true; return; }
    const k = img.clientWidth / size[0];
    box.style.left = (img.offsetLeft + bbox[0] * k - 3) + "px";
    box.style.top = (img.offsetTop + bbox[1] * k - 3) + "px";
    box.style.width = ((bbox[2] - bbox[0]) * k + 6) + "px";
    box.style.height = ((bbox[3] - bbox[1]) * k + 6) + "px";
    box.hidden = false;
    box.dataset.page = page;
    box.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  }
  img.addEventListener("load", place);
  window.addEventListener("resize", place);

  // Zoom: the page at a share of the pane's width (100% = fit width), or the whole page in view;
  // the box is placed from the image's drawn width, so it stays on its words at every zoom.
  const sheet = document.getElementById("sheet");
  const level = document.getElementById("zoom-level");
  let zoom = 1;
  function setZoom(z) {
    zoom = Math.min(4, Math.max(0.25, z));
    img.style.width = (zoom * 100) + "%";
    if (level) level.textContent = Math.round(zoom * 100) + "%";
    if (turn) applyTurn();
    place();
  }
  function fitPage() {
    const size = sizes[img.dataset.page];
    if (!size) return;
    const avail = sheet.getBoundingClientRect();
    const h = window.innerHeight - avail.top - 12;
    setZoom(Math.min(1, (h * size[0] / size[1]) / sheet.clientWidth));
  }
  const zin = document.getElementById("zoom-in");
  if (zin) {
    zin.addEventListener("click", () => setZoom(zoom * 1.25));
    document.getElementById("zoom-out").addEventListener("click", () => setZoom(zoom / 1.25));
    document.getElementById("zoom-width").addEventListener("click", () => setZoom(1));
    document.getElementById("zoom-page").addEventListener("click", fitPage);
  }

  // Rotate: the page and its boxes turn together (one frame holds both), a quarter at a time; the
  // frame is moved back into view and the sheet keeps room for the turned page.
  const frame = document.getElementById("frame");
  let turn = 0;
  function rotate() {
    turn = (turn + 90) % 360;
    applyTurn();
  }
  function applyTurn() {
    const w = img.offsetWidth, h = img.offsetHeight;   // the page drawn, at its zoom
    const shift = { 0: "", 90: `translateX(${h}px) `, 180: `translate(${w}px, ${h}px) `, 270: `translateY(${w}px) ` }[turn];
    frame.style.transform = turn ? shift + `rotate(${turn}deg)` : "";
    frame.dataset.turn = turn;
    sheet.style.minHeight = (turn % 180 ? w : h) + "px";
  }
  const rot = document.getElementById("rotate");
  if (rot) rot.addEventListener("click", rotate);

  // Pan: with 'Kéo' on (or the middle button), dragging moves a zoomed page instead of drawing.
  const hand = document.getElementById("pan");
  let panning = false, drag = null;
  if (hand) hand.addEventListener("click", () => {
    panning = !panning;
    hand.setAttribute("aria-pressed", String(panning));
    sheet.classList.toggle("panning", panning);
  });
  sheet.addEventListener("pointerdown", (ev) => {
    if (!panning && ev.button !== 1) return;
    drag = [ev.clientX, ev.clientY, sheet.scrollLeft, sheet.scrollTop];
    ev.preventDefault();
  });
  window.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    sheet.scrollLeft = drag[2] - (ev.clientX - drag[0]);
    sheet.scrollTop = drag[3] - (ev.clientY - drag[1]);
  });
  window.addEventListener("pointerup", () => { drag = null; });

  function showPage(page, bbox) {
    if (!page) return;
    pending = [page, bbox];
    document.querySelectorAll(".pg").forEach((b) => b.classList.toggle("on", b.dataset.page == page));
    const src = "/documents/" + docId + "/pages/" + page + "/image";
    if (img.dataset.page != page || !img.getAttribute("src")) {
      box.hidden = true;
      img.dataset.page = page;
      img.src = src;
    } else {
      place();
    }
  }

  function parseBox(s) {
    if (!s) return null;
    const v = s.split(",").map(parseFloat);
    return v.length === 4 && v.every((x) => !isNaN(x)) ? v : null;
  }

  // every field and row, in page order, for j/k
  const items = Array.from(document.querySelectorAll(".item"));
  let current = -1;
  function select(i, show) {
    if (i < 0 || i >= items.length) return;
    items.forEach((el) => el.classList.remove("current"));
    current = i;
    const el = items[i];
    el.classList.add("current");
    if (document.activeElement !== el && !el.contains(document.activeElement)) el.focus({ preventScroll: false });
    sessionStorage.setItem("vanthu-item-" + docId, String(i));
    if (show !== false) {
      const chip = el.querySelector(".chip");
      if (chip) showPage(parseInt(chip.dataset.page, 10), parseBox(chip.dataset.bbox));
    }
  }
  items.forEach((el, i) => {
    el.addEventListener("click", (ev) => {
      const chip = ev.target.closest(".chip");
      select(i, !chip);
      if (chip) showPage(parseInt(chip.dataset.page, 10), parseBox(chip.dataset.bbox));
    });
  });
  document.querySelectorAll("#text .blk").forEach((p) => {
    p.addEventListener("click", () => {
      if (window.getSelection().toString()) return;
      showPage(parseInt(p.dataset.page, 10), parseBox(p.dataset.bbox));
    });
  });

  // Errors show where the analyst is working (in the editor, or a banner), never in alert().
  function showError(where, msg) {
    let el = where && where.querySelector(".err");
    if (!el) {
      el = document.getElementById("page-error");
      if (!el) {
        el = document.createElement("div");
        el.id = "page-error";
        el.className = "stale";
        el.setAttribute("role", "alert");
        document.getElementById("fields").prepend(el);
      }
    }
    el.textContent = msg;
    el.hidden = false;
  }

  async function call(path, body, where) {
    const r = await fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
    });
    let j = null;
    try { j = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) {
      showError(where, (j && (j.detail || j.reason)) || String(r.status));
      return null;
    }
    return j || {};
  }
  const post = (path, body) => call(path, body, null);
  const correctionsPath = "/api/documents/" + docId + "/corrections";

  function describe(field, v) {
    if (v === null || v === undefined) return "—";
    if (typeof v !== "object") return String(v);
    if (field === "amounts" && v.value !== null && v.value !== undefined)
      return v.value.toLocaleString("vi-VN") + " " + (v.currency === "USD" ? "USD" : "đồng");
    if (field === "dates") return v.value + " (" + v.precision + ")";
    return v.name || v.key || JSON.stringify(v);
  }

  // The inline editor: the value as the document writes it (an amount in the mention's unit),
  // what will be stored shown before saving, a reason, Save / Cancel.
  function openEditor(el) {
    if (el.querySelector(".editor")) return;
    const field = el.dataset.field, target = el.dataset.target;
    const ed = document.createElement("form");
    ed.className = "editor";
    ed.innerHTML = '<input name="value" autocomplete="off"> <span class="unit"></span>' +
      '<input name="reason" placeholder="Lý do / reason"> <button type="submit">Lưu</button>' +
      ' <button type="button" class="cancel">Hủy</button><span class="preview" aria-live="polite"></span>' +
      '<span class="err" role="alert" hidden></span>';
    ed.elements.value.value = el.dataset.value || "";
    ed.querySelector(".unit").textContent = el.dataset.unit || "";
    if (field === "agencies") ed.elements.value.setAttribute("list", "agency-names");
    el.appendChild(ed);
    ed.addEventListener("click", (ev) => ev.stopPropagation());
    const typed = () => ed.elements.value.value.trim();
    let timer = null;
    async function preview() {
      const err = ed.querySelector(".err");
      err.hidden = true;
      const got = await call(correctionsPath + "?dry_run=true",
                             { field: field, target: target, action: "correct", new_value: typed() }, ed);
      ed.querySelector(".preview").textContent = got ? "→ " + describe(field, got.new_value) : "";
    }
    async function suggest() {
      const r = await fetch("/api/agencies/suggest?q=" + encodeURIComponent(typed()), { credentials: "same-origin" });
      if (!r.ok) return;
      const list = document.getElementById("agency-names");
      list.replaceChildren(...(await r.json()).names.map((n) => Object.assign(document.createElement("option"), { value: n })));
    }
    ed.elements.value.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { preview(); if (field === "agencies") suggest(); }, 250);
    });
    ed.querySelector(".cancel").addEventListener("click", () => ed.remove());
    ed.addEventListener("keydown", (ev) => { if (ev.key === "Escape") ed.remove(); });
    ed.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const done = await call(correctionsPath, { field: field, target: target, action: "correct",
                                                 new_value: typed(), reason: ed.elements.reason.value.trim() || null }, ed);
      if (done) location.reload();
    });
    ed.elements.value.focus();
    ed.elements.value.select();
    preview();
  }

  async function act(el, action) {
    if (action === "correct") {
      if (el.classList.contains("rowitem")) return saveRow(el);
      return openEditor(el);
    }
    const done = await post(correctionsPath, { field: el.dataset.field, target: el.dataset.target, action: action });
    if (done) location.reload();
  }

  // A grid row sends only the cells the analyst changed, each as typed: an old value can never
  // overwrite a correction made elsewhere.
  async function saveRow(tr) {
    const value = {};
    tr.querySelectorAll(".cell").forEach((inp) => {
      if (inp.value.trim() !== (inp.dataset.was || "").trim()) value[inp.dataset.col] = inp.value.trim();
    });
    if (!Object.keys(value).length) return;
    const done = await call(correctionsPath, { field: tr.dataset.field, target: tr.dataset.target, action: "correct",
                                               new_value: value }, tr);
    if (done) location.reload();
  }

  // Grid cells grow with their text, so a long name is read whole, not cut.
  function fit(t) { t.style.height = "auto"; t.style.height = t.scrollHeight + "px"; }
  document.querySelectorAll("table.grid textarea.cell").forEach((t) => { fit(t); t.addEventListener("input", () => fit(t)); });

  // Sortable columns: by the cell's value (money by its number), again to reverse.
  document.querySelectorAll("table.grid button.sort").forEach((b) => b.addEventListener("click", () => {
    const table = b.closest("table"), body = table.tBodies[0], col = parseInt(b.dataset.col, 10);
    const up = b.dataset.dir !== "up";
    b.dataset.dir = up ? "up" : "down";
    const key = (tr) => tr.cells[col].dataset.sort || "";
    const rows = Array.from(body.rows);
    rows.sort((a, c) => {
      const x = key(a), y = key(c);
      const r = b.dataset.numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
                                  : x.localeCompare(y, "vi", { numeric: true });
      return up ? r : -r;
    });
    rows.forEach((tr) => body.appendChild(tr));
  }));

  document.querySelectorAll(".act").forEach((b) => b.addEventListener("click", (ev) => {
    ev.stopPropagation();
    act(b.closest(".item"), b.dataset.action);
  }));
  document.querySelectorAll(".saverow").forEach((b) => b.addEventListener("click", (ev) => {
    ev.stopPropagation();
    saveRow(b.closest("tr"));
  }));
  const all = document.getElementById("accept-all");
  if (all) all.addEventListener("click", async () => {
    if (await post("/api/documents/" + docId + "/accept-all")) location.reload();
  });
  document.querySelectorAll(".assign").forEach((b) => b.addEventListener("click", async () => {
    if (await post("/api/documents/" + docId + "/assign", { to: b.dataset.to || null })) location.reload();
  }));
  document.querySelectorAll(".setstate").forEach((b) => b.addEventListener("click", async () => {
    if (await post("/api/documents/" + docId + "/state", { state: b.dataset.state })) location.reload();
  }));

  // an entity the extractor missed: draw a box round it on the page, or select it in the text
  const form = document.getElementById("add-form");
  const sel = document.getElementById("sel");
  if (form) {
    let start = null;
    img.addEventListener("mousedown", (ev) => {
      ev.preventDefault();
      if (panning || ev.button !== 0) return;
      start = [ev.offsetX, ev.offsetY];
      Object.assign(sel.style, { left: (img.offsetLeft + ev.offsetX) + "px", top: (img.offsetTop + ev.offsetY) + "px",
                                 width: "0px", height: "0px" });
      sel.hidden = false;
    });
    img.addEventListener("mousemove", (ev) => {
      if (!start) return;
      sel.style.left = (img.offsetLeft + Math.min(start[0], ev.offsetX)) + "px";
      sel.style.top = (img.offsetTop + Math.min(start[1], ev.offsetY)) + "px";
      sel.style.width = Math.abs(ev.offsetX - start[0]) + "px";
      sel.style.height = Math.abs(ev.offsetY - start[1]) + "px";
    });
    img.addEventListener("mouseup", async (ev) => {
      if (!start) return;
      const page = parseInt(img.dataset.page, 10), size = sizes[page];
      const k = img.clientWidth / size[0];
      const b = [Math.min(start[0], ev.offsetX) / k, Math.min(start[1], ev.offsetY) / k,
                 Math.max(start[0], ev.offsetX) / k, Math.max(start[1], ev.offsetY) / k].map((v) => Math.round(v * 10) / 10);
      start = null;
      if (b[2] - b[0] < 4 || b[3] - b[1] < 4) { sel.hidden = true; return; }
      const q = new URLSearchParams({ x0: b[0], top: b[1], x1: b[2], bottom: b[3] });
      const r = await fetch("/documents/" + docId + "/pages/" + page + "/text?" + q, { credentials: "same-origin" });
      const got = r.ok ? await r.json() : { text: "" };
      form.hidden = false;
      form.elements.value.value = got.text;
      form.elements.text.value = got.text;
      form.elements.page.value = page;
      form.elements.bbox.value = b.join(",");
      form.elements.value.focus();
    });
    document.getElementById("text").addEventListener("mouseup", () => {
      const sel = window.getSelection().toString().trim();
      if (!sel) return;
      const p = window.getSelection().anchorNode.parentElement.closest(".blk");
      form.hidden = false;
      form.elements.value.value = sel;
      form.elements.text.value = sel;
      form.elements.page.value = p ? p.dataset.page : "";
      form.elements.bbox.value = "";
      form.elements.value.focus();
    });
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const field = form.elements.field.value, v = form.elements.value.value.trim(), text = form.elements.text.value;
      const page = parseInt(form.elements.page.value, 10) || null;
      const bbox = parseBox(form.elements.bbox.value);
      let value;
      if (field === "agencies") value = { name: v, text: text, page: page };
      else if (field === "dates") value = { value: v, precision: v.length === 10 ? "day" : (v.length === 7 ? "month" : "year"), text: text, page: page };
      else if (field === "amounts") value = { value: parseInt(v.replace(/[.\s]/g, ""), 10), currency: "VND", text: text, page: page };
      else { const i = v.indexOf("/"); value = { key: v, number: v.slice(0, i), symbol: v.slice(i + 1), text: text, page: page }; }
      if (bbox) value.bbox = bbox;
      const target = "added:" + field + ":" + v;
      if (await post("/api/documents/" + docId + "/corrections",
                     { field: field, target: target, action: "add", new_value: value })) location.reload();
    });
  }

  document.addEventListener("keydown", (ev) => {
    const tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const el = items[current];
    if (ev.key === "j") { select(current + 1); ev.preventDefault(); }
    else if (ev.key === "k") { select(Math.max(0, current - 1)); ev.preventDefault(); }
    else if (ev.key === "a" && el && el.querySelector(".act")) { act(el, "accept"); ev.preventDefault(); }
    else if (ev.key === "c" && el && el.querySelector(".act")) { act(el, "correct"); ev.preventDefault(); }
    else if (ev.key === "r" && el && el.querySelector(".act")) { act(el, "reject"); ev.preventDefault(); }
    else if (ev.key === "n" && view.dataset.next) { location.href = "/documents/" + view.dataset.next; }
    else if (ev.key === "+" || ev.key === "=") { setZoom(zoom * 1.25); ev.preventDefault(); }
    else if (ev.key === "-") { setZoom(zoom / 1.25); ev.preventDefault(); }
  });

  const saved = parseInt(sessionStorage.getItem("vanthu-item-" + docId) || "-1", 10);
  if (saved >= 0 && saved < items.length) select(saved);
  else if (Object.keys(sizes).length) showPage(1, null);
})();

// The queue's upload form: the file goes to POST /api/documents (the intake: archive, dedupe,
// extract or quarantine); its job is polled until it ends, then the document is one click away.
(function () {
  "use strict";
  const form = document.getElementById("upload");
  if (!form) return;
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const status = document.getElementById("upload-status");

  function say(state, job) {
    status.textContent = (form.dataset[state] || state) + " ";
    if (job && job.document_id && (state === "done" || state === "duplicate")) {
      const a = document.createElement("a");
      a.href = "/documents/" + job.document_id;
      a.textContent = job.name;
      status.appendChild(a);
    } else if (job && (job.reason || job.detail)) {
      status.append(job.reason || job.detail);
    }
  }

  async function follow(job) {
    for (;;) {
      say(job.state, job);
      if (!["queued", "running"].includes(job.state)) return;
      await new Promise((ok) => setTimeout(ok, 500));
      const r = await fetch("/api/jobs/" + encodeURIComponent(job.id), { credentials: "same-origin" });
      if (!r.ok) { say("failed", { reason: String(r.status) }); return; }
      job = await r.json();
    }
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = document.getElementById("upload-file").files[0];
    if (!file) return;
    const body = new FormData();
    body.append("file", file, file.name);
    say("queued");
    const r = await fetch("/api/documents", {
      method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf }, body,
    });
    let j = null;
    try { j = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) { say("failed", j && j.job ? { ...j.job, reason: j.reason } : { reason: (j && j.reason) || String(r.status) }); return; }
    await follow(j);
  });
})();

// Saved filters on the queue page: the current query saved under a name, deleted with ×.
(function () {
  "use strict";
  const nav = document.getElementById("saved-filters");
  if (!nav) return;
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const send = (method, path, body) => fetch(path, {
    method, credentials: "same-origin", headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: body ? JSON.stringify(body) : undefined,
  });
  const form = document.getElementById("save-filter");
  if (form) form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const query = Object.fromEntries(new URLSearchParams(form.dataset.query));
    delete query.page;
    const r = await send("POST", "/api/filters", { name: form.elements.name.value.trim(), query });
    if (r.ok) location.reload();
  });
  nav.querySelectorAll(".del-filter").forEach((b) => b.addEventListener("click", async () => {
    const r = await send("DELETE", "/api/filters/" + b.dataset.id);
    if (r.ok) location.reload();
  }));
})();

// Figures that disagree: an analyst confirms the figure that is right (or takes it back).
(function () {
  "use strict";
  const list = document.getElementById("conflicts");
  if (!list) return;
  const csrf = document.querySelector('meta[name="csrf"]').content;
  list.querySelectorAll("button.confirm, button.unconfirm").forEach((b) => b.addEventListener("click", async () => {
    const r = await fetch("/api/figures/" + encodeURIComponent(b.dataset.figure) + "/confirm", {
      method: b.classList.contains("confirm") ? "POST" : "DELETE", credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf },
    });
    if (r.ok) location.reload();
  }));
})();
