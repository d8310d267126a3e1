"""Operations: every use case as one function, one transaction in, an ``Outcome`` out.

The command line and the window call only these. A changing operation returns
``core.changes.Outcome(value, changes, undo)``: ``changes`` says what it touched so the window
refreshes just that, and ``undo`` reverses it (its own outcome carries the redo). Reads return
plain records. Nothing here imports Qt or SQLAlchemy: rows are reached through
``store.queries`` and turned into records by ``store.mapping``.

The modules, one job each: ``reading`` (list, show, the minutes document), ``setup`` (new
meetings, header, attendance), ``agenda``, ``live``, ``notes``, ``capture`` (actions, figures,
decisions), ``figures`` (detection and acceptance), ``approval``, ``importing``,
``exporting``, ``templates`` (template files) and ``demo``.
"""

from pcc_minutes.operations.agenda import (
    add_item,
    move_item,
    remove_item,
    restore_item,
    update_item,
)
from pcc_minutes.operations.approval import StatusResult, set_status
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
from pcc_minutes.operations.exporting import export_bytes, export_minutes
from pcc_minutes.operations.figures import (
    accept_figures,
    figure_json,
    item_plain_text,
    proposed_figures,
)
from pcc_minutes.operations.importing import document_record, import_documents
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
from pcc_minutes.operations.setup import (
    create_from_last,
    create_from_template,
    set_attendees,
    template_from_meeting,
    update_meeting,
)

__all__ = [
    "StatusResult",
    "accept_figures",
    "add_action",
    "add_decision",
    "add_figure",
    "add_item",
    "add_metric",
    "create_from_last",
    "create_from_template",
    "document_record",
    "end_live",
    "enter_item",
    "export_bytes",
    "export_minutes",
    "figure_json",
    "import_documents",
    "item_plain_text",
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
    "set_action_status",
    "set_attendees",
    "set_status",
    "start_live",
    "template_from_meeting",
    "update_figure",
    "update_item",
    "update_meeting",
]
