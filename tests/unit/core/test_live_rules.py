"""The rules of live timing on plain records: visits, time spent, and how visits read."""

from __future__ import annotations

from datetime import datetime, timedelta

from pcc_minutes.core.live import (
    ending,
    entering,
    is_done,
    running_item,
    spent_text,
    stretches,
    time_spent,
    visits_of,
    visits_text,
)
from pcc_minutes.core.records import AgendaItem, ItemVisit, Meeting

T0 = datetime(2026, 1, 15, 10, 5)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def meeting(count: int = 3) -> Meeting:
    items = tuple(AgendaItem(id=i, position=i, title=f"Item {i}") for i in range(1, count + 1))
    return Meeting(id=1, title="Meeting", items=items)


def test_each_move_closes_the_open_visit_and_opens_one_on_the_item_entered():
    view = entering(meeting(), 1, at(0))
    view = entering(view, 2, at(7))
    view = entering(view, 1, at(35))
    first, second, _ = view.items
    assert visits_of(first) == (ItemVisit(at(0), at(7)), ItemVisit(at(35)))
    assert (first.actual_start, first.actual_end) == (at(0), None)
    assert time_spent(first, at(41)) == 13 * 60
    assert time_spent(first) == 7 * 60  # without a now, only what has ended
    assert is_done(second) and not is_done(first)
    assert running_item(view) is first
    assert view.live_started_at == at(0)
    stopped = ending(view, at(41))
    assert running_item(stopped) is None and stopped.items[0].actual_end == at(41)


def test_entering_the_running_item_again_changes_nothing():
    view = entering(meeting(), 2, at(0))
    assert entering(view, 2, at(9)) == view


def test_an_item_with_a_start_and_no_visits_reads_as_one_visit():
    old = AgendaItem(id=1, position=1, title="Old", actual_start=at(0), actual_end=at(4))
    assert visits_of(old) == (ItemVisit(at(0), at(4)),)
    assert time_spent(old) == 240 and is_done(old)


def test_time_spent_reads_in_whole_minutes_rounded():
    assert spent_text(13 * 60 + 29) == "13 min"
    assert spent_text(13 * 60 + 30) == "14 min"
    assert spent_text(12) == "under 1 min"
    assert spent_text(0) == "0 min"


def test_visits_read_as_the_minute_taker_saw_them():
    two = (ItemVisit(at(0), at(7)), ItemVisit(at(35), at(41)))
    assert visits_text(two) == "10:05–10:12 and 10:40–10:46, 13 min"
    three = (*two, ItemVisit(at(50), at(52)))
    assert visits_text(three) == "10:05–10:12, 10:40–10:46 and 10:55–10:57, 15 min"
    assert visits_text((ItemVisit(at(0), at(12)),)) == "10:05–10:17, 12 min"
    assert visits_text(()) == ""


def test_a_step_away_and_straight_back_does_not_split_a_stretch():
    back = at(7) + timedelta(seconds=20)
    visits = (ItemVisit(at(0), at(7)), ItemVisit(back, at(12)))
    assert stretches(visits) == (ItemVisit(at(0), at(12)),)
    assert visits_text(visits) == "10:05–10:17, 12 min"  # 11 min 40 s, rounded
    # Away for 40 seconds (listed on the other item): two stretches here too.
    away = (ItemVisit(at(0), at(7)), ItemVisit(at(7) + timedelta(seconds=40), at(12)))
    assert len(stretches(away)) == 2


def test_a_later_pass_of_a_few_seconds_is_not_listed_but_still_counted():
    passing = ItemVisit(at(20), at(20) + timedelta(seconds=4))
    visits = (ItemVisit(at(0), at(10)), passing)
    assert stretches(visits) == (visits[0],)
    assert visits_text(visits) == "10:05–10:15, 10 min"  # 10 min 4 s
    # The first visit stays however short: it is where the item starts in the recording.
    first_pass = ItemVisit(at(3), at(3) + timedelta(seconds=4))
    assert visits_text((first_pass, ItemVisit(at(20), at(30)))) == (
        "10:08–10:08 and 10:25–10:35, 10 min"
    )


def test_an_item_still_being_discussed_says_so():
    assert visits_text((ItemVisit(at(0)),)) == "from 10:05, still being discussed"
    running = (ItemVisit(at(0), at(7)), ItemVisit(at(35)))
    assert visits_text(running) == "10:05–10:12 and from 10:40, 7 min so far"


def test_the_running_item_is_the_last_entered_when_two_were_left_open():
    view = meeting()
    items = (
        AgendaItem(id=1, position=1, title="A", visits=(ItemVisit(at(0)),)),
        AgendaItem(id=2, position=2, title="B", visits=(ItemVisit(at(5)),)),
        view.items[2],
    )
    view = Meeting(id=1, title="Meeting", items=items)
    assert running_item(view).id == 2
    moved = entering(view, 3, at(9))
    assert [visits_of(i)[-1].end for i in moved.items] == [at(9), at(9), None]
