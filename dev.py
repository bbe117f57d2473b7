#!/usr/bin/env python3
"""Set up and run the project: ``python3 dev.py serve`` or ``python3 dev.py test``.

Every command first makes sure the environment is ready, so a fresh machine with
Python 3.11+ and Node.js 18+ needs nothing else:

- a virtual environment in ``.venv`` with the package (editable) and every
  dependency group of ``pyproject.toml``,
- KaTeX and axe-core in ``node_modules``, exactly as ``package-lock.json`` pins them,
- for the browser tests, Debian's ``chromium`` and ``fonts-noto-cjk`` (installed
  with apt-get when running as root; otherwise the command to run is printed).

Set-up is skipped when nothing it depends on has changed (a stamp file records the
hash of pyproject.toml and package-lock.json). Only the standard library is used.

Commands:
    serve   live-reloading preview at http://127.0.0.1:8000/ (extra args go to mkdocs serve);
            only changed pages are rebuilt and warnings are not fatal (--full: every page, strict)
    build   strict build of the whole site into site/
    test    every test: examples, doctests, build, browser (extra args go to pytest)
    lint    ruff (lint and format check) and mypy (strict on src)
    parity  check that the two languages are in step (extra args: --sync PAGE...)
    bench   benchmark with budgets (build time, page weight, formula paint time)
    setup   only the set-up
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".aimath-setup"
CHROMIUM = Path("/usr/bin/chromium")
# How `serve` runs mkdocs serve (the benchmark's edit loop reads this too): a save
# rebuilds only the edited pages (a change in src/ rebuilds all); MkDocs warns
# about every such build, so strict mode cannot stay on. `serve --full` uses
# FULL_SERVE_FLAGS instead.
SERVE_FLAGS = ("--dirty", "--no-strict")
FULL_SERVE_FLAGS = ("--strict",)


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[dev] error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(2)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    completed = subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=False)
    if completed.returncode != 0:
        fail(f"`{' '.join(str(p) for p in command)}` exited with {completed.returncode}")


def setup_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "package-lock.json", "dev.py"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_python_env() -> None:
    if sys.version_info < (3, 11):
        fail(f"Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    # Dependency groups (PEP 735) need pip 25.1 or newer.
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip>=25.1")
    say("installing the package and its dependency groups")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", ".", "--group", "dev")


def ensure_node_env() -> None:
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        fail("Node.js 18 or newer (with npm) is needed to render math; install it and rerun")
    say("installing KaTeX and axe-core from package-lock.json (npm ci)")
    run(npm, "ci", "--no-audit", "--no-fund")


def ensure_environment() -> None:
    fingerprint = setup_fingerprint()
    node_ready = (ROOT / "node_modules" / "katex" / "package.json").is_file()
    if STAMP.is_file() and STAMP.read_text() == fingerprint and node_ready:
        return
    ensure_python_env()
    ensure_node_env()
    STAMP.write_text(fingerprint)


def ensure_chromium() -> None:
    """Install Debian's Chromium and a Japanese font when missing (root only)."""
    fonts = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if CHROMIUM.exists() and fonts.exists():
        return
    packages = ["chromium", "fonts-noto-cjk"]
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        fail(
            "the browser tests need Debian's Chromium and a Japanese font: run "
            f"`sudo apt-get install -y {' '.join(packages)}`, or deselect them with "
            "`python3 dev.py test -m 'not browser'`"
        )
    say(f"installing {' '.join(packages)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(apt, "update", "-qq", env=env)
    run(apt, "install", "-y", "-qq", "--no-install-recommends", *packages, env=env)


def tool_env() -> dict[str, str]:
    # Material prints an end-of-life notice on stderr at every build; it is known.
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }


def wants_browser(pytest_args: list[str]) -> bool:
    joined = " ".join(pytest_args)
    return "not browser" not in joined


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, extra = argv[0], argv[1:]
    commands = {"serve", "build", "test", "lint", "parity", "bench", "setup"}
    if command not in commands:
        fail(f"unknown command {command!r}; use one of {', '.join(sorted(commands))}")
    ensure_environment()
    env = tool_env()
    if command == "serve":
        say("serving on http://127.0.0.1:8000/ (Ctrl+C stops)")
        mode = FULL_SERVE_FLAGS if "--full" in extra else SERVE_FLAGS
        extra = [argument for argument in extra if argument != "--full"]
        return subprocess.call([str(BIN / "mkdocs"), "serve", *mode, *extra], cwd=ROOT, env=env)
    if command == "build":
        return subprocess.call(
            [str(BIN / "mkdocs"), "build", "--strict", *extra], cwd=ROOT, env=env
        )
    if command == "lint":
        steps = [
            [str(BIN / "ruff"), "check", "."],
            [str(BIN / "ruff"), "format", "--check", "."],
            [str(BIN / "mypy")],
        ]
        return max(subprocess.call(step, cwd=ROOT, env=env) for step in steps)
    if command == "parity":
        return subprocess.call([str(PYTHON), "-m", "sitebuild.parity", *extra], cwd=ROOT, env=env)
    if command == "bench":
        ensure_chromium()
        return subprocess.call([str(PYTHON), "-m", "benchmarks", *extra], cwd=ROOT, env=env)
    if command == "test":
        if wants_browser(extra):
            ensure_chromium()
        code = subprocess.call([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT, env=env)
        if code == 5:  # pytest: nothing was collected, which must never pass as green
            print("[dev] error: pytest collected no tests", file=sys.stderr)
            return 1
        return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
