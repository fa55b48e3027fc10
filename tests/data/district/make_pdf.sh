#!/bin/sh
# Regenerate district_2026.pdf from district_2026.html (needs LibreOffice and
# fonts-wqy-microhei). The PDF is checked in; the tests never run this.
# The HTML is imported into Writer (not Writer/Web), which keeps the page size,
# the ruling lines of every cell and page-break-before.
set -e
cd "$(dirname "$0")"
soffice --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir . district_2026.html
