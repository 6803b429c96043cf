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
    box.scrollIntoView({ block: "center", behavior: "instant" });
  }
  img.addEventListener("load", place);
  window.addEventListener("resize", place);

  function showPage(page, bbox) {
    if (!page) return;
    pending = [page, bbox];
    document.querySelectorAll(".pg").forEach((b) => b.classList.toggle("on", b.dataset.page == page));
    const src = "/documents/" + docId + "/pages/" + page + ".png";
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

  async function post(path, body) {
    const r = await fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
    });
    if (!r.ok) {
      let msg = r.status + "";
      try { const j = await r.json(); msg = (j.reason || "") + ": " + (j.detail || ""); } catch (e) { /* not JSON */ }
      alert(msg);
      return null;
    }
    return r.json();
  }

  async function act(el, action) {
    const field = el.dataset.field, target = el.dataset.target;
    let value = null, reason = null;
    if (action === "correct") {
      if (el.classList.contains("rowitem")) return saveRow(el);
      value = prompt(el.querySelector(".label, .value") ? el.querySelector(".value").textContent.trim() : "",
                     el.dataset.value || "");
      if (value === null) return;
      reason = prompt("Lý do / reason", "") || null;
    }
    const done = await post("/api/documents/" + docId + "/corrections",
                            { field: field, target: target, action: action, new_value: value, reason: reason });
    if (done) location.reload();
  }

  async function saveRow(tr) {
    const value = {};
    tr.querySelectorAll("input.cell").forEach((inp) => {
      const col = inp.dataset.col, v = inp.value.trim();
      if (inp.classList.contains("money")) {
        const digits = v.replace(/[.\s]/g, "");
        value[col] = digits ? { currency: "VND", value: parseInt(digits, 10) } : null;
      } else if (col === "number" || col === "group") {
        value[col] = v ? parseInt(v, 10) : null;
      } else {
        value[col] = v || null;
      }
    });
    const done = await post("/api/documents/" + docId + "/corrections",
                            { field: tr.dataset.field, target: tr.dataset.target, action: "correct", new_value: value });
    if (done) location.reload();
  }

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
  });

  const saved = parseInt(sessionStorage.getItem("vanthu-item-" + docId) || "-1", 10);
  if (saved >= 0 && saved < items.length) select(saved);
  else if (Object.keys(sizes).length) showPage(1, null);
})();
