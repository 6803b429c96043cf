"""SQLAlchemy 2 models. Each record keeps typed columns for querying and its full JSON for an
exact round trip back to the pydantic model."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stores.base import Base, utcnow


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    media_type: Mapped[str] = mapped_column(String(120))
    pages: Mapped[int | None] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    runs: Mapped[list["ExtractionRun"]] = relationship(back_populates="document", cascade="all, delete-orphan")


class ExtractionRun(Base):
    __tablename__ = "extraction_runs"
    __table_args__ = (UniqueConstraint("document_id", "extractor_version", name="uq_run_document_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    result: Mapped[dict] = mapped_column(JSON)
    document: Mapped[DocumentRow] = relationship(back_populates="runs")
    tasks: Mapped[list["TaskRow"]] = relationship(cascade="all, delete-orphan", order_by="TaskRow.position")
    catalog: Mapped[list["CatalogRow"]] = relationship(cascade="all, delete-orphan", order_by="CatalogRow.position")
    budget: Mapped[list["BudgetRow"]] = relationship(cascade="all, delete-orphan", order_by="BudgetRow.position")
    mentions: Mapped[list["MentionRow"]] = relationship(cascade="all, delete-orphan")


class _RecordMixin:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)


class TaskRow(_RecordMixin, Base):
    __tablename__ = "tasks"
    agency: Mapped[str | None] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    currency: Mapped[str | None] = mapped_column(String(3))
    budget_value: Mapped[int | None] = mapped_column(BigInteger)
    budget_low: Mapped[int | None] = mapped_column(BigInteger)
    budget_high: Mapped[int | None] = mapped_column(BigInteger)
    duration_low: Mapped[int | None] = mapped_column(Integer)
    duration_high: Mapped[int | None] = mapped_column(Integer)
    source_ref: Mapped[str | None] = mapped_column(String(120))


class CatalogRow(_RecordMixin, Base):
    __tablename__ = "catalog_items"
    kind: Mapped[str] = mapped_column(String(16))
    number: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    group_no: Mapped[int | None] = mapped_column(Integer)
    lead_agencies: Mapped[list] = mapped_column(JSON)


class BudgetRow(_RecordMixin, Base):
    __tablename__ = "budget_lines"
    item: Mapped[str] = mapped_column(Text)
    currency: Mapped[str | None] = mapped_column(String(3))
    amount_value: Mapped[int | None] = mapped_column(BigInteger)
    amount_low: Mapped[int | None] = mapped_column(BigInteger)
    amount_high: Mapped[int | None] = mapped_column(BigInteger)
    period: Mapped[str | None] = mapped_column(String(64))


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)   # reference|date|amount|agency
    value: Mapped[str] = mapped_column(Text, index=True)         # normalized value as text
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    occurrences: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)


class IntakeFile(Base):
    """Where one received file stands: received → archived → stored → done, or failed."""

    __tablename__ = "intake_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    stage: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    archive_path: Mapped[str | None] = mapped_column(Text)
    quarantine_path: Mapped[str | None] = mapped_column(Text)
    outbox_path: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str | None] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    # The inbox path and file signature it was copied from: after a crash between archiving and
    # removing the inbox file, the same file is recognised (not counted as a duplicate).
    taken_from: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The worker that holds this file now; the claim lapses at lease_until unless renewed.
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class IntakeEntry(Base):
    """An inbox entry being taken, or one the watcher could not take: no content hash yet (or
    never: a link, a FIFO). 'taking' while a watcher copies it (leased); 'retrying' with a
    reason and the time of the next try; 'given_up' after the last try; 'set_aside' for what is
    no regular file. The row goes once the file is archived."""

    __tablename__ = "intake_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    signature: Mapped[str | None] = mapped_column(String(160))
    moved_to: Mapped[str | None] = mapped_column(Text)
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class IntakeDuplicate(Base):
    __tablename__ = "intake_duplicates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(Text)
    kept_path: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


from stores import review_schema  # noqa: E402,F401  (the review app's tables, on the same metadata)
