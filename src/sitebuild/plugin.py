"""The MkDocs plugin that wires sitebuild into the build.

Order of work on each page (data flows one way):

1. ``on_page_markdown``: every python/pycon block gets a session scoped to its
   page and language and an id naming its file and line.
2. Markdown conversion: markdown-exec runs the blocks through
   :mod:`sitebuild.execution` (pycon transcripts show real output; a written
   output that differs is reported with file and line).
3. ``on_page_content``: KaTeX renders every formula (one Node.js process for the
   whole build); a formula KaTeX cannot parse fails the build naming page and TeX.
4. ``on_post_build``: KaTeX's CSS and fonts, the site's CSS and its small script
   (accessibility fixes to the theme) are copied into the site; no math JavaScript
   is shipped. Each language gets its own search index and sitemap, and its pages
   a ``base_url`` at the language's root (:mod:`sitebuild.search`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path
from typing import Any

import markdown_exec
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from sitebuild.execution import session_key
from sitebuild.fences import find_code_blocks, format_info
from sitebuild.fonts import FontSubsetting, formula_characters
from sitebuild.gitdates import format_date, last_commit_dates
from sitebuild.katex import (
    FORMULA_PATTERN,
    KatexError,
    KatexRenderer,
    KatexSetupError,
    find_formulas,
    katex_dist,
)
from sitebuild.parity import front_matter_lines, missing_translations, stale_notice
from sitebuild.prerun import PreRun
from sitebuild.runner import RUNNER, format_pycon, format_python, source_digest
from sitebuild.search import LanguageSites, drop_alternate_links

__all__ = ["SiteBuildPlugin"]

log = logging.getLogger("mkdocs.plugins.sitebuild")

_ASSETS = Path(__file__).with_name("assets")
_KATEX_CSS = "assets/katex/katex.min.css"
_SITE_CSS = "assets/sitebuild.css"
_SITE_JS = "assets/sitebuild.js"
#: A figure made by aimath.plots (they never nest).
_FIGURE = re.compile(r'<figure class="aimath-plot".*?</figure>', re.DOTALL)
_STASHED = re.compile(r'<span data-sitebuild-stash="(\d+)"></span>')


class SiteBuildConfig(Config):
    """Options of the ``sitebuild`` plugin."""

    languages = config_options.Type(list, default=["ja", "en"])


class SiteBuildPlugin(BasePlugin[SiteBuildConfig]):
    """Executed examples, build-time KaTeX and language checks for the site."""

    def __init__(self) -> None:
        """Start without a renderer; :meth:`on_config` makes one."""
        self.renderer: KatexRenderer | None = None
        self.project_root = Path.cwd()
        self.commit_dates: dict[str, Any] = {}
        self.stashed: dict[str, list[str]] = {}
        self.language_sites = LanguageSites(["ja", "en"])
        self.command = ""
        self.prerun: PreRun | None = None
        self.formula_chars: dict[str, set[str]] = {}
        self.font_job: FontSubsetting | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command (also, MkDocs keeps a plugin with this event across rebuilds)."""
        del dirty
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the set-up, register the example formatters and the CSS."""
        self.project_root = Path(config.config_file_path).resolve().parent
        if self.renderer is None:
            try:
                self.renderer = KatexRenderer(self.project_root)
            except KatexSetupError as error:
                raise PluginError(str(error)) from error
        missing = missing_translations(Path(config.docs_dir), self.config.languages)
        if missing:
            raise PluginError("pages missing in one language:\n  " + "\n  ".join(missing))
        self.commit_dates = last_commit_dates(self.project_root)
        self.language_sites.languages = list(self.config.languages)
        self.language_sites.configure(config)
        markdown_exec.formatters["python"] = format_python
        markdown_exec.formatters["pycon"] = format_pycon
        RUNNER.execute = os.environ.get("SITEBUILD_EXECUTE", "1") != "0"
        RUNNER.library_digest = source_digest(self.project_root / "src")
        for css in (_KATEX_CSS, _SITE_CSS):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if all(str(script) != _SITE_JS for script in config.extra_javascript):
            config.extra_javascript.append(_SITE_JS)
        return config

    @event_priority(-110)  # after mkdocs-static-i18n (-100) chose this language's pages
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """In ``mkdocs build``, share the examples with a second process (sitebuild.prerun).

        Each language's pages are built from the start; the second process runs
        them from the end, the default language's first.
        """
        if self.command != "build" or not RUNNER.execute or self.prerun is not None:
            return files
        default, *others = self.config.languages
        # The order in which MkDocs will build this language's pages.
        order = [file.src_uri for file in files.documentation_pages()]
        if not all(page.startswith(f"{default}/") for page in order):
            return files  # not the default language's build (nothing was shared)
        docs = Path(config.docs_dir)
        languages = [order]
        for other in others:
            translated = [page.replace(f"{default}/", f"{other}/", 1) for page in order]
            languages.append([page for page in translated if (docs / page).is_file()])
        self.prerun = PreRun(self.project_root, docs, languages)
        return files

    def _take_results_for(self, page: str) -> None:
        """Before a page: claim it, or wait for the second process's outputs for it."""
        if self.prerun is not None:
            RUNNER.cache.update(self.prerun.take(page))

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Scope each example's session to its page and name its file and line."""
        del files
        page_path = page.file.src_uri
        RUNNER.start_page(page_path)
        source_name = Path(config.docs_dir, page_path).relative_to(self.project_root).as_posix()
        language = page_path.partition("/")[0]
        self._take_results_for(page_path)
        if source_name in self.commit_dates:
            # Material shows this in the page footer, with a "last update" label.
            date = self.commit_dates[source_name]
            page.meta["git_revision_date_localized"] = format_date(date, language)
        # MkDocs hands over the page without its front matter: count those lines
        # back in, so that ids name the line in the file.
        source_text = Path(config.docs_dir, page_path).read_text(encoding="utf-8")
        offset = front_matter_lines(source_text)
        lines = markdown.split("\n")
        for block in find_code_blocks(markdown):
            if not block.executes:
                continue
            options = dict(block.options)
            options["session"] = session_key(page_path, block.session)
            options["id"] = f"{source_name}:{block.first_code_line + offset}"
            options["idprefix"] = ""
            fence = lines[block.info_line - 1]
            opening = re.match(r"[ \t]*(`{3,}|~{3,})", fence)
            assert opening is not None
            lines[block.info_line - 1] = f"{opening.group(0)}{format_info(block.language, options)}"
        notice = stale_notice(Path(config.docs_dir), page_path, self.config.languages)
        if notice is not None:
            log.info("%s may be behind its translation; showing a notice", source_name)
            # After the title: MkDocs takes the page title from a leading "# " heading.
            title = next((n for n, line in enumerate(lines) if line.startswith("# ")), -1)
            lines[title + 1 : title + 1] = ["", notice]
        return "\n".join(lines)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Render every formula with KaTeX; set formulas and figures aside until the end.

        Formulas (HTML+MathML) and figures (inline SVG) make up most of a page's
        bytes but none of its searchable text. They are replaced by empty
        placeholders here and put back in :meth:`on_post_page`, so that the search
        plugin and the templates in between never parse them.
        """
        del config, files
        stash: list[str] = []

        def set_aside(markup: str) -> str:
            stash.append(markup)
            return f'<span data-sitebuild-stash="{len(stash) - 1}"></span>'

        formulas = find_formulas(html)
        if formulas:
            assert self.renderer is not None
            rendered = self.renderer.render(formulas)
            for formula, result in zip(formulas, rendered, strict=True):
                if isinstance(result, KatexError):
                    msg = (
                        f"{page.file.src_path}: KaTeX cannot render the formula "
                        f"{formula.tex!r}: {result}"
                    )
                    raise PluginError(msg)
            if self.command == "build":  # only the published site gets font subsets
                language = page.file.src_uri.partition("/")[0]
                characters = self.formula_chars.setdefault(language, set())
                for markup in rendered:
                    characters.update(formula_characters(str(markup)))
            results = iter(rendered)

            def replace(match: re.Match[str]) -> str:
                tag = match["tag"]
                # data-search-exclude: the index would otherwise hold each formula three
                # times (MathML, TeX annotation, HTML glyphs).
                return set_aside(
                    f'<{tag} class="arithmatex" data-search-exclude="1">{next(results)}</{tag}>'
                )

            html = FORMULA_PATTERN.sub(replace, html)
        html = _FIGURE.sub(lambda match: set_aside(match.group(0)), html)
        self.stashed[page.file.src_uri] = stash
        return html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give the page the root of its language as ``base_url`` (see sitebuild.search)."""
        del config, nav
        context["base_url"] = self.language_sites.base_url(page.url)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put formulas and figures back; drop the hreflang links (see sitebuild.search)."""
        del config
        stash = self.stashed.pop(page.file.src_uri, [])
        output = _STASHED.sub(lambda match: stash[int(match[1])], output)
        return drop_alternate_links(output)

    def _copy_assets(self, *, config: MkDocsConfig) -> None:
        """Copy KaTeX's CSS (woff2 fonts only) and the site's CSS into the site."""
        site = Path(config.site_dir)
        dist = katex_dist(self.project_root)
        target = site / "assets" / "katex"
        (target / "fonts").mkdir(parents=True, exist_ok=True)
        css = (dist / "katex.min.css").read_text(encoding="utf-8")
        # Every browser the site supports reads woff2; drop the woff/ttf fallbacks.
        css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
        (target / "katex.min.css").write_text(css, encoding="utf-8")
        characters = set().union(*self.formula_chars.values())
        if self.command == "build" and characters:
            # The published site gets fonts cut down to the formulas' characters
            # (sitebuild.fonts), written by a second process while the build goes on.
            # Every language's build ends here, and all languages share these fonts:
            # a later language starts the job again only if it adds characters (an
            # identical second job cost 1.3 s at the very end of every build).
            job = self.font_job
            if job is None or not characters <= job.characters:
                if job is not None:
                    job.stop()
                self.font_job = FontSubsetting(dist / "fonts", target / "fonts", characters)
        else:
            for font in (dist / "fonts").glob("*.woff2"):
                shutil.copyfile(font, target / "fonts" / font.name)
        shutil.copyfile(_ASSETS / "sitebuild.css", site / _SITE_CSS)
        shutil.copyfile(_ASSETS / "sitebuild.js", site / _SITE_JS)

    @event_priority(-50)  # after the search plugin wrote this language's index
    def _collect_search_index(self, *, config: MkDocsConfig) -> None:
        self.language_sites.collect(config)

    @event_priority(-110)  # after mkdocs-static-i18n (-100) built the others and merged
    def _write_language_sites(self, *, config: MkDocsConfig) -> None:
        self.language_sites.write(config)
        # The last language's build gets here after every language started (or
        # kept) the font job with its characters, so the job has them all.
        job, self.font_job = self.font_job, None
        if job is not None and (errors := job.wait()) is not None:
            msg = f"subsetting KaTeX's fonts into {job.target} failed:\n{errors}"
            raise PluginError(msg)

    on_post_build = CombinedEvent(_copy_assets, _collect_search_index, _write_language_sites)

    def on_shutdown(self) -> None:
        """Stop the Node.js process; write the build's statistics if asked to."""
        stats_file = os.environ.get("SITEBUILD_STATS")
        if stats_file:
            stats = {
                "blocks_executed": RUNNER.stats.executed,
                "blocks_from_cache": RUNNER.stats.from_cache,
                "blocks_run_by_second_process": self.prerun.blocks if self.prerun else 0,
                "execution_seconds": dict(RUNNER.stats.seconds),
                "katex_seconds": self.renderer.seconds if self.renderer else 0.0,
                "formulas_rendered": self.renderer.formulas_rendered if self.renderer else 0,
                "katex_processes": self.renderer.processes_started if self.renderer else 0,
            }
            Path(stats_file).write_text(json.dumps(stats, indent=2), encoding="utf-8")
        if self.font_job is not None:
            self.font_job.stop()
            self.font_job = None
        if self.prerun is not None:
            self.prerun.stop()
            self.prerun = None
        if self.renderer is not None:
            self.renderer.close()
            self.renderer = None
