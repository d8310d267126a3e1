"""Fixtures of the fuzz suite: one database made through the real migrations per session,
copied for every case so that each starts from the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.harness import make_template_db


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    return make_template_db(tmp_path_factory.mktemp("fuzz-template"))
