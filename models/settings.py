"""Every VANTHU_* setting in one place, read from the environment once, when first asked for
(never at import time). Stages get what they need passed down (ExtractOptions); only the entry
points (cli/, pipeline/, intake/, the tests) call `settings()`."""
from __future__ import annotations

import os
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.review import AgencyRule

MAX_INPUT_BYTES = 256 * 1024 * 1024
MAX_OCR_PAGES = 1000
# A workbook's filled cells are read into memory: far above any report's appendix (the largest
# budget workbook seen, 12 sheets, has ~40,000), far below what exhausts a worker.
MAX_SHEET_CELLS = 2_000_000
# A rendered page above this many pixels is rendered at a lower resolution, down to
# MIN_RENDER_DPI, then refused (page_too_large). 80 Mpx ~ A3 at 600 dpi, A0 at 227 dpi; a 200-inch
# PDF page at 300 dpi would be 3.6 Gpx (the 455-byte PDF that took 13.9 GB).
MAX_PAGE_PIXELS = 80_000_000
# Characters of text one document may hold before the recognizers run (too_much_text). A
# 100-page report holds ~300,000; the 240 KB PDF that ran 2 min 46 s held over 1,000,000.
MAX_TEXT_CHARS = 2_000_000
# The learned agency scorer (ner/agency_scorer.py): on since it raised first-sight agency F1 on seven
# of the eight batches p–z, each scored before anyone read it (+0.009 on average; z +0.005 with the
# weights trained on the 391 documents before it; README "First-sight scores").
# VANTHU_AGENCY_SCORER=0 turns it off.
AGENCY_SCORER = True


class ExtractOptions(BaseModel):
    """What a reader may do with one file."""

    ocr: bool | None = Field(None, description="pages without a text layer: None = OCR when Tesseract is "
                                               "installed, False = only flag them needs_ocr, True = require OCR")
    ocr_workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1,
                             description="OCR worker processes")
    max_ocr_pages: int = Field(MAX_OCR_PAGES, ge=1, description="largest scan accepted, in pages")
    max_input_bytes: int = Field(MAX_INPUT_BYTES, ge=1, description="largest file accepted")
    max_sheet_cells: int = Field(MAX_SHEET_CELLS, ge=1, description="most filled cells read from a workbook")
    max_page_pixels: int = Field(MAX_PAGE_PIXELS, ge=1, description="largest rendered page, in pixels")
    max_text_chars: int = Field(MAX_TEXT_CHARS, ge=1, description="most characters of text in one document")
    agency_rules: list[AgencyRule] = Field(default_factory=list, description="what analysts taught the agency "
                                                                             "recognizer (read from the store)")
    agency_scorer: bool = Field(AGENCY_SCORER, description="let the learned scorer (corpus/learned, `vanthu train`) set "
                                                          "aside bodies it doubts, each named in an `agency_doubtful` "
                                                          "warning")


class IntakeSettings(BaseModel):
    """What the watcher and its ingest workers may do; every limit ends a file in quarantine with
    its own reason code (README, "Intake")."""

    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1,
                         description="ingest worker processes; a big scan holds one, the others go on")
    # 2.5 s: a writer that closes the file between chunks 2 s apart (a copy over a slow share) was
    # taken as 5 fragments with the 1 s this was before.
    settle_seconds: float = Field(2.5, ge=0, description="size and mtime must hold still this long, "
                                                          "and no process may hold the file open for writing")
    scan_seconds: float = Field(10.0, gt=0, description="seconds between full scans of the inbox")
    max_file_seconds: float = Field(900.0, gt=0, description="wall time per file (timeout)")
    # Address space, not resident memory: a worker with the OCR stack loaded maps ~1.3 GiB before
    # it reads a page (measured: VmSize after import and one docx); a 200-page scan peaks ~1.9 GiB.
    max_worker_memory: int = Field(4 << 30, ge=0, description="RLIMIT_AS of each ingest worker and "
                                                               "its OCR processes, bytes (0 = none)")
    retry_attempts: int = Field(5, ge=1, description="tries for an inbox entry the watcher cannot take")
    retry_backoff_seconds: float = Field(2.0, gt=0, description="first wait between tries; doubles")
    lease_seconds: float = Field(60.0, gt=0, description="a claim on a file lapses this long after its "
                                                         "holder last renewed it")
    stop_grace_seconds: float = Field(7.0, ge=0, description="on SIGTERM/SIGINT, how long a file in "
                                                             "progress may finish before it is handed back")
    allow_hardlinks: bool = Field(False, description="read inbox files that have another name elsewhere "
                                                     "(a hard link); by default they are set aside unread")
    file_mode: int = Field(0o600, ge=0, le=0o777, description="mode of outbox JSON, reason files and the "
                                                              "SQLite database (archived originals: read-only)")


ENV_PREFIX = "VANTHU_"


class Settings(BaseModel):
    """VANTHU_DATABASE_URL, VANTHU_OCR, VANTHU_OCR_WORKERS, VANTHU_MAX_OCR_PAGES, VANTHU_MAX_INPUT_BYTES,
    VANTHU_MAX_SHEET_CELLS;
    and, for the test suite and benchmarks, VANTHU_TEST_POSTGRES_URL, VANTHU_KILL_POINTS,
    VANTHU_BENCH_COPIES; for `vanthu serve`: VANTHU_SERVE_ROOT, VANTHU_SESSION_HOURS,
    VANTHU_LOGIN_MAX_FAILURES, VANTHU_LOGIN_WINDOW_MINUTES, VANTHU_SECURE_COOKIES."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, given: object) -> object:
        """VANTHU_<FIELD> variables (any case) under the values given, over the defaults: what
        pydantic-settings' BaseSettings did. Written here because importing pydantic-settings
        (asyncio, its cloud sources) was 0.08–0.14 s of every `vanthu extract` (issue 20, measured
        2026-12-07: 004.pdf in 0.70 s against pdfplumber's 0.31 s)."""
        if not isinstance(given, dict):
            return given
        env = {name[len(ENV_PREFIX):].lower(): value for name, value in os.environ.items()
               if name.upper().startswith(ENV_PREFIX)}
        return {**{k: v for k, v in env.items() if k in cls.model_fields}, **given}

    database_url: str | None = Field(None, description="SQLAlchemy URL; unset: the intake root's vanthu.sqlite "
                                                         "(stores.db.database_url)")
    ocr: bool | None = None
    ocr_workers: int | None = Field(None, ge=1)
    max_ocr_pages: int = Field(MAX_OCR_PAGES, ge=1)
    max_input_bytes: int = Field(MAX_INPUT_BYTES, ge=1)
    max_sheet_cells: int = Field(MAX_SHEET_CELLS, ge=1)
    max_page_pixels: int = Field(MAX_PAGE_PIXELS, ge=1)
    max_text_chars: int = Field(MAX_TEXT_CHARS, ge=1)
    agency_scorer: bool = AGENCY_SCORER
    convert_seconds: float = Field(120.0, gt=0, description="wall time of one LibreOffice conversion")
    # Intake (VANTHU_WORKERS, VANTHU_SETTLE_SECONDS, VANTHU_MAX_FILE_SECONDS, VANTHU_MAX_WORKER_MEMORY,
    # VANTHU_RETRY_ATTEMPTS, VANTHU_RETRY_BACKOFF_SECONDS, VANTHU_LEASE_SECONDS, VANTHU_FILE_MODE=0o640, …)
    workers: int | None = Field(None, ge=1)
    settle_seconds: float | None = None
    scan_seconds: float | None = None
    max_file_seconds: float | None = None
    max_worker_memory: int | None = None
    retry_attempts: int | None = None
    retry_backoff_seconds: float | None = None
    lease_seconds: float | None = None
    stop_grace_seconds: float | None = None
    allow_hardlinks: bool | None = None
    file_mode: str | None = Field(None, description="octal, e.g. 640")
    test_postgres_url: str | None = None
    kill_points: int = 20
    bench_copies: int = 20
    # the review app and API (`vanthu serve`)
    serve_root: str = Field(".", description="intake root of the server: uploads/, archive/, outbox/, cache/")
    session_hours: float = Field(12, gt=0, description="how long a sign-in lasts")
    login_max_failures: int = Field(5, ge=1, description="failed sign-ins per name from one address per window "
                                                         "(4× that per address, whatever the names)")
    login_window_minutes: float = Field(15, gt=0)
    secure_cookies: bool = Field(False, description="mark the session cookie Secure (behind HTTPS)")
    cache_dir: str = Field("~/.cache/vanthu", description="tables built once from their sources (the places "
                                                          "index), rebuilt when the sources change")
    trusted_proxies: str = Field("", description="comma-separated addresses of reverse proxies whose "
                                                  "X-Forwarded-For is believed; none by default")
    webhook_allow: str = Field("", description="comma-separated hosts or networks (CIDR) a webhook may reach although "
                                               "they are loopback, private or link-local: a receiver on the office "
                                               "network, e.g. '10.1.2.3,192.168.5.0/24,hooks.local'")

    def extract_options(self) -> ExtractOptions:
        opts = ExtractOptions(ocr=self.ocr, max_ocr_pages=self.max_ocr_pages, max_input_bytes=self.max_input_bytes,
                              max_sheet_cells=self.max_sheet_cells,
                              max_page_pixels=self.max_page_pixels, max_text_chars=self.max_text_chars,
                              agency_scorer=self.agency_scorer)
        if self.ocr_workers:
            opts.ocr_workers = self.ocr_workers
        return opts

    def intake(self, **overrides) -> IntakeSettings:
        """The intake settings: defaults, then VANTHU_* variables, then `overrides` that are not None."""
        given = {k: getattr(self, k) for k in IntakeSettings.model_fields if getattr(self, k) is not None}
        if isinstance(given.get("file_mode"), str):
            given["file_mode"] = int(given["file_mode"], 8)
        given.update({k: v for k, v in overrides.items() if v is not None})
        return IntakeSettings(**given)


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings of this process (call `settings.cache_clear()` after changing the environment)."""
    return Settings()
