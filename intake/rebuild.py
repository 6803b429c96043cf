"""`vanthu rebuild --root R`: the intake database recreated from what the folders hold, so losing
the database never loses a document.

- archive/<aa>/<sha256>/<name>: each original (its hash checked against the folder's name);
- outbox/*.json: each document's result (source.sha256 names its original), stored again as
  the document's extraction run with its records; an original without a readable result is
  left `archived`, and the watcher (or `vanthu work`) extracts it again;
- quarantine/<sha12>-<name> with its .reason.json: the failed files and why;
- archive/<aa>/<sha256>/duplicates/*: the duplicates kept.

It only adds what the database lacks (a second run adds nothing). What lives only in the
database is lost with it: analysts' corrections and their audit rows, users, tokens, webhook
subscriptions (a reviewed outbox JSON is stored as that document's result, its corrections
applied). README "Backups" says how to keep those."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from intake.workspace import TEMP_PREFIX, Workspace, sha256_file
from models import ExtractionResult, IntakeState
from stores import intake
from stores.db import Store

SHA_LENGTH = 64


@dataclass
class Rebuilt:
    documents: int = 0          # originals with their result stored again (done)
    to_extract: int = 0         # originals without a result: archived, extracted again by a watcher
    quarantined: int = 0
    duplicates: int = 0
    already_known: int = 0      # in the database before (a second rebuild, or a partial loss)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"documents": self.documents, "to_extract": self.to_extract, "quarantined": self.quarantined,
                "duplicates": self.duplicates, "already_known": self.already_known, "problems": self.problems}


def _originals(ws: Workspace):
    """(sha256, path) of every archived original."""
    for folder in sorted(ws.archive.glob("??/*")):
        if not folder.is_dir() or len(folder.name) != SHA_LENGTH:
            continue
        for p in sorted(folder.iterdir()):
            if p.is_file() and not p.is_symlink() and not p.name.startswith(TEMP_PREFIX):
                yield folder.name, p


def _results(ws: Workspace, problems: list[str]) -> dict[str, tuple[Path, ExtractionResult]]:
    """The outbox's results by the hash of their source; the newest file wins for one hash."""
    out: dict[str, tuple[Path, ExtractionResult]] = {}
    for p in sorted(ws.outbox.glob("*.json"), key=lambda q: q.stat().st_mtime):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            data.pop("review", None)  # a reviewed result: its corrections are applied in it
            result = ExtractionResult.model_validate(data)
        except (OSError, ValueError, ValidationError) as exc:
            problems.append(f"{p.name}: not a result ({type(exc).__name__})")
            continue
        out[result.source.sha256] = (p, result)
    return out


def _quarantined(ws: Workspace):
    """(sha256, file, sidecar) of every quarantined original with its reason file."""
    for sidecar in sorted(ws.quarantine.glob("*.reason.json")):
        try:
            reason = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        original = sidecar.with_name(sidecar.name[:-len(".reason.json")])
        if reason.get("sha256") and original.is_file():
            yield reason, original


def rebuild(ws: Workspace, store: Store) -> Rebuilt:
    done = Rebuilt()
    results = _results(ws, done.problems)
    for sha, path in _originals(ws):
        if sha256_file(path) != sha:
            done.problems.append(f"{path.relative_to(ws.root)}: content does not hash to its folder's name")
            continue
        outbox = results.get(sha)
        name = outbox[1].source.path if outbox else path.name
        row, new = intake.receive(store, sha, name, IntakeState.ARCHIVED, archive_path=str(path),
                                  size_bytes=path.stat().st_size)
        if not new:
            done.already_known += 1
            continue
        if outbox is None:
            done.to_extract += 1
            continue
        out_path, result = outbox
        store.save_result(result)
        intake.advance(store, sha, IntakeState.DONE, outbox_path=str(out_path),
                       extractor_version=result.extractor_version)
        done.documents += 1
    for reason, original in _quarantined(ws):
        code, message = reason.get("reason") or "unknown", reason.get("message") or ""
        row, new = intake.receive(store, reason["sha256"], reason.get("file") or original.name, IntakeState.FAILED,
                                  quarantine_path=str(original), stage=reason.get("stage") or "extract",
                                  reason=f"{code}: {message}", size_bytes=original.stat().st_size)
        done.quarantined += new
        done.already_known += not new
    for sha, path in ((p.parent.parent.name, p) for p in sorted(ws.archive.glob("??/*/duplicates/*"))):
        if len(sha) == SHA_LENGTH and path.is_file():
            # kept as "<entry hash>-<name>" (intake/workspace.duplicate_path)
            done.duplicates += intake.record_duplicate(store, sha, path.name.split("-", 1)[-1], str(path))
    return done


__all__ = ["Rebuilt", "rebuild"]
