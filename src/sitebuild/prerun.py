"""Share a build's examples with a second process, page by page.

mkdocs-static-i18n builds the languages one after the other in one process, and
running examples is most of a build's time. A second process (this module, run
as ``python -m sitebuild.prerun``) runs examples exactly as the build would (same
sessions, same order, same cache keys as :class:`sitebuild.runner.BuildRunner`).
The build works through each language's pages from the start; the second process
takes them from the end, and the two meet in the middle of each language.

A page is run by whichever process claims it first (a file created with
``O_EXCL`` in a shared folder), so no page runs twice. The second process writes
each page's outputs to its own JSON file when the page is done; before a page the
second process claimed, the build waits for that file and loads it into the
runner's cache. On two cores this keeps both busy until the examples are done.

Nothing here can change what a page shows: an output is used only where its key
(library digest, session, and the code of every block of the session so far)
matches the block being built; anything else, and every block that fails or
whose written output differs, runs in the build as usual and reports there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild.execution import session_key
from sitebuild.fences import find_code_blocks
from sitebuild.parity import front_matter_lines
from sitebuild.runner import BuildRunner, _Block, source_digest

__all__ = ["Claims", "PreRun", "share_pages"]


class Claims:
    """Pages claimed by one of the processes sharing a build's examples."""

    def __init__(self, folder: Path) -> None:
        """Use ``folder`` (shared by both processes) for the claims and the results.

        Args:
            folder: An existing folder.
        """
        self.folder = folder

    def _file(self, page: str, kind: str) -> Path:
        return self.folder / f"{page.replace('/', '%')}.{kind}"

    def claim(self, page: str) -> bool:
        """Claim ``page``; return whether this process got it (first come, first served).

        Examples:
            >>> import tempfile
            >>> claims = Claims(Path(tempfile.mkdtemp()))
            >>> claims.claim("ja/index.md"), claims.claim("ja/index.md")
            (True, False)
        """
        try:
            os.close(os.open(self._file(page, "claim"), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def write_results(self, page: str, results: dict[str, str]) -> None:
        """Publish a page's outputs (written whole, then renamed into place)."""
        partial = self._file(page, "partial")
        partial.write_text(json.dumps(results), encoding="utf-8")
        partial.replace(self._file(page, "json"))

    def results(self, page: str) -> dict[str, str] | None:
        """A page's published outputs, or None while there are none."""
        try:
            text = self._file(page, "json").read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        loaded: dict[str, str] = json.loads(text)
        return loaded


def _run_page(runner: BuildRunner, project: Path, docs: Path, page: str) -> dict[str, str]:
    """Run one page's examples; return the outputs of the blocks that ran cleanly."""
    before = set(runner.cache)
    source = (docs / page).read_text(encoding="utf-8")
    offset = front_matter_lines(source)
    source_name = (docs / page).relative_to(project).as_posix()
    runner.start_page(page)
    # MkDocs hands the plugin the page without its front matter.
    body = "\n".join(source.split("\n")[offset:])
    for block in find_code_blocks(body):
        if not block.executes:
            continue
        line = block.first_code_line + offset
        entry = _Block(block.language, block.code, source_name, line, block.shows_html)
        try:
            runner.run(entry, session_key(page, block.session))
        except Exception:  # noqa: BLE001 - the build runs it again and reports it
            break
    return {key: output for key, output in runner.cache.items() if key not in before}


def share_pages(project: Path, docs: Path, claims: Claims, languages: list[list[str]]) -> None:
    """The second process's work: each language's pages from the end backwards.

    The build works through each language's pages from the start; this process
    takes them from the end until it meets a page the build has claimed, then
    goes on to the next language. The two meet in the middle of each language.

    Args:
        project: The project's root.
        docs: The docs folder.
        claims: The folder shared with the build.
        languages: Each language's pages in build order, languages in build order.
    """
    runner = BuildRunner()
    runner.library_digest = source_digest(project / "src")
    for pages in languages:
        for page in reversed(pages):
            if not claims.claim(page):
                break
            claims.write_results(page, _run_page(runner, project, docs, page))


class PreRun:
    """The build's side: a second process, and the pages it has claimed."""

    def __init__(self, project: Path, docs: Path, languages: list[list[str]]) -> None:
        """Start the process (see :func:`share_pages`).

        Args:
            project: The project's root.
            docs: The docs folder.
            languages: Each language's pages in build order, languages in build order.
        """
        self.folder = Path(tempfile.mkdtemp(prefix="sitebuild-prerun-"))
        self.claims = Claims(self.folder)
        self.pages = {page for pages in languages for page in pages}
        self.blocks = 0
        command = [sys.executable, "-m", "sitebuild.prerun", str(project), str(docs)]
        command.append(str(self.folder))
        for pages in languages:
            command += ["--", *pages]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def take(self, page: str) -> dict[str, str]:
        """Call before the build runs ``page``: claim it, or wait for the other's outputs.

        Returns:
            The second process's outputs for the page; {} if the build runs it (or
            the second process stopped without publishing them).
        """
        if page not in self.pages or self.claims.claim(page):
            return {}
        while (results := self.claims.results(page)) is None:
            if self.process.poll() is not None:
                results = self.claims.results(page) or {}
                break
            time.sleep(0.005)
        self.blocks += len(results)
        return results

    def stop(self) -> None:
        """Stop the process if it still runs; remove the shared folder."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    """``python -m sitebuild.prerun PROJECT DOCS FOLDER -- PAGE... [-- PAGE...]``.

    Each ``--`` starts one language's pages, in build order.
    """
    project, docs, folder, *rest = argv
    languages: list[list[str]] = []
    for argument in rest:
        if argument == "--":
            languages.append([])
        else:
            languages[-1].append(argument)
    share_pages(Path(project), Path(docs), Claims(Path(folder)), languages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
