#!/usr/bin/env bash
# Installs what reads scans (src/documents/ocr/): Debian's Tesseract with the language packs the daemon reads by
# default (extraction.ocr.languages), and poppler's pdftoppm, which rasterises PDF pages for it. util-linux gives
# prlimit, which bounds each run. Run as root on Debian/Ubuntu; non-interactive and idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-ita
  tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-chi-sim poppler-utils util-linux)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "OCR packages already installed"
else
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

echo "$(tesseract --version 2>&1 | head -n 1); $(pdftoppm -v 2>&1 | head -n 1)"
echo "tesseract languages: $(tesseract --list-langs 2>/dev/null | tail -n +2 | tr '\n' ' ')"
