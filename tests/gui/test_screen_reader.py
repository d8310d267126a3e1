"""The window as a screen reader finds it: the real application started under Xvfb (display
:77) with Qt's accessibility bridge on a private session bus, read by a real AT-SPI client
(tests/gui/atspi_client.py, run by the system's Python where pyatspi lives). Every control a
minute-taker uses has a role and a name, and the notes editor gives its text.

Skips, with the reason, when Xvfb, a D-Bus daemon, the AT-SPI bus or pyatspi is missing
(Debian: xvfb dbus-daemon at-spi2-core python3-pyatspi python3-gi).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pcc_minutes import operations as ops
from pcc_minutes.store.database import open_store

pytestmark = pytest.mark.gui

DISPLAY = ":77"
SYSTEM_PYTHON = Path("/usr/bin/python3")
CLIENT = Path(__file__).with_name("atspi_client.py")
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "004_bf04959017a5c92a.txt"
A11Y_BUS_SERVICE = "org.a11y.Bus.service"
# Roles a user reaches and acts on: each needs a name of its own.
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "menu item",
    "check menu item",
    "combo box",
    "spin button",
    "text",
    "entry",
    "list",
    "tree",
    "table",
    "tree table",
    "page tab",
    "slider",
    "menu",
    "popup menu",
    "tool bar",
}


def _missing() -> str:
    """What this machine lacks for the check, or ''."""
    if not sys.platform.startswith("linux"):
        return "the AT-SPI check runs on Linux only"
    for program, package in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus-daemon")):
        if shutil.which(program) is None:
            return f"{program} is not installed (Debian: {package})"
    services = [Path(p) / "dbus-1" / "services" for p in ("/usr/share", "/usr/local/share")]
    if not any((folder / A11Y_BUS_SERVICE).exists() for folder in services):
        return "the AT-SPI bus is not installed (Debian: at-spi2-core)"
    if not SYSTEM_PYTHON.exists():
        return "the system Python that pyatspi is built for is missing"
    found = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, timeout=60
    )
    if found.returncode:
        return "pyatspi is not installed for the system Python (Debian: python3-pyatspi)"
    if Path(f"/tmp/.X{DISPLAY[1:]}-lock").exists():
        return f"display {DISPLAY} is already in use"
    return ""


def _started_on(address: str) -> list[int]:
    """The processes the bus at ``address`` started for us (the AT-SPI bus launcher, its
    bus and the registry: each has the address in its environment, being started by it)."""
    mark = f"DBUS_SESSION_BUS_ADDRESS={address}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if mark in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _stop(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


def _wait_for_display(timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not Path(f"/tmp/.X11-unix/X{DISPLAY[1:]}").exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"Xvfb did not start on {DISPLAY}")
        time.sleep(0.1)


def _make_database(folder: Path) -> Path:
    db = folder / "minutes.sqlite3"
    cli = [sys.executable, "-m", "pcc_minutes", "--db", str(db)]
    command = [*cli, "import", str(SEED)] if SEED.exists() else [*cli, "demo"]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, timeout=120)
    return db


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """The accessibility tree of the application showing the imported seed (or the demo)."""
    missing = _missing()
    if missing:
        pytest.skip(missing)
    folder = tmp_path_factory.mktemp("screen-reader")
    db = _make_database(folder)
    started: list[subprocess.Popen] = []
    address = ""
    app_log = (folder / "app.log").open("wb")
    try:
        xvfb = subprocess.Popen(
            ["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(xvfb)
        _wait_for_display()
        private = {"DISPLAY": DISPLAY, "XDG_RUNTIME_DIR": str(folder)}  # the AT-SPI bus's too
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, **private},
        )
        started.append(bus)
        address = bus.stdout.readline().strip() if bus.stdout else ""
        assert address, "the session bus gave no address"
        env = {
            **os.environ,
            **private,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "XDG_CONFIG_HOME": str(folder / "config"),
        }
        app = subprocess.Popen(
            [sys.executable, "-m", "pcc_minutes", "--db", str(db)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=app_log,
        )
        started.append(app)
        client_env = {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL"))}
        read = subprocess.run(
            [str(SYSTEM_PYTHON), str(CLIENT), "--pid", str(app.pid), "--wait", "60"],
            env=client_env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert read.returncode == 0, (
            f"the AT-SPI client failed: {read.stderr.strip()}; the application said: "
            + (folder / "app.log").read_text(errors="replace")[-2000:]
        )
        walked = json.loads(read.stdout)
        store = open_store(db)
        try:
            meeting = ops.load_meeting(store, ops.list_meetings(store)[0].id)
        finally:
            store.close()
        yield walked, meeting
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            if process is started[-1] and address:  # the app is down: what the bus started
                _stop(_started_on(address))
            if process.stdout:
                process.stdout.close()
        app_log.close()


def nodes(tree_, role: str | None = None, name: str | None = None) -> list[dict]:
    walked, _meeting = tree_
    return [
        node
        for node in walked["nodes"]
        if (role is None or node["role"] == role) and (name is None or node["name"] == name)
    ]


def one(tree_, role: str, name: str) -> dict:
    found = nodes(tree_, role, name)
    assert len(found) == 1, f"expected one {role} named {name!r}, found {len(found)}"
    return found[0]


def under(tree_, parent: dict) -> list[dict]:
    return [n for n in tree_[0]["nodes"] if n["path"].startswith(parent["path"] + "/")]


def plain(markdown: str) -> str:
    """The first words of a bullet as the editor shows them (no bullet marks)."""
    line = next(line for line in markdown.splitlines() if line.strip())
    return line.strip().lstrip("-*·• ").replace("**", "")[:40]


def test_the_application_is_found_by_its_name(tree):
    walked, meeting = tree
    assert walked["application"] == "PCC Minutes"
    frame = nodes(tree, "frame")
    assert frame and meeting.title in frame[0]["name"]


def test_the_notes_editor_is_named_and_gives_the_item_s_notes(tree):
    _walked, meeting = tree
    notes = one(tree, "text", "Notes")
    assert "editable" in notes["states"] and "focusable" in notes["states"]
    heading = [n for n in nodes(tree, "label") if n["name"].startswith("Current agenda item: ")]
    assert heading, "the item's heading label does not say which item"
    number = int(heading[0]["name"].split("Item ", 1)[1].split(":", 1)[0])
    item = next(item for item in meeting.items if item.position == number)
    assert item.notes.strip(), "the item shown has notes to read"
    assert plain(item.notes) in notes["text"]


def test_the_header_fields_are_named_and_read_their_values(tree):
    _walked, meeting = tree
    assert one(tree, "text", "Meeting title")["text"] == meeting.title
    date = one(tree, "spin button", "Meeting date")
    assert date["text"] == f"{meeting.date.day} {meeting.date:%B %Y}"
    assert one(tree, "text", "Venue")["text"] == (meeting.venue or "")
    assert one(tree, "text", "Chair")["name"] == "Chair"
    for name in ("Start time", "End time"):
        one(tree, "spin button", name)
    one(tree, "text", "Opening paragraph")
    one(tree, "push button", "Attendance")


def test_the_agenda_names_each_item(tree):
    _walked, meeting = tree
    agenda = one(tree, "tree", "Agenda")
    cells = [n["name"] for n in under(tree, agenda) if n["role"] == "table cell"]
    for item in meeting.items:
        assert f"Item {item.position}" in cells
        assert any(cell.startswith(item.title) for cell in cells), item.title
    headers = [n["name"] for n in under(tree, agenda) if n["role"] == "table column header"]
    assert headers == ["Number", "State", "Title", "Planned time"]


def test_the_side_panel_lists_are_named_and_their_rows_say_what_they_are(tree):
    for name in ("Figures", "Actions", "Decisions"):
        listing = one(tree, "list", name)
        rows = [n for n in under(tree, listing) if n["role"] == "list item"]
        assert rows and all(row["name"].strip() for row in rows), name


def test_the_toolbar_buttons_and_the_menus_are_named(tree):
    toolbar = one(tree, "tool bar", "Commands")
    buttons = [n for n in under(tree, toolbar) if n["role"] in ("push button", "check box")]
    names = {n["name"] for n in buttons}
    assert {"New Meeting", "Export Word", "Export PDF", "Live Mode", "Next Item"} <= names
    assert all(n["name"] for n in buttons)
    menu_bar = one(tree, "menu bar", "Menu bar")
    titles = [
        n["name"]
        for n in under(tree, menu_bar)
        if n["path"].count("/") == 1 + menu_bar["path"].count("/")
    ]
    assert titles[:3] == ["File", "Edit", "Format"] and "Help" in titles
    popups = [n for n in under(tree, menu_bar) if n["role"] == "popup menu"]
    assert [p["name"] for p in popups] == titles
    items = [n for n in under(tree, menu_bar) if n["role"] == "menu item"]
    assert len(items) > 40 and all(n["name"] for n in items)


def test_no_control_is_left_without_a_name(tree):
    walked, _meeting = tree
    unnamed = [
        f"{n['role']} at {n['path']}"
        for n in walked["nodes"]
        if n["role"] in CONTROLS and not n["name"].strip()
    ]
    assert unnamed == []
    counts = Counter(n["role"] for n in walked["nodes"] if n["role"] in CONTROLS)
    print("controls:", dict(counts), "of", len(walked["nodes"]), "nodes")
