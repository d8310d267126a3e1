"""Shared fixtures: a fresh database through the real migrations, the shared test material
beside the project (skipped cleanly when absent), and the command line run in-process."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REALWORLD = SHARED / "realworld"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def realworld_files() -> list[Path]:
    return sorted(REALWORLD.glob("*.docx")) if REALWORLD.is_dir() else []


def need(paths: list[Path], what: str) -> list[Path]:
    if not paths:
        pytest.skip(f"{what} not found beside the project (../shared)")
    return paths


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "minutes.sqlite3"


@pytest.fixture
def store(db_path: Path):
    from pcc_minutes.store.database import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


def database_dump(path: Path) -> list[str]:
    """Every row of every table, as SQL: what "the database is unchanged" compares."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, db_path: Path):
    """Run ``pcc-minutes --db <tmp db> ARGS`` in-process and capture what it prints."""
    from pcc_minutes.cli import main

    def run(*args: str | Path, db: Path | None = db_path) -> CliResult:
        argv = (["--db", str(db)] if db is not None else []) + [str(a) for a in args]
        code = main(argv)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/gui are marked ``gui`` (they need Qt, offscreen), so ``-m "not gui"``
    runs everything that needs no display."""
    gui = ROOT / "tests" / "gui"
    for item in items:
        if gui in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
