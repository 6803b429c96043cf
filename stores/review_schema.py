"""Tables of the review app and the HTTP API: users, sessions, tokens, the review queue,
corrections and their audit trail, webhooks with a durable delivery queue, upload jobs.
Corrections live beside the extractor's output (extraction_runs.result is never rewritten)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from stores.base import Base, utcnow


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))            # viewer | reviewer | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WebSession(Base):
    """A signed-in browser: the cookie holds a random token, the table only its SHA-256."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailure(Base):
    """Failed sign-ins, for the rate limit (kept in the database so every server process sees them)."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    remote: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class DocumentReview(Base):
    """One row per document: its review state and what the queue filters and sorts on, copied
    from the latest extraction so that listing never parses result JSON."""

    __tablename__ = "document_reviews"
    __table_args__ = (Index("ix_document_reviews_state_risk", "state", "risk"),)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("extraction_runs.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(16), default="new")
    risk: Mapped[float] = mapped_column(Float, default=0.0, index=True)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    mismatches: Mapped[int] = mapped_column(Integer, default=0)
    ocr_repairs: Mapped[int] = mapped_column(Integer, default=0)
    min_confidence: Mapped[float] = mapped_column(Float, default=1.0)
    name: Mapped[str] = mapped_column(Text)
    doc_key: Mapped[str | None] = mapped_column(String(160))
    doc_key_folded: Mapped[str | None] = mapped_column(String(160), index=True)   # search_key(doc_key): no marks, lower case
    doc_type: Mapped[str | None] = mapped_column(String(120), index=True)
    issuer: Mapped[str | None] = mapped_column(Text)
    doc_date: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    agencies: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    corrections: Mapped[int] = mapped_column(Integer, default=0)
    stale_corrections: Mapped[int] = mapped_column(Integer, default=0)
    reviewed_by: Mapped[str | None] = mapped_column(String(120))
    assigned_to: Mapped[str | None] = mapped_column(String(120), index=True)   # the reviewer it is given to
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class DocumentLink(Base):
    """One typed citation of a stored document's latest extraction (issue 19): what it cites, by
    the folded số/ký hiệu (indexed: who cites a document is one lookup, not a text scan), with the
    relation's type, confidence and evidence. A reference's other spellings (`same_as`) get rows
    with `variant` true, found by the lookup and never listed twice. Rewritten at every extraction."""

    __tablename__ = "document_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(160))
    key_folded: Mapped[str] = mapped_column(String(160), index=True)
    type: Mapped[str] = mapped_column(String(24))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    sentence: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    variant: Mapped[bool] = mapped_column(Boolean, default=False)


class SavedFilter(Base):
    """A user's named queue filter (the queue page's query), listed on the queue page for one click."""

    __tablename__ = "saved_filters"
    __table_args__ = (UniqueConstraint("user_name", "name", name="uq_saved_filter_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_name: Mapped[str] = mapped_column(String(120), index=True)
    name: Mapped[str] = mapped_column(String(80))
    query: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Correction(Base):
    """An analyst's decision on one field of one document: the latest per (document, field,
    target). `old_value` is what the extractor said when it was made; after a re-extraction a
    correction whose target no longer says that is `stale` (flagged, never dropped)."""

    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("document_id", "field", "target", name="uq_correction_target"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(16))          # accept | correct | reject | add
    old_value: Mapped[dict | list | str | None] = mapped_column(JSON)
    new_value: Mapped[dict | list | str | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")   # active | stale
    user_name: Mapped[str] = mapped_column(String(120))
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditRow(Base):
    """Every change anyone made, append-only: who, when, what field, old and new value, why."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(120))
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(32))
    field: Mapped[str | None] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(255))
    old_value: Mapped[dict | list | str | None] = mapped_column(JSON)
    new_value: Mapped[dict | list | str | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)


class LearnedAgencyRule(Base):
    """An agency rule an analyst's correction taught (models.AgencyRule): read by the next
    extraction, listed and revoked by an admin (`/api/learned`)."""

    __tablename__ = "learned_agency_rules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))            # alias | reject
    text: Mapped[str] = mapped_column(String(300))           # as the document writes it
    text_key: Mapped[str] = mapped_column(String(300), index=True)   # match_key(text)
    name: Mapped[str | None] = mapped_column(String(300))
    issuer: Mapped[str | None] = mapped_column(String(300))
    document_id: Mapped[int | None] = mapped_column(Integer)  # where it was taught
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    revoked_by: Mapped[str | None] = mapped_column(String(120))


class Webhook(Base):
    __tablename__ = "webhooks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(String(128))
    events: Mapped[list] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WebhookDelivery(Base):
    """The durable queue: written in the same transaction as the event's cause, sent by the
    server's delivery loop, retried with growing delays until delivered or out of attempts."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")   # pending | delivered | failed | cancelled
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Job(Base):
    """An upload through the API on its way through the intake."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))            # queued | running | done | failed | duplicate
    name: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class DocumentFigure(Base):
    """A figure a stored document's latest extraction states about a named subject (issue 19:
    records/figures.py), compared across documents for figures that disagree. Rewritten at every
    extraction."""

    __tablename__ = "document_figures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    subject: Mapped[str] = mapped_column(Text)
    subject_key: Mapped[str] = mapped_column(String(400))
    measure: Mapped[str] = mapped_column(String(16), index=True)
    measure_text: Mapped[str] = mapped_column(String(80))
    qualifier: Mapped[str] = mapped_column(String(8))
    value: Mapped[int] = mapped_column(BigInteger)
    low: Mapped[int] = mapped_column(BigInteger)
    high: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(String(160))
    period: Mapped[str | None] = mapped_column(String(8))
    sentence: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)


class ConfirmedFigure(Base):
    """A figure an analyst confirmed (issue 19): the conflicts it stands in are closed. Kept by what
    the figure says, not by its row, so it outlives re-extraction."""

    __tablename__ = "confirmed_figures"
    __table_args__ = (UniqueConstraint("document_id", "subject_key", "measure", "value", name="uq_confirmed_figure"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    subject_key: Mapped[str] = mapped_column(String(400))
    measure: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(BigInteger)
    confirmed_by: Mapped[str] = mapped_column(String(120))
    confirmed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
