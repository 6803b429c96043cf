"""A historical archive, built from the seeds (../shared/corpus, when beside the checkout) and the
external set (corpus/external), run through `vanthu reprocess` and scored against the Unicode
originals' gold: `python -m bench.historical [--out out/historical] [--workers N]` (`make historical`).

Each document is put in the forms an old records office holds: Word (.docx) in Unicode, TCVN3
(.VnTime, capitals in .VnTimeH), VNI (VNI-Times), and TCVN3 typed in a Unicode font (a font
changed after typing: found by its characters); Word 97 .doc, RTF and ODT made from them by
LibreOffice; PDF rendered by LibreOffice in Unicode and with legacy fonts (text layer in legacy
codes; the legacy fonts are DejaVu Serif with legacy code points, so the Unicode PDF is drawn in
DejaVu Serif too and all three are laid out alike); its tables as an Excel appendix (.xlsx in Unicode and VNI, .xls in TCVN3). Every file is
archived and registered as the watcher would, then `vanthu reprocess --all` re-extracts them all
(its progress bar shows), and the report gives per form and encoding: files, successes, per-field
F1 against gold and its distance from the Unicode original of the same form, legacy characters
left undecoded, and documents per minute. The archive lives under out/ (never in git)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.legacy_docs import (
    appendix_xlsx,
    build_fonts,
    legacy_docx,
    legacy_docx_for_pdf,
    soffice_convert_many,
    unicode_docx_for_pdf,
)
from normalize.legacy_encodings import LegacyEncoding, undecoded

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seeds": (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "eval" / "gold"),
    "external": (ROOT / "corpus" / "external" / "docs", ROOT / "corpus" / "external" / "gold"),
}
FIELDS = ("references", "dates", "amounts", "agencies")
RECORDS = ("tasks", "budget", "catalog")
ENCODINGS = ("unicode", "tcvn3", "vni", "tcvn3-unicode-font")
# The bar: on TCVN3 and VNI variants every field's F1 within this of the Unicode original's.
MAX_F1_DROP = 0.01


def sources(set_names: list[str]) -> dict[str, tuple[bytes, Path]]:
    """doc id → (its Unicode .docx, its gold file)."""
    out = {}
    for name in set_names:
        docs, gold = SETS[name]
        for path in sorted(docs.glob("*/*.docx")):
            g = gold / f"{path.stem}.json"
            if g.exists():
                out[path.stem] = (path.read_bytes(), g)
    return out


def build(docs: dict[str, tuple[bytes, Path]], dest: Path) -> list[Path]:
    """Every form of every document in `dest` (kept between runs: delete it to rebuild)."""
    dest.mkdir(parents=True, exist_ok=True)
    marker = dest / ".complete"
    if marker.exists():
        return sorted(p for p in dest.iterdir() if not p.name.startswith("."))
    tcvn3, vni = LegacyEncoding.TCVN3, LegacyEncoding.VNI
    words: dict[str, bytes] = {}
    for doc_id, (data, _) in docs.items():
        words[f"{doc_id}.unicode.docx"] = data
        words[f"{doc_id}.tcvn3.docx"] = legacy_docx(data, tcvn3)
        words[f"{doc_id}.vni.docx"] = legacy_docx(data, vni)
        words[f"{doc_id}.tcvn3-unicode-font.docx"] = legacy_docx(data, tcvn3, unicode_font=True)
    for name, data in words.items():
        (dest / name).write_bytes(data)
    def missing(names: dict[str, bytes], target: str) -> dict[str, bytes]:  # a stopped build resumes
        return {n: d for n, d in names.items() if not (dest / f"{Path(n).stem}.{target}").exists()}
    office = {n: d for n, d in words.items() if "unicode-font" not in n}
    for target in ("doc", "rtf", "odt"):
        todo = missing(office, target)
        print(f"building .{target} with LibreOffice ({len(todo)} files)", flush=True)
        for stem, data in (soffice_convert_many(todo, target) if todo else {}).items():
            (dest / f"{stem}.{target}").write_bytes(data)
    pdf_sources = {}
    for doc_id, (data, _) in docs.items():
        pdf_sources[f"{doc_id}.unicode.docx"] = unicode_docx_for_pdf(data)
        pdf_sources[f"{doc_id}.tcvn3.docx"] = legacy_docx_for_pdf(data, tcvn3)
        pdf_sources[f"{doc_id}.vni.docx"] = legacy_docx_for_pdf(data, vni)
    todo = missing(pdf_sources, "pdf")
    print(f"building .pdf with LibreOffice ({len(todo)} files)", flush=True)
    fonts = build_fonts(dest.parent / "fonts")
    for stem, data in (soffice_convert_many(todo, "pdf", fonts) if todo else {}).items():
        (dest / f"{stem}.pdf").write_bytes(data)
    print("building the Excel appendices", flush=True)
    xls_sources = {}
    for doc_id, (data, _) in docs.items():
        if not _has_tables(data):
            continue
        (dest / f"{doc_id}.appendix-unicode.xlsx").write_bytes(appendix_xlsx(data))
        (dest / f"{doc_id}.appendix-vni.xlsx").write_bytes(appendix_xlsx(data, vni))
        xls_sources[f"{doc_id}.appendix-tcvn3.xlsx"] = appendix_xlsx(data, tcvn3, recalculate=False)
    for stem, data in soffice_convert_many(xls_sources, "xls").items():
        (dest / f"{stem}.xls").write_bytes(data)
    marker.write_text("")
    return sorted(p for p in dest.iterdir() if not p.name.startswith("."))


def _has_tables(data: bytes) -> bool:
    from extract import extract_document
    return bool(extract_document(data).tables)


def group_of(path: Path) -> tuple[str, str, str]:
    """(doc id, form, encoding) of a built file: 'e02.tcvn3.pdf' → ('e02', 'pdf', 'tcvn3'),
    'e02.appendix-tcvn3.xls' → ('e02', 'xls', 'tcvn3')."""
    doc_id, variant, ext = path.name.split(".", 2)
    return doc_id, ext, variant.removeprefix("appendix-")


def archive(files: list[Path], root: Path) -> str:
    """Put every file in the intake archive and register it as the watcher would, with an outbox path."""
    from intake.workspace import Workspace, archive_path, place, sha256_file
    from stores import intake
    from stores.db import Store
    ws = Workspace.at(root / "inbox", root)
    store = Store.open(ws.database_url)
    for src in files:
        tmp = root / "incoming" / src.name
        tmp.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, tmp)
        sha = sha256_file(tmp)
        dest = archive_path(ws, sha, src.name)
        place(tmp, dest)
        intake.receive(store, sha, src.name)
        intake.advance(store, sha, "done", archive_path=str(dest), extractor_version="before",
                       outbox_path=str(ws.outbox / f"{src.name}.json"))
    return ws.database_url


def score(outputs: dict[tuple[str, str], list[Path]], gold_of: dict[str, Path]) -> dict[tuple[str, str], dict]:
    """Per (form, encoding): micro-averaged F1 of each field and record kind over its documents."""
    import tests.gold_score as scorer
    report = {}
    for key, paths in outputs.items():
        totals = {f: [0, 0, 0] for f in FIELDS}
        recs = {k: [0, 0, 0, 0] for k in RECORDS}   # matched, pred, gold, exact
        for path in paths:
            pred = json.loads(path.read_text(encoding="utf-8"))
            s = scorer.score_doc(json.loads(gold_of[path.name.split(".")[0]].read_text(encoding="utf-8")), pred)
            for f in FIELDS:
                for k in range(3):
                    totals[f][k] += s[f][k]
            for kind, r in s["records"].items():
                if kind in recs:
                    for k, name in enumerate(("matched", "pred", "gold", "exact")):
                        recs[kind][k] += r[name]
        f1 = {f: 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0 for f, (tp, fp, fn) in totals.items()}
        f1.update({kind: 2 * m / (p + g) if p + g else 1.0 for kind, (m, p, g, _) in recs.items()})
        report[key] = {"f1": f1, "records": {k: {"exact": v[3], "gold": v[2], "pred": v[1]} for k, v in recs.items()},
                       "undecoded_chars": sum(new_undecoded(p) for p in paths)}
    return report


def new_undecoded(path: Path) -> int:
    """Characters no Vietnamese, ASCII or punctuation reading explains in an output, beyond those
    its Unicode original's output of the same form has ('°' is in some originals): what a legacy
    run left undecoded would add."""
    from collections import Counter
    doc_id, rest = path.name.split(".", 1)
    variant, ext = rest.split(".", 1)
    base = "appendix-unicode.xlsx" if variant.startswith("appendix") else f"unicode.{ext}"
    original = path.with_name(f"{doc_id}.{base}")
    bad = Counter(undecoded(path.read_text(encoding="utf-8")))
    if original.exists():
        bad -= Counter(undecoded(original.read_text(encoding="utf-8")))
    return sum(bad.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "out" / "historical"))
    ap.add_argument("--sets", default="seeds,external")
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)
    out = Path(args.out)
    docs = sources([s for s in args.sets.split(",") if SETS[s][0].exists()])
    files = build(docs, out / "build")
    print(f"archive: {len(files)} files from {len(docs)} documents", flush=True)
    root = out / "intake"
    shutil.rmtree(root, ignore_errors=True)
    archive(files, root)
    command = [str(Path(sys.executable).parent / "vanthu"), "reprocess", "--root", str(root), "--all"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    started = time.perf_counter()
    subprocess.run(command, check=False)   # its progress bar and tally go to the terminal
    took = time.perf_counter() - started
    outputs: dict[tuple[str, str], list[Path]] = {}
    tally: dict[tuple[str, str], list[int]] = {}
    for path in files:
        _, form, encoding = group_of(path)
        result = root / "outbox" / f"{path.name}.json"
        tally.setdefault((form, encoding), [0, 0])[1] += 1
        if result.exists():
            tally[(form, encoding)][0] += 1
            outputs.setdefault((form, encoding), []).append(result)
    scores = score(outputs, {doc_id: g for doc_id, (_, g) in docs.items()})
    lines = [f"# Historical batch: {len(files)} files from {len(docs)} documents",
             f"`vanthu reprocess --all` ({args.workers or os.cpu_count()} workers): {took:.0f} s, "
             f"{len(files) / took * 60:.1f} documents/min (Prefect start included)", "",
             "| form | encoding | ok/files | " + " | ".join(FIELDS) + " | " + " | ".join(RECORDS)
             + " | max drop vs Unicode | undecoded chars |",
             "|---" * (5 + len(FIELDS) + len(RECORDS)) + "|"]
    verdict = True
    for form in ("docx", "doc", "rtf", "odt", "pdf", "xlsx", "xls"):
        base = scores.get((form, "unicode")) or scores.get(("xlsx", "unicode") if form == "xls" else (form, ""))
        for encoding in ENCODINGS:
            key = (form, encoding)
            if key not in tally:
                continue
            s = scores.get(key)
            ok, n = tally[key]
            cells = [f"{s['f1'][f]:.3f}" if s else "-" for f in (*FIELDS, *RECORDS)]
            drop = max((base["f1"][f] - s["f1"][f] for f in (*FIELDS, *RECORDS)), default=0.0) \
                if s and base and encoding != "unicode" else None
            if drop is not None and drop > MAX_F1_DROP or ok < n or s and s["undecoded_chars"]:
                verdict = False
            lines.append(f"| {form} | {encoding} | {ok}/{n} | " + " | ".join(cells)
                         + f" | {'' if drop is None else f'{drop:+.3f}'} | {s['undecoded_chars'] if s else '-'} |")
    lines += ["", "F1 micro-averaged over the documents of each row against the Unicode originals' gold "
              "(tests/gold_score.py); the appendices (.xlsx/.xls) hold only the tables, so their text fields "
              "score low for every encoding alike and their records are what they are compared on. "
              "'max drop': the largest fall of any field's F1 from the same form in Unicode (.xls: from the "
              "Unicode .xlsx). 'undecoded chars': characters of the outputs that no Vietnamese, ASCII or "
              f"punctuation reading explains, beyond those of the Unicode original's output. Verdict (every drop ≤ {MAX_F1_DROP}, every file read, nothing undecoded): "
              f"{'PASS' if verdict else 'FAIL'}"]
    report = "\n".join(lines)
    (out / "report.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
