#!/usr/bin/env bash
# Render the external development set (corpus/external/texts/*.txt) into the files a records
# office receives, with ../shared/eval/mkcorpus: <id>.docx, <id>.pdf (LibreOffice) and
# <id>.scan-office.pdf, in corpus/external/docs/<id>/. Run once after adding or fixing a text;
# the renditions are committed, so tests and `make score` need neither ../shared nor this script.
# usage: scripts/render_external.sh [ID...]     (PY= a Python with python-docx pillow numpy img2pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
mk=../shared/eval/mkcorpus
py=${PY:-python3}
ids=("$@")
[ ${#ids[@]} -gt 0 ] || ids=($(ls corpus/external/texts | sed 's/\.txt$//'))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for id in "${ids[@]}"; do
  out=corpus/external/docs/$id
  mkdir -p "$out"
  grep -v '^#source:' "corpus/external/texts/$id.txt" > "$tmp/$id.txt"   # the source line is not the document
  "$py" "$mk/docx_from_text.py" "$tmp/$id.txt" "$out/$id.docx"
  soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to pdf --outdir "$out" "$out/$id.docx" >/dev/null 2>&1
  "$py" "$mk/scan_from_pdf.py" "$out/$id.pdf" "$out/$id.scan-office.pdf" office 7
  echo "$id: $(pdfinfo "$out/$id.pdf" | awk '/Pages/{print $2}') pages, $(du -sh "$out" | cut -f1)"
done
