"""The intake flows in-process (Prefect's ephemeral API): a malformed batch, duplicates,
status, and reprocessing locally and on a Dask LocalCluster of two workers."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import text

import intake.ingest as ingest
from intake.reprocess import run_reprocess
from intake.watcher import watch_inbox
from models import IntakeState
from stores import intake
from stores.db import Store


def _encrypted_pdf(samples: Path) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(samples / "004.pdf"))
    w.encrypt(user_password="x", owner_password="y")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _zip_bomb(samples: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out, zipfile.ZipFile(samples / "004.docx") as src:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("word/media/bomb.bin", b"\0" * (40 * 1024 * 1024))
    return buf.getvalue()


def _png(text: str) -> bytes:
    img = Image.new("L", (900, 300), 255)
    ImageDraw.Draw(img).text((40, 120), text, fill=0)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _scan(pages: int) -> bytes:
    """An image-only PDF: every page is a picture, no text layer."""
    imgs = [Image.new("1", (620, 877), 1) for _ in range(pages)]
    buf = io.BytesIO()
    imgs[0].save(buf, "PDF", save_all=True, append_images=imgs[1:], resolution=75)
    return buf.getvalue()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    from tests.conftest import SAMPLES as samples
    root = tmp_path_factory.mktemp("intake")
    inbox = root / "inbox"
    inbox.mkdir()
    docx, pdf = (samples / "004.docx").read_bytes(), (samples / "004.pdf").read_bytes()
    bad = {
        "hỏng.pdf": pdf[:1500],
        "cụt.docx": docx[: len(docx) // 2],
        "mật khẩu.pdf": _encrypted_pdf(samples),
        "bom.docx": _zip_bomb(samples),
        "rỗng.tiff": b"",
        "thực ra là ảnh.pdf": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
    }
    good = {
        "Báo cáo ..\\..\\tháng 4.docx": docx,    # path-like and non-ASCII name
        "quyết định.pdf": pdf,
        "bản chụp 200 trang.pdf": _scan(200),
        "ảnh chụp.png": _png("CONG VAN SO 12/UBND-VP"),
    }
    for name, data in {**bad, **good}.items():
        (inbox / name).write_bytes(data)
    (inbox / "~$nháp.docx").write_bytes(b"lock")
    (inbox / "đang tải.pdf.part").write_bytes(pdf[:100])
    tally = watch_inbox(str(inbox), exit_when_idle=True, settle_seconds=0.2, scan_seconds=1)
    return root, tally, bad, good


def test_every_file_ends_archived_and_stored_or_quarantined(ingested):
    root, tally, bad, good = ingested
    store = Store.open(f"sqlite:///{root / 'vanthu.sqlite'}")
    st = intake.status(store, last_failures=20)
    assert st["counts"].get("done") == len(good) and st["counts"].get("failed") == len(bad)
    reasons = {f["name"]: f["reason"].split(":")[0] for f in st["failures"]}
    assert reasons == {"hỏng.pdf": "corrupt_file", "cụt.docx": "corrupt_file", "mật khẩu.pdf": "encrypted",
                       "bom.docx": "unsafe_content", "rỗng.tiff": "empty_file",
                       "thực ra là ảnh.pdf": "corrupt_file"}
    for sidecar in (root / "quarantine").glob("*.reason.json"):
        side = json.loads(sidecar.read_text(encoding="utf-8"))
        assert side["reason"] and side["stage"] == "extract" and side["time"]
    assert sorted(p.name for p in (root / "inbox").iterdir()) == ["~$nháp.docx", "đang tải.pdf.part"]
    names = sorted(p.name for p in (root / "outbox").iterdir())
    assert "Báo cáo .._.._tháng 4.docx.json" in names and all("/" not in n for n in names)
    assert store.counts()["documents"] == len(good)


def test_scan_without_text_layer_is_flagged(ingested):
    root = ingested[0]
    result = json.loads((root / "outbox" / "bản chụp 200 trang.pdf.json").read_text(encoding="utf-8"))
    assert result["source"]["pages"] == 200
    assert result["warnings"] and {w["code"] for w in result["warnings"]} <= {"needs_ocr", "empty_page"}


def test_duplicate_is_recorded_not_reprocessed(ingested, samples):
    root = ingested[0]
    (root / "inbox" / "lại quyết định.pdf").write_bytes((samples / "004.pdf").read_bytes())
    tally = watch_inbox(str(root / "inbox"), exit_when_idle=True, settle_seconds=0.2, scan_seconds=1)
    assert tally == {"duplicate": 1}
    store = Store.open(f"sqlite:///{root / 'vanthu.sqlite'}")
    assert intake.status(store)["counts"]["duplicate"] == 1
    assert store.counts()["extraction_runs"] == len(ingested[3])
    kept = list((root / "archive").rglob("duplicates/*lại quyết định.pdf"))
    assert len(kept) == 1


def test_reprocess_skips_current_results_and_runs_on_dask(ingested):
    from distributed import LocalCluster
    root = ingested[0]
    url = f"sqlite:///{root / 'vanthu.sqlite'}"
    n = len(ingested[3])
    assert run_reprocess(url, "all", None, False, None, 2, show_progress=False) == {"skipped": n}
    before = Store.open(url).counts()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        tally = run_reprocess(url, "all", None, True, cluster.scheduler_address, None, show_progress=False)
    assert tally == {"skipped": 0, "done": n}
    assert Store.open(url).counts() == before  # re-extraction replaced, never duplicated



class _Killed(BaseException):
    """Stands for SIGKILL in-process: nothing after the raise runs, no `except OSError` catches it."""


def _die(*_args) -> None:
    raise _Killed


class _Taker:
    """One watcher's intake steps in this process, on a workspace under tmp_path."""

    def __init__(self, tmp_path: Path):
        from intake.workspace import Workspace
        from models import settings
        self.ws = Workspace.at(tmp_path / "inbox", tmp_path)
        self.store = ingest.open_store(self.ws.database_url)
        self.cfg = settings().intake(workers=1)

    def drop(self, name: str, data: bytes) -> Path:
        path = self.ws.inbox / name
        path.write_bytes(data)
        return path

    def take(self, path: Path):
        from intake.workspace import owner_alive, owner_id, signature
        return ingest.take_entry(self.ws, self.store, path, signature(path.lstat()), owner_id(), self.cfg, owner_alive)

    def take_killed_at(self, step: str, path: Path, monkeypatch) -> None:
        """Take `path`, dying when the take reaches `step` (a function of intake.ingest)."""
        with monkeypatch.context() as m:
            m.setattr(ingest, step, _die)
            with pytest.raises(_Killed):
                self.take(path)

    def process(self, sha: str) -> str:
        return ingest.process_document(self.ws, self.ws.database_url, sha)


def test_a_take_cut_short_before_the_archive_copy_is_finished_by_the_retake(samples, tmp_path, monkeypatch):
    """A watcher killed after recording a file's hash but before its archive copy was in place:
    the retake of the same inbox file must place the copy before it removes the inbox file
    (CI once lost a document here: the row read 'archived', the archive was empty, the inbox
    file was then removed)."""
    here = _Taker(tmp_path)
    data = (samples / "004.docx").read_bytes()
    src = here.drop("công văn.docx", data)
    here.take_killed_at("settle_temp", src, monkeypatch)
    sha = hashlib.sha256(data).hexdigest()
    assert intake.get(here.store, sha).state == IntakeState.RECEIVED  # no worker takes it yet
    assert intake.claimable_documents(here.store, "another-1", lambda owner: True) == []
    taken = here.take(src)
    row = intake.get(here.store, sha)
    assert (taken.outcome, row.state) == ("archived", IntakeState.ARCHIVED)
    assert hashlib.sha256(Path(row.archive_path).read_bytes()).hexdigest() == sha
    assert not src.exists()
    assert here.process(sha) == IntakeState.DONE


def test_a_duplicate_retaken_after_a_crash_is_recorded_and_kept_once(samples, tmp_path, monkeypatch):
    """Killed after recording a duplicate but before removing it from the inbox: the retake finds
    the same kept copy and the same record, so the duplicate counts once."""
    here = _Taker(tmp_path)
    data = (samples / "004.docx").read_bytes()
    assert here.take(here.drop("công văn.docx", data)).outcome == "archived"
    copy = here.drop("bản sao công văn.docx", data)
    here.take_killed_at("remove_if_unchanged", copy, monkeypatch)
    taken = here.take(copy)
    sha = hashlib.sha256(data).hexdigest()
    kept = list((here.ws.archive / sha[:2] / sha / "duplicates").iterdir())
    with here.store.sessions() as s:
        recorded = s.scalar(text("SELECT COUNT(*) FROM intake_duplicates"))
    assert taken.outcome == "duplicate" and len(kept) == 1 and recorded == 1
    assert not copy.exists()


def test_a_file_given_up_on_outside_extraction_is_tried_again_on_the_next_start(samples, tmp_path):
    """A run that failed for the database or the disk gives up after its tries but keeps the
    original in the archive; the next start takes it again. A quarantined file stays failed."""
    here = _Taker(tmp_path)
    shas = {}
    for name, data in (("tốt.docx", (samples / "004.docx").read_bytes()), ("hỏng.pdf", b"%PDF-1.7\nbroken")):
        assert here.take(here.drop(name, data)).outcome == "archived"
        shas[name] = hashlib.sha256(data).hexdigest()
    # the watcher's give-up after its last try (Intake._failed_run)
    intake.advance(here.store, shas["tốt.docx"], IntakeState.FAILED, stage="intake", attempts=5,
                   reason="disk_full: gave up after 5 tries: No space left on device")
    assert here.process(shas["hỏng.pdf"]) == IntakeState.FAILED
    assert intake.retry_given_up(here.store) == 1
    row = intake.get(here.store, shas["tốt.docx"])
    assert (row.state, row.attempts) == (IntakeState.ARCHIVED, 0)
    assert intake.get(here.store, shas["hỏng.pdf"]).state == IntakeState.FAILED
    assert here.process(shas["tốt.docx"]) == IntakeState.DONE
