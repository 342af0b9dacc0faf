from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.world import World


@pytest.fixture
def world(engine: Engine) -> World:
    return World(engine)
