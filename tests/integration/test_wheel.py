"""The built wheel works on its own: installed into a fresh virtual environment, run from a
folder outside the checkout, its ``pcc-minutes`` program exports real Word and PDF minutes
with the packaged reference document and fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
# What a source tree needs to build the wheel; copied so that the build cannot see (or leave
# behind) a build/ folder in the checkout, nor a file someone else is halfway through.
SOURCES = ("pyproject.toml", "README.md", "pcc_minutes")
RESOURCES = Path("pcc_minutes", "documents", "resources")
FONTS = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)
TIMEOUT = 900  # seconds for one pip command: the dependencies include Qt


def _environment() -> dict[str, str]:
    """The environment less anything that would let the checkout or the outer venv leak in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONNOUSERSITE"] = "1"
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _run(args: list[str | Path], cwd: Path, timeout: float = TIMEOUT) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, (
        f"{' '.join(str(a) for a in args)} exited {result.returncode}\n"
        f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )
    return result.stdout


def _pip_works() -> None:
    probe = subprocess.run(
        [sys.executable, "-m", "pip", "--version"], capture_output=True, text=True, timeout=60
    )
    if probe.returncode != 0:
        pytest.skip(f"pip does not run here: {probe.stderr.strip()[-300:]}")


def _copy_sources(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    target.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def _make_venv(path: Path) -> Path:
    """A fresh venv without pip of its own (the outer pip installs into it: quicker)."""
    try:
        venv.EnvBuilder(with_pip=False, clear=True).create(path)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot create a virtual environment: {error}")
    scripts = "Scripts" if os.name == "nt" else "bin"
    python = path / scripts / ("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        pytest.skip(f"the new virtual environment has no interpreter at {python}")
    return python


def _install(wheel: Path, python: Path, cwd: Path) -> None:
    """``pip install <wheel>`` into the venv of ``python``, dependencies from the index and
    pip's cache as usual; pip itself is neither installed nor upgraded there."""
    _run([sys.executable, "-m", "pip", "--python", python, "install", wheel], cwd)


def _site_packages(python: Path, cwd: Path) -> Path:
    return Path(
        _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd).strip()
    )


def _embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded as TrueType."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        if font_dict is None:
            continue
        for font in font_dict.get_object().values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            if descendants:
                font = descendants.get_object()[0].get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font.get("/BaseFont"))] = "/FontFile2" in descriptor
    return fonts


@pytest.mark.slow
def test_installed_wheel_exports_word_and_pdf(tmp_path: Path):
    _pip_works()
    source = _copy_sources(tmp_path / "source")
    dist = tmp_path / "dist"
    work = tmp_path / "work"  # outside the checkout: only the installed package can import
    work.mkdir()

    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist, source], work)
    wheels = sorted(dist.glob("pcc_minutes-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {dist}: {os.listdir(dist)}"

    python = _make_venv(tmp_path / "venv")
    _install(wheels[0], python, work)
    program = python.parent / ("pcc-minutes.exe" if os.name == "nt" else "pcc-minutes")
    assert program.exists(), "the wheel installs no pcc-minutes program"

    # The package comes from the venv, with its resources beside it.
    site = _site_packages(python, work)
    location = _run([python, "-c", "import pcc_minutes; print(pcc_minutes.__file__)"], work)
    assert Path(location.strip()).resolve().is_relative_to(site.resolve()), location
    assert not Path(location.strip()).resolve().is_relative_to(ROOT), location
    _run([python, "-c", "import _rl_accel"], work)  # reportlab's C helpers came along
    resources = site / RESOURCES
    assert (resources / "minutes-reference.docx").is_file()
    for font in FONTS:
        assert (resources / "fonts" / font).stat().st_size > 10_000, font

    db = work / "minutes.sqlite3"
    demo = _run([program, "--db", db, "demo"], work)
    first = demo.splitlines()[0].split(maxsplit=2)
    assert first[0] == "1", demo
    title = first[2]

    _run([program, "--db", db, "export", "1", "--format", "docx", "-o", "out.docx"], work)
    _run([program, "--db", db, "export", "1", "--format", "pdf", "-o", "out.pdf"], work)

    word = docx.Document(str(work / "out.docx"))
    assert any(title in paragraph.text for paragraph in word.paragraphs), title
    assert word.core_properties.title == title

    pdf = work / "out.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    reader = PdfReader(str(pdf))
    assert title in "\n".join(page.extract_text() or "" for page in reader.pages)
    fonts = _embedded_fonts(reader)
    assert fonts, "the PDF uses no fonts"
    assert all(fonts.values()), f"fonts not embedded: {[f for f, ok in fonts.items() if not ok]}"
