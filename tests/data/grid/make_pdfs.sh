#!/bin/sh
# Regenerate the grid-layout test PDFs from their HTML sources (needs LibreOffice
# and fonts-wqy-microhei). The PDFs are checked in; the tests never run this.
# The HTML is imported into Writer (not Writer/Web), which keeps the page size,
# the ruling lines of every cell and page-break-before.
set -e
cd "$(dirname "$0")"
for f in *.html; do
    soffice --headless --infilter="HTML (StarWriter)" \
        --convert-to pdf:writer_pdf_Export --outdir . "$f"
done
