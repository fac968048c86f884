"""Server-rendered SVG bar charts (no JavaScript, no CDN), built with format_html."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .index import SurveyResult

# Presentation attributes, not CSS: the PDF renderer ignores CSS `fill` inside SVG.
FILLS = {"a": "#1e6b34", "b": "#0b4f6c", "c": "#b07d00", "d": "#a4161a"}
ROW = 28
LABEL_WIDTH = 275
BAR_WIDTH = 300
WIDTH = LABEL_WIDTH + BAR_WIDTH + 90


def element_bars(result: SurveyResult, title: str) -> SafeString:
    """One horizontal bar per element: its NRR converted to the 25-100 scale."""
    height = ROW * len(result.elements) + 30
    rows = []
    for position, element in enumerate(result.elements):
        y = 10 + position * ROW
        value = float(element.converted)
        rows.append(
            (
                y + 17,
                str(element.label),
                LABEL_WIDTH,
                y + 4,
                round(BAR_WIDTH * value / 100, 1),
                element.letter.lower(),
                FILLS.get(element.letter.lower(), "#4a5563"),
                LABEL_WIDTH + round(BAR_WIDTH * value / 100, 1) + 6,
                y + 17,
                number_format(element.nrr, 4),
                element.letter,
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" class="skm-chart-label" font-size="11" fill="#1b1f24">{}</text>'
        '<rect x="{}" y="{}" height="18" width="{}" class="skm-bar skm-bar-{}" fill="{}"></rect>'
        '<text x="{}" y="{}" class="skm-chart-value" font-size="11" fill="#1b1f24">{} ({})</text>',
        rows,
    )
    return format_html(
        '<svg class="skm-chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}</svg>',
        WIDTH,
        height,
        title,
        title,
        body,
    )
