"""documents, extraction runs, records and mentions

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_columns():
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("extraction_runs.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("data", sa.JSON, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True, index=True),
        sa.Column("media_type", sa.String(120), nullable=False),
        sa.Column("pages", sa.Integer),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.UniqueConstraint("document_id", "extractor_version", name="uq_run_document_version"),
    )
    op.create_table(
        "tasks", *_record_columns(),
        sa.Column("agency", sa.Text, index=True), sa.Column("name", sa.Text, nullable=False),
        sa.Column("currency", sa.String(3)), sa.Column("budget_value", sa.BigInteger),
        sa.Column("budget_low", sa.BigInteger), sa.Column("budget_high", sa.BigInteger),
        sa.Column("duration_low", sa.Integer), sa.Column("duration_high", sa.Integer),
        sa.Column("source_ref", sa.String(120)),
    )
    op.create_table(
        "catalog_items", *_record_columns(),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("number", sa.Integer),
        sa.Column("name", sa.Text, nullable=False), sa.Column("group_no", sa.Integer),
        sa.Column("lead_agencies", sa.JSON, nullable=False),
    )
    op.create_table(
        "budget_lines", *_record_columns(),
        sa.Column("item", sa.Text, nullable=False), sa.Column("currency", sa.String(3)),
        sa.Column("amount_value", sa.BigInteger), sa.Column("amount_low", sa.BigInteger),
        sa.Column("amount_high", sa.BigInteger), sa.Column("period", sa.String(64)),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("extraction_runs.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        sa.Column("value", sa.Text, nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("occurrences", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for name in ("mentions", "budget_lines", "catalog_items", "tasks", "extraction_runs", "documents"):
        op.drop_table(name)
