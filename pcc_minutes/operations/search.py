"""Search across every meeting (read-only): ``search(store, "firearms -draft from:2025-01-01")``.

The query language is ``core.search_query``'s, the index ``store.search``'s and the ranking
``store.search_rank``'s. A query that cannot be searched raises one ``UserInputError``
sentence.
"""

from __future__ import annotations

from pcc_minutes.core.errors import UserInputError
from pcc_minutes.core.search_query import parse
from pcc_minutes.core.tracking import SearchHit
from pcc_minutes.store import search_rank
from pcc_minutes.store.database import Store


def search(store: Store, query: str, limit: int = 50) -> list[SearchHit]:
    """The best ``limit`` hits for ``query`` across every meeting, best first."""
    if limit < 1:
        raise UserInputError("The number of results must be at least 1; give --limit 1 or more.")
    parsed = parse(query)
    with store.transaction() as session:
        return search_rank.search(session, parsed, limit)
