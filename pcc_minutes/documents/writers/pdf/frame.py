"""The text frame of every page, with a cheap copy, and keeping a heading with what follows
it without copying the frame at all.

reportlab copies the frame (``copy.deepcopy``) every time it measures a heading together with
the block it keeps with (``keepWithNext``): a trial frame to lay them out in. A frame holds
only numbers, names and a list or two, so a copy that copies its lists (and deep-copies
anything else) gives the same frame at a small part of the cost; it was about a twentieth of
an export's time. The copy is there for flowables that put content into the frame while
they are measured; the writer's own never do, so ``KeepWithNext`` measures a group of them
with reportlab's arithmetic and no copy (any other group goes to reportlab's way).
"""

from __future__ import annotations

import copy

from reportlab import rl_config
from reportlab.platypus import Frame, KeepTogether
from reportlab.rl_config import _FUZZ

from pcc_minutes.documents.writers.pdf.chart import ChartFlowable
from pcc_minutes.documents.writers.pdf.flowables import (
    Indent,
    ListEntry,
    TaggedImage,
    TaggedParagraph,
)
from pcc_minutes.documents.writers.pdf.long_paragraph import LongParagraph
from pcc_minutes.documents.writers.pdf.plain_text import PlainText
from pcc_minutes.documents.writers.pdf.table import GridTable

_IMMUTABLE = (int, float, str, bool, type(None))


class MinutesFrame(Frame):
    def __deepcopy__(self, memo):
        twin = object.__new__(type(self))
        memo[id(self)] = twin
        state = {}
        for key, value in self.__dict__.items():
            if isinstance(value, _IMMUTABLE):
                state[key] = value
            elif type(value) is list and all(isinstance(item, _IMMUTABLE) for item in value):
                state[key] = list(value)
            else:
                state[key] = copy.deepcopy(value, memo)
        twin.__dict__.update(state)  # Frame.__setattr__ would file "__dict__" as a key
        return twin


# The flowables the writer makes: none of them has a frame action, transfers space or puts
# content into the frame while it is measured.
OWN_FLOWABLES = frozenset(
    {
        TaggedParagraph,
        PlainText,
        ListEntry,
        TaggedImage,
        Indent,
        GridTable,
        ChartFlowable,
        LongParagraph,
    }
)


class KeepWithNext(KeepTogether):
    """reportlab's ``KeepTogether`` (what the document template makes of a heading and the
    block it keeps with), measuring a group of the writer's own flowables as
    ``_listWrapOn`` does, without the trial copy of the frame."""

    def wrap(self, aW, aH):
        content = self._content
        if not all(type(flowable) in OWN_FLOWABLES for flowable in content):
            return super().wrap(aW, aH)
        canvas = self.canv
        fake_width = rl_config.listWrapOnFakeWidth
        width = height = before = 0
        first = None
        at_top = True
        for flowable in content:
            w, h = flowable.wrapOn(canvas, aW, 0xFFFFFFF)
            if first is None:
                first = h
            if h <= _FUZZ:
                continue
            width = max(width, min(w, aW) if fake_width else w)
            height += h
            if not at_top:
                height += max(flowable.getSpaceBefore() - before, 0)
            else:
                at_top = False
            before = flowable.getSpaceAfter()
            height += before
        self._H = height - before
        self._H0 = first or 0
        self._wrapInfo = aW, aH
        return width, 0xFFFFFF  # force a split, as reportlab's does
