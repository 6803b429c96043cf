"""learned agency rules: aliases and rejections analysts' corrections taught the extractor

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_agency_rules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("text_key", sa.String(300), nullable=False, index=True),
        sa.Column("name", sa.String(300)),
        sa.Column("issuer", sa.String(300)),
        sa.Column("document_id", sa.Integer),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("revoked_by", sa.String(120)),
    )


def downgrade() -> None:
    op.drop_table("learned_agency_rules")
