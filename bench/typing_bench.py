"""Benchmark (not a test): keystroke latency in the notes editor with autosave on.

For 0 / 2,000 / 20,000 words already in the item, a fresh process opens the main window
offscreen on a generated database (``bench/generate.py``), starts live mode on the big
meeting and types a few hundred characters (words, spaces, Enter, bullets) into its first
item. The keys come from outside the event loop: a separate thread sleeps to a fixed
schedule (one key every ``--gap-ms``) and posts each QKeyEvent with
``QCoreApplication.postEvent``, noting the time it was posted. A key's latency is from that
post until the editor has handled it (its ``keyPressEvent`` has returned), so a key that
arrives while the window is busy (converting the notes for a save, say) waits, and counts.

Also prints the longest UI-thread stall while typing (the largest gap between ticks of a
1 ms timer), the in-handler time of a key, and the saves made meanwhile: the saver's
part on the UI thread (the text or a snapshot of it) and the database write on the
saver thread.

    .venv/bin/python bench/typing_bench.py [--words 0,2000,20000] [--keys 400] [--gap-ms 40]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TEXT = (
    "\n- The panel reviewed 93% of records and found 6% amber\n"
    "Progress on recruitment is steady but two posts remain vacant. "
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def measure(meetings: int, words: int, keys: int, gap_ms: float) -> dict:
    """Runs in the child process: one window, one database, one item of ``words`` words."""
    import generate

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        db, big_id = generate.fresh_copy(meetings, words, folder)
        from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        app.setOrganizationName("pcc-minutes-bench")
        from pcc_minutes import operations as ops
        from pcc_minutes.store.database import open_store
        from pcc_minutes.ui.window import MainWindow

        # Time the saver's two halves: what it asks the editor for on the UI thread (the
        # Markdown, or a snapshot that makes it later) and the database write (saver thread).
        # Both wrap calls the window already makes.
        writes: list[float] = []
        save_item_notes = ops.save_item_notes

        def timed_save(*args, **kwargs):
            started = time.perf_counter()
            try:
                return save_item_notes(*args, **kwargs)
            finally:
                writes.append(time.perf_counter() - started)

        ops.save_item_notes = timed_save

        store = open_store(db)
        window = MainWindow(store)
        window.show()
        window.start(big_id, live=True)
        QTest.qWait(1000)  # the spelling dictionary loads after the first paint
        editor = window.editor
        conversions: list[float] = []
        text_of = getattr(window.saver, "_text_of", None)  # what the saver calls per save

        def timed_text():
            started = time.perf_counter()
            try:
                return text_of()
            finally:
                conversions.append(time.perf_counter() - started)

        if text_of is not None:
            window.saver._text_of = timed_text
        saves: list[float] = []
        window.saver.saved.connect(saves.append)
        before_chars = editor.document().characterCount()

        posted: list[float] = []
        latencies: list[float] = []
        handling: list[float] = []
        loop = QEventLoop()

        class Handled(QObject):
            """Hands each key press to the editor itself, timing until it returns."""

            def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
                if event.type() != QEvent.Type.KeyPress:
                    return False
                started = time.perf_counter()
                watched.event(event)
                done = time.perf_counter()
                handling.append(done - started)
                latencies.append(done - posted[len(latencies)])
                if len(latencies) == keys:
                    QTimer.singleShot(200, loop.quit)
                return True

        handled = Handled()
        editor.installEventFilter(handled)

        ticks: list[float] = []
        ticker = QTimer(interval=1)
        ticker.setTimerType(Qt.TimerType.PreciseTimer)
        ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))

        def key_events(char: str) -> tuple[QKeyEvent, QKeyEvent]:
            if char == "\n":
                key, text = Qt.Key.Key_Return, "\r"
            else:
                key, text = Qt.Key(ord(char.upper())), char
            modifiers = Qt.KeyboardModifier.NoModifier
            return (
                QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text),
                QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text),
            )

        def typist() -> None:
            start = time.perf_counter() + 0.3
            for n in range(keys):
                due = start + n * gap_ms / 1000
                pause = due - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                press, release = key_events(TEXT[n % len(TEXT)])
                posted.append(time.perf_counter())
                QCoreApplication.postEvent(editor, press)
                QCoreApplication.postEvent(editor, release)

        thread = threading.Thread(target=typist, name="typist", daemon=True)
        ticker.start()
        thread.start()
        QTimer.singleShot(int(keys * gap_ms + 60_000), loop.quit)  # never hang
        loop.exec()
        ticker.stop()
        thread.join(5)
        typed_chars = editor.document().characterCount() - before_chars
        window.saver.wait(10)
        QTest.qWait(100)
        window.close()
        app.processEvents()
        store.close()
    start, end = posted[0], posted[-1] + 0.1
    window_ticks = [tick for tick in ticks if start <= tick <= end]
    gaps = [b - a for a, b in zip(window_ticks, window_ticks[1:], strict=False)]
    return {
        "words": words,
        "keys": len(latencies),
        "typed_chars": typed_chars,
        "p50": statistics.median(latencies) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
        "max": max(latencies) * 1000,
        "handler_p50": statistics.median(handling) * 1000,
        "handler_max": max(handling) * 1000,
        "stall": max(gaps) * 1000 if gaps else 0.0,
        "ticks": len(window_ticks),
        "saves": len(saves),
        "convert_median": statistics.median(conversions) * 1000 if conversions else 0.0,
        "convert_max": max(conversions) * 1000 if conversions else 0.0,
        "write_median": statistics.median(writes) * 1000 if writes else 0.0,
        "write_max": max(writes) * 1000 if writes else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default="0,2000,20000", help="words already in the item")
    parser.add_argument("--meetings", type=int, default=2, help="meetings in the database")
    parser.add_argument("--keys", type=int, default=400)
    parser.add_argument("--gap-ms", type=float, default=40)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.meetings, args.child, args.keys, args.gap_ms)))
        return 0

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    import generate

    counts = [int(words) for words in args.words.split(",")]
    for words in counts:
        generate.cached_database(args.meetings, words)
    from child import run_child

    PLATFORM = os.environ.get("QT_QPA_PLATFORM", "offscreen")  # noqa: N806 - as printed

    options = ["--meetings", str(args.meetings), "--keys", str(args.keys)]
    options += ["--gap-ms", str(args.gap_ms)]
    rows = [run_child(__file__, [str(words), *options], 600) for words in counts]
    print(
        f"platform: {PLATFORM}; live mode, autosave on; {args.keys} keys posted "
        f"from a thread every {args.gap_ms:g} ms; {args.meetings} meetings in the database"
    )
    header = (
        f"{'words':>7} | {'p50':>7} {'p99':>7} {'max':>7} | {'handler':>7} {'max':>7} | "
        f"{'stall':>7} | {'saves':>5} {'UI prep':>7} {'max':>7} | {'db write':>8} {'max':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['words']:>7,} | {row['p50']:>7.2f} {row['p99']:>7.2f} {row['max']:>7.2f} | "
            f"{row['handler_p50']:>7.2f} {row['handler_max']:>7.2f} | {row['stall']:>7.1f} | "
            f"{row['saves']:>5} {row['convert_median']:>7.2f} {row['convert_max']:>7.2f} | "
            f"{row['write_median']:>8.2f} {row['write_max']:>7.2f}"
        )
    print(
        "ms. p50/p99/max: key posted -> editor's keyPressEvent returned; handler: time inside "
        "it; stall: longest gap between 1 ms timer ticks while typing; UI prep: the saver's "
        "call for the notes on the UI thread (Markdown or a snapshot), per save; db write: "
        "save_item_notes (saver thread)"
    )
    for row in rows:
        if row["typed_chars"] <= 0 or row["keys"] != args.keys:
            print(
                f"warning: {row['words']} words: {row['keys']} keys handled, "
                f"document grew by {row['typed_chars']} characters"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
