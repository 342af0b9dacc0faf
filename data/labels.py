"""License plates and the print queue (SQLAlchemy Core)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, insert, or_, select, update

from data.repositories import _Repo
from data.tables import LicensePlateRow, PrintJobRow
from receiving_station.domain.checkdigits import license_plate
from receiving_station.domain.model import PrintJob, PrintStatus

plates = cast(Table, LicensePlateRow.__table__)
jobs = cast(Table, PrintJobRow.__table__)
_DUE = (PrintStatus.PENDING.value, PrintStatus.FAILED.value)
# Not printed yet, as far as anyone knows: what the print queue shows.
_OPEN = (*_DUE, PrintStatus.SENDING.value, PrintStatus.IN_DOUBT.value)


def _job(row: Row[Any]) -> PrintJob:
    return PrintJob(
        id=row.id,
        created_at=row.created_at,
        station_id=row.station_id,
        user_id=row.user_id,
        lpn=row.lpn,
        template=row.template,
        format=row.format,
        printer=row.printer,
        payload=bytes(row.payload),
        inspection_id=row.inspection_id,
        status=PrintStatus(row.status),
        attempts=row.attempts,
        last_error=row.last_error,
        next_attempt_at=row.next_attempt_at,
        printed_at=row.printed_at,
        reprint_of=row.reprint_of,
    )


class SqlLabels(_Repo):
    def issue_plate(self, inspection_id: int | None, now: datetime) -> str:
        # The row's id comes from the database (a sequence on PostgreSQL, AUTOINCREMENT on
        # SQLite): two stations can never get the same one, and none is ever reused.
        plate_id = self.conn.execute(
            insert(plates).values(lpn=None, inspection_id=inspection_id, issued_at=now)
        ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        lpn = license_plate(int(plate_id))
        self.conn.execute(update(plates).where(plates.c.id == plate_id).values(lpn=lpn))
        return lpn

    def add_job(self, job: PrintJob) -> PrintJob:
        job.id = self.conn.execute(
            insert(jobs).values(
                created_at=job.created_at,
                station_id=job.station_id,
                user_id=job.user_id,
                inspection_id=job.inspection_id,
                lpn=job.lpn,
                template=job.template,
                format=job.format,
                printer=job.printer,
                payload=job.payload,
                status=job.status.value,
                attempts=job.attempts,
                last_error=job.last_error,
                next_attempt_at=job.next_attempt_at or job.created_at,
                printed_at=job.printed_at,
                reprint_of=job.reprint_of,
            )
        ).inserted_primary_key[0]  # type: ignore[index,unused-ignore]
        return job

    def job(self, job_id: int) -> PrintJob | None:
        row = self.conn.execute(select(jobs).where(jobs.c.id == job_id)).first()
        return _job(row) if row else None

    def due_jobs(self, station_id: int, now: datetime) -> Sequence[PrintJob]:
        rows = self.conn.execute(
            select(jobs)
            .where(
                jobs.c.station_id == station_id,
                jobs.c.status.in_(_DUE),
                or_(jobs.c.next_attempt_at <= now, jobs.c.next_attempt_at.is_(None)),
            )
            .order_by(jobs.c.id)
        ).all()
        return [_job(r) for r in rows]

    def open_jobs(self, station_id: int) -> Sequence[PrintJob]:
        rows = self.conn.execute(
            select(jobs)
            .where(jobs.c.station_id == station_id, jobs.c.status.in_(_OPEN))
            .order_by(jobs.c.id)
        ).all()
        return [_job(r) for r in rows]

    def jobs_for_lpn(self, lpn: str) -> Sequence[PrintJob]:
        rows = self.conn.execute(select(jobs).where(jobs.c.lpn == lpn).order_by(jobs.c.id)).all()
        return [_job(r) for r in rows]

    def claim(self, job: PrintJob, doubt_at: datetime) -> bool:
        """Mark a due job ``sending`` (it turns in doubt at ``doubt_at``) unless someone else
        took it or it is no longer due; whether this caller has it."""
        done = self.conn.execute(
            update(jobs)
            .where(jobs.c.id == job.id, jobs.c.status.in_(_DUE))
            .values(status=PrintStatus.SENDING.value, next_attempt_at=doubt_at)
        )
        return done.rowcount == 1

    def sending_jobs(self, station_id: int, now: datetime | None) -> Sequence[PrintJob]:
        """This station's jobs caught in ``sending``: all of them, or (``now``) those whose
        send should have ended by then."""
        query = select(jobs).where(
            jobs.c.station_id == station_id, jobs.c.status == PrintStatus.SENDING.value
        )
        if now is not None:
            query = query.where(jobs.c.next_attempt_at <= now)
        return [_job(r) for r in self.conn.execute(query.order_by(jobs.c.id)).all()]

    def settle(self, job: PrintJob, expected: PrintStatus) -> bool:
        """Save ``job``'s new status if it still has ``expected``; whether it did."""
        done = self.conn.execute(
            update(jobs)
            .where(jobs.c.id == job.id, jobs.c.status == expected.value)
            .values(
                status=job.status.value,
                attempts=job.attempts,
                last_error=job.last_error[:2000],
                printed_at=job.printed_at,
            )
        )
        return done.rowcount == 1

    def mark(self, job: PrintJob) -> None:
        self.conn.execute(
            update(jobs)
            .where(jobs.c.id == job.id)
            .values(
                status=job.status.value,
                attempts=job.attempts,
                last_error=job.last_error[:2000],
                next_attempt_at=job.next_attempt_at or job.created_at,
                printed_at=job.printed_at,
            )
        )
