"""The title block at the top of the minutes: title lines, the kind line, date/time/venue, logo.

Minutes open with up to a handful of short lines before anything else: an organisation, the
meeting's name, perhaps "MINUTES AND ACTIONS", then the date, time and venue. The block is
found by its schedule line (a date or time, or a venue followed by one); the lines above it
are the title, the lines from it down are the schedule. Without a schedule line only a
Title-styled line, or a first line that stands out as a heading, names the meeting: guessing
further would take the opening sentence for a title. A title in the file's core properties
wins over the visible lines unless it is a template's or program's placeholder; a visible
title that differs from it is kept as the subtitle so that no words are lost. The chair is
read from the attendance (see ``attendance``), not from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pcc_minutes.documents.readers.docx.package import safe
from pcc_minutes.documents.readers.docx.units import Para, TableUnit, Unit, fold, one_line
from pcc_minutes.documents.readers.text import AGENDA_LINE, split_title_lines
from pcc_minutes.documents.tree import Image
from pcc_minutes.text.parsing import (
    attendance_from_line,
    clean,
    looks_like_schedule_line,
    looks_like_venue,
    parse_action,
    split_item_heading,
    tidy_end,
)

# Core-properties titles that name the template or the program, not the meeting.
GENERIC_TITLE = re.compile(
    r"^(?:|word document|microsoft word document|document\s*\d*|untitled|title)$", re.IGNORECASE
)
# "MINUTES AND ACTIONS", "Meeting note": what kind of record this is, not its title.
KIND_LINE = re.compile(
    r"^(?:draft\s+)?(?:meeting notes?|minutes(?: and actions)?|notes of (?:the )?meeting|"
    r"meeting minutes|action notes?)$",
    re.IGNORECASE,
)


def core_title(document) -> str:
    """The title in the file's core properties, or "" when absent or a placeholder."""
    title = clean(safe(lambda: document.core_properties.title) or "")
    return "" if GENERIC_TITLE.match(title) else title


@dataclass
class TitleBlock:
    title_lines: list[tuple[str, bool]]  # (text, styled as Title/heading)
    schedule: list[str]
    kind: str
    logo: Image | None
    core_title: str
    end: int  # the index of the first unit after the block

    @classmethod
    def read(cls, units: list[Unit], core_title: str) -> TitleBlock:
        top: list[int] = []  # indexes of the first non-blank paragraphs
        logo = None
        for index, unit in enumerate(units):
            if isinstance(unit, TableUnit) or unit.list is not None or len(top) >= 8:
                break
            if unit.text:
                top.append(index)
            elif unit.images and not top and logo is None:
                logo = Image(alt=unit.images[0], source="logo")

        def text(k: int) -> str:
            return units[top[k]].text

        start = None
        for k in range(min(len(top), 6)):
            line = text(k)
            venue_first = (
                looks_like_venue(line)
                and k + 1 < len(top)
                and looks_like_schedule_line(text(k + 1))
                and attendance_from_line(line) is None
            )
            if looks_like_schedule_line(line) or venue_first:
                start = k
                break
            if not _titleish(units[top[k]]):
                break
        title_lines: list[tuple[str, bool]] = []
        schedule: list[str] = []
        kind = ""
        end_k = -1
        if start is not None:
            for k in range(start):
                line = one_line(text(k))
                if KIND_LINE.match(line) and not kind:
                    kind = line
                else:
                    title_lines.append((line, units[top[k]].heading is not None))
            end_k = start - 1
            k = start
            while k < len(top) and len(schedule) < 4:
                line = text(k)
                if KIND_LINE.match(clean(line)) and not kind:
                    kind = clean(line)
                elif (
                    attendance_from_line(line) is None
                    and parse_action(line) is None
                    and (looks_like_schedule_line(line) or looks_like_venue(line))
                ):
                    schedule.append(tidy_end(line))
                else:
                    break
                end_k = k
                k += 1
        else:
            # No date line near the top: only a Title-styled line, or the first line
            # standing out as a heading, names the meeting.
            for k in range(len(top)):
                if units[top[k]].heading != 0:
                    break
                title_lines.append((one_line(text(k)), True))
                end_k = k
            if not title_lines and not core_title and top:
                first = units[top[0]]
                if _titleish(first) and (first.bold or first.heading is not None):
                    title_lines.append((one_line(first.text), True))
                    end_k = 0
        if end_k + 1 < len(top) and not kind and KIND_LINE.match(clean(text(end_k + 1))):
            kind = clean(text(end_k + 1))
            end_k += 1
        end = top[end_k] + 1 if end_k >= 0 else 0
        return cls(title_lines, schedule, kind, logo, core_title, end)

    def title_parts(self) -> tuple[str, str, str]:
        """(organisation, title, subtitle); a styled line among plain ones is the title itself."""
        lines = [line for line, _ in self.title_lines]
        styled = [i for i, (_, is_styled) in enumerate(self.title_lines) if is_styled]
        if styled and len(styled) < len(lines):
            at = styled[0]
            organisation = " ".join(lines[:at])
            title, subtitle = lines[at], "\n".join(lines[at + 1 :])
        else:
            organisation, title, subtitle = split_title_lines(lines)
        if self.core_title:
            if title and fold(title) != fold(self.core_title):
                # The visible title line differs from the file's title: keep its words.
                subtitle = "\n".join(part for part in (title, subtitle) if part)
            title = self.core_title
        return organisation, title, subtitle


def _titleish(para: Para) -> bool:
    line = clean(para.text)
    return (
        0 < len(line) <= 150
        and para.list is None
        and attendance_from_line(line) is None
        and split_item_heading(line) is None
        and parse_action(line) is None
        and not AGENDA_LINE.match(line)
        and not (line.endswith(".") and not para.bold and para.heading is None)
    )
