"""The document graph in the store (issue 19): each stored document's typed citations as rows
(stores/review_schema.DocumentLink), written at every extraction; a document's links both ways,
its status (in force, or replaced / repealed by a stored document), and the graph around a key.

A citation resolves to a stored document when that document's own số/ký hiệu, folded, is the key
cited (or one of the reference's other spellings, `same_as`); otherwise it is a node 'not in the
archive' with what the citing text says of it."""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import WebhookEvent
from normalize.text import search_key
from stores.review import enqueue_event, event_data
from stores.review_schema import DocumentLink, DocumentReview
from stores.schema import DocumentRow

# Relations that end the cited document's force, and the status they give it.
ENDING_RELATIONS = {"replaces": "replaced", "repeals": "repealed"}
# Below this, a relation is shown but decides no status (ner/relations.py sets it by its cue).
STATUS_CONFIDENCE = 0.8


def link_rows(result: dict) -> list[dict]:
    """The rows of one extraction result's citations: one per (reference, relation), and one per
    other spelling of the reference, marked `variant`."""
    rows = []
    for ref in result.get("references") or []:
        relations = ref.get("relations") or [{"type": "mentions", "confidence": 1.0, "sentence": None}]
        for rel in relations:
            base = {"key": ref["key"][:160], "type": rel["type"], "confidence": rel.get("confidence", 1.0),
                    "sentence": rel.get("sentence"), "page": rel.get("page")}
            rows.append({**base, "key_folded": search_key(ref["key"])[:160], "variant": False})
            rows += [{**base, "key_folded": search_key(other)[:160], "variant": True}
                     for other in ref.get("same_as") or [] if search_key(other) != search_key(ref["key"])]
    return rows


def write_links(s: Session, document_id: int, result: dict) -> None:
    """Replace a document's links with those of its new extraction; a document whose status this
    changes (a newly stored decision replaces or repeals it) is an event for subscribers."""
    before = {(r.key_folded, r.type) for r in s.execute(
        select(DocumentLink).where(DocumentLink.source_id == document_id)).scalars()}
    s.execute(delete(DocumentLink).where(DocumentLink.source_id == document_id))
    rows = link_rows(result)
    s.add_all(DocumentLink(source_id=document_id, **r) for r in rows)
    s.flush()
    source = s.get(DocumentReview, document_id)
    for r in rows:
        if r["type"] in ENDING_RELATIONS and r["confidence"] >= STATUS_CONFIDENCE and \
                (r["key_folded"], r["type"]) not in before:
            target = _stored(s, [r["key_folded"]], document_id)
            if target is not None:
                enqueue_event(s, WebhookEvent.STATUS_CHANGED, event_data(
                    s.get(DocumentRow, target.document_id), status=ENDING_RELATIONS[r["type"]],
                    by=doc_ref(source) if source else {"document_id": document_id}))
    # a document stored after those that cite it: they resolve to it by its key, read at query time


def _key_of(row: DocumentReview) -> str | None:
    return row.doc_key if row.doc_key and "/" in row.doc_key and not row.doc_key.startswith("/") else None


def doc_ref(row: DocumentReview) -> dict:
    return {"document_id": row.document_id, "key": row.doc_key, "doc_type": row.doc_type, "date": row.doc_date,
            "name": row.name}


def _stored(s: Session, folded_keys: list[str], other_than: int | None = None) -> DocumentReview | None:
    """The stored document whose own key is one of these (the oldest, where two carry it)."""
    q = select(DocumentReview).where(DocumentReview.doc_key_folded.in_(folded_keys))
    if other_than is not None:
        q = q.where(DocumentReview.document_id != other_than)
    return s.execute(q.order_by(DocumentReview.document_id).limit(1)).scalar()


def status_of(s: Session, row: DocumentReview) -> dict:
    """In force, or replaced / repealed by a stored document (the latest that says so)."""
    own = _key_of(row)
    if not own:
        return {"status": "in_force", "by": None}
    ending = s.execute(select(DocumentLink).where(
        DocumentLink.key_folded == search_key(own), DocumentLink.type.in_(ENDING_RELATIONS),
        DocumentLink.confidence >= STATUS_CONFIDENCE, DocumentLink.source_id != row.document_id)
        .order_by(DocumentLink.source_id.desc()).limit(1)).scalar()
    if ending is None:
        return {"status": "in_force", "by": None}
    by = s.get(DocumentReview, ending.source_id)
    return {"status": ENDING_RELATIONS[ending.type], "by": doc_ref(by) if by else None}


def links_of(s: Session, document_id: int) -> dict:
    """What a stored document cites (typed, resolved to the stored document or null: not in the
    archive), what cites it, and its status."""
    row = s.get(DocumentReview, document_id)
    outgoing = []
    links = list(s.execute(select(DocumentLink).where(DocumentLink.source_id == document_id)
                           .order_by(DocumentLink.id)).scalars())
    variants: dict[str, list[str]] = {}
    for link in links:
        if link.variant:
            variants.setdefault(link.key, []).append(link.key_folded)
    for link in links:
        if link.variant:
            continue
        target = _stored(s, [link.key_folded, *variants.get(link.key, [])], document_id)
        outgoing.append({"key": link.key, "type": link.type, "confidence": link.confidence,
                         "sentence": link.sentence, "page": link.page,
                         "target": doc_ref(target) if target else None})
    own = _key_of(row) if row else None
    incoming = []
    if own:
        seen = set()
        for link, source in s.execute(select(DocumentLink, DocumentReview).join(
                DocumentReview, DocumentReview.document_id == DocumentLink.source_id).where(
                DocumentLink.key_folded == search_key(own), DocumentLink.source_id != document_id)
                .order_by(DocumentLink.source_id, DocumentLink.id)):
            if (link.source_id, link.type, link.sentence) in seen:
                continue   # (a reference cited in two spellings gave two rows)
            seen.add((link.source_id, link.type, link.sentence))
            incoming.append({"type": link.type, "confidence": link.confidence, "sentence": link.sentence,
                             "page": link.page, "source": doc_ref(source)})
    status = status_of(s, row) if row else {"status": "in_force", "by": None}
    return {"document_id": document_id, "key": own, "outgoing": outgoing, "incoming": incoming, **status}


def graph_of(s: Session, key: str, depth: int = 1, limit: int = 500) -> dict:
    """The documents around a số/ký hiệu, `depth` links away both ways: nodes (stored documents,
    and keys not in the archive) and typed edges (citing → cited). At most `limit` edges."""
    start = search_key(key)
    nodes: dict[str, dict] = {}
    edges: list[dict] = []
    spelled: dict[str, str] = {start: key}   # a key as a citing text writes it (folded keys lose the marks)
    frontier, seen = {start}, set()
    for _ in range(max(0, depth)):
        if not frontier or len(edges) >= limit:
            break
        seen |= frontier
        nxt: set[str] = set()
        stored = {r.doc_key_folded: r for r in s.execute(select(DocumentReview).where(
            DocumentReview.doc_key_folded.in_(frontier))).scalars()}
        for folded in frontier:
            nodes.setdefault(folded, _node(stored.get(folded), folded, spelled.get(folded)))
        # what the frontier's stored documents cite
        ids = {r.document_id: f for f, r in stored.items()}
        for link in s.execute(select(DocumentLink).where(DocumentLink.source_id.in_(ids), DocumentLink.variant.is_(False))
                              .limit(limit)).scalars():
            if link.key_folded == ids[link.source_id]:
                continue   # its own number, in its header
            edges.append({"from": ids[link.source_id], "to": link.key_folded, "type": link.type,
                          "confidence": link.confidence})
            spelled.setdefault(link.key_folded, link.key)
            nxt.add(link.key_folded)
        # who cites the frontier
        for link, citing in s.execute(select(DocumentLink, DocumentReview).join(
                DocumentReview, DocumentReview.document_id == DocumentLink.source_id).where(
                DocumentLink.key_folded.in_(frontier)).limit(limit)):
            if citing.doc_key_folded and citing.doc_key_folded != link.key_folded:
                edges.append({"from": citing.doc_key_folded, "to": link.key_folded, "type": link.type,
                              "confidence": link.confidence})
                nxt.add(citing.doc_key_folded)
        frontier = nxt - seen
    missing = sorted(({e["from"] for e in edges} | {e["to"] for e in edges}) - set(nodes))
    found: dict[str, DocumentReview] = {}
    for chunk in range(0, len(missing), 500):   # (one query per 500 keys, not one per key)
        part = missing[chunk:chunk + 500]
        for row in s.execute(select(DocumentReview).where(DocumentReview.doc_key_folded.in_(part))).scalars():
            found.setdefault(row.doc_key_folded, row)
    for folded in missing:
        nodes[folded] = _node(found.get(folded), folded, spelled.get(folded))
    unique = {(e["from"], e["to"], e["type"]): e for e in edges}
    return {"key": key, "depth": depth, "nodes": list(nodes.values()), "edges": list(unique.values())[:limit]}


def whole_graph(s: Session) -> dict:
    """Every stored document's citations (not their other spellings), its own number aside."""
    rows = list(s.execute(select(DocumentLink, DocumentReview).join(
        DocumentReview, DocumentReview.document_id == DocumentLink.source_id).where(
        DocumentLink.variant.is_(False))).all())
    stored = {r.doc_key_folded: r for r in s.execute(select(DocumentReview).where(
        DocumentReview.doc_key_folded.is_not(None))).scalars()}
    edges, spelled = {}, {}
    for link, citing in rows:
        source = citing.doc_key_folded or f"#{citing.document_id}"   # a document without a number of its own
        if source == link.key_folded:
            continue
        edges[(source, link.key_folded, link.type)] = {"from": source, "to": link.key_folded, "type": link.type,
                                                      "confidence": link.confidence}
        spelled.setdefault(link.key_folded, link.key)
    nodes = {}
    for link, citing in rows:
        source = citing.doc_key_folded or f"#{citing.document_id}"
        nodes.setdefault(source, _node(citing, source))
    for _, target, _ in edges:
        nodes.setdefault(target, _node(stored.get(target), target, spelled.get(target)))
    return {"key": None, "depth": None, "nodes": list(nodes.values()), "edges": list(edges.values())}


def _node(row: DocumentReview | None, folded: str, spelled: str | None = None) -> dict:
    if row is None:   # not in the archive: the key as cited
        return {"id": folded, "key": spelled or folded, "stored": False, "document_id": None}
    return {"id": folded, "key": row.doc_key, "stored": True, "document_id": row.document_id,
            "doc_type": row.doc_type, "date": row.doc_date, "issuer": row.issuer}
