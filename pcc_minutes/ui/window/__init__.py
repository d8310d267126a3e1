"""The main window, one job a module: ``main`` puts it together and shows a meeting,
``panes`` builds its widgets (those hidden at start-up on first use), ``live`` has the
live-mode commands, ``views`` the view commands, ``files`` the commands that make meetings
and files, ``export_dialog`` the export options, ``undo_order`` which undo goes first."""

from pcc_minutes.ui.window.main import MainWindow

__all__ = ["MainWindow"]
