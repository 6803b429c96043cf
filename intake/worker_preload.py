"""Imported once by the forkserver that ingest workers are forked from (intake/worker.py): its
import is the warm-up. The readers, the recognizers and their word lists are loaded and one
sample document is read before the first fork, so every worker starts warm (the first document
as fast as the rest: 2.4 s cold → 0.3 s warm for a 13-page docx) and the workers share these
pages instead of each holding its own copy."""
from __future__ import annotations

import gc
import sys
from pathlib import Path


def _warm_up() -> bool:
    """Whether the sample was read. The warm-up only saves time: whatever it meets, the forkserver
    must live (it died when the first intake of a process ran under a lowered limit, and every
    worker start then waited forever)."""
    import corpus
    import extract.pdf_reader  # noqa: F401
    import intake.ingest  # noqa: F401  (the store and the intake's own modules)
    from models import ExtractOptions
    from pipeline import extract_bytes
    sample = Path(corpus.__file__).parent / "samples" / "004.docx"
    try:
        if sample.exists():
            # the code's defaults, not the environment's limits of the moment
            extract_bytes(sample.read_bytes(), "warm-up", ExtractOptions(ocr=False))
    except Exception as exc:  # noqa: BLE001  (said once; the workers start cold instead)
        print(f"vanthu: worker warm-up skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return False
    return True


WARM = _warm_up()
# What the warm-up built stays as it is: kept out of the collector's reach, so a worker's
# collections do not write to (and so copy) the pages it shares with its siblings.
gc.freeze()
