"""Many RMAs at once, for imports: a chunk's existing RMAs read in a few statements, new
ones written with many rows a statement. The same rows and rules as :class:`SqlRmas`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from data.repositories import (
    _Repo,
    audit,
    audit_row,
    line_of,
    line_row,
    lines,
    receipt_rmas,
    rma_header,
    rma_of,
    rmas,
    tracking,
    tracking_rows,
)
from receiving_station.domain.model import AuditEvent, Rma
from receiving_station.errors import StaleRecord


class SqlRmaImports(_Repo):
    def existing(self, numbers: Sequence[str]) -> dict[str, Rma]:
        if not numbers:
            return {}
        found: dict[int, Rma] = {}
        for row in self.conn.execute(select(rmas).where(rmas.c.number.in_(numbers))):
            found[row.id] = rma_of(row, [], [])
        if found:
            ids = list(found)
            for r in self.conn.execute(
                select(lines).where(lines.c.rma_id.in_(ids)).order_by(lines.c.line_no)
            ):
                found[r.rma_id].lines.append(line_of(r))
            for t in self.conn.execute(
                select(tracking.c.rma_id, tracking.c.tracking_number).where(
                    tracking.c.rma_id.in_(ids)
                )
            ):
                found[t.rma_id].tracking_numbers.append(t.tracking_number)
        return {rma.number: rma for rma in found.values()}

    def received(self, rma_ids: Sequence[int]) -> set[int]:
        if not rma_ids:
            return set()
        stmt = select(receipt_rmas.c.rma_id).where(receipt_rmas.c.rma_id.in_(rma_ids))
        return set(self.conn.execute(stmt).scalars())

    def tracking_owners(self, numbers: Sequence[str]) -> dict[str, str]:
        if not numbers:
            return {}
        stmt = (
            select(tracking.c.tracking_number, rmas.c.number)
            .join(rmas, rmas.c.id == tracking.c.rma_id)
            .where(tracking.c.tracking_number.in_(numbers))
        )
        return {t: n for t, n in self.conn.execute(stmt)}

    def add_all(self, new: Sequence[Rma]) -> None:
        """Insert the RMAs with their lines and tracking numbers; one whose number (or a
        tracking number) another station has just used raises ``StaleRecord``: the caller
        rolls back and goes RMA by RMA."""
        if not new:
            return
        headers = [{**rma_header(r), "version": r.version} for r in new]
        try:
            ids: dict[str, int] = {
                n: i
                for n, i in self.conn.execute(
                    insert(rmas).returning(rmas.c.number, rmas.c.id), headers
                )
            }
            line_rows: list[dict[str, Any]] = []
            track_rows: list[dict[str, Any]] = []
            for r in new:
                r.id = ids[r.number]
                line_rows.extend(line_row(r.id, ln) for ln in r.lines)
                track_rows.extend(tracking_rows(r.id, r.tracking_numbers))
            if line_rows:
                self.conn.execute(insert(lines), line_rows)
            if track_rows:
                self.conn.execute(insert(tracking), track_rows)
        except IntegrityError:
            for r in new:
                r.id = None
            raise StaleRecord(what=new[0].number) from None

    def record(self, events: Sequence[AuditEvent]) -> None:
        if events:
            self.conn.execute(insert(audit), [audit_row(e) for e in events])
