"""document links: each typed citation of a stored document's latest extraction, by the folded
key it cites (issue 19: who cites a document is an indexed lookup, not a scan of the text);
filled for the documents already stored

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("key_folded", sa.String(160), nullable=False, index=True),
        sa.Column("type", sa.String(24), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sentence", sa.Text),
        sa.Column("page", sa.Integer),
        sa.Column("variant", sa.Boolean, nullable=False),
    )
    from stores.links import link_rows  # the one reader of a result's citations, also for old rows
    bind = op.get_bind()
    runs = sa.table("extraction_runs", sa.column("id"), sa.column("document_id"), sa.column("result", sa.JSON))
    links = sa.table("document_links", *(sa.column(c) for c in
                                         ("source_id", "key", "key_folded", "type", "confidence", "sentence", "page",
                                          "variant")))
    newest = sa.select(sa.func.max(runs.c.id)).group_by(runs.c.document_id).scalar_subquery()
    for document_id, result in bind.execute(sa.select(runs.c.document_id, runs.c.result).where(runs.c.id.in_(newest))):
        rows = [{"source_id": document_id, **r} for r in link_rows(result or {})]
        if rows:
            bind.execute(links.insert(), rows)


def downgrade() -> None:
    op.drop_table("document_links")
