#!/bin/sh
# Regenerate the held-out test PDFs from their HTML sources (needs LibreOffice and
# fonts-wqy-microhei). The PDFs are checked in; expectations are in
# tests/heldout_expected.py (typed by hand from the rendered PDFs).
set -e
cd "$(dirname "$0")"
for f in zj_huzhou_2024.html gz_congjiang_2022.html sc_wuhou_2021.html \
         js_qinhuai_2025.html gs_lanzhou_2023.html; do
    soffice --headless --infilter="HTML (StarWriter)" \
        --convert-to pdf:writer_pdf_Export --outdir . "$f"
done
