"""Run the examples of the other languages in a second process, ahead of their build.

mkdocs-static-i18n builds the languages one after the other in one process, and
running examples is most of a build's time. While the default language builds,
a second process (this module, run as ``python -m sitebuild.prerun``) runs the
examples of the other languages exactly as the build would (same sessions, same
order, same cache keys as :class:`sitebuild.runner.BuildRunner`) and writes what
each block shows to a JSON file. When the build reaches those languages, the
plugin loads the file into the runner's cache, so their examples do not run a
second time. On a machine with two cores that nearly halves the time spent on
examples.

Nothing here can change what a page shows: an output is used only where its key
(library digest, session, and the code of every block of the session so far)
matches the block being built; anything else, and every block that fails or
whose written output differs, runs in the build as usual and reports there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitebuild.execution import session_key
from sitebuild.fences import find_code_blocks
from sitebuild.parity import front_matter_lines
from sitebuild.runner import BuildRunner, _Block, source_digest

__all__ = ["PreRun", "prerun_pages"]


def prerun_pages(project: Path, docs: Path, pages: list[str]) -> dict[str, str]:
    """Run the examples of ``pages`` and return the runner's cache.

    Args:
        project: The project's root (holding ``src/``).
        docs: The docs folder.
        pages: Page paths relative to ``docs``, e.g. ``"en/exponential/laws.md"``.

    Returns:
        Cache key to shown output, for every block that ran cleanly.
    """
    runner = BuildRunner()
    runner.library_digest = source_digest(project / "src")
    for page in pages:
        source = (docs / page).read_text(encoding="utf-8")
        offset = front_matter_lines(source)
        source_name = (docs / page).relative_to(project).as_posix()
        runner.start_page(page)
        # MkDocs hands the plugin the page without its front matter.
        body = "\n".join(source.split("\n")[offset:])
        for block in find_code_blocks(body):
            if not block.executes:
                continue
            html = block.options.get("html", "").lower() in {"1", "true", "yes", "on"}
            entry = _Block(
                block.language, block.code, source_name, block.first_code_line + offset, html
            )
            try:
                runner.run(entry, session_key(page, block.session))
            except Exception:  # noqa: BLE001 - the build runs it again and reports it
                break
    return runner.cache


class PreRun:
    """A second process running some pages' examples; its results, once done."""

    def __init__(self, project: Path, docs: Path, pages: list[str], output: Path) -> None:
        """Start the process.

        Args:
            project: The project's root.
            docs: The docs folder.
            pages: Page paths relative to ``docs``.
            output: Where the process writes its JSON results.
        """
        self.output = output
        self.pages = set(pages)
        command = [sys.executable, "-m", "sitebuild.prerun", str(project), str(docs), str(output)]
        self.process = subprocess.Popen(
            [*command, *pages],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def results(self) -> dict[str, str]:
        """Wait for the process; return its cache ({} if it failed)."""
        if self.process.wait() != 0 or not self.output.is_file():
            return {}
        loaded: dict[str, str] = json.loads(self.output.read_text(encoding="utf-8"))
        return loaded

    def stop(self) -> None:
        """Stop the process if it still runs."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def main(argv: list[str]) -> int:
    """``python -m sitebuild.prerun PROJECT DOCS OUTPUT PAGE...``."""
    project, docs, output, *pages = argv
    cache = prerun_pages(Path(project), Path(docs), pages)
    Path(output).write_text(json.dumps(cache), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
