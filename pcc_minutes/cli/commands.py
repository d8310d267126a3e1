"""What each command does: one small function per command, each calling operations only.

Every function takes the parsed arguments and an open store, prints its result, and returns
the exit status; errors are raised as ``PccError`` and worded by ``cli.main``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from pcc_minutes import operations as ops
from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.formatting import format_number as num
from pcc_minutes.core.records import BOUND_WORDS
from pcc_minutes.store.database import Store


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _line(summary: Any) -> str:
    return f"{summary.id} {summary.date.isoformat() if summary.date else '-'} {summary.title}"


def import_files(args: argparse.Namespace, open_store: Any) -> int:
    from pcc_minutes.documents.readers import read_minutes

    # Read every file before touching the database: one bad file changes nothing.
    docs = [read_minutes(path) for path in args.files]
    store = open_store(args.db, create=True)
    try:
        for summary in ops.import_documents(store, docs).value:
            print(_line(summary))
    finally:
        store.close()
    return 0


def list_meetings(args: argparse.Namespace, store: Store) -> int:
    meetings = ops.list_meetings(store)
    if args.json:
        _print_json([m.as_json() for m in meetings])
    else:
        for summary in meetings:
            print(f"{_line(summary)}  [{summary.status}]")
    return 0


def show(args: argparse.Namespace, store: Store) -> int:
    data = ops.meeting_json(store, args.id)
    if args.json:
        _print_json(data)
    else:
        from pcc_minutes.documents.writers.markdown import render_markdown

        sys.stdout.write(render_markdown(ops.minutes_document(store, args.id)).decode())
    return 0


def figures(args: argparse.Namespace, store: Store) -> int:
    found = ops.proposed_figures(store, args.id)
    if args.accept:
        added = ops.accept_figures(store, args.id, found).value
        print(f"Stored {added} new figure(s) on meeting {args.id}.", file=sys.stderr)
    if args.json:
        _print_json([ops.figure_json(pos, fig) for pos, fig in found])
        return 0
    for position, figure in found:
        points = ", ".join(
            (f"{p.period}: " if p.period else "")
            + (f"{BOUND_WORDS[p.bound]} " if p.bound in BOUND_WORDS else "~" if p.approx else "")
            + num(p.value)
            + (f"–{num(p.high)}" if p.high is not None else "")
            for p in figure.points
        )
        target = f" (target {num(figure.target)})" if figure.target is not None else ""
        print(f"Item {position}: {figure.label} [{figure.unit}] {points}{target}")
    return 0


def export(args: argparse.Namespace, store: Store) -> int:
    if args.public and args.include_confidential:
        raise UserInputError(
            "--public and --include-confidential contradict each other; give one of them."
        )
    # An agenda is published before the meeting: the public one unless asked otherwise.
    public = args.public or (args.agenda and not args.include_confidential)
    options = {
        "public": public,
        "agenda_only": args.agenda,
        "timings": args.timings,
        "trends": args.trends,
        "figures": args.figures,
        "logo": args.logo,
    }
    if args.output == "-":
        sys.stdout.buffer.write(ops.export_bytes(store, args.id, args.format, **options))
        return 0
    print(ops.export_minutes(store, args.id, args.format, Path(args.output), **options))
    return 0


def status(args: argparse.Namespace, store: Store) -> int:
    result = ops.set_status(store, args.id, args.status, args.by).value
    if result.changed:
        who = f" by {result.by}" if result.by else ""
        print(
            f"Meeting {result.meeting_id} is now {result.status}{who} ({result.at:%Y-%m-%d %H:%M})."
        )
    else:
        print(f"Meeting {result.meeting_id} is already {result.status}; nothing changed.")
    return 0


def backup(args: argparse.Namespace, store: Store) -> int:
    target = args.output or store.path.with_name(
        f"{store.path.stem}-backup-{datetime.now():%Y%m%d-%H%M%S}{store.path.suffix}"
    )
    print(ops.backup(store, target))
    return 0


def demo(args: argparse.Namespace, store: Store) -> int:
    from pcc_minutes.operations.demo import create_demo

    for summary in create_demo(store).value:
        print(_line(summary))
    return 0


def search(args: argparse.Namespace, store: Store) -> int:
    hits = ops.search(store, " ".join(args.query), limit=args.limit)
    if args.json:
        _print_json([hit.as_json() for hit in hits])
        return 0
    for hit in hits:
        day = hit.date.isoformat() if hit.date else "no date"
        where = f", item {hit.item}" if hit.item is not None else ""
        print(f"{day}  #{hit.meeting_id} {hit.title}{where} ({hit.kind}): {hit.snippet}")
    if not hits:
        print("No meeting matches that search.")
    return 0


def indicators(args: argparse.Namespace, store: Store) -> int:
    found = ops.list_indicators(store, args.series)
    if args.json:
        _print_json([i.as_json() for i in found])
        return 0
    for i in found:
        print(f"{i.id}  {i.label} [{i.unit}]  {i.points} point(s)")
    if not found:
        print("No indicators yet: accept a meeting's figures with 'figures ID --accept'.")
    return 0


def trend(args: argparse.Namespace, store: Store) -> int:
    from pcc_minutes.text.indicators import unit_value

    found = ops.indicator_trend(store, ops.find_indicator(store, args.indicator))
    if args.json:
        _print_json(found.as_json())
        return 0
    unit = found.indicator.unit
    print(f"{found.indicator.label} [{unit}]")
    rows = [("Period", "Value", "Target", "Meeting")]
    for p in found.points:
        value = unit_value(unit, p.value, p.high, p.approx, p.bound) + (
            " (reports differ)" if p.mismatch else ""
        )
        target = unit_value(unit, p.target) if p.target is not None else ""
        meeting = f"#{p.meeting_id} {p.date.isoformat() if p.date else ''}, item {p.item}"
        rows.append((p.period or "-", value, target, meeting))
    widths = [max(len(r[c]) for r in rows) for c in range(4)]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    print(found.summary)
    return 0


def _item_id(store: Store, meeting_id: int, position: int) -> int:
    meeting = ops.load_meeting(store, meeting_id)
    for item in meeting.items:
        if item.position == position:
            return item.id
    raise UserInputError(
        f"Meeting {meeting_id} has no item {position}; it has items 1 to {len(meeting.items)}."
    )


def new_meeting(args: argparse.Namespace, store: Store) -> int:
    from dataclasses import replace
    from datetime import date

    from pcc_minutes.core.templates import builtin_templates
    from pcc_minutes.operations.templates import load_template

    on = args.date or date.today()
    if args.from_last is not None:
        # Without --date: the series' next date on the pattern it meets (ops.next_date).
        meeting_id = ops.create_from_last(store, args.from_last, args.date).value
        if args.title:
            ops.update_meeting(store, meeting_id, title=args.title)
    else:
        builtins = builtin_templates()
        template = builtins[0]
        if args.template:
            named = [t for t in builtins if t.name.casefold() == args.template.casefold()]
            if named:
                template = named[0]
            elif Path(args.template).exists():
                template = load_template(Path(args.template))
            else:
                names = "; ".join(t.name for t in builtins)
                raise UserInputError(
                    f"There is no template '{args.template}'; give a template file or one of: "
                    f"{names}."
                )
        if args.title:
            template = replace(template, title=args.title)
        meeting_id = ops.create_from_template(store, template, on).value
    print(_line(ops.meeting_summary(store, meeting_id)))
    return 0


def action(args: argparse.Namespace, store: Store) -> int:
    if args.verb == "add":
        item_id = _item_id(store, args.id, args.item)
        print(ops.add_action(store, item_id, " ".join(args.text), args.owner, args.due).value)
        return 0
    ops.update_action(store, args.action_id, args.note, args.status, args.meeting)
    return 0


def actions(args: argparse.Namespace, store: Store) -> int:
    found = ops.list_actions(store, args.meeting, args.series, args.open)
    if args.json:
        _print_json([a.as_json() for a in found])
        return 0
    for t in found:
        a = t.action
        day = t.raised_date.isoformat() if t.raised_date else "no date"
        extra = (f", {a.owner}" if a.owner else "") + (
            f", due {a.due.isoformat()}" if a.due else ""
        )
        last = f" — {t.updates[-1].note}" if t.updates and t.updates[-1].note else ""
        print(
            f"{a.id} [{a.status}] {a.text}{extra} (raised #{t.raised_meeting_id} {day}, "
            f"item {t.raised_item}){last}"
        )
    if not found:
        print("No actions.")
    return 0


def decision(args: argparse.Namespace, store: Store) -> int:
    item_id = _item_id(store, args.id, args.item)
    print(ops.add_decision(store, item_id, " ".join(args.text)).value)
    return 0


def decisions(args: argparse.Namespace, store: Store) -> int:
    found = ops.list_decisions(store, args.series)
    if args.json:
        _print_json([d.as_json() for d in found])
        return 0
    for d in found:
        day = d.date.isoformat() if d.date else "no date"
        print(f"{d.id} {day} #{d.meeting_id} item {d.item}: {d.text}")
    if not found:
        print("No decisions.")
    return 0


ON_STORE = {
    "list": list_meetings,
    "show": show,
    "figures": figures,
    "export": export,
    "status": status,
    "backup": backup,
    "demo": demo,
    "search": search,
    "indicators": indicators,
    "trend": trend,
    "new": new_meeting,
    "action": action,
    "actions": actions,
    "decision": decision,
    "decisions": decisions,
}
