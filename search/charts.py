"""Charts drawn on the server as SVG (no script, no CDN): what the CSP allows, and what
prints. Every text put into the SVG is escaped."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 170
BAR_WIDTH = 320
COUNT_WIDTH = 60


def bar_chart(bars: Sequence[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars, one per (label, count), the longest the largest count."""
    largest = max((count for _, count in bars), default=0) or 1
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for n, (label, count) in enumerate(bars):
        y = BAR_GAP + n * (BAR_HEIGHT + BAR_GAP)
        length = round(BAR_WIDTH * count / largest)
        middle = y + BAR_HEIGHT * 0.7
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end" '
            f'font-size="13">{escape(label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{BAR_HEIGHT}" '
            'fill="#486581"></rect>',
            f'<text x="{LABEL_WIDTH + max(length, 1) + 6}" y="{middle:.1f}" '
            f'font-size="13">{count}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
