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
make demo
