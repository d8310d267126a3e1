"""An item's units as minutes blocks: paragraphs, sub-headings, nested lists, tables, and the
item's actions and decisions taken out of its text.

Word lists become ``BulletList`` values nested by level; a new list starts where the kind
changes at the top level (bullets after numbers, or another numbered list), so that two
lists that Word numbers separately are not merged. Bullets typed as characters ("• ", "- ")
are lists too. Blank paragraphs are spacing, also between the bullets of one list, so they
neither end a list nor become blocks. "ACTION n: …" and "Decision: …" lines are taken out
of an item's text (``extract``) into its actions and decisions; the opening before the first
item is read without ``extract``, since the minutes model keeps those only on items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pcc_minutes.core.records import Action
from pcc_minutes.documents.readers.docx.tables import table_block
from pcc_minutes.documents.readers.docx.units import Para, TableUnit, Unit, one_line, short, trim
from pcc_minutes.documents.tree import (
    Block,
    BulletList,
    Heading,
    ListItem,
    Paragraph,
    Spans,
    drop_leading,
    spans,
)
from pcc_minutes.text.parsing import (
    BULLET,
    clean,
    find_date,
    parse_action,
    parse_decision,
)

# What documents.layout.action_text adds: "(Owner: X; due 1 October 2025; done)".
CLOSED_STATUSES = ("done", "dropped")
_EXTRA = r"(?:Owner: [^;()]+|due \d{1,2} [A-Z][a-z]+ \d{4}|done|dropped)"
OUR_EXTRAS = re.compile(rf"\s\((?P<extras>{_EXTRA}(?:; {_EXTRA})*)\)$")
OWNER_INITIALS = re.compile(r"\((?P<owner>[A-Z][A-Za-z]{1,3}(?:\s*/\s*[A-Z][A-Za-z]{1,3})*)\)\W*$")


@dataclass
class _Entry:
    depth: int
    ordered: bool
    number: int
    list_id: str
    content: Spans


def blocks(units: list[Unit], *, extract: bool) -> tuple[list[Block], list[Action], list[str]]:
    """Blocks of an item (or of the opening); with ``extract`` actions and decisions too."""
    found: list[Block] = []
    actions: list[Action] = []
    decisions: list[str] = []
    pending: list[_Entry] = []

    def flush() -> None:
        found.extend(_lists(pending))
        pending.clear()

    for unit in units:
        if isinstance(unit, TableUnit):
            flush()
            table = table_block(unit)
            if table is not None:
                found.append(table)
            continue
        if not unit.text:
            continue  # blank paragraphs are spacing, also between the bullets of one list
        line = clean(unit.text)
        if extract:
            action = _action(line)
            if action:
                actions.append(action)
                continue
            decision = parse_decision(line)
            if decision is not None:
                decisions.append(decision)
                continue
        if unit.heading is not None:
            flush()
            found.append(Heading(3, spans(one_line(line))))
            continue
        if unit.list is not None:
            info = unit.list
            pending.append(_Entry(info.depth, info.ordered, info.number, info.num_id, unit.content))
            continue
        bullet = BULLET.match(unit.text)
        if bullet:
            pending.append(_Entry(0, False, 1, "typed", _drop_prefix(unit.content, bullet.end())))
            continue
        flush()
        if _subheading(unit):
            found.append(Heading(3, spans(one_line(line))))
        else:
            found.append(Paragraph(unit.content))
    flush()
    return found, actions, decisions


def _action(line: str) -> Action | None:
    """An action line; "… (CS)" at its end names the owner by initials, as minutes do, and
    "… (Owner: …; due 1 October 2025; done)" is how our own exports print the rest.

    ``Action`` is a frozen record, so the owner is set with ``dataclasses.replace``.
    """
    action = parse_action(line)
    if action is not None:
        ours = OUR_EXTRAS.search(action.text)
        if ours:
            return _our_extras(action, ours)
        owner = OWNER_INITIALS.search(action.text)
        if owner:
            action = replace(action, owner=owner.group("owner"))
    return action


def _our_extras(action: Action, found: re.Match) -> Action:
    """The owner, due date and status our writers put in brackets after an action's words."""
    changes: dict = {"text": action.text[: found.start()].rstrip()}
    for part in found.group("extras").split("; "):
        if part.startswith("Owner: "):
            changes["owner"] = part[len("Owner: ") :].strip()
        elif part.startswith("due "):
            when = find_date(part)
            if when is None:
                return action  # not ours after all: the words stay as they are
            changes["due"] = when.value
        elif part in CLOSED_STATUSES:
            changes["status"] = part
    return replace(action, **changes)


def _subheading(para: Para) -> bool:
    line = clean(para.text)
    return (
        para.bold
        and short(line, 120, 15)
        and not line.endswith((".", ";", ","))
        and find_date(line) is None
    )


def _drop_prefix(content: Spans, count: int) -> Spans:
    """The spans without their first ``count`` characters (a typed bullet)."""
    return trim(list(drop_leading(content, count)))


@dataclass
class _ListLevel:
    depth: int
    ordered: bool
    start: int
    items: list[list] = field(default_factory=list)  # [content, [sub-levels]]


def _lists(entries: list[_Entry]) -> list[BulletList]:
    """Consecutive list paragraphs as lists, nested by level; a new list where kinds change."""
    runs: list[list[_Entry]] = []
    for entry in entries:
        if runs:
            root = runs[-1][0]
            if entry.depth <= root.depth and (
                entry.ordered != root.ordered or (entry.ordered and entry.list_id != root.list_id)
            ):
                runs.append([entry])
                continue
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return [_nest(run) for run in runs]


def _nest(run: list[_Entry]) -> BulletList:
    root = _ListLevel(run[0].depth, run[0].ordered, run[0].number)
    stack = [root]
    for entry in run:
        while len(stack) > 1 and entry.depth < stack[-1].depth:
            stack.pop()
        current = stack[-1]
        if entry.depth > current.depth and current.items:
            sub = _ListLevel(entry.depth, entry.ordered, entry.number)
            current.items[-1][1].append(sub)
            stack.append(sub)
            current = sub
        current.items.append([entry.content, []])
    return _freeze(root)


def _freeze(level: _ListLevel) -> BulletList:
    items = tuple(
        ListItem(content, tuple(_freeze(sub) for sub in subs)) for content, subs in level.items
    )
    return BulletList(items, ordered=level.ordered, start=level.start if level.ordered else 1)
