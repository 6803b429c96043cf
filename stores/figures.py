"""Figures that disagree across the stored documents (issue 19): each stored document's figures
(records/figures.py, `figures` of its latest extraction) as rows, rewritten at every extraction;
the pairs that disagree, found when asked (records/figures.conflicts), ranked a unit slip first;
and what analysts confirmed. A conflict one of whose figures an analyst confirmed is closed: the
confirmed figure stands. A confirmation is kept by what the figure says (document, subject, measure,
value), so it outlives a re-extraction that rewrites the rows."""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.figures import Figure
from records.figures import conflicts
from stores.links import doc_ref
from stores.review_schema import ConfirmedFigure, DocumentFigure, DocumentReview

_FIELDS = ("subject", "subject_key", "measure", "measure_text", "qualifier", "value", "low", "high", "currency",
           "text", "period", "sentence", "page")


def write_figures(s: Session, document_id: int, result: dict) -> None:
    """Replace a document's figures with those of its new extraction."""
    s.execute(delete(DocumentFigure).where(DocumentFigure.source_id == document_id))
    s.add_all(DocumentFigure(source_id=document_id, **{k: f.get(k) for k in _FIELDS})
              for f in result.get("figures") or [])


def _figure(row: DocumentFigure) -> Figure:
    return Figure(**{k: getattr(row, k) for k in _FIELDS})


def _confirmed_key(document_id: int, f: Figure) -> tuple:
    return document_id, f.subject_key, f.measure, f.value


def conflicts_of(s: Session, state: str = "open", limit: int = 200) -> list[dict]:
    """Pairs of stored figures that disagree, a unit slip first, then the larger ratio; `state`:
    open (no figure of the pair confirmed), closed, or all."""
    rows = list(s.execute(select(DocumentFigure).order_by(DocumentFigure.id)).scalars())
    figures = [(r.source_id, _figure(r), r.id) for r in rows]
    confirmed = {(c.document_id, c.subject_key, c.measure, c.value): c
                 for c in s.execute(select(ConfirmedFigure)).scalars()}
    docs = {r.document_id: r for r in s.execute(select(DocumentReview).where(
        DocumentReview.document_id.in_({r.source_id for r in rows}))).scalars()}
    out = []
    for c in conflicts([(doc, f) for doc, f, _ in figures], ids=[i for _, _, i in figures]):
        sides = [(c.document_a, c.a, c.id_a), (c.document_b, c.b, c.id_b)]
        decided = next(((fid, confirmed[_confirmed_key(doc, f)]) for doc, f, fid in sides
                        if _confirmed_key(doc, f) in confirmed), None)
        if (state == "open" and decided) or (state == "closed" and not decided):
            continue
        out.append({
            "id": f"{c.id_a}-{c.id_b}", "subject": c.a.subject, "measure": c.a.measure, "unit_slip": c.unit_slip,
            "ratio": c.ratio, "state": "closed" if decided else "open",
            "confirmed": {"figure_id": decided[0], "by": decided[1].confirmed_by,
                          "at": decided[1].confirmed_at.isoformat()} if decided else None,
            "figures": [{"figure_id": fid, **f.model_dump(exclude={"position", "subject_key"}),
                         "document": doc_ref(docs[doc]) if doc in docs else {"document_id": doc}} for doc, f, fid in sides]})
        if len(out) >= limit:
            break
    return out


def _same_figure(row: DocumentFigure) -> tuple:
    """A confirmation of this figure: by what it says, not by its row."""
    return (ConfirmedFigure.document_id == row.source_id, ConfirmedFigure.subject_key == row.subject_key,
            ConfirmedFigure.measure == row.measure, ConfirmedFigure.value == row.value)


def confirm(s: Session, figure_id: int, user: str) -> ConfirmedFigure | None:
    """An analyst says this figure is right: the conflicts it stands in close."""
    row = s.get(DocumentFigure, figure_id)
    if row is None:
        return None
    found = s.execute(select(ConfirmedFigure).where(*_same_figure(row))).scalar()
    if found is None:
        found = ConfirmedFigure(document_id=row.source_id, subject_key=row.subject_key, measure=row.measure,
                                value=row.value, confirmed_by=user)
        s.add(found)
        s.flush()
    return found


def unconfirm(s: Session, figure_id: int) -> bool:
    """Take a confirmation back: the conflicts it closed open again."""
    row = s.get(DocumentFigure, figure_id)
    if row is None:
        return False
    s.execute(delete(ConfirmedFigure).where(*_same_figure(row)))
    return True
