"""Label rendering: median ms per label for each renderer, and the PDF against a baseline.

The baseline is the same 4x6 disposition label drawn with reportlab's own barcode widgets
(Code 128 and QR), as a plain reportlab program would; the station draws python-barcode's
Code 128 pattern and segno's QR matrix as vector rectangles. Targets: ZPL at most 1 ms, PDF
at most 8 ms. Prints the figures, then one JSON line.   Usage: python bench/labels.py
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.graphics import renderPDF  # noqa: E402
from reportlab.graphics.barcode import code128, qr  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from printing.render import MM, LabelData, render_pdf, render_png, render_zpl  # noqa: E402
from printing.template import ElementKind, load_templates  # noqa: E402
from receiving_station.domain.checkdigits import license_plate  # noqa: E402

VALUES = {
    "disposition": "restock",
    "zone": "A-RESTOCK",
    "rma": "RMA-000001",
    "sku": "AP-074-M",
    "description": "Hoodie, Olive, M",
    "grade": "B",
    "date": "2026-11-26 10:05",
    "station": "DOCK-1",
    "inspector": "Bruno Lefèvre",
}


def median_ms(fn: Callable[[int], Any], n: int) -> float:
    fn(0)  # warm up (fonts, caches)
    times = []
    for i in range(1, n + 1):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def reportlab_widgets(label: LabelData) -> bytes:
    """The baseline: texts as the station draws them, barcodes as reportlab widgets."""
    t = label.template
    out = io.BytesIO()
    c = Canvas(out, pagesize=(t.width * MM, t.height * MM), pageCompression=0)
    for e in t.elements:
        x, w, h = e.x * MM, e.width * MM, e.height * MM
        y = (t.height - e.y - e.height) * MM
        value = label.text_of(e)
        if not value:
            continue
        if e.kind is ElementKind.CODE128:
            bar = code128.Code128(value, barHeight=h, humanReadable=False)
            bar.barWidth = w / bar.minWidth() * bar.barWidth
            bar.drawOn(c, x, y)
        elif e.kind is ElementKind.QR:
            widget = qr.QrCodeWidget(value)
            bx, by, bw, bh = widget.getBounds()
            d = Drawing(w, w, transform=[w / (bw - bx), 0, 0, w / (bh - by), 0, 0])
            d.add(widget)
            renderPDF.draw(d, c, x, y)
        elif e.kind is ElementKind.TEXT:
            c.setFont("Helvetica-Bold" if e.bold else "Helvetica", e.size)
            c.drawString(x, y + h / 3, value)
    c.showPage()
    c.save()
    return out.getvalue()


def main() -> None:
    templates, errors = load_templates(ROOT / "resources" / "labels")
    assert not errors, errors
    figures: dict[str, Any] = {"bench": "labels"}
    n = 300
    for tid in sorted(templates):

        def data(i: int, tid: str = tid) -> LabelData:
            return LabelData(templates[tid], {**VALUES, "lpn": license_plate(1000 + i)}, "fr")

        row = {
            "pdf_ms": median_ms(lambda i: render_pdf(data(i)), n),
            "zpl_ms": median_ms(lambda i: render_zpl(data(i)), n),
            "png_ms": median_ms(lambda i: render_png(data(i)), n // 3),
        }
        print(
            f"{tid:22} PDF {row['pdf_ms']:6.2f} ms   ZPL {row['zpl_ms']:6.3f} ms   "
            f"PNG preview {row['png_ms']:6.2f} ms",
            flush=True,
        )
        figures[tid] = {k: round(v, 3) for k, v in row.items()}
    label = "disposition-4x6"
    baseline = median_ms(
        lambda i: reportlab_widgets(
            LabelData(templates[label], {**VALUES, "lpn": license_plate(1000 + i)}, "fr")
        ),
        n,
    )
    ours = figures[label]["pdf_ms"]
    figures["baseline_reportlab_widgets_pdf_ms"] = round(baseline, 3)
    figures["pdf_ratio_to_baseline"] = round(ours / baseline, 2)
    worst_pdf = max(v["pdf_ms"] for k, v in figures.items() if isinstance(v, dict))
    worst_zpl = max(v["zpl_ms"] for k, v in figures.items() if isinstance(v, dict))
    figures["target_met"] = worst_pdf <= 8 and worst_zpl <= 1
    print(
        f"{label}: vector PDF {ours:.2f} ms against reportlab's barcode widgets "
        f"{baseline:.2f} ms ({ours / baseline:.2f}x); targets PDF <= 8 ms, ZPL <= 1 ms: "
        + ("met" if figures["target_met"] else "MISSED")
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
