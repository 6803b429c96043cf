"""A learned second opinion on the agencies the grammar proposes (issue 17, item 6).

The grammar (ner/agencies.py) proposes every body a document names; this scorer decides, for
each distinct body of a document, how likely it is to be one the gold lists, from what the
grammar knew (kind, gazetteer, expansion) and where the words stand (the words before and after,
the table column, the recipients' list, how often). Its weights are a logistic regression that
`vanthu train` fits on all gold (the pools plus analysts' reviewed exports) and writes to
corpus/learned/agency_scorer.json; reading them needs no learning library.

Pure: features and probabilities from an ExtractionResult; the caller decides what to keep."""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models import Agency, ExtractionResult, Warning, WarningCode
from normalize.text import match_key

SCORER_PATH = Path(__file__).resolve().parents[1] / "corpus" / "learned" / "agency_scorer.json"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_RECIPIENTS = re.compile(r"^\W{0,3}(?:Nơi nhận|Kính gửi)\b", re.IGNORECASE)
_LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"≤{edge}"
    return f">{edges[-1]}"


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@dataclass(frozen=True)
class _Where:
    """What the document holds around a mention: block texts by id, table cells, column roles,
    the index of each block in reading order and where the recipients' list begins."""

    blocks: dict[str, str]
    order: dict[str, int]
    recipients_from: int
    cells: dict[tuple[str, int, int], str]
    roles: dict[tuple[str, int], str]


def _where(result: ExtractionResult) -> _Where:
    order = {b.id: i for i, b in enumerate(result.blocks)}
    recipients = [i for i, b in enumerate(result.blocks) if _RECIPIENTS.match(b.text)]
    cells, roles = {}, {}
    for t in result.tables:
        for c in t.columns:
            roles[(t.id, c.index)] = c.role
        for r in t.rows:
            for col, text in enumerate(r.cells):
                cells[(t.id, r.index, col)] = text
    return _Where({b.id: b.text for b in result.blocks}, order,
                  recipients[-1] if recipients else len(result.blocks) + 1, cells, roles)


def _context(agency: Agency, where: _Where) -> set[str]:
    """Features of every place the body is written."""
    out: set[str] = set()
    places = agency.occurrences or [agency]
    tables = 0
    for occ in places:
        pos = occ.position
        if pos is None:
            continue
        if pos.table_id is not None:
            tables += 1
            out.add(f"column={where.roles.get((pos.table_id, pos.col), 'other')}")
            text = where.cells.get((pos.table_id, pos.row, pos.col), "")
            out.add("cell_whole" if len(text.strip()) <= len(occ.text) + 3 else "cell_part")
        else:
            text = where.blocks.get(pos.block_id, "")
            index = where.order.get(pos.block_id, 0)
            out.add("top" if index < 8 else "recipients" if index > where.recipients_from else "body")
        before, after = _words(text[:pos.start])[-2:], _words(text[pos.end:])[:1]
        if before:
            out.add(f"prev={before[-1]}")
            out.add(f"prev2={' '.join(before)}")
        else:
            out.add("prev=^")
        out.add(f"next={after[0]}" if after else "next=$")
        if occ.text.isupper():
            out.add("upper")
        if len(occ.text) < 0.6 * len(agency.name):
            out.add("expanded")
        if match_key(occ.text) == match_key(agency.name):
            out.add("as_named")
    out.add("in_tables=" + ("none" if not tables else "all" if tables == len(places) else "some"))
    return out


def agency_features(agency: Agency, where: _Where, issuer: str | None) -> set[str]:
    words = _words(agency.name)
    name = agency.name.lower()
    feats = {f"kind={agency.kind}", f"known={agency.known}", f"head={' '.join(words[:1])}",
             f"head2={' '.join(words[:2])}", f"last={' '.join(words[-1:])}", f"ntok={_bucket(len(words), (2, 3, 5, 8))}",
             f"occ={_bucket(len(agency.occurrences), (1, 2, 4, 8))}"}
    if agency.parent:
        feats.add("parent")
    if agency.successor:
        feats.add("successor")
    if any(f" {level} " in f" {name} " for level in _LEVELS):
        feats.add("has_level")
    if issuer and match_key(issuer) == match_key(agency.name):
        feats.add("is_issuer")
    return feats | _context(agency, where)


def document_features(result: ExtractionResult) -> list[set[str]]:
    """One feature set per agency of the result, in its order."""
    where = _where(result)
    return [agency_features(a, where, result.document.issuer) for a in result.agencies]


@dataclass(frozen=True)
class AgencyScorer:
    weights: dict[str, float]
    intercept: float
    threshold: float
    trained_on: str = ""

    def probability(self, features: Iterable[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps({"intercept": self.intercept, "threshold": self.threshold, "trained_on": self.trained_on,
                           "weights": dict(sorted(self.weights.items()))}, ensure_ascii=False, indent=0)

    @classmethod
    def from_json(cls, text: str) -> AgencyScorer:
        d = json.loads(text)
        return cls(weights=d["weights"], intercept=d["intercept"], threshold=d["threshold"],
                   trained_on=d.get("trained_on", ""))


@lru_cache(maxsize=4)
def load_scorer(path: Path = SCORER_PATH) -> AgencyScorer | None:
    """The scorer `vanthu train` wrote, or None where there is none."""
    return AgencyScorer.from_json(path.read_text(encoding="utf-8")) if path.exists() else None


def agency_probabilities(result: ExtractionResult, scorer: AgencyScorer) -> list[float]:
    return [scorer.probability(f) for f in document_features(result)]


def set_aside_doubtful(result: ExtractionResult, scorer: AgencyScorer) -> ExtractionResult:
    """The result with each body the scorer doubts (probability below its threshold) moved from
    `agencies` to an `agency_doubtful` warning that names it, so the review queue shows it instead
    of a downstream system taking it; each kept body's confidence is its probability."""
    kept, doubtful = [], []
    for agency, p in zip(result.agencies, agency_probabilities(result, scorer)):
        if p >= scorer.threshold:
            kept.append(agency.model_copy(update={"confidence": round(p, 3)}))
        else:
            doubtful.append({"name": agency.name, "text": agency.text, "probability": round(p, 3),
                             "position": agency.position.model_dump() if agency.position else None})
    if not doubtful:
        return result.model_copy(update={"agencies": kept})
    warning = Warning(code=WarningCode.AGENCY_DOUBTFUL,
                      message=f"{len(doubtful)} bodies the agency scorer doubts, not listed as agencies: "
                              + "; ".join(d["name"] for d in doubtful),
                      details={"agencies": doubtful, "threshold": scorer.threshold})
    return result.model_copy(update={"agencies": kept, "warnings": [*result.warnings, warning]})
