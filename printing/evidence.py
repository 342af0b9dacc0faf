"""Evidence packs as PDF (reportlab): the return, the parcel at receipt, and each unit with
every answer, its photos, grade and disposition, and who, where and when. In English or
French; photos are embedded as stored (JPEG), each with its step, time and checksum."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from printing.render import fonts
from printing.words import disposition_word
from receiving_station.services.evidence import Evidence, PhotoEvidence, UnitEvidence
from workflows.definition import Step, StepKind, text

WORDS = {
    "en": {
        "title": "Evidence pack",
        "generated": "Generated {when} by {who} at {where}",
        "generated_cli": "Generated {when} from the command line",
        "return": "The return",
        "rma": "RMA",
        "order": "Order",
        "customer": "Customer",
        "channel": "Channel",
        "requested": "Requested",
        "window": "Return window until",
        "status": "Status",
        "parcel": "The parcel at receipt",
        "received": "Received",
        "by_at": "{when} by {who} at {where}",
        "packaging": "Packaging",
        "good": "good",
        "damaged": "damaged",
        "note": "Note",
        "not_received": "Not received yet.",
        "unit": "Unit {ref}",
        "item": "Item",
        "plate": "License plate",
        "inspected": "Inspected",
        "workflow": "Workflow",
        "grade": "Grade",
        "disposition": "Disposition",
        "zone": "Zone",
        "refund": "Refund",
        "rule": "Rule",
        "policy": "Return policy version",
        "override": "Override reason",
        "answers": "Answers",
        "photos": "Photos",
        "yes": "Yes",
        "no": "No",
        "none": "none",
        "photo_count": "{n} photo(s)",
        "no_units": "No unit inspected yet.",
        "caption": "{step} · {when} · SHA-256 {sha}…",
        "total": "Refund recommended in total",
    },
    "fr": {
        "title": "Dossier de preuves",
        "generated": "Établi le {when} par {who} au poste {where}",
        "generated_cli": "Établi le {when} en ligne de commande",
        "return": "Le retour",
        "rma": "Retour",
        "order": "Commande",
        "customer": "Client",
        "channel": "Canal",
        "requested": "Demandé le",
        "window": "Délai de retour jusqu’au",
        "status": "État",
        "parcel": "Le colis à la réception",
        "received": "Réceptionné",
        "by_at": "le {when} par {who} au poste {where}",
        "packaging": "Emballage",
        "good": "en bon état",
        "damaged": "endommagé",
        "note": "Remarque",
        "not_received": "Pas encore réceptionné.",
        "unit": "Article {ref}",
        "item": "Article",
        "plate": "Étiquette LPN",
        "inspected": "Contrôlé",
        "workflow": "Procédure",
        "grade": "Grade",
        "disposition": "Destination",
        "zone": "Zone",
        "refund": "Remboursement",
        "rule": "Règle",
        "policy": "Version de la politique de retour",
        "override": "Motif de la dérogation",
        "answers": "Réponses",
        "photos": "Photos",
        "yes": "Oui",
        "no": "Non",
        "none": "aucun",
        "photo_count": "{n} photo(s)",
        "no_units": "Aucun article contrôlé pour l’instant.",
        "caption": "{step} · {when} · SHA-256 {sha}…",
        "total": "Remboursement recommandé au total",
    },
}
STATUS_WORDS = {
    "en": {
        "in_progress": "in progress",
        "completed": "completed",
        "awaiting_lead": "awaiting a lead",
        "waiting": "waiting",
    },
    "fr": {
        "in_progress": "en cours",
        "completed": "terminé",
        "awaiting_lead": "en attente d’un chef d’équipe",
        "waiting": "en attente",
    },
}
RMA_WORDS = {
    "en": {
        "open": "open",
        "received": "received",
        "closed": "closed",
        "cancelled": "cancelled",
        "declined": "declined",
    },
    "fr": {
        "open": "ouvert",
        "received": "réceptionné",
        "closed": "clôturé",
        "cancelled": "annulé",
        "declined": "refusé",
    },
}
REFUND_WORDS = {
    "en": {"full": "full", "partial": "partial", "none": "none"},
    "fr": {"full": "total", "partial": "partiel", "none": "aucun"},
}
PHOTO_WIDTH = 83 * mm


def _when(moment: datetime | None, language: str) -> str:
    if moment is None:
        return "—"
    local = moment.astimezone()
    return local.strftime("%d/%m/%Y %H:%M" if language == "fr" else "%Y-%m-%d %H:%M")


def answer_words(step: Step, value: Any, language: str) -> str:
    w = WORDS.get(language, WORDS["en"])
    if value is None:
        return "—"
    if step.kind is StepKind.YES_NO:
        return str(w["yes"] if value == "yes" else w["no"])
    if step.kind in (StepKind.CHOICE, StepKind.CHECKLIST):
        labels = {o.id: text(o.label, language) for o in step.options}
        if isinstance(value, (list, tuple)):
            return ", ".join(labels.get(str(v), str(v)) for v in value) or str(w["none"])
        return labels.get(str(value), str(value))
    if step.kind is StepKind.PHOTO:
        return str(w["photo_count"]).format(n=len(value))
    if step.kind is StepKind.NUMBER:
        return f"{value:g} {step.unit}".strip()
    return str(value)


class EvidencePdf:
    """The station's :class:`~receiving_station.ports.EvidenceRenderer`."""

    def render(self, evidence: Evidence, language: str) -> bytes:
        return render_evidence(evidence, language)


def render_evidence(evidence: Evidence, language: str = "en") -> bytes:
    w = WORDS.get(language, WORDS["en"])
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.grey)
    h1 = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=18, leading=22)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=17, spaceBefore=8)
    h3 = ParagraphStyle("h3", parent=body, fontName=bold, fontSize=10.5, spaceBefore=4)

    def p(value: Any, style: ParagraphStyle = body) -> Paragraph:
        escaped = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return Paragraph(escaped, style)

    def facts(rows: list[tuple[str, Any]]) -> Flowable:
        shown = [[p(k, small), p(v)] for k, v in rows if v not in ("", None)]
        if not shown:
            return p("—")
        table = Table(shown, colWidths=[45 * mm, 125 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        return table

    def photo_grid(photos: tuple[PhotoEvidence, ...], captions: dict[str, str]) -> list[Flowable]:
        cells: list[Any] = []
        for ph in photos:
            height = PHOTO_WIDTH * ph.height / max(ph.width, 1)
            image = Image(io.BytesIO(ph.content), width=PHOTO_WIDTH, height=height)
            caption = str(w["caption"]).format(
                step=captions.get(ph.step_id, ph.step_id),
                when=_when(ph.taken_at, language),
                sha=ph.sha256[:12],
            )
            cells.append([image, p(caption, small)])  # a cell holds both, kept together
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        if not rows:
            return []
        if len(rows[-1]) == 1:
            rows[-1].append(Spacer(1, 1))
        grid = Table(rows, colWidths=[PHOTO_WIDTH + 4 * mm] * 2, hAlign="LEFT")
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [grid]

    def unit(u: UnitEvidence) -> list[Flowable]:
        i = u.inspection
        steps = {s.id: s for s in u.workflow.steps}
        questions = {s.id: text(s.question, language) for s in u.workflow.steps}
        refund = REFUND_WORDS.get(language, REFUND_WORDS["en"]).get(i.refund, i.refund)
        status_words = STATUS_WORDS.get(language, STATUS_WORDS["en"])
        status = status_words.get(i.status.value, i.status.value)
        story: list[Flowable] = [
            p(str(w["unit"]).format(ref=i.reference), h2),
            facts(
                [
                    (str(w["item"]), f"{u.sku} {u.description}".strip()),
                    (str(w["plate"]), i.lpn),
                    (
                        str(w["inspected"]),
                        str(w["by_at"]).format(
                            when=_when(i.completed_at or i.started_at, language),
                            who=u.inspector,
                            where=u.station,
                        ),
                    ),
                    (str(w["status"]), status),
                    (
                        str(w["workflow"]),
                        f"{text(u.workflow.title, language)} (v{u.workflow.version})",
                    ),
                    (str(w["grade"]), i.grade),
                    (
                        str(w["disposition"]),
                        disposition_word(i.disposition, language) if i.disposition else "",
                    ),
                    (str(w["zone"]), i.zone),
                    (str(w["refund"]), f"{refund} · {i.refund_amount}" if i.refund else ""),
                    (str(w["rule"]), f"{i.rule_id} (v{i.rules_version})" if i.rule_id else ""),
                    (str(w["policy"]), str(i.policy_version) if i.finished else ""),
                    (str(w["override"]), i.override_reason),
                ]
            ),
            p(str(w["answers"]), h3),
        ]
        answers = i.progress.get("answers", {}) if isinstance(i.progress, dict) else {}
        story.append(
            facts(
                [
                    (questions.get(k, k), answer_words(steps[k], v, language))
                    for k, v in answers.items()
                    if k in steps
                ]
            )
        )
        if u.photos:
            grid = photo_grid(u.photos, questions)
            # the heading never alone at the foot of a page
            story += [KeepTogether([p(str(w["photos"]), h3), grid[0]]), *grid[1:]]
        return story

    out = io.BytesIO()
    title = f"{w['title']} · {evidence.key}"
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="Receiving Station",
    )
    when = _when(evidence.generated_at, language)
    generated = (
        str(w["generated"]).format(
            when=when, who=evidence.generated_by, where=evidence.generated_at_station
        )
        if evidence.generated_by
        else str(w["generated_cli"]).format(when=when)
    )
    story: list[Flowable] = [p(title, h1), p(generated, small), p(str(w["return"]), h2)]
    rma = evidence.rma
    if rma is not None:
        story.append(
            facts(
                [
                    (str(w["rma"]), rma.number),
                    (str(w["order"]), rma.order_ref),
                    (str(w["customer"]), f"{rma.customer_name} <{rma.customer_email}>"),
                    (str(w["channel"]), rma.channel),
                    (str(w["requested"]), rma.created_on.isoformat()),
                    (str(w["window"]), rma.expires_on.isoformat()),
                    (
                        str(w["status"]),
                        RMA_WORDS.get(language, RMA_WORDS["en"]).get(
                            rma.status.value, rma.status.value
                        ),
                    ),
                    (str(w["total"]), str(evidence.refund_total)),
                ]
            )
        )
    story.append(p(str(w["parcel"]), h2))
    if evidence.received_at is None:
        story.append(p(w["not_received"]))
    else:
        story.append(
            facts(
                [
                    (
                        str(w["received"]),
                        str(w["by_at"]).format(
                            when=_when(evidence.received_at, language),
                            who=evidence.received_by,
                            where=evidence.received_at_station,
                        ),
                    ),
                    (str(w["packaging"]), w.get(evidence.packaging, evidence.packaging)),
                    (str(w["note"]), evidence.receipt_note),
                ]
            )
        )
        story += photo_grid(evidence.parcel_photos, {})
    if not evidence.units:
        story.append(p(w["no_units"]))
    for u in evidence.units:
        story += unit(u)
    doc.build(story)
    return out.getvalue()
