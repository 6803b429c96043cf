"""Every VANTHU_* setting in one place, read from the environment once, when first asked for
(never at import time). Stages get what they need passed down (ExtractOptions); only the entry
points (cli/, pipeline/, flows/, the tests) call `settings()`."""
from __future__ import annotations

import os
from functools import lru_cache

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///vanthu.sqlite"
MAX_INPUT_BYTES = 256 * 1024 * 1024
MAX_OCR_PAGES = 1000


class ExtractOptions(BaseModel):
    """What a reader may do with one file."""

    ocr: bool | None = Field(None, description="pages without a text layer: None = OCR when Tesseract is "
                                               "installed, False = only flag them needs_ocr, True = require OCR")
    ocr_workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1,
                             description="OCR worker processes")
    max_ocr_pages: int = Field(MAX_OCR_PAGES, ge=1, description="largest scan accepted, in pages")
    max_input_bytes: int = Field(MAX_INPUT_BYTES, ge=1, description="largest file accepted")


class Settings(BaseSettings):
    """VANTHU_DATABASE_URL, VANTHU_OCR, VANTHU_OCR_WORKERS, VANTHU_MAX_OCR_PAGES, VANTHU_MAX_INPUT_BYTES;
    and, for the test suite and benchmarks, VANTHU_TEST_POSTGRES_URL, VANTHU_KILL_POINTS,
    VANTHU_BENCH_COPIES; for `vanthu serve`: VANTHU_SERVE_ROOT, VANTHU_SESSION_HOURS,
    VANTHU_LOGIN_MAX_FAILURES, VANTHU_LOGIN_WINDOW_MINUTES, VANTHU_SECURE_COOKIES."""

    model_config = SettingsConfigDict(env_prefix="VANTHU_", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    ocr: bool | None = None
    ocr_workers: int | None = Field(None, ge=1)
    max_ocr_pages: int = Field(MAX_OCR_PAGES, ge=1)
    max_input_bytes: int = Field(MAX_INPUT_BYTES, ge=1)
    test_postgres_url: str | None = None
    kill_points: int = 20
    bench_copies: int = 20
    # the review app and API (`vanthu serve`)
    serve_root: str = Field(".", description="intake root of the server: uploads/, archive/, outbox/, cache/")
    session_hours: float = Field(12, gt=0, description="how long a sign-in lasts")
    login_max_failures: int = Field(5, ge=1, description="failed sign-ins per name or address per window")
    login_window_minutes: float = Field(15, gt=0)
    secure_cookies: bool = Field(False, description="mark the session cookie Secure (behind HTTPS)")

    def extract_options(self) -> ExtractOptions:
        opts = ExtractOptions(ocr=self.ocr, max_ocr_pages=self.max_ocr_pages, max_input_bytes=self.max_input_bytes)
        if self.ocr_workers:
            opts.ocr_workers = self.ocr_workers
        return opts


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The settings of this process (call `settings.cache_clear()` after changing the environment)."""
    return Settings()
