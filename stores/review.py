"""The review queue, corrections with their audit trail, and the reviewed result.

`on_extracted` runs inside the transaction that stores a run (Store.save_result): the queue row
is brought up to date, corrections are checked against the new extraction (stale ones flagged),
and the document.extracted event is queued for webhooks, all committed together."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import PurePath

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from models import AgencyRule, ExtractionResult, ExtractOptions, WebhookEvent, settings
from models.warnings import INFORMATIONAL
from normalize.text import match_key, search_key
from records.corrections import ACTIONS, FIELDS, CorrectionIn, apply_corrections, current_value, field_scores
from stores.base import utcnow
from stores.review_schema import (
    AuditRow,
    Correction,
    DocumentReview,
    LearnedAgencyRule,
    SavedFilter,
    User,
    Webhook,
    WebhookDelivery,
)
from stores.rows import fill_run
from stores.schema import DocumentRow, ExtractionRun

STATES = ("new", "in_review", "reviewed", "rejected")
EVENTS = tuple(WebhookEvent)
# Risk puts first what most needs a person: a totals mismatch outweighs several warnings, an
# OCR repair is a small doubt, low confidence scales up to 5.
# The review queue's order (README, "Queue"): what may be wrong, weighted by what it costs when it
# is. A repaired digit can change a number or a date; a repaired mark changes a name's spelling.
RISK_WEIGHTS = {"mismatch": 5.0, "warning": 1.0, "digit_repair": 1.0, "ocr_repair": 0.1, "low_confidence": 5.0,
                "stale_correction": 3.0}
SEARCH_TEXT_MAX = 200_000   # characters of a document's text kept for search



def queue_fields(result: ExtractionResult) -> dict:
    """What the queue filters and sorts on, from one result."""
    mismatches = sum(1 for w in result.warnings if "mismatch" in w.code)
    concerns = sum(1 for w in result.warnings if w.code not in INFORMATIONAL) - mismatches
    digit_repairs = sum(1 for r in result.ocr_repairs if r.rule == "digit_lookalike")
    confidences = [m.confidence for m in [*result.references, *result.dates, *result.amounts, *result.agencies]]
    confidences += [r.confidence for r in [*result.records.tasks, *result.records.catalog, *result.records.budget]]
    min_conf = min(confidences, default=1.0)
    risk = (RISK_WEIGHTS["mismatch"] * mismatches + RISK_WEIGHTS["warning"] * concerns
            + RISK_WEIGHTS["digit_repair"] * digit_repairs
            + RISK_WEIGHTS["ocr_repair"] * (len(result.ocr_repairs) - digit_repairs)
            + RISK_WEIGHTS["low_confidence"] * (1 - min_conf))
    h = result.document
    key = h.own_key()
    text = " ".join([*(b.text for b in result.blocks),
                     *(c for t in result.tables for r in t.rows for c in r.cells)])
    return dict(name=result.source.path, warnings=len(result.warnings), mismatches=mismatches,
                ocr_repairs=len(result.ocr_repairs), min_confidence=min_conf, risk=round(risk, 3), doc_key=key,
                doc_key_folded=search_key(key) if key else None,
                doc_type=h.doc_type, issuer=h.issuer, doc_date=(h.date or "")[:10] or None, title=h.title,
                agencies="\n".join(search_key(a.name) for a in result.agencies),
                search_text=search_key(text)[:SEARCH_TEXT_MAX])


def on_extracted(s: Session, doc: DocumentRow, run: ExtractionRun, result: ExtractionResult) -> None:
    row = s.get(DocumentReview, doc.id)
    if row is None:
        row = DocumentReview(document_id=doc.id, state="new", corrections=0, stale_corrections=0)
        s.add(row)
    for k, v in queue_fields(result).items():
        setattr(row, k, v)
    row.run_id = run.id
    recheck(s, row, run.result)
    row.risk = round(row.risk + RISK_WEIGHTS["stale_correction"] * row.stale_corrections, 3)
    if row.state == "reviewed":
        s.flush()
        save_reviewed_run(s, doc.id)
    enqueue_event(s, WebhookEvent.EXTRACTED, event_data(doc, extractor_version=run.extractor_version))


def recheck(s: Session, row: DocumentReview, result: dict) -> None:
    """Corrections against this extraction: applied or stale. A reviewed document with a stale
    correction goes back to 'in_review' so someone looks again."""
    corrections = list(s.execute(select(Correction).where(Correction.document_id == row.document_id)).scalars())
    _, status = apply_corrections(result, [_as_in(c) for c in corrections])
    for c in corrections:
        c.status = "stale" if status[c.id] == "stale" else "active"
    row.corrections = len(corrections)
    row.stale_corrections = sum(1 for c in corrections if c.status == "stale")
    if row.stale_corrections and row.state == "reviewed":
        row.state = "in_review"


def _as_in(c: Correction) -> CorrectionIn:
    return CorrectionIn(c.id, c.field, c.target, c.action, c.old_value, c.new_value)


# -- events ---------------------------------------------------------------------------------------
def event_data(doc: DocumentRow, **more) -> dict:
    """What an event says of a document: its id, hash and file name (never a path of this server)."""
    return {"document_id": doc.id, "sha256": doc.sha256, "name": PurePath(doc.path).name, **more}


def enqueue_event(s: Session, event: str, data: dict) -> int:
    """A delivery row per active subscription to `event`, in the caller's transaction."""
    hooks = [h for h in s.execute(select(Webhook).where(Webhook.active.is_(True))).scalars() if event in h.events]
    payload = {"event": str(event), "at": utcnow().isoformat(), "data": data}
    for h in hooks:
        s.add(WebhookDelivery(webhook_id=h.id, event=event, payload=payload, status="pending", attempts=0,
                              next_attempt_at=utcnow()))
    return len(hooks)


# -- the queue ------------------------------------------------------------------------------------
def queue_query(f: dict):
    q = select(DocumentReview)
    if f.get("state"):
        q = q.where(DocumentReview.state == f["state"])
    if f.get("doc_type"):
        q = q.where(DocumentReview.doc_type == f["doc_type"])
    if f.get("key"):
        q = q.where(DocumentReview.doc_key_folded.contains(search_key(f["key"]), autoescape=True))
    if f.get("agency"):
        q = q.where(DocumentReview.agencies.contains(search_key(f["agency"]), autoescape=True))
    if f.get("date_from"):
        q = q.where(DocumentReview.doc_date >= f["date_from"])
    if f.get("date_to"):
        q = q.where(DocumentReview.doc_date <= f["date_to"])
    if f.get("q"):
        for word in search_key(f["q"]).split()[:8]:
            q = q.where(DocumentReview.search_text.contains(word, autoescape=True))
    if f.get("assigned"):
        q = q.where(DocumentReview.assigned_to == f["assigned"])
    return q


# -- assignment and saved filters ----------------------------------------------------------------------
class AssignError(ValueError):
    """reason: no_such_user (not an active reviewer or admin)"""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def assign(s: Session, document_id: int, to: str | None, by: str) -> DocumentReview:
    """Give a document to a reviewer (None: to no one), with an audit row. Whoever assigns is
    already a reviewer (an API token's name has no user row): taking it oneself needs no check."""
    if to is not None and to != by:
        user = s.execute(select(User).where(User.name == to, User.active.is_(True))).scalar()
        if user is None or user.role not in ("reviewer", "admin"):
            raise AssignError("no_such_user", f"no active reviewer named {to!r}")
    row = s.get(DocumentReview, document_id)
    if row.assigned_to != to:
        s.add(AuditRow(user_name=by, document_id=document_id, action="assign", field="assigned_to",
                       old_value=row.assigned_to, new_value=to))
        row.assigned_to = to
    return row


def save_filter(s: Session, user: str, name: str, query: dict) -> SavedFilter:
    """A named filter of the user's queue; the same name again replaces it."""
    row = s.execute(select(SavedFilter).where(SavedFilter.user_name == user, SavedFilter.name == name)).scalar()
    if row is None:
        row = SavedFilter(user_name=user, name=name, query=query)
        s.add(row)
    row.query = query
    return row


def filters_of(s: Session, user: str) -> list[SavedFilter]:
    return list(s.execute(select(SavedFilter).where(SavedFilter.user_name == user).order_by(SavedFilter.name)).scalars())


def delete_filter(s: Session, user: str, filter_id: int) -> bool:
    row = s.get(SavedFilter, filter_id)
    if row is None or row.user_name != user:
        return False
    s.delete(row)
    return True


def list_queue(s: Session, f: dict, limit: int = 50, after: tuple[float, int] | None = None,
               offset: int = 0) -> list[DocumentReview]:
    """Highest risk first, then newest; `after` is the (risk, document_id) of the last row seen
    (cursor pagination, used by the API); `offset` for the pages of the web queue."""
    q = queue_query(f).with_only_columns(*[c for c in DocumentReview.__table__.c if c.name != "search_text"])
    if after is not None:
        risk, doc_id = after
        q = q.where(or_(DocumentReview.risk < risk,
                        and_(DocumentReview.risk == risk, DocumentReview.document_id < doc_id)))
    q = q.order_by(DocumentReview.risk.desc(), DocumentReview.document_id.desc()).limit(limit).offset(offset)
    return list(s.execute(q).mappings())


def count_queue(s: Session, f: dict) -> int:
    return s.scalar(select(func.count()).select_from(queue_query(f).subquery()))


def state_counts(s: Session) -> dict[str, int]:
    got = dict(s.execute(select(DocumentReview.state, func.count()).group_by(DocumentReview.state)).all())
    return {k: got.get(k, 0) for k in STATES}


def doc_types(s: Session) -> list[str]:
    return [t for t in s.execute(select(DocumentReview.doc_type).distinct().order_by(DocumentReview.doc_type))
            .scalars() if t]


# -- one document -----------------------------------------------------------------------------------
def extracted_result(s: Session, document_id: int) -> dict | None:
    row = s.get(DocumentReview, document_id)
    run = s.get(ExtractionRun, row.run_id) if row is not None and row.run_id else None
    return run.result if run is not None else None


def current_value_of(s: Session, document_id: int, field: str, target: str):
    """The extractor's value at (field, target) of a document's current run; None when none."""
    result = extracted_result(s, document_id)
    return current_value(result, field, target) if result is not None else None


def corrections_of(s: Session, document_id: int) -> list[Correction]:
    return list(s.execute(select(Correction).where(Correction.document_id == document_id)
                          .order_by(Correction.id)).scalars())


def reviewed_result(s: Session, document_id: int) -> dict | None:
    """Extraction + corrections, with the review's state and the stale corrections listed."""
    result = extracted_result(s, document_id)
    if result is None:
        return None
    row = s.get(DocumentReview, document_id)
    corrections = corrections_of(s, document_id)
    out, status = apply_corrections(result, [_as_in(c) for c in corrections])
    out["review"] = {
        "state": row.state, "reviewed_by": row.reviewed_by,
        "reviewed_at": row.reviewed_at.isoformat() if row.reviewed_at else None,
        "applied": sum(1 for v in status.values() if v == "applied"),
        "stale": [{"field": c.field, "target": c.target, "action": c.action, "old_value": c.old_value,
                   "new_value": c.new_value, "by": c.user_name} for c in corrections if status[c.id] == "stale"]}
    return out


def outbox_json(s: Session, document_id: int | None, result: ExtractionResult) -> str:
    """What the outbox gets for a fresh extraction: the reviewed result when analysts corrected
    the document (corrections re-applied, stale ones listed), else the extraction itself."""
    if document_id is not None and corrections_of(s, document_id):
        return json.dumps(reviewed_result(s, document_id), ensure_ascii=False, indent=1)
    return result.model_dump_json(indent=1)


class CorrectionError(ValueError):
    """reason: unknown_field | unknown_action | unknown_target | bad_value | bad_state"""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def correct(s: Session, document_id: int, user: str, field: str, target: str, action: str,
            new_value=None, reason: str | None = None) -> Correction:
    """Record one decision (and its audit row). The extractor's output is left as it is."""
    if field not in FIELDS:
        raise CorrectionError("unknown_field", f"no field {field!r}")
    if action not in ACTIONS:
        raise CorrectionError("unknown_action", f"no action {action!r}")
    result = extracted_result(s, document_id)
    if result is None:
        raise CorrectionError("unknown_target", "document has no extraction")
    old = current_value(result, field, target)
    if action != "add" and old is None and field != "document":
        raise CorrectionError("unknown_target", f"{field} has no {target!r}")
    if action in ("correct", "add") and new_value is None:
        raise CorrectionError("bad_value", "a correction needs a new value")
    if action in ("correct", "add"):
        _check_value(field, old, new_value)
    row = s.execute(select(Correction).where(Correction.document_id == document_id, Correction.field == field,
                                             Correction.target == target)).scalar_one_or_none()
    before = {"action": row.action, "value": row.new_value} if row is not None else old
    version = s.get(ExtractionRun, s.get(DocumentReview, document_id).run_id).extractor_version
    if row is None:
        row = Correction(document_id=document_id, field=field, target=target)
        s.add(row)
    row.action, row.old_value, row.new_value, row.reason = action, old, new_value, reason
    row.status, row.user_name, row.extractor_version, row.created_at = "active", user, version, utcnow()
    s.add(AuditRow(user_name=user, document_id=document_id, action=action, field=field, target=target,
                   old_value=before, new_value=new_value if action != "accept" else old, reason=reason))
    review = s.get(DocumentReview, document_id)
    if review.state == "new":
        _set_state(s, review, "in_review", user, None)
    elif review.state == "reviewed":  # the outbox JSON is rewritten: subscribers hear of it
        enqueue_event(s, WebhookEvent.CORRECTED, event_data(s.get(DocumentRow, document_id), field=field,
                                                           target=target, action=action))
    if field == "agencies" and action in ("correct", "reject", "add"):
        learn(s, document_id, (result.get("document") or {}).get("issuer"), action, old, new_value, user)
    s.flush()
    recheck(s, review, result)
    return row


# -- what analysts teach the extractor (issue 17, item 6) ------------------------------------------
def _texts_of(item: dict | None) -> list[str]:
    """The words a mention was written as, every occurrence's (at most 10)."""
    if not isinstance(item, dict):
        return []
    texts = [o.get("text") for o in item.get("occurrences") or []] + [item.get("text")]
    return list(dict.fromkeys(t.strip() for t in texts if isinstance(t, str) and t.strip()))[:10]


def learn(s: Session, document_id: int, issuer: str | None, action: str, old, new_value, user: str) -> None:
    """An agency correction becomes rules for the next extraction of this issuer's documents: a
    rejected body's words name nothing; a corrected or added body's words name what the analyst
    wrote ('VPUBTP' → Văn phòng Ủy ban nhân dân thành phố Hồ Chí Minh)."""
    if action == "reject":
        for text in _texts_of(old):
            _rule(s, "reject", text, None, issuer, document_id, user)
        return
    name = (new_value or {}).get("name") if isinstance(new_value, dict) else None
    if not name:
        return
    texts = _texts_of(old) if action == "correct" else _texts_of(new_value)
    for text in texts:
        _rule(s, "alias", text, name.strip(), issuer, document_id, user)


def _rule(s: Session, kind: str, text: str, name: str | None, issuer: str | None, document_id: int, user: str) -> None:
    key = match_key(text)[:300]
    for other in s.execute(select(LearnedAgencyRule).where(
            LearnedAgencyRule.text_key == key, LearnedAgencyRule.active.is_(True))).scalars():
        if other.issuer == issuer:   # the newer decision on the same words replaces the older
            other.active, other.revoked_by = False, f"replaced by {user}"
    s.add(LearnedAgencyRule(kind=kind, text=text[:300], text_key=key, name=name, issuer=issuer,
                            document_id=document_id, created_by=user))


def agency_rules(s: Session) -> list[AgencyRule]:
    """The active rules, oldest first (a later rule on the same words has replaced the older)."""
    rows = s.execute(select(LearnedAgencyRule).where(LearnedAgencyRule.active.is_(True))
                     .order_by(LearnedAgencyRule.id)).scalars()
    return [AgencyRule(kind=r.kind, text=r.text, name=r.name, issuer=r.issuer) for r in rows]


def with_learned_rules(store, options: ExtractOptions | None = None) -> ExtractOptions:
    """Extraction options carrying the store's active agency rules (every path that extracts for a
    store: the intake's workers, `vanthu reprocess`, `vanthu extract --store`)."""
    options = options or settings().extract_options()
    with store.sessions() as s:
        return options.model_copy(update={"agency_rules": agency_rules(s)})


def list_rules(s: Session, include_revoked: bool = False) -> list[LearnedAgencyRule]:
    q = select(LearnedAgencyRule).order_by(LearnedAgencyRule.id.desc())
    if not include_revoked:
        q = q.where(LearnedAgencyRule.active.is_(True))
    return list(s.execute(q).scalars())


def revoke_rule(s: Session, rule_id: int, user: str) -> LearnedAgencyRule | None:
    row = s.get(LearnedAgencyRule, rule_id)
    if row is not None and row.active:
        row.active, row.revoked_by = False, user
        s.add(AuditRow(user_name=user, action="revoke_rule", field="agencies", target=row.text,
                       old_value={"kind": row.kind, "name": row.name, "issuer": row.issuer}))
    return row


def _check_value(field: str, old, new_value) -> None:
    """The corrected item must still be a valid item of its kind (the output contract)."""
    from pydantic import ValidationError

    from models import Agency, Amount, BudgetLine, CatalogItem, DateMention, Reference, Task
    kinds = {"references": Reference, "dates": DateMention, "amounts": Amount, "agencies": Agency, "tasks": Task,
             "catalog": CatalogItem, "budget": BudgetLine}
    if field == "document":
        if not isinstance(new_value, str) or len(new_value) > 2000:
            raise CorrectionError("bad_value", "a header field is text")
        return
    if not isinstance(new_value, dict):
        raise CorrectionError("bad_value", "a correction of an item is an object of its fields")
    merged = {**(old or {}), **new_value}
    if field == "dates" and merged.get("precision") == "day":
        try:
            dt.date.fromisoformat(str(merged.get("value")))
        except ValueError:
            raise CorrectionError("bad_value", f"{merged.get('value')!r} is no day of the calendar") from None
    try:
        kinds[field].model_validate(merged)
    except ValidationError as exc:
        raise CorrectionError("bad_value", str(exc).splitlines()[0] + ": " + "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])) from exc


def set_state(s: Session, document_id: int, state: str, user: str, reason: str | None = None) -> DocumentReview:
    if state not in STATES:
        raise CorrectionError("bad_state", f"no state {state!r}")
    review = s.get(DocumentReview, document_id)
    _set_state(s, review, state, user, reason)
    if state == "reviewed":
        review.reviewed_by, review.reviewed_at = user, utcnow()
        doc = s.get(DocumentRow, document_id)
        enqueue_event(s, WebhookEvent.REVIEWED, event_data(doc))
    return review


def _set_state(s: Session, review: DocumentReview, state: str, user: str, reason: str | None) -> None:
    if review.state != state:
        s.add(AuditRow(user_name=user, document_id=review.document_id, action="state", field="review_state",
                       old_value=review.state, new_value=state, reason=reason))
        review.state = state


def bulk_accept(s: Session, document_id: int, user: str) -> int:
    """Accept every field and row the extractor gave that has no decision yet."""
    result = extracted_result(s, document_id)
    decided = {(c.field, c.target) for c in corrections_of(s, document_id)}
    from records.corrections import HEADER_FIELDS, item_key, items_of
    n = 0
    for name in HEADER_FIELDS:   # the header's fields too (they were skipped): those the extractor filled
        if (result.get("document") or {}).get(name) is not None and ("document", name) not in decided:
            correct(s, document_id, user, "document", name, "accept", reason="bulk accept")
            decided.add(("document", name))
            n += 1
    for field in FIELDS[1:]:
        for item in items_of(result, field):
            target = item_key(field, item)
            if (field, target) not in decided:
                correct(s, document_id, user, field, target, "accept", reason="bulk accept")
                decided.add((field, target))
                n += 1
    return n


REVIEWED_VERSION = "reviewed"   # extractor_version of the run that holds a document's reviewed result


def save_reviewed_run(s: Session, document_id: int) -> ExtractionRun:
    """The reviewed result into the stores as a run of its own (records queryable and exported
    like any run; the extraction's run stays as it was)."""
    from sqlalchemy import delete
    reviewed = reviewed_result(s, document_id)
    s.execute(delete(ExtractionRun).where(ExtractionRun.document_id == document_id,
                                          ExtractionRun.extractor_version == REVIEWED_VERSION))
    s.flush()
    run = ExtractionRun(document_id=document_id, extractor_version=REVIEWED_VERSION, result=reviewed)
    fill_run(run, ExtractionResult.model_validate(reviewed))
    s.add(run)
    s.flush()
    return run


def audit_of(s: Session, document_id: int | None = None, limit: int = 200) -> list[AuditRow]:
    q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if document_id is not None:
        q = q.where(AuditRow.document_id == document_id)
    return list(s.execute(q).scalars())


def reviewed_pairs(s: Session) -> list[tuple[int, dict, dict]]:
    """(document id, extracted, reviewed) for every reviewed document."""
    ids = list(s.execute(select(DocumentReview.document_id).where(DocumentReview.state == "reviewed")
                         .order_by(DocumentReview.document_id)).scalars())
    return [(i, extracted_result(s, i), reviewed_result(s, i)) for i in ids]


def extractor_scores(s: Session) -> dict:
    return field_scores([(e, r) for _, e, r in reviewed_pairs(s)])


# -- documents as a graph (issue 19): links read from the stored results -------------------------------
# Relations that end the cited document's force when a stored document states them surely.
