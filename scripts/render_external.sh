#!/usr/bin/env bash
# Render a set of real documents kept as text (corpus/<set>/texts/*.txt: the external development
# set, or the holdout) into the files a records office receives, with ../shared/eval/mkcorpus:
# <id>.docx, <id>.pdf (LibreOffice) and <id>.scan-office.pdf, in corpus/<set>/docs/<id>/. Run once
# after adding or fixing a text; the renditions are committed, so tests and `make score` need
# neither ../shared nor this script.
# usage: scripts/render_external.sh [--scans-only] [--set external|holdout|pool/a] [ID...]
#        (PY= a Python with python-docx pillow numpy img2pdf; soffice and pdfinfo on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=external
scans_only=0
if [ "${1:-}" = "--scans-only" ]; then scans_only=1; shift; fi
if [ "${1:-}" = "--set" ]; then set_name=$2; shift 2; fi
mk=../shared/eval/mkcorpus
py=${PY:-python3}
ids=("$@")
[ ${#ids[@]} -gt 0 ] || ids=($(ls "corpus/$set_name/texts" | sed 's/\.txt$//'))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for id in "${ids[@]}"; do
  out=corpus/$set_name/docs/$id
  mkdir -p "$out"
  if [ "$scans_only" = 0 ] || [ ! -f "$out/$id.pdf" ]; then
    grep -v '^#source:' "corpus/$set_name/texts/$id.txt" > "$tmp/$id.txt"   # the source line is not the document
    "$py" "$mk/docx_from_text.py" "$tmp/$id.txt" "$out/$id.docx"
    soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to pdf --outdir "$out" "$out/$id.docx" >/dev/null 2>&1
  fi
  "$py" "$mk/scan_from_pdf.py" "$out/$id.pdf" "$out/$id.scan-office.pdf" office 7
  echo "$id: $(pdfinfo "$out/$id.pdf" | awk '/Pages/{print $2}') pages, $(du -sh "$out" | cut -f1)"
done
