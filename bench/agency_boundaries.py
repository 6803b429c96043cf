"""Where does an agency's name end? The recognizer (ner/agencies.py) takes a capitalized word and
the lowercase words that make one word with it in the Viet74K word list ('Tài chính', 'Khoa học').
This measures the alternative the issue asked about — underthesea's own word segmentation — on
the same documents: agencies F1 on the .docx of the seeds and the external set, and the time.

    python -m bench.agency_boundaries

The underthesea reading segments each piece of text once (cached) and lets a name part run over
the lowercase syllables of the segmented word that starts with it."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from functools import lru_cache

import ner.agencies as agencies
from bench.score_sets import ROOT, SCORER, SETS, rendition_files
from pipeline import extract_file

_lexicon_component_end = agencies._Parser.component_end


@lru_cache(maxsize=4096)
def _segmented(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character spans of underthesea's words in the text."""
    from underthesea import word_tokenize
    spans, pos = [], 0
    for word in word_tokenize(text):
        start = text.find(word, pos)
        if start < 0:
            continue
        spans.append((start, start + len(word)))
        pos = start + len(word)
    return tuple(spans)


def _underthesea_component_end(self, i: int) -> int:
    if not self.is_cap(i) or self.all_caps:
        return _lexicon_component_end(self, i)
    start = self.toks[i].start
    word = next(((a, b) for a, b in _segmented(self.text) if a <= start < b), None)
    j = i + 1
    while word and j < len(self.toks) and self.is_low(j) and self.toks[j].end <= word[1]:
        j += 1
    return j


def _score(tag: str) -> tuple[float, float]:
    t0 = time.perf_counter()
    f1 = {}
    for set_name in ("seeds", "external"):
        docs, gold = SETS[set_name]
        if not gold.exists():
            continue
        out = ROOT / "out" / "boundaries" / tag / set_name
        out.mkdir(parents=True, exist_ok=True)
        for path in rendition_files(docs, "docx"):
            (out / f"{path.name}.json").write_text(extract_file(path).model_dump_json(), encoding="utf-8")
        done = subprocess.run([sys.executable, str(SCORER), str(gold), str(out), "--json"], capture_output=True,
                              text=True, check=True)
        f1[set_name] = json.loads(done.stdout)["fields"]["agencies"]["f1"]
    return f1, time.perf_counter() - t0


def main() -> int:
    base, t_base = _score("lexicon")
    agencies._Parser.component_end = _underthesea_component_end
    try:
        alt, t_alt = _score("underthesea")
    finally:
        agencies._Parser.component_end = _lexicon_component_end
    print(f"{'boundaries':14s} {'seeds F1':>9s} {'external F1':>12s} {'seconds':>8s}")
    print(f"{'Viet74K words':14s} {base.get('seeds', 0):9.3f} {base.get('external', 0):12.3f} {t_base:8.1f}")
    print(f"{'underthesea':14s} {alt.get('seeds', 0):9.3f} {alt.get('external', 0):12.3f} {t_alt:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
