"""Fixtures of the fuzz suite: one database made through the real migrations per session,
copied for every case so that each starts from the same bytes. Tests here are marked
``fuzz`` (``-m "not fuzz"`` leaves them out of a quick local run; CI runs them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.harness import make_template_db

HERE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: hostile and damaged inputs (tests/fuzz)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.fuzz)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    return make_template_db(tmp_path_factory.mktemp("fuzz-template"))
