"""After another program deletes the journal, every connection of ours closes together.

SQLite resets a lost journal's shared memory only when the last connection to the file
closes. A connection left open — a worker's transaction in flight as the window reconnects,
the change probe's — keeps it, and every later write then fails with "disk I/O error" while
the typing stays on screen only: a kill loses it. These run the real store on a real file;
"what a kill would leave" is a copy of the database file and of the journal now on disk.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.store import watch


def _item(store) -> int:
    meeting = ops.create_from_template(store, builtin_templates()[0], date(2026, 5, 7)).value
    return ops.load_meeting(store, meeting).items[0].id


def _left_by_a_kill(db: Path, item_id: int, scratch: Path) -> str:
    """The item's notes in copies of the files now on disk (a killed process leaves these)."""
    scratch.mkdir(exist_ok=True)
    copy = scratch / f"left-{len(list(scratch.iterdir()))}.sqlite3"
    shutil.copyfile(db, copy)
    journal = watch.wal_path(db)
    if journal.exists():
        shutil.copyfile(journal, watch.wal_path(copy))
    connection = sqlite3.connect(copy)
    try:
        row = connection.execute(
            "SELECT notes FROM agenda_item WHERE id = ?", (item_id,)
        ).fetchone()
    finally:
        connection.close()
    return row[0]


def test_a_reconnect_waits_for_a_transaction_in_flight_and_later_writes_land(
    store, db_path, tmp_path
):
    item_id = _item(store)
    ops.save_item_notes(store, item_id, "before the journal went")
    inside, release = threading.Event(), threading.Event()

    def long_read() -> None:  # a worker's query, running as the journal is deleted
        with store.transaction() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM agenda_item").all()
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=long_read)
    worker.start()
    assert inside.wait(10)
    os.unlink(watch.wal_path(db_path))
    reconnecting = threading.Thread(target=watch.reconnect, args=(store,))
    reconnecting.start()
    time.sleep(0.3)
    assert reconnecting.is_alive()  # held until the transaction in flight has ended
    release.set()
    worker.join(10)
    reconnecting.join(10)
    assert not reconnecting.is_alive()

    ops.save_item_notes(store, item_id, "typed after the reconnect")
    ops.save_item_notes(store, item_id, "typed after the reconnect, and more")
    assert _left_by_a_kill(db_path, item_id, tmp_path / "kill") == (
        "typed after the reconnect, and more"
    )


def test_the_probe_closes_with_the_store_and_opens_again_after(store, db_path, tmp_path):
    item_id = _item(store)
    probe = watch.ChangeProbe(db_path, store)
    try:
        probe.changed()
        ops.save_item_notes(store, item_id, "seen by the probe")
        assert probe.changed()
        os.unlink(watch.wal_path(db_path))
        watch.reconnect(store)
        ops.save_item_notes(store, item_id, "after the probe closed too")
        assert _left_by_a_kill(db_path, item_id, tmp_path / "kill") == (
            "after the probe closed too"
        )
        probe.changed()  # opens again, on the fresh journal
        ops.save_item_notes(store, item_id, "seen again")
        assert probe.changed()
    finally:
        probe.close()


def test_a_transaction_waits_while_the_store_reconnects(store, db_path):
    item_id = _item(store)
    order: list[str] = []
    closing = threading.Event()

    def slow_close() -> None:
        closing.set()
        time.sleep(0.3)
        order.append("closed")

    store.on_reconnect(slow_close)
    reconnecting = threading.Thread(target=store.reconnect)
    reconnecting.start()
    assert closing.wait(10)
    ops.save_item_notes(store, item_id, "after the close")
    order.append("written")
    reconnecting.join(10)
    assert order == ["closed", "written"]
    assert ops.load_meeting(store, ops.list_meetings(store)[0].id).item(item_id).notes == (
        "after the close"
    )


def test_savers_of_one_store_share_one_guard(store, db_path):
    assert watch.guard_for(store) is watch.guard_for(store)
    item_id = _item(store)
    ops.save_item_notes(store, item_id, "one")
    guard = watch.guard_for(store)
    assert guard.check(written=True) is None
    os.unlink(watch.wal_path(db_path))
    assert guard.check() == watch.FileGuard.VANISHED
    watch.reconnect(store)  # the guard forgets the lost journal with it
    ops.save_item_notes(store, item_id, "two")
    assert guard.check(written=True) is None
