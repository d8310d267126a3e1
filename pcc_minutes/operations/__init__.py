"""Operations: every use case as one function, one transaction in, an ``Outcome`` out.

The command line and the window call only these. A changing operation returns
``core.changes.Outcome(value, changes, undo)``: ``changes`` says what it touched so the window
refreshes just that, and ``undo`` reverses it (its own outcome carries the redo). Reads return
plain records. Nothing here imports Qt or SQLAlchemy: rows are reached through
``store.queries`` and turned into records by ``store.mapping``.

The modules, one job each: ``reading`` (list, show, the minutes document), ``setup`` (new
meetings, header, attendance), ``agenda``, ``live``, ``notes``, ``capture`` (actions, figures,
decisions), ``figures`` (detection and acceptance), ``approval``, ``importing``,
``exporting``, ``backup``, ``templates`` (template files) and ``demo``.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers and editors: the names as ordinary imports
    from pcc_minutes.operations.actions import (
        list_actions,
        list_decisions,
        update_action,
        update_decision,
    )
    from pcc_minutes.operations.agenda import (
        add_item,
        move_item,
        remove_item,
        restore_item,
        update_item,
    )
    from pcc_minutes.operations.approval import StatusResult, set_status
    from pcc_minutes.operations.backup import backup
    from pcc_minutes.operations.capture import (
        add_action,
        add_decision,
        add_figure,
        add_metric,
        remove_action,
        remove_decision,
        remove_figure,
        remove_figures,
        restore_action,
        set_action_status,
        update_figure,
    )
    from pcc_minutes.operations.exporting import export_action_log, export_bytes, export_minutes
    from pcc_minutes.operations.figures import (
        accept_figures,
        figure_json,
        proposed_figures,
    )
    from pcc_minutes.operations.importing import document_record, import_documents
    from pcc_minutes.operations.indicators import (
        find_indicator,
        indicator_hints,
        indicator_trend,
        item_trends,
        link_figure,
        list_indicators,
        merge_indicators,
        rename_indicator,
        set_indicator_direction,
        unlink_figure,
    )
    from pcc_minutes.operations.live import end_live, enter_item, start_live
    from pcc_minutes.operations.notes import save_item_notes
    from pcc_minutes.operations.reading import (
        latest_meeting_id,
        list_meetings,
        load_meeting,
        meeting_json,
        meeting_summary,
        minutes_document,
        open_actions_of_series,
    )
    from pcc_minutes.operations.search import search
    from pcc_minutes.operations.setup import (
        create_from_last,
        create_from_template,
        next_date,
        set_attendees,
        set_chair,
        template_from_meeting,
        update_meeting,
    )


# Each name is imported from its module on first use, so that importing the package (the
# window does, on its way to the first paint) costs nothing until an operation is called.
_HOME = {
    "StatusResult": "approval",
    "accept_figures": "figures",
    "add_action": "capture",
    "list_actions": "actions",
    "list_decisions": "actions",
    "update_action": "actions",
    "update_decision": "actions",
    "add_decision": "capture",
    "add_figure": "capture",
    "add_item": "agenda",
    "add_metric": "capture",
    "backup": "backup",
    "create_from_last": "setup",
    "create_from_template": "setup",
    "document_record": "importing",
    "end_live": "live",
    "enter_item": "live",
    "export_bytes": "exporting",
    "export_action_log": "exporting",
    "export_minutes": "exporting",
    "figure_json": "figures",
    "import_documents": "importing",
    "latest_meeting_id": "reading",
    "list_meetings": "reading",
    "load_meeting": "reading",
    "meeting_json": "reading",
    "meeting_summary": "reading",
    "minutes_document": "reading",
    "move_item": "agenda",
    "open_actions_of_series": "reading",
    "proposed_figures": "figures",
    "remove_action": "capture",
    "remove_decision": "capture",
    "remove_figure": "capture",
    "remove_figures": "capture",
    "remove_item": "agenda",
    "restore_action": "capture",
    "restore_item": "agenda",
    "save_item_notes": "notes",
    "find_indicator": "indicators",
    "indicator_hints": "indicators",
    "indicator_trend": "indicators",
    "item_trends": "indicators",
    "link_figure": "indicators",
    "list_indicators": "indicators",
    "merge_indicators": "indicators",
    "rename_indicator": "indicators",
    "set_indicator_direction": "indicators",
    "unlink_figure": "indicators",
    "search": "search",
    "set_action_status": "capture",
    "set_attendees": "setup",
    "set_chair": "setup",
    "next_date": "setup",
    "set_status": "approval",
    "start_live": "live",
    "template_from_meeting": "setup",
    "update_figure": "capture",
    "update_item": "agenda",
    "update_meeting": "setup",
}
__all__ = [
    "StatusResult",
    "accept_figures",
    "add_action",
    "add_decision",
    "add_figure",
    "add_item",
    "add_metric",
    "backup",
    "create_from_last",
    "list_actions",
    "list_decisions",
    "update_action",
    "update_decision",
    "create_from_template",
    "document_record",
    "end_live",
    "enter_item",
    "export_bytes",
    "export_action_log",
    "export_minutes",
    "figure_json",
    "import_documents",
    "latest_meeting_id",
    "list_meetings",
    "load_meeting",
    "meeting_json",
    "meeting_summary",
    "minutes_document",
    "move_item",
    "open_actions_of_series",
    "proposed_figures",
    "remove_action",
    "remove_decision",
    "remove_figure",
    "remove_figures",
    "remove_item",
    "restore_action",
    "restore_item",
    "save_item_notes",
    "find_indicator",
    "indicator_hints",
    "indicator_trend",
    "item_trends",
    "link_figure",
    "list_indicators",
    "merge_indicators",
    "rename_indicator",
    "set_indicator_direction",
    "unlink_figure",
    "search",
    "set_action_status",
    "set_attendees",
    "set_chair",
    "next_date",
    "set_status",
    "start_live",
    "template_from_meeting",
    "update_figure",
    "update_item",
    "update_meeting",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next look-up is an ordinary one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})
