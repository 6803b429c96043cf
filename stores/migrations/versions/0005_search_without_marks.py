"""search without marks: the queue's search columns hold the search key (normalize.text.search_key:
no marks, lower case), and PostgreSQL gets vn_fold(text), the same folding SQLite registers per
connection, for filters over names as written (records by agency or name)

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    from normalize.text import MARKED, PLAIN, strip_diacritics_same_length
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"CREATE OR REPLACE FUNCTION vn_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
                   f"AS $$ SELECT lower(translate(t, '{MARKED}', '{PLAIN}')) $$")
    reviews = sa.table("document_reviews", sa.column("document_id", sa.Integer), sa.column("search_text", sa.Text),
                       sa.column("agencies", sa.Text), sa.column("doc_key_folded", sa.String))
    last = -1
    while True:
        rows = bind.execute(sa.select(reviews).where(reviews.c.document_id > last)
                            .order_by(reviews.c.document_id).limit(BATCH)).all()
        if not rows:
            break
        for r in rows:
            bind.execute(reviews.update().where(reviews.c.document_id == r.document_id).values(
                search_text=strip_diacritics_same_length(r.search_text or ""),
                agencies=strip_diacritics_same_length(r.agencies or ""),
                doc_key_folded=strip_diacritics_same_length(r.doc_key_folded) if r.doc_key_folded else None))
        last = rows[-1].document_id


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS vn_fold(text)")
