"""What the hostile-intake tests share: the `vanthu` command as a real process with settings for
short settle times, real scans and hostile PDFs made on the spot, the status as JSON, and the
descendants of a process (to check that nothing outlives a stopped watcher)."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.conftest import SAMPLES

VANTHU = str(Path(sys.executable).with_name("vanthu"))
# Short settle and backoff times so the suite stays quick; every one is a real setting.
FAST = {"VANTHU_SETTLE_SECONDS": "0.3", "VANTHU_SCAN_SECONDS": "1", "VANTHU_RETRY_BACKOFF_SECONDS": "0.2",
        "VANTHU_RETRY_ATTEMPTS": "2", "VANTHU_WORKERS": "2", "VANTHU_LEASE_SECONDS": "20",
        "PREFECT_API_URL": ""}


def env(**extra: str) -> dict[str, str]:
    out = {**os.environ, **FAST, **extra}
    out.pop("PREFECT_API_URL")
    return out


def vanthu(*args: str, timeout: float = 180, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("env", env())
    return subprocess.run([VANTHU, *args], capture_output=True, text=True, timeout=timeout, **kw)


def start(*args: str, **kw) -> subprocess.Popen:
    kw.setdefault("env", env())
    return subprocess.Popen([VANTHU, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def status(root: Path, database: str | None = None, **kw) -> dict:
    extra = ["--database", database] if database else []
    done = vanthu("status", "--root", str(root), "--json", "--failures", "100", *extra, **kw)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def still_running(procs: list[psutil.Process]) -> list[str]:
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(f"{p.pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return out


def wait_for(predicate, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def tesseract_under(pid: int) -> list[psutil.Process]:
    return [p for p in descendants(pid) if "tesseract" in p.name()]


def scan_pdf(pages: int = 6) -> bytes:
    """A real office scan (the sample TIFF's pages at 200 dpi) as an image-only PDF."""
    from PIL import Image
    frames = []
    with Image.open(SAMPLES / "004.scan-office.tiff") as img:
        for i in range(pages):
            img.seek(i % img.n_frames)
            frames.append(img.convert("L"))
    buf = io.BytesIO()
    frames[0].save(buf, "PDF", save_all=True, append_images=frames[1:], resolution=200)
    return buf.getvalue()


def blank_pdf(width_pt: float, height_pt: float) -> bytes:
    """A one-page PDF with nothing on the page, written by hand (a few hundred bytes)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt:g} {height_pt:g}] >>".encode()]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def variant(data: bytes, i: int, ext: str) -> bytes:
    """The same document with a few bytes after its end: a distinct file (own hash)."""
    return data + (b"\n%" if ext == "pdf" else b"") + f"{i:04d}".encode()


def tree_bytes(root: Path) -> bytes:
    """Every byte of every regular file under root (links not followed)."""
    out = bytearray()
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            out += p.read_bytes()
    return bytes(out)


def text_bomb_pdf(pages: int = 100, chars_per_page: int = 210_000) -> bytes:
    """A ~17 KB PDF whose pages all draw one shared, highly compressible content stream: 21 M
    characters of text by default."""
    import zlib
    line = b"BT /F1 2 Tf 10 10 Td (" + b"A" * 1000 + b") Tj ET\n"
    stream = zlib.compress(line * (chars_per_page // 1000), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    kids = [b"%d 0 R" % (len(objs) + 1 + i) for i in range(pages)]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
             b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def huge_xlsx(cells: int, columns: int = 10) -> bytes:
    """A valid .xlsx of `cells` numeric cells, written straight as XML (openpyxl would take a
    minute to write two million)."""
    import zipfile
    rows = []
    for r in range(cells // columns + (1 if cells % columns else 0)):
        n = min(columns, cells - r * columns)
        rows.append(f'<row r="{r + 1}">' + "".join(f"<c><v>{r}</v></c>" for _ in range(n)) + "</row>")
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(rows) + "</sheetData></worksheet>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
        f'org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return buf.getvalue()


def dag_pdf(depth: int = 25) -> bytes:
    """A PDF whose page tree is a DAG: node i lists node i+1 twice (2^depth paths to one page)."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for d in range(depth):
        n = 2 + d
        objs[n] = b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count %d >>" % (n + 1, n + 1, 2 ** (depth - d))
    leaf = 2 + depth
    objs[leaf] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 100 100] >>" % (leaf - 1)
    out, offs = bytearray(b"%PDF-1.4\n"), {}
    for n in sorted(objs):
        offs[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    x, size = len(out), max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size + b"".join(b"%010d 00000 n \n" % offs[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, x)
    return bytes(out)
