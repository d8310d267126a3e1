"""The database's tables: meeting series, meetings, attendance, agenda items, figures, actions.

SQLAlchemy 2 typed declarative mapping; the classes end in ``Row`` and never leave the store
(``store.mapping`` turns them into ``core.records``). Notes are CommonMark Markdown, the one
format the editor, importers and exporters share. Every change to these classes needs an
Alembic migration in ``store/migrations/versions``;
``tests/test_store.py`` proves that migrating an empty database gives exactly these tables.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pcc_minutes.core.clock import local_now
from pcc_minutes.core.status import ActionStatus, MeetingStatus

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SeriesRow(Base):
    """Meetings that recur under one name, e.g. the monthly Accountability and Performance
    Meeting; figures are tracked and open actions carried forward within a series."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    organisation: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)

    meetings: Mapped[list[MeetingRow]] = relationship(back_populates="series")


class MeetingRow(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    organisation: Mapped[str] = mapped_column(String(500), default="")
    subtitle: Mapped[str] = mapped_column(String(1000), default="")
    date: Mapped[date | None] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(500), default="")
    # The date/time/venue lines as an imported source wrote them; exporters use them only
    # while they still say the same as the fields above.
    schedule_text: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(String(300), default="")
    # What the minutes call themselves under the title: "Meeting note", "Minutes and actions"
    document_kind: Mapped[str] = mapped_column(String(100), default="Meeting note")
    opening: Mapped[str] = mapped_column(Text, default="")  # Markdown
    marking: Mapped[str] = mapped_column(String(100), default="")
    logo_alt: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.DRAFT.value)
    status_by: Mapped[str] = mapped_column(String(200), default="")
    status_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    live_started_at: Mapped[datetime | None] = mapped_column(DateTime)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)

    series: Mapped[SeriesRow | None] = relationship(back_populates="meetings")
    attendees: Mapped[list[AttendeeRow]] = relationship(
        back_populates="meeting", order_by="AttendeeRow.position", cascade="all, delete-orphan"
    )
    items: Mapped[list[AgendaItemRow]] = relationship(
        back_populates="meeting", order_by="AgendaItemRow.position", cascade="all, delete-orphan"
    )
    status_history: Mapped[list[StatusChangeRow]] = relationship(
        back_populates="meeting", order_by="StatusChangeRow.id", cascade="all, delete-orphan"
    )


class StatusChangeRow(Base):
    """Who moved a meeting to which status, and when: the approval trail."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=local_now)

    meeting: Mapped[MeetingRow] = relationship(back_populates="status_history")


class AttendeeRow(Base):
    __tablename__ = "attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(300), default="")
    group: Mapped[str] = mapped_column(String(100), default="")
    present: Mapped[bool] = mapped_column(Boolean, default=True)

    meeting: Mapped[MeetingRow] = relationship(back_populates="attendees")


class AgendaItemRow(Base):
    __tablename__ = "agenda_item"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused: undo names rows

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # from 1, as numbered on the agenda
    title: Mapped[str] = mapped_column(String(500))  # as on the agenda
    heading: Mapped[str] = mapped_column(String(500), default="")  # as in the minutes, if other
    lead: Mapped[str] = mapped_column(String(300), default="")
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    actual_start: Mapped[datetime | None] = mapped_column(DateTime)
    actual_end: Mapped[datetime | None] = mapped_column(DateTime)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")  # Markdown
    private_notes: Mapped[str] = mapped_column(Text, default="")  # never in a public version
    # "" for an ordinary item; "action_log" for the standing "Matters arising / action log"
    # item, where a meeting made from the last one lists the actions carried forward.
    kind: Mapped[str] = mapped_column(String(30), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)

    meeting: Mapped[MeetingRow] = relationship(back_populates="items")
    figures: Mapped[list[FigureRow]] = relationship(
        back_populates="item", order_by="FigureRow.position", cascade="all, delete-orphan"
    )
    actions: Mapped[list[ActionRow]] = relationship(
        back_populates="item", order_by="ActionRow.position", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[DecisionRow]] = relationship(
        back_populates="item", order_by="DecisionRow.position", cascade="all, delete-orphan"
    )
    # Actions raised in earlier meetings, listed in this item: one entry each, with their
    # status as it stood in this meeting and the update recorded here.
    carried: Mapped[list[ActionUpdateRow]] = relationship(
        back_populates="item", order_by="ActionUpdateRow.position", cascade="all, delete-orphan"
    )
    # Loaded with the items (one query for all of a meeting's visits): every live step and
    # every read of a meeting needs them.
    visits: Mapped[list[ItemVisitRow]] = relationship(
        back_populates="item",
        order_by="ItemVisitRow.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class ItemVisitRow(Base):
    """One stretch of a live meeting spent on an item; going back to an item adds one, so the
    time spent on it is the sum of its visits."""

    __tablename__ = "item_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)

    item: Mapped[AgendaItemRow] = relationship(back_populates="visits")


class FigureRow(Base):
    """A figure quoted in the meeting: label, unit and one or more (period, value) points."""

    __tablename__ = "metric"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused: undo names rows

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(20))  # "%", "count", "ratio", "£"
    target: Mapped[float | None] = mapped_column(Float)
    higher_is_better: Mapped[bool | None] = mapped_column(Boolean)
    source_text: Mapped[str] = mapped_column(Text, default="")
    # The measure this figure is a value of, followed across the series' meetings.
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicator.id", ondelete="SET NULL"), index=True
    )
    # True once the user has linked or unlinked it by hand: automatic matching leaves it be.
    indicator_manual: Mapped[bool] = mapped_column(Boolean, default=False)

    item: Mapped[AgendaItemRow] = relationship(back_populates="figures")
    indicator: Mapped[IndicatorRow | None] = relationship(back_populates="figures")
    points: Mapped[list[FigurePointRow]] = relationship(
        back_populates="figure", order_by="FigurePointRow.position", cascade="all, delete-orphan"
    )


class FigurePointRow(Base):
    __tablename__ = "metric_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    period: Mapped[str] = mapped_column(String(100), default="")
    value: Mapped[float] = mapped_column(Float)
    approx: Mapped[bool] = mapped_column(Boolean, default=False)
    high: Mapped[float | None] = mapped_column(Float)  # upper end of a range
    bound: Mapped[str] = mapped_column(String(20), default="")  # core.records.BOUNDS or ""

    figure: Mapped[FigureRow] = relationship(back_populates="points")


class ActionRow(Base):
    __tablename__ = "action"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused: undo names rows

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(50), default="")
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    due: Mapped[date | None] = mapped_column(Date)
    # The status as it stood in the meeting that raised it; later meetings' statuses are in
    # its updates, so the earlier minutes still show the action as it stood then.
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN.value)

    item: Mapped[AgendaItemRow] = relationship(back_populates="actions")
    updates: Mapped[list[ActionUpdateRow]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionUpdateRow.id"
    )


class ActionUpdateRow(Base):
    """An action raised in an earlier meeting, as it appears in a later one: the item that
    lists it there (the "Matters arising / action log" item), its status at the end of that
    meeting, and the update said there. One per action and meeting: the same action followed
    across meetings, never a copy."""

    __tablename__ = "action_update"
    __table_args__ = (
        UniqueConstraint("action_id", "meeting_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN.value)
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=local_now, onupdate=local_now)

    action: Mapped[ActionRow] = relationship(back_populates="updates")
    item: Mapped[AgendaItemRow] = relationship(back_populates="carried")
    meeting: Mapped[MeetingRow] = relationship()


class IndicatorRow(Base):
    """A measure followed across a series' meetings ("Outstanding firearms licence renewals",
    count): every figure linked to it is one meeting's report of its values."""

    __tablename__ = "indicator"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(20))
    higher_is_better: Mapped[bool | None] = mapped_column(Boolean)
    # The label normalised for automatic matching (text.indicators.indicator_key).
    key: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)

    figures: Mapped[list[FigureRow]] = relationship(back_populates="indicator")


class DecisionRow(Base):
    __tablename__ = "decision"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused: undo names rows

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)

    item: Mapped[AgendaItemRow] = relationship(back_populates="decisions")


class SearchEntryRow(Base):
    """Where each row of the full-text index came from: one per indexed meeting title, item's
    notes, action, decision, figure and attendee. ``id`` is the rowid of its text in the FTS5
    table ``search_text`` (made by migration 0004, outside this metadata), so an edit or a
    removal changes that one row. No foreign keys: ``store.search`` removes the entries of a
    removed meeting or item itself, and the search joins to ``meeting``."""

    __tablename__ = "search_entry"
    __table_args__ = (UniqueConstraint("kind", "row_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # one of core.tracking.KINDS
    row_id: Mapped[int] = mapped_column(Integer)  # the id in the kind's own table
    meeting_id: Mapped[int] = mapped_column(Integer, index=True)
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # The meeting's date and series, copied here so that a filtered search reads one row per
    # match (kept equal to the meeting's by store.search).
    day: Mapped[date | None] = mapped_column(Date)
    series_id: Mapped[int | None] = mapped_column(Integer)
