"""The project's own data: gazetteers, document-type codes and bundled sample documents."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GAZETTEER_DIR = ROOT / "gazetteer"
SAMPLES_DIR = ROOT / "samples"


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """Read a packaged gazetteer file once per process."""
    return json.loads((GAZETTEER_DIR / name).read_text(encoding="utf-8"))


def gold_sets() -> dict[str, tuple[Path, Path]]:
    """The repository's documents with gold, by set: name → (docs folder, gold folder). Each
    document is docs/<id>/<id>.<rendition>, its gold gold/<id>.json. The pool's batches are
    `pool-<letter>` (issue 17: each scored once at first sight, then development)."""
    sets = {name: (ROOT / name / "docs", ROOT / name / "gold") for name in ("external", "holdout", "holdout2")}
    sets.update({f"pool-{b.name}": (b / "docs", b / "gold") for b in sorted((ROOT / "pool").glob("*"))
                 if (b / "gold").is_dir()})
    return sets
