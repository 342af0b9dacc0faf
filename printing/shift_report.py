"""The shift report as PDF (reportlab): the dashboard's figures and its charts, in English
or French, on one or two A4 pages a lead can print or mail."""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from printing.render import fonts
from printing.words import condition_word, exception_kind_word, reason_word
from receiving_station.services.shift import ShiftFigures

WORDS = {
    "en": {
        "title": "Shift report · {day}",
        "period": "{start} to {end}",
        "parcels": "Parcels received",
        "units": "Units inspected",
        "median": "Dock to decision, median",
        "p90": "Dock to decision, 90th percentile",
        "late_parcels": "Parcels past the SLA ({h} h)",
        "late_units": "Units past the SLA ({h} h)",
        "rate": "Exceptions per unit inspected",
        "per_inspector": "Units per inspector",
        "inspector": "Inspector",
        "count": "Units",
        "per_hour": "Units per hour",
        "by_kind": "Exceptions by kind",
        "kind": "Kind",
        "reasons": "SKUs returned most, by reason",
        "conditions": "SKUs returned most, by condition",
        "sku": "SKU",
        "reason": "Reason",
        "condition": "Condition",
        "hours": "{h} h",
        "none": "—",
    },
    "fr": {
        "title": "Rapport d’équipe · {day}",
        "period": "du {start} au {end}",
        "parcels": "Colis réceptionnés",
        "units": "Articles contrôlés",
        "median": "Du quai à la décision, médiane",
        "p90": "Du quai à la décision, 90e centile",
        "late_parcels": "Colis hors délai ({h} h)",
        "late_units": "Articles hors délai ({h} h)",
        "rate": "Anomalies par article contrôlé",
        "per_inspector": "Articles par contrôleur",
        "inspector": "Contrôleur",
        "count": "Articles",
        "per_hour": "Articles par heure",
        "by_kind": "Anomalies par type",
        "kind": "Type",
        "reasons": "Références les plus retournées, par motif",
        "conditions": "Références les plus retournées, par état",
        "sku": "Réf.",
        "reason": "Motif",
        "condition": "État",
        "hours": "{h} h",
        "none": "—",
    },
}


def _bars(pairs: list[tuple[str, float]], font: str, width: float = 170 * mm) -> Drawing:
    height = max(30.0, 16.0 * len(pairs)) + 20
    drawing = Drawing(width, height)
    if not pairs:
        drawing.add(String(0, height / 2, "—", fontName=font, fontSize=9))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = 60 * mm, 10
    chart.width, chart.height = width - 70 * mm, height - 20
    chart.data = [[v for _k, v in reversed(pairs)]]
    chart.categoryAxis.categoryNames = [k for k, _v in reversed(pairs)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#0b62d6")
    chart.barLabelFormat = "%g"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


class ShiftReportPdf:
    """The station's shift-report renderer."""

    def render(self, figures: ShiftFigures, language: str) -> bytes:
        return render_shift_report(figures, language)


def render_shift_report(f: ShiftFigures, language: str = "en") -> bytes:
    w = WORDS.get(language, WORDS["en"])
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    h1 = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=18, leading=22)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=12.5, spaceBefore=10)

    def p(value: Any, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(str(value).replace("&", "&amp;").replace("<", "&lt;"), style)

    def table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
        data = [[p(h, h2) for h in header]] if header else []
        data += [[p(c) for c in r] for r in rows] or [[p(w["none"])] + [""] * (len(widths) - 1)]
        t = Table(data, colWidths=widths, hAlign="LEFT")
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
        return t

    def hours(value: float | None) -> str:
        return w["none"] if value is None else w["hours"].format(h=f"{value:g}")

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=w["title"].format(day=f.day.isoformat()),
        author="Receiving Station",
    )
    story: list[Flowable] = [
        p(w["title"].format(day=f.day.isoformat()), h1),
        p(
            w["period"].format(
                start=f.start.strftime("%Y-%m-%d %H:%M"), end=f.end.strftime("%Y-%m-%d %H:%M")
            )
        ),
        Spacer(1, 4 * mm),
        table(
            [],
            [
                [w["parcels"], f.parcels_received],
                [w["units"], f.units_inspected],
                [w["median"], hours(f.dock_to_decision_median_h)],
                [w["p90"], hours(f.dock_to_decision_p90_h)],
                [w["late_parcels"].format(h=f.sla_hours), f.parcels_past_sla],
                [w["late_units"].format(h=f.sla_hours), f.units_past_sla],
                [w["rate"], f"{f.exception_rate:.2f}"],
            ],
            [110 * mm, 60 * mm],
        ),
        p(w["per_inspector"], h2),
        _bars([(i.name, i.units) for i in f.inspectors], regular),
        table(
            [w["inspector"], w["count"], w["per_hour"]],
            [[i.name, i.units, f"{i.per_hour:g}"] for i in f.inspectors],
            [80 * mm, 40 * mm, 50 * mm],
        ),
        p(w["by_kind"], h2),
        _bars([(exception_kind_word(k, language), n) for k, n in f.exceptions_by_kind], regular),
        p(w["reasons"], h2),
        table(
            [w["sku"], w["reason"], w["count"]],
            [[s, reason_word(r, language), n] for s, r, n in f.top_reasons],
            [60 * mm, 80 * mm, 30 * mm],
        ),
        p(w["conditions"], h2),
        table(
            [w["sku"], w["condition"], w["count"]],
            [[s, condition_word(c, language), n] for s, c, n in f.top_conditions],
            [60 * mm, 80 * mm, 30 * mm],
        ),
    ]
    doc.build(story)
    return out.getvalue()
