"""What the window knows about who is at the station: shared by the pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from receiving_station.domain.model import User
from receiving_station.errors import DatabaseUnavailable
from receiving_station.services.context import Actor
from receiving_station.services.station import StationServices
from ui.errors import Feedback, Level, describe
from ui.sounds import Sounds
from ui.worker import CommandRunner


@dataclass
class Who:
    user: User
    actor: Actor


class StationSession(QObject):
    """The services, the worker pool, the sounds and the person logged in."""

    user_changed = Signal(object)  # Who | None
    database_state_changed = Signal(bool)

    def __init__(self, services: StationServices, runner: CommandRunner, sounds: Sounds) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self.sounds = sounds
        self.who: Who | None = None

    def set_user(self, who: Who | None) -> None:
        self.who = who
        self.user_changed.emit(who)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Feedback, BaseException], None],
    ) -> None:
        """Run a core call off the GUI thread; errors arrive as words, with the error sound."""

        def failed(error: BaseException) -> None:
            feedback = describe(error)
            self.sounds.play_for(feedback.level)
            self.database_state_changed.emit(not isinstance(error, DatabaseUnavailable))
            on_error(feedback, error)

        def done(result: Any) -> None:
            self.database_state_changed.emit(True)
            on_done(result)

        self.runner.submit(fn, done, failed)

    def acknowledge(self, level: Level) -> None:
        self.sounds.play_for(level)
