"""The files a reader's browser needs to run the examples, all served by the site itself.

``assets/pyodide/`` receives the Pyodide runtime (pinned in ``package-lock.json``),
``site-python.zip`` (the teaching library and the example runner, from the same
source files the build ran), and ``sympy.zip`` and ``mpmath.zip`` (the build's own
installed copies, without their tests), which the browser loads only for code that
imports SymPy. Nothing here is fetched from anywhere but the project and its
installed packages.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from importlib.metadata import distribution
from importlib.util import find_spec
from pathlib import Path, PurePosixPath

__all__ = [
    "BROWSER_SITEBUILD_MODULES",
    "PYODIDE_FILES",
    "RuntimeSetupError",
    "cache_folder",
    "distribution_zip",
    "install_runtime",
    "site_python_zip",
]

#: The files of the npm package ``pyodide`` that booting requests (no others).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
#: The build machinery the browser needs: the same runner of examples.
BROWSER_SITEBUILD_MODULES = (
    "__init__.py",
    "pages.py",
    "execution.py",
    "runnable.py",
    "in_browser.py",
)
#: Packages unpacked in the browser only when code imports SymPy.
ON_DEMAND_DISTRIBUTIONS = ("sympy", "mpmath")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed dates: the same sources give the same bytes


class RuntimeSetupError(RuntimeError):
    """The Pyodide runtime is not installed (``npm ci`` was not run)."""


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def site_python_zip() -> bytes:
    """Zip ``aimath`` and the example runner, from where the build imports them.

    Examples:
        >>> import zipfile, io
        >>> names = zipfile.ZipFile(io.BytesIO(site_python_zip())).namelist()
        >>> "aimath/exponential/laws.py" in names, "sitebuild/execution.py" in names
        (True, True)
        >>> "sitebuild/plugin.py" in names
        False
    """
    library = _package_folder("aimath")
    runner = Path(__file__).parent
    files = sorted(library.rglob("*.py")) + [runner / name for name in BROWSER_SITEBUILD_MODULES]
    return _zip(
        [(path.relative_to(library.parent).as_posix(), path.read_bytes()) for path in files]
    )


def _package_folder(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        msg = f"the package {name} is not installed (python3 dev.py setup installs it)"
        raise RuntimeSetupError(msg)
    return Path(next(iter(spec.submodule_search_locations)))


def distribution_zip(name: str, cache: Path) -> Path:
    """Zip the installed package ``name`` (no tests, no bytecode), once per version.

    Returns the zip in ``cache``, named by the version.
    """
    installed = distribution(name)
    target = cache / f"{name}-{installed.version}.zip"
    if target.is_file():
        return target
    entries = []
    for file in installed.files or []:
        parts = PurePosixPath(str(file)).parts
        if parts[0] == name and not {"tests", "__pycache__"} & set(parts) and file.suffix != ".pyc":
            entries.append((str(file), Path(str(file.locate())).read_bytes()))
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_bytes(_zip(entries))
    partial.replace(target)
    return target


def _copy_if_changed(source: Path, target: Path) -> None:
    if not target.is_file() or (target.stat().st_size, target.stat().st_mtime) != (
        source.stat().st_size,
        source.stat().st_mtime,
    ):
        shutil.copy2(source, target)  # copy2 keeps the time: an unchanged file is copied once


def cache_folder() -> Path:
    """Where the zips of installed packages are kept between builds (XDG's cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitebuild"


def install_runtime(project: Path, target: Path) -> None:
    """Put the runtime and the Python packages in ``target`` (the site's ``assets/pyodide``).

    Raises:
        RuntimeSetupError: If ``node_modules/pyodide`` lacks a file booting needs.
    """
    dist = project / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (dist / name).is_file()]
    if missing:
        msg = f"{dist} lacks {', '.join(missing)}: run `npm ci` (python3 dev.py setup)"
        raise RuntimeSetupError(msg)
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        _copy_if_changed(dist / name, target / name)
    (target / "site-python.zip").write_bytes(site_python_zip())
    for name in ON_DEMAND_DISTRIBUTIONS:
        _copy_if_changed(distribution_zip(name, cache_folder()), target / f"{name}.zip")
