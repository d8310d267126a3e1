"""The window's first paint reads the newest meeting with sqlite3 alone (``store.peek``): it
must give exactly the records the store gives, and step aside (None) whenever it cannot."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import StorageError
from pcc_minutes.core.templates import AgendaTemplate, TemplateItem
from pcc_minutes.operations.demo import create_demo
from pcc_minutes.store import peek
from pcc_minutes.store.database import open_store
from tests.conftest import ROOT


def test_the_newest_meeting_read_by_peek_is_the_record_the_store_gives(store, db_path):
    first, second = (s.id for s in create_demo(store).value)
    item = ops.load_meeting(store, second).items[0]
    ops.add_decision(store, item.id, "The panel noted the report.")
    ops.enter_item(store, second, item.id)
    ops.set_status(store, second, "for-approval", "Clerk")
    ops.set_status(store, second, "approved", "Chair")
    newest = ops.latest_meeting_id(store)
    assert peek.latest_meeting(db_path) == ops.load_meeting(store, newest)
    assert peek.latest_meeting(db_path, first) == ops.load_meeting(store, first)


def test_the_first_screen_of_the_list_is_the_stores_including_undated_meetings(store, db_path):
    create_demo(store)
    template = AgendaTemplate(
        name="Panel", title="Police and Crime Panel", items=[TemplateItem("A")]
    )
    undated = ops.create_from_template(store, template, date(2025, 7, 2)).value
    ops.update_meeting(store, undated, date=None)
    for limit in (1, 2, 3, 10):
        assert peek.first_summaries(db_path, limit) == ops.list_meetings(store, limit)
    assert ops.list_meetings(store, 10) == ops.list_meetings(store)
    assert ops.list_meetings(store)[-1].id == undated  # undated meetings come last


@pytest.mark.parametrize("content", [None, b"", b"not a database at all"])
def test_peek_steps_aside_for_a_missing_empty_or_foreign_file(tmp_path, content):
    path = tmp_path / "minutes.sqlite3"
    if content is not None:
        path.write_bytes(content)
    assert peek.latest_meeting(path) is None
    assert peek.first_summaries(path, 5) in (None, [])
    if content is None:
        assert not path.exists()  # reading never creates the file


def test_peek_steps_aside_for_another_programs_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE songs (title TEXT)")
    assert peek.latest_meeting(path) is None
    assert peek.first_summaries(path, 5) is None


def test_a_deferred_store_imports_no_sqlalchemy_until_its_first_transaction(db_path):
    store = open_store(db_path)
    create_demo(store)
    store.close()
    script = (
        "import sys; from pathlib import Path\n"
        "from pcc_minutes.store.database import open_store\n"
        "from pcc_minutes.store import peek\n"
        f"store = open_store(Path({str(db_path)!r}), defer=True)\n"
        "assert peek.latest_meeting(store.path) is not None\n"
        "print('sqlalchemy' in sys.modules, store.is_ready)\n"
        "from pcc_minutes import operations as ops\n"
        "ops.list_meetings(store)\n"
        "print('sqlalchemy' in sys.modules, store.is_ready)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == ["False", "False", "True", "True"]


def test_a_deferred_open_finds_inner_damage_when_verified_and_writes_nothing(db_path):
    store = open_store(db_path)
    create_demo(store)
    store.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    db_path.write_bytes(bytes(data))
    before = db_path.read_bytes()
    deferred = open_store(db_path, defer=True)  # the cheap check passes: header and schema
    with pytest.raises(StorageError, match="damaged"):
        deferred.verify()
    assert db_path.read_bytes() == before


def test_peek_reads_an_items_visits_and_a_bound_value_as_the_store_does(store, db_path):
    from pcc_minutes.core.records import Figure, FigurePoint

    meeting = create_demo(store).value[-1].id
    item = ops.load_meeting(store, meeting).items[1]
    bound = Figure("Kits issued", "count", (FigurePoint("", 200.0, bound="above"),))
    ops.add_figure(store, item.id, bound)
    store.close()
    with sqlite3.connect(db_path) as db:
        for position, (start, end) in enumerate(
            [("2025-09-11 10:05:00", "2025-09-11 10:12:00"), ("2025-09-11 10:40:00", None)]
        ):
            db.execute(
                "INSERT INTO item_visit (item_id, position, started_at, ended_at)"
                " VALUES (?, ?, ?, ?)",
                (item.id, position, start, end),
            )
    reopened = open_store(db_path)
    try:
        stored = ops.load_meeting(reopened, meeting)
        assert peek.latest_meeting(db_path, meeting) == stored
        visits = stored.item(item.id).visits
        assert [(v.start.minute, v.end and v.end.minute) for v in visits] == [(5, 12), (40, None)]
        assert stored.item(item.id).figures[-1].points[0].bound == "above"
    finally:
        reopened.close()
