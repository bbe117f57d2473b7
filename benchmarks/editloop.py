"""The edit loop: how long ``mkdocs serve`` takes to serve a page again after a save.

In a temporary copy of the project, the project's own ``mkdocs serve`` runs on a
free port. Each measurement saves one edit and then polls the page over HTTP
every 50 ms until the edit is in it; the time from the save to that response is
the result. Three kinds of edit:

- prose: one word added to a sentence of a page;
- code: one line added to the page's last ``pycon`` example, with its written
  output, so that the page stays correct and the example's output changes;
- library: a comment added to ``src/aimath`` (every example may depend on the
  library, so every example runs again). Nothing on a page changes, so this one
  is timed from the save to serve's log line ``Reloading browsers``, which it
  writes when the rebuild is done.

Before each edit, the previous rebuild has finished.
"""

from __future__ import annotations

import contextlib
import os
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import ROOT

__all__ = ["EDITED_PAGE", "Serve", "add_to_prose", "add_to_pycon_block", "measure_edit_loop"]

#: The page every edit is made to, relative to ``docs/``, and its URL path.
EDITED_PAGE = ("en/exponential/laws.md", "en/exponential/laws/")
#: The library module that gets a comment.
EDITED_MODULE = "aimath/__init__.py"
POLL_SECONDS = 0.05
#: The longest wait for a build (the first one of a cold process included).
TIMEOUT_SECONDS = 600.0
_FENCE = re.compile(r"^(`{3,})pycon\b.*\bexec=\"on\"")


def serve_flags() -> tuple[str, ...]:
    """Return the flags ``python3 dev.py serve`` gives ``mkdocs serve``, read from dev.py.

    The edit loop times what a contributor runs, so it takes the flags from the one
    place that sets them.
    """
    namespace = runpy.run_path(str(ROOT / "dev.py"))  # defines, does not run main()
    return tuple(namespace["SERVE_FLAGS"])


def add_to_prose(markdown: str, word: str) -> str:
    r"""Add ``word`` at the end of the first paragraph line of a page.

    A paragraph line is outside front matter and code blocks and starts with a
    letter (not a heading, list, table, admonition or formula).

    Args:
        markdown: The page.
        word: What to add (it must not be on the page yet, to be found later).

    Returns:
        The page with the word added.

    Raises:
        ValueError: If the page has no paragraph line.

    Examples:
        >>> page = "---\na: b\n---\n# Title\n\n```python\nx = 1\n```\nSome prose.\n"
        >>> print(add_to_prose(page, "Edited.").splitlines()[-1])
        Some prose. Edited.
    """
    lines = markdown.split("\n")
    fence = ""
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    for number in range(start, len(lines)):
        line = lines[number]
        if fence:
            fence = "" if line.strip() == fence else fence
        elif line.lstrip().startswith(("```", "~~~")):
            opening = line.strip()
            fence = opening[: len(opening) - len(opening.lstrip(opening[0]))]
        elif line[:1].isalpha():
            lines[number] = f"{line} {word}"
            return "\n".join(lines)
    msg = "the page has no paragraph line to edit"
    raise ValueError(msg)


def add_to_pycon_block(markdown: str, number: int) -> tuple[str, str]:
    r"""Add ``>>> number + 1`` and its output to the last top-level executed pycon block.

    Args:
        markdown: The page.
        number: Any integer; the output line is ``number + 1``.

    Returns:
        The page with the two lines added at the end of that block, and the
        output line that the served page must then show.

    Raises:
        ValueError: If the page has no top-level ``pycon exec="on"`` block.

    Examples:
        >>> page = '```pycon exec="on"\n>>> 0\n0\n```\n\n```pycon exec="on"\n>>> 1 + 1\n2\n```'
        >>> edited, output = add_to_pycon_block(page, 700_000)
        >>> edited.splitlines()[5:]
        ['```pycon exec="on"', '>>> 1 + 1', '2', '>>> 700000 + 1', '700001', '```']
        >>> output
        '700001'
    """
    lines = markdown.split("\n")
    for index in reversed(range(len(lines))):
        opening = _FENCE.match(lines[index])
        if opening is None:
            continue
        closing = next(
            n for n in range(index + 1, len(lines)) if lines[n].strip() == opening.group(1)
        )
        output = str(number + 1)
        lines[closing:closing] = [f">>> {number} + 1", output]
        return "\n".join(lines), output
    msg = 'the page has no top-level pycon block with exec="on"'
    raise ValueError(msg)


def copy_project(target: Path) -> Path:
    """Copy what the site needs into ``target``, as a git work tree of one commit.

    Args:
        target: An empty folder.

    Returns:
        ``target``, holding ``mkdocs.yml``, ``docs/``, ``src/`` (copied, to be
        edited), ``benchmarks/`` and ``node_modules`` (linked).
    """
    for name in ("mkdocs.yml", "package.json", "package-lock.json"):
        shutil.copyfile(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copytree(ROOT / "docs", target / "docs")
    for folder in ("src", "benchmarks"):  # the contributor pages show the benchmark's results
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    # Pages show the date of their last commit: a work tree, as a contributor has.
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *step], cwd=target, check=True, capture_output=True)
    return target


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Serve:
    """A running ``mkdocs serve`` and the lines of its log, with when each arrived.

    Attributes:
        process: The server process.
        port: Its port on 127.0.0.1.
        log: ``(time.monotonic(), line)`` for each line it wrote.
    """

    process: subprocess.Popen[str]
    port: int
    log: list[tuple[float, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        """Return the address of ``path`` on this server."""
        return f"http://127.0.0.1:{self.port}/{path}"

    def fetch(self, path: str) -> str | None:
        """Return the page at ``path``, or ``None`` while the server cannot serve it."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=5) as response:
                body: bytes = response.read()
                return body.decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def count(self, text: str) -> int:
        """Count the log lines that contain ``text``."""
        return sum(text in line for _, line in self.log)

    def wait_for_log(self, text: str, occurrences: int) -> float:
        """Wait until ``text`` has been logged ``occurrences`` times; return when it was.

        Raises:
            RuntimeError: If the server stops or takes longer than the timeout.
        """
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            hits = [when for when, line in self.log if text in line]
            if occurrences <= 0:
                return time.monotonic()
            if len(hits) >= occurrences:
                return hits[occurrences - 1]
            if self.process.poll() is not None:
                break
            time.sleep(POLL_SECONDS)
        tail = "\n".join(line for _, line in self.log[-30:])
        msg = f"mkdocs serve did not log {text!r} {occurrences} times:\n{tail}"
        raise RuntimeError(msg)

    def wait_for_page(self, path: str, text: str) -> float:
        """Poll ``path`` until its body contains ``text``; return when it did.

        Raises:
            RuntimeError: If that takes longer than the timeout.
        """
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            body = self.fetch(path)
            if body is not None and text in body:
                return time.monotonic()
            time.sleep(POLL_SECONDS)
        msg = f"{self.url(path)} did not show {text!r} within {TIMEOUT_SECONDS:.0f} s"
        raise RuntimeError(msg)


@contextmanager
def serving(project: Path) -> Iterator[Serve]:
    """Run the project's ``mkdocs serve`` in ``project`` until the block ends.

    The copy's ``src`` and root come first on the path, so the served site uses
    the copy's library, build machinery and benchmark results, as a
    contributor's checkout does.

    Args:
        project: A copy made by :func:`copy_project`.

    Yields:
        The server, once its first build is served.
    """
    port = _free_port()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join((str(project / "src"), str(project))),
        "PYTHONUNBUFFERED": "1",
    }
    mkdocs = Path(sys.executable).with_name("mkdocs")
    process = subprocess.Popen(
        [str(mkdocs), "serve", *serve_flags(), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    server = Serve(process, port)

    def read_log() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            server.log.append((time.monotonic(), line.rstrip()))

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    try:
        server.wait_for_log("Serving on", 1)
        yield server
    finally:
        # SIGINT is what Ctrl+C sends: serve shuts its plugins down (KaTeX's process too).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        reader.join(timeout=5)


def _settle(server: Serve) -> None:
    """Wait until every rebuild serve started has finished."""
    server.wait_for_log("Reloading browsers", server.count("Detected file changes"))
    time.sleep(0.5)


def measure_edit_loop(runs: int = 3) -> dict[str, list[float]]:
    """Time the three kinds of edit under ``mkdocs serve``, ``runs`` times each.

    Args:
        runs: Edits of each kind.

    Returns:
        Seconds of each run, keyed ``edit_prose_seconds``, ``edit_code_seconds`` and
        ``edit_library_seconds``.
    """
    page, path = EDITED_PAGE
    timings: dict[str, list[float]] = {
        "edit_prose_seconds": [],
        "edit_code_seconds": [],
        "edit_library_seconds": [],
    }
    with tempfile.TemporaryDirectory(prefix="editloop-") as scratch:
        project = copy_project(Path(scratch))
        source = project / "docs" / page
        module = project / "src" / EDITED_MODULE
        with serving(project) as server:
            server.wait_for_page(path, "</html>")
            for run in range(runs):
                _settle(server)
                word = f"benchedit{run}x"
                source.write_text(add_to_prose(source.read_text("utf-8"), word), "utf-8")
                saved = time.monotonic()
                timings["edit_prose_seconds"].append(server.wait_for_page(path, word) - saved)
            for run in range(runs):
                _settle(server)
                number = 700_000 + 10 * run
                edited, output = add_to_pycon_block(source.read_text("utf-8"), number)
                source.write_text(edited, "utf-8")
                saved = time.monotonic()
                # Inputs show as "700010 + 1" (ending in 0): only this output is "700011".
                timings["edit_code_seconds"].append(server.wait_for_page(path, output) - saved)
            for run in range(runs):
                _settle(server)
                rebuilds = server.count("Reloading browsers")
                with module.open("a", encoding="utf-8") as file:
                    file.write(f"# edit {run}\n")
                saved = time.monotonic()
                done = server.wait_for_log("Reloading browsers", rebuilds + 1)
                timings["edit_library_seconds"].append(done - saved)
            _settle(server)
    return timings


if __name__ == "__main__":
    print(measure_edit_loop(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
