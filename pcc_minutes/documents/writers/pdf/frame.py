"""The text frame of every page, with a cheap copy.

reportlab copies the frame (``copy.deepcopy``) every time it measures a heading together with
the block it keeps with (``keepWithNext``): a trial frame to lay them out in. A frame holds
only numbers, names and a list or two, so a copy that copies its lists (and deep-copies
anything else) gives the same frame at a small part of the cost; it was about a twentieth of
an export's time.
"""

from __future__ import annotations

import copy

from reportlab.platypus import Frame

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
