"""Benchmark (not a test): does the private-notes box slow typing in the notes?

One process, one window (offscreen) in live mode on a generated meeting (``generate.py``)
whose first item has ``--words`` words of notes. The same keys are typed into the notes in
alternating runs, each key sent and then the event loop run until idle (so layout, painting
and the autosave's timers count): with the private-notes box hidden and its saver following
no item, and as the window has it — shown, following the item, holding ``--private-words``
words of private notes. Prints the time per key (median, p99, max) of each and their ratio,
measured in this one run.

    .venv/bin/python bench/private_notes_bench.py [--words 2000] [--private-words 2000] [--keys 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

HIDDEN = "box hidden, not followed"
SHOWN = "box shown, with its private notes"
TEXT = "\n- The panel reviewed 93% of records; two posts remain vacant."  # bullets, as typed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def type_keys(app, editor, keys: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    times = []
    for n in range(keys):
        char = TEXT[n % len(TEXT)]
        started = time.perf_counter()
        if char == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClick(editor, char, Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=2000, help="words already in the notes")
    parser.add_argument("--private-words", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=300, help="keys per run")
    parser.add_argument("--rounds", type=int, default=4, help="runs of each, A B B A")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import generate

    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        db, big_id = generate.fresh_copy(2, args.words, folder)
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        app.setOrganizationName("pcc-minutes-bench")
        from pcc_minutes import operations as ops
        from pcc_minutes.store.database import open_store
        from pcc_minutes.ui.window import MainWindow

        store = open_store(db)
        first = ops.load_meeting(store, big_id).items[0].id
        ops.update_item(store, first, private_notes=generate.big_notes(args.private_words))
        window = MainWindow(store)
        window.resize(1280, 800)
        window.show()
        window.start(big_id, live=True)
        QTest.qWait(1000)  # the spelling dictionary loads after the first paint
        pane, editor = window.private_notes, window.editor
        runs: dict[str, list[float]] = {HIDDEN: [], SHOWN: []}
        for round_number in range(args.rounds):
            # A B B A …: the notes grow as they are typed, so neither may always go first.
            order = (HIDDEN, SHOWN) if round_number % 2 == 0 else (SHOWN, HIDDEN)
            for name in order:
                if name == HIDDEN:
                    pane.saver.track(None, None)
                    pane.hide()
                else:
                    window._show_private_notes(window.view.item(first))
                editor.setFocus()
                runs[name] += type_keys(app, editor, args.keys)
                window.saver.wait(10)
        private_chars = pane.editor.document().characterCount()
        window.close()
        app.processEvents()
        store.close()
    print(
        f"offscreen; live mode; {args.words:,} words of notes, {private_chars:,} characters of "
        f"private notes; {args.rounds} x {args.keys} keys each, alternated, each key followed "
        "by the event loop until idle"
    )
    print(f"{'run':36} | {'median':>7} {'p99':>7} {'max':>7}  ms per key")
    for name, times in runs.items():
        print(
            f"{name:36} | {statistics.median(times) * 1000:7.2f} "
            f"{percentile(times, 0.99) * 1000:7.2f} {max(times) * 1000:7.2f}"
        )
    hidden, shown = runs[HIDDEN], runs[SHOWN]
    ratio = statistics.median(shown) / statistics.median(hidden)
    print(f"median ratio, shown / hidden: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
