"""A screen reader's view of the window: run by Debian's own Python (where pyatspi lives,
not the project's venv), it finds the application on the accessibility bus, walks its tree
and prints it as JSON for tests/gui/test_screen_reader.py to judge.

    /usr/bin/python3 tests/gui/atspi_client.py --pid 1234 [--name "PCC Minutes"] [--wait 30]

Each node: its path of child indexes, role, name, description, states, and for a node that
offers the Text interface (entries, text and paragraphs) its text. Exit status 2 with a
one-line reason on stderr when pyatspi is missing or the application never appears.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

MAX_NODES = 5000
MAX_TEXT = 20000
# Roles whose text a screen reader reads out: the fields, the notes and the labels.
TEXT_ROLES = {"text", "paragraph", "entry", "document text", "label", "spin button"}


def find_application(pyatspi, pid: int, name: str, wait: float):
    """The application with ``pid`` (or, without one, called ``name``) once it shows a
    window with something in it."""
    deadline = time.monotonic() + wait
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is None:
                continue
            try:
                ours = app.get_process_id() == pid if pid else app.name == name
                if ours and app.childCount and app.getChildAtIndex(0).childCount:
                    return app
            except Exception:  # an application closing as we look
                continue
        if time.monotonic() > deadline:
            return None
        time.sleep(0.5)


def describe(node, path: str) -> dict:
    role = node.getRoleName()
    found = {
        "path": path,
        "role": role,
        "name": node.name or "",
        "description": node.description or "",
        "states": [_state_name(state) for state in node.getState().getStates()],
    }
    if role in TEXT_ROLES:
        try:
            text = node.queryText()
            found["text"] = text.getText(0, min(text.characterCount, MAX_TEXT))
        except (NotImplementedError, AttributeError):
            pass
    return found


def _state_name(state) -> str:
    text = str(state)  # "<enum ATSPI_STATE_FOCUSABLE of type Atspi.StateType>" or "STATE_..."
    for part in text.replace("<", " ").replace(">", " ").split():
        if part.upper().startswith(("ATSPI_STATE_", "STATE_")):
            return part.upper().split("STATE_", 1)[1].lower()
    return text.lower()


def walk(app) -> list[dict]:
    nodes: list[dict] = []
    stack = [(app, "")]
    while stack and len(nodes) < MAX_NODES:
        node, path = stack.pop()
        try:
            nodes.append(describe(node, path))
            count = node.childCount
        except Exception as error:  # a node gone while walking: say so, go on
            nodes.append({"path": path, "role": "gone", "name": str(error)})
            continue
        children = []
        for index in range(count):
            try:
                child = node.getChildAtIndex(index)
            except Exception:
                continue
            if child is not None:
                children.append((child, f"{path}/{index}"))
        stack.extend(reversed(children))
    return nodes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pid", type=int, default=0)
    parser.add_argument("--name", default="PCC Minutes")
    parser.add_argument("--wait", type=float, default=30.0)
    args = parser.parse_args()
    try:
        import pyatspi
    except ImportError:
        print(
            "pyatspi is not installed for this Python (Debian: python3-pyatspi).", file=sys.stderr
        )
        return 2
    app = find_application(pyatspi, args.pid, args.name, args.wait)
    if app is None:
        who = f"process {args.pid}" if args.pid else f"'{args.name}'"
        print(f"{who} never appeared on the accessibility bus.", file=sys.stderr)
        return 2
    json.dump({"application": app.name, "nodes": walk(app)}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
