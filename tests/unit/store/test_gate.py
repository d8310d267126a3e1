"""The connection gate: uses run freely and nest; closing waits for them and holds new ones."""

from __future__ import annotations

import threading
import time

import pytest

from pcc_minutes.store.gate import ConnectionGate


def test_uses_nest_on_one_thread_without_waiting_for_themselves():
    gate = ConnectionGate()
    with gate.using(), gate.using():
        pass
    assert gate.close_all(lambda: None, timeout=0.1)  # nothing is left in flight


def test_closing_waits_for_a_use_in_flight_and_holds_new_ones_back():
    gate = ConnectionGate()
    events: list[str] = []
    inside, release = threading.Event(), threading.Event()

    def in_flight() -> None:
        with gate.using():
            inside.set()
            release.wait(10)
            events.append("use ended")

    def later_use() -> None:
        with gate.using():
            events.append("later use")

    first = threading.Thread(target=in_flight)
    first.start()
    assert inside.wait(10)
    closing = threading.Thread(
        target=lambda: events.append(f"closed {gate.close_all(lambda: time.sleep(0.2))}")
    )
    closing.start()
    time.sleep(0.2)
    assert events == []  # the close waits for the use in flight
    later = threading.Thread(target=later_use)
    later.start()
    release.set()
    for thread in (first, closing, later):
        thread.join(10)
    assert events == ["use ended", "closed True", "later use"]


def test_a_use_that_outlasts_the_timeout_is_reported_and_the_close_still_runs():
    gate = ConnectionGate()
    inside, release = threading.Event(), threading.Event()
    closed: list[bool] = []

    def in_flight() -> None:
        with gate.using():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=in_flight)
    thread.start()
    assert inside.wait(10)
    assert gate.close_all(lambda: closed.append(True), timeout=0.1) is False
    assert closed == [True]
    release.set()
    thread.join(10)


def test_closing_from_inside_a_use_is_refused_rather_than_waiting_for_itself():
    gate = ConnectionGate()
    with gate.using(), pytest.raises(RuntimeError):
        gate.close_all(lambda: None)
    assert gate.close_all(lambda: None, timeout=0.1)  # the gate is open again
