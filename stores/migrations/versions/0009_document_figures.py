"""document figures and confirmed figures: each stored document's figures about named subjects
(issue 19, figures that disagree) and the figures analysts confirmed. Figures come with an
extraction: documents stored before this revision get theirs when re-extracted (`vanthu
reprocess`), as their results hold none.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("subject_key", sa.String(400), nullable=False),
        sa.Column("measure", sa.String(16), nullable=False, index=True),
        sa.Column("measure_text", sa.String(80), nullable=False),
        sa.Column("qualifier", sa.String(8), nullable=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("low", sa.BigInteger, nullable=False),
        sa.Column("high", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("text", sa.String(160), nullable=False),
        sa.Column("period", sa.String(8)),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("page", sa.Integer),
    )
    op.create_table(
        "confirmed_figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("subject_key", sa.String(400), nullable=False),
        sa.Column("measure", sa.String(16), nullable=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("confirmed_by", sa.String(120), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("document_id", "subject_key", "measure", "value", name="uq_confirmed_figure"),
    )


def downgrade() -> None:
    op.drop_table("confirmed_figures")
    op.drop_table("document_figures")
