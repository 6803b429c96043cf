#!/usr/bin/env bash
# One command from a fresh Debian machine (as root) to a working vanthu:
# system packages, the Python environment, and the main job on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive
if [ "${VANTHU_SKIP_APT:-0}" != 1 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    make python3 python3-venv python3-dev gcc \
    tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils \
    libreoffice-writer-nogui libreoffice-calc-nogui postgresql \
    chromium chromium-driver fonts-dejavu-core fonts-dejavu-extra >/dev/null
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[flows,web,test,train]'
# An editable install compiles nothing: without bytecode every command compiles vanthu's 200-odd
# modules again (0.11 s of the 1.2 s of `vanthu extract 004.pdf`, 2026-12-06; PYTHONDONTWRITEBYTECODE
# keeps Python from writing it on first use). A stale .pyc is only ignored, so this stays right.
.venv/bin/python -m compileall -q -j 0 models normalize extract tables ner records pipeline stores intake web cli corpus bench >/dev/null
make demo
