"""The main window, one job a module: ``main`` builds it and shows a meeting, ``live`` has
the live-mode commands, ``views`` the view commands, ``files`` the commands that make
meetings and files, ``export_dialog`` the export options."""

from pcc_minutes.ui.window.main import MainWindow

__all__ = ["MainWindow"]
