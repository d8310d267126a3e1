"""An action raised in a confidential item, carried into the next meeting's action log, stays
out of that meeting's public minutes, as its item stays out of the first meeting's; the full
draft lists it. Real SQLite files through the real migrations."""

from __future__ import annotations

from datetime import date

from pcc_minutes import operations as ops
from pcc_minutes.core.templates import builtin_templates
from pcc_minutes.documents.layout import layout
from pcc_minutes.documents.markdown import to_markdown
from pcc_minutes.store import peek


def test_a_carried_action_from_a_confidential_item_is_left_out_of_the_public_minutes(
    store, db_path
):
    first = ops.create_from_template(store, builtin_templates()[0], date(2025, 9, 11)).value
    secret, open_item = ops.load_meeting(store, first).items[1:3]
    ops.update_item(store, secret.id, confidential=True)
    ops.add_action(store, secret.id, "Brief the panel on the covert operation", "Chief Constable")
    ops.add_action(store, open_item.id, "Publish the stop and search data", "Chief Constable")
    second = ops.create_from_last(store, first, date(2025, 10, 9)).value
    carried = [c for i in ops.load_meeting(store, second).items for c in i.carried]
    assert [c.raised_confidential for c in carried] == [True, False]
    assert peek.latest_meeting(db_path, second) == ops.load_meeting(store, second)

    public = to_markdown(layout(ops.minutes_document(store, second, public=True)))
    full = to_markdown(layout(ops.minutes_document(store, second)))
    assert "covert operation" not in public
    assert "Publish the stop and search data" in public
    assert "covert operation" in full
