"""assignment and saved filters: a document given to a reviewer, a user's named queue filters

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_reviews") as batch:
        batch.add_column(sa.Column("assigned_to", sa.String(120)))
        batch.create_index("ix_document_reviews_assigned_to", ["assigned_to"])
    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_name", sa.String(120), nullable=False, index=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("query", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("user_name", "name", name="uq_saved_filter_name"),
    )


def downgrade() -> None:
    op.drop_table("saved_filters")
    with op.batch_alter_table("document_reviews") as batch:
        batch.drop_index("ix_document_reviews_assigned_to")
        batch.drop_column("assigned_to")
