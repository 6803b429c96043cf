"""The review app's published vocabulary: the events a webhook can subscribe to, and the rules
an analyst's corrections teach the extractor."""
from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class WebhookEvent(StrEnum):
    EXTRACTED = "document.extracted"   # a new extraction is in the queue
    REVIEWED = "document.reviewed"     # an analyst marked it reviewed: the outbox JSON is the reviewed one
    CORRECTED = "document.corrected"   # a change after review: the outbox JSON was rewritten
    FAILED = "document.failed"         # the intake set the file aside (reason, stage; never a server path)
    STATUS_CHANGED = "document.status_changed"   # a newly stored document replaces or repeals it


class AgencyRule(BaseModel):
    """What an analyst taught the agency recognizer by correcting a document (issue 17, item 6):
    `alias` — the text as written names `name` ('VPUBTP' → Văn phòng Ủy ban nhân dân thành phố
    Hồ Chí Minh); `reject` — the text as written names no public body. Scoped to documents of
    `issuer` (None: every document). Kept in the database, listed and revocable by an admin, read
    by the next extraction."""

    kind: Literal["alias", "reject"]
    text: str = Field(min_length=1, max_length=300, description="the words as the document writes them")
    name: str | None = Field(None, max_length=300, description="for an alias: the canonical name")
    issuer: str | None = Field(None, max_length=300, description="only in documents of this issuer")
