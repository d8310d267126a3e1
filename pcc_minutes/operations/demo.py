"""A demo series of two meetings, written for this project, to explore the app with.

The figures echo the kind quoted at a real Accountability and Performance Meeting; every
sentence, name of a place and person here is invented for the demo.
"""

from __future__ import annotations

from datetime import date, time

from pcc_minutes.core.changes import Outcome
from pcc_minutes.core.records import Action, Figure, FigurePoint, MeetingSummary, Person
from pcc_minutes.documents.markdown import from_markdown
from pcc_minutes.documents.tree import ItemSection, MinutesDocument
from pcc_minutes.operations.importing import import_documents
from pcc_minutes.store.database import Store

TITLE = "Accountability and Performance Meeting"
ORGANISATION = "Police and Crime Commissioner and Chief Constable"
VENUE = "Committee Room 2, Force Headquarters"


def _people() -> list[Person]:
    return [
        Person("Alex Morgan", "Police and Crime Commissioner", "Chair"),
        Person("Sam Okafor", "Chief Constable"),
        Person("Priya Nair", "Chief Executive, OPCC"),
        Person("Tom Ellery", "Deputy Chief Constable", present=False),
    ]


def _opening(day: date) -> list:
    return from_markdown(
        f"On {day.day} {day:%B %Y}, the Police and Crime Commissioner, Alex Morgan, chaired "
        "the monthly Accountability and Performance Meeting with Chief Constable Sam Okafor. "
        "The meeting is how the Commissioner holds the Chief Constable to account for the "
        "performance of the force, as the law requires."
    )


def demo_documents() -> list[MinutesDocument]:
    october = date(2025, 10, 9)
    november = date(2025, 11, 13)
    first = MinutesDocument(
        title=TITLE,
        organisation=ORGANISATION,
        date=october,
        start=time(10, 0),
        end=time(11, 0),
        venue=VENUE,
        chair="Alex Morgan",
        marking="OFFICIAL",
        opening=_opening(october),
        attendance=_people(),
        source_name="demo",
        items=[
            ItemSection(
                title="Crime Recording Standards",
                lead="Chief Constable",
                planned_minutes=15,
                blocks=from_markdown(
                    "The Chief Constable reported on the latest audit of how crimes are "
                    "recorded. Accuracy has risen from 80% to approximately 92–93% since the "
                    "specialist recording team was set up.\n\n"
                    "### Timeliness:\n\n"
                    "- Crimes recorded within a day fell from 83% to 72% while the new checks "
                    "bedded in.\n"
                    "- The Commissioner asked for the next audit to show both measures side "
                    "by side.\n"
                ),
                figures=[
                    Figure(
                        "Crime recording accuracy",
                        "%",
                        [FigurePoint("2024", 80), FigurePoint("2025", 92, True, 93)],
                        higher_is_better=True,
                    )
                ],
                actions=[
                    Action(
                        "Share the next crime recording audit with the OPCC",
                        "Chief Constable",
                        date(2025, 12, 1),
                    )
                ],
            ),
            ItemSection(
                title="Firearms Licensing",
                lead="Deputy Chief Constable",
                planned_minutes=10,
                blocks=from_markdown(
                    "- Outstanding renewals came down from 1,200 in February 2025 to 800 by "
                    "September 2025.\n"
                    "- An extra 12–13 staff now work on local cases.\n"
                ),
            ),
            ItemSection(
                title="Out of Court Resolutions",
                lead="Chief Constable",
                planned_minutes=10,
                blocks=from_markdown(
                    "So far this year 320 out of court resolutions were given, 4% of all "
                    "resolutions. The target is to reach 8%.\n"
                ),
            ),
        ],
    )
    second = MinutesDocument(
        title=TITLE,
        organisation=ORGANISATION,
        date=november,
        start=time(10, 30),
        end=time(11, 30),
        venue=VENUE,
        chair="Alex Morgan",
        marking="OFFICIAL",
        opening=_opening(november),
        attendance=_people(),
        source_name="demo",
        items=[
            ItemSection(
                title="Matters Arising and Action Log",
                lead="Chief Executive, OPCC",
                planned_minutes=5,
            ),
            ItemSection(
                title="Domestic Abuse: Disclosure Scheme",
                lead="Chief Constable",
                planned_minutes=15,
                blocks=from_markdown(
                    "### Disclosures:\n\n"
                    "- Right to Ask: 76 (2023) → 334 (2024) → 304 (2025 YTD)\n"
                    "- Right to Know: 6 (2023) → 20 (2024) → 130 (2025 YTD)\n\n"
                    "Of 14 protection orders issued, 10 were breached and 5 arrests followed.\n"
                ),
            ),
            ItemSection(title="Rural Crime", lead="Chief Constable", planned_minutes=10),
            ItemSection(title="Any Other Business", planned_minutes=5, confidential=False),
        ],
    )
    return [first, second]


def create_demo(store: Store) -> Outcome[list[MeetingSummary]]:
    return import_documents(store, demo_documents())
