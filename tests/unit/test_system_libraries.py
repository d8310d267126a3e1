"""Before the window starts on Linux, the libraries Qt needs are checked: a missing one is
named by its Debian/Ubuntu package in one sentence (with what to do), not Qt's page about
platform plugins; offscreen runs need only the libraries every Qt program loads."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from pcc_minutes import launcher, system_libraries
from pcc_minutes.system_libraries import LIBRARIES, missing_packages, missing_sentence

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux libraries")


@linux
def test_the_libraries_missing_are_named_by_their_packages_in_the_readmes_order():
    gone = {"libxcb-cursor.so.0", "libEGL.so.1"}
    found = missing_packages(lambda name: name not in gone, environ={})
    assert found == ["libegl1", "libxcb-cursor0"]


@linux
def test_offscreen_needs_no_x11_library():
    found = missing_packages(
        lambda name: "xcb" not in name, environ={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert found == []
    assert missing_packages(lambda name: "xcb" not in name, environ={"QT_QPA_PLATFORM": "xcb"})


@linux
@pytest.mark.skipif(not os.environ.get("CI"), reason="CI installs the README's packages")
def test_on_this_machine_every_library_loads():
    # The test run draws real windows under Xvfb: the README's packages are all installed.
    assert missing_packages(environ={}) == [], "install the README's system packages"


def test_one_sentence_says_what_is_missing_and_what_to_do():
    one = missing_sentence(["libxcb-cursor0"])
    assert one.count(".") == 1 and one.endswith(".")
    assert "the system package libxcb-cursor0 is missing" in one
    assert "sudo apt-get install libxcb-cursor0" in one
    two = missing_sentence(["libegl1", "libxcb-cursor0"])
    assert "packages libegl1 libxcb-cursor0 are missing; install them" in two


def test_every_library_has_a_package_of_the_readme():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in LIBRARIES.values():
        assert package in readme, package


def test_the_window_is_not_started_when_a_library_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(system_libraries, "missing_packages", lambda: ["libxcb-cursor0"])
    started = []
    monkeypatch.setitem(sys.modules, "pcc_minutes.ui.app", None)  # importing it would fail
    monkeypatch.setattr(launcher.os, "_exit", lambda code: started.append(code))
    assert launcher._open_window(argparse.Namespace()) == 1
    assert started == []
    err = capsys.readouterr().err
    assert err.startswith("pcc-minutes: PCC Minutes cannot draw its window")
    assert err.count("\n") == 1


def fake_checkout(tmp_path, uid: int):
    """A copy of scripts/start beside stand-ins: the venv's python reports two packages
    missing, apt-get and id are ours, and the app only says it started."""
    from tests.conftest import ROOT

    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "start").write_text((ROOT / "scripts" / "start").read_text())
    stubs = {
        "scripts/setup-venv": "exit 0",
        ".venv/bin/python": 'echo "libxcb-cursor0 libxcb-icccm4"',
        ".venv/bin/pcc-minutes": 'echo "window started $*"',
        "bin/apt-get": f'echo "$*" >> "{tmp_path}/apt.log"',
        "bin/id": f"echo {uid}",
        "bin/sudo": f'echo "sudo $*" >> "{tmp_path}/apt.log"',
    }
    for name, body in stubs.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"#!/usr/bin/env bash\n{body}\n")
        path.chmod(0o755)
    (tmp_path / "scripts" / "start").chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}"}
    return tmp_path / "scripts" / "start", env


@linux
def test_the_start_script_installs_what_is_missing_as_root(tmp_path):
    start, env = fake_checkout(tmp_path, uid=0)
    done = subprocess.run(
        [str(start)], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    assert (
        "needs these system packages to draw its window: libxcb-cursor0 libxcb-icccm4."
        in done.stderr
    )
    assert (tmp_path / "apt.log").read_text() == "install -y libxcb-cursor0 libxcb-icccm4\n"
    assert done.stdout.strip() == "window started"


@linux
def test_the_start_script_says_how_to_install_when_it_cannot_ask(tmp_path):
    start, env = fake_checkout(tmp_path, uid=1000)
    done = subprocess.run(
        [str(start), "--db", "x.db"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.strip().endswith(
        "Install them with: sudo apt-get install libxcb-cursor0 libxcb-icccm4"
    )
    assert not (tmp_path / "apt.log").exists()
    assert "window started" not in done.stdout


@linux
def test_a_command_line_command_needs_no_window_libraries(tmp_path):
    start, env = fake_checkout(tmp_path, uid=1000)
    done = subprocess.run(
        [str(start), "list"], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert (done.returncode, done.stdout.strip()) == (0, "window started list")
