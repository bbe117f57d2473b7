"""The MkDocs plugin, the one module that speaks MkDocs; its handlers in the order of events.

Everything it calls is plain Python. A page's Markdown flows one way: dated and its
examples prepared (``on_page_markdown``), examples run by markdown-exec through
:mod:`sitebuild.examples` during conversion, formulas rendered (``on_page_content``),
then HTML. ``on_post_build`` adds the assets (the readers' Python runtime among them)
and each language's search index.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import markdown_exec
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from sitebuild.browser_runtime import RuntimeSetupError, install_runtime
from sitebuild.examples import BuildExamples
from sitebuild.fonts import FontSubsetting, formula_characters
from sitebuild.katex import KatexError, KatexRenderer, KatexSetupError, katex_dist, render_formulas
from sitebuild.language_sites import LanguageSites, drop_alternate_links
from sitebuild.pages import format_date, last_commit_dates
from sitebuild.parity import is_stale, missing_translations
from sitebuild.runnable import RUNNABLE, runner_texts

__all__ = ["SiteBuildPlugin"]

log = logging.getLogger("mkdocs.plugins.sitebuild")

_ASSETS = Path(__file__).with_name("assets")
_OVERRIDES = Path(__file__).with_name("overrides")
_TEMPLATES = Path(__file__).with_name("templates")
_KATEX_CSS = "assets/katex/katex.min.css"
_SITE_CSS = "assets/sitebuild.css"
_SITE_JS = "assets/sitebuild.js"
#: The controls of runnable examples (every page) and their worker (on the first Run).
_RUNNER_JS = "assets/runner.js"
_RUNNER_CSS = "assets/runner.css"
_RUNNER_WORKER = "assets/runner-worker.mjs"
#: A figure made by aimath.plots (they never nest).
_FIGURE = re.compile(r'<figure class="aimath-plot".*?</figure>', re.DOTALL)
_STASHED = re.compile(r'<span data-sitebuild-stash="(\d+)"></span>')
#: Shown under the title of a page whose translation may be behind (parity.is_stale).
_STALE_NOTICE = {
    "ja": (
        '!!! warning "翻訳が追いついていない可能性があります"\n'
        "    このページの英語版は、最後に内容をそろえたあとで変更されています。"
        "英語版もあわせてご確認ください。\n\n"
    ),
    "en": (
        '!!! warning "This translation may be behind"\n'
        "    The Japanese version of this page has changed since the two were last brought "
        "in line. The Japanese page may say more.\n\n"
    ),
}


class _TemplateCache(BytecodeCache):
    """Compiled Jinja templates in memory: MkDocs makes a new environment every build."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class SiteBuildConfig(Config):
    """Options of the ``sitebuild`` plugin."""

    languages = config_options.Type(list, default=["ja", "en"])
    #: False shows the examples' source without running them (the benchmark's baseline).
    execute = config_options.Type((bool, int), default=True)
    #: Where to write what the build's examples and formulas cost, as JSON ("": nowhere).
    stats_file = config_options.Type(str, default="")


class SiteBuildPlugin(BasePlugin[SiteBuildConfig]):
    """Executed examples, build-time KaTeX and language checks for the site."""

    def __init__(self) -> None:
        """Start with nothing: :meth:`on_config` makes the parts."""
        self.command = ""
        self.dirty = False
        self.templates = _TemplateCache()
        self.project = Path.cwd()
        self.examples: BuildExamples | None = None
        self.renderer: KatexRenderer | None = None
        self.language_sites: LanguageSites  # made once per process: on_config runs per language
        self.commit_dates: dict[str, dt.date] = {}
        self.stashed: dict[str, list[str]] = {}
        self.formula_chars: set[str] = set()
        self.font_job: FontSubsetting | None = None

    # With on_startup, `mkdocs serve` keeps the plugin (and its caches) across rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command, and whether only changed pages are rebuilt (``--dirty``)."""
        self.command, self.dirty = command, dirty
        self.language_sites = LanguageSites(list(self.config.languages))

    @event_priority(50)  # before mkdocstrings (0) and mkdocs-static-i18n (-100)
    def _on_config_reference_language(self, config: MkDocsConfig) -> MkDocsConfig:
        # mkdocstrings takes the language of the API reference's section titles from
        # theme.language in its on_config; mkdocs-static-i18n sets it for the language
        # it builds only in its own, later. Set it first (mkdocs.yml's value holds
        # for the first build, the default language's), and give mkdocstrings the
        # natural Japanese titles of templates/ unless the project has its own.
        if language := getattr(config.plugins.get("i18n"), "current_language", None):
            config.theme["language"] = language
        mkdocstrings = config.plugins.get("mkdocstrings")
        if mkdocstrings is not None and not mkdocstrings.config.custom_templates:
            mkdocstrings.config.custom_templates = str(_TEMPLATES)
        return config

    def _on_config_fresh_search_index(self, config: MkDocsConfig) -> MkDocsConfig:
        # Under `serve --dirty` Material merges each build's search index into the
        # previous build's, and mkdocs-static-i18n merges both languages into it again:
        # the index doubled on every rebuild, and so did the rebuild's time. Each build
        # starts from its own pages only.
        if (search := config.plugins.get("material/search")) is not None:
            search.search_index_prev = None
        return config

    def _on_config_set_up(self, config: MkDocsConfig) -> MkDocsConfig:
        # Check the set-up; register the example formatters, the theme overrides and assets.
        self.project = project = Path(config.config_file_path).resolve().parent
        docs = Path(config.docs_dir)
        missing = missing_translations(docs, self.config.languages)
        if missing:
            raise PluginError("pages missing in one language:\n  " + "\n  ".join(missing))
        if self.renderer is None:
            try:
                self.renderer = KatexRenderer(project)
            except KatexSetupError as error:
                raise PluginError(str(error)) from error
        if self.examples is None:
            self.examples = BuildExamples(project, docs, execute=bool(self.config.execute))
        library_changed = self.examples.start_build()
        if library_changed and self.dirty:
            # `serve --dirty` rebuilds only pages edited since their output was
            # written: remove every output, so every page (examples and API
            # reference alike) is built again with the new library.
            shutil.rmtree(config.site_dir, ignore_errors=True)
        for language in ("python", "pycon"):
            markdown_exec.formatters[language] = self.examples.formatter(language)
        self.commit_dates = last_commit_dates(project, docs.relative_to(project).as_posix())
        dirs: list[str] = config.theme.dirs
        if str(_OVERRIDES) not in dirs:  # a project's own custom_dir (first) still wins
            dirs.insert(1 if config.theme.custom_dir else 0, str(_OVERRIDES))
        if config.site_url and "scope" not in config.extra:
            # Material keeps the palette choice under this path; by default it is
            # base_url, the language's root: one scope shares it across languages.
            config.extra["scope"] = urlsplit(config.site_url).path or "/"
        for css in (_KATEX_CSS, _SITE_CSS, _RUNNER_CSS):
            if css not in config.extra_css:
                config.extra_css.append(css)
        for script in (_SITE_JS, _RUNNER_JS):
            if all(str(known) != script for known in config.extra_javascript):
                config.extra_javascript.append(script)
        return config

    on_config = CombinedEvent(
        _on_config_reference_language, _on_config_fresh_search_index, _on_config_set_up
    )

    @event_priority(-110)  # after mkdocs-static-i18n (-100) chose this language's pages
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """In the default language's build, let a worker run the other pages ahead.

        The worker takes the other languages' pages, each from its end, then the
        default language's from its end; the build takes each language's from the
        start (:class:`sitebuild.examples.Prefetch`). Translations share paths.
        """
        assert self.examples is not None
        default, *others = self.config.languages
        order = [file.src_uri for file in files.documentation_pages()]
        if order and order[0].startswith(f"{default}/"):
            ahead: list[str] = []
            for language in [*others, default]:
                pages = [f"{language}/{PurePosixPath(p).relative_to(default)}" for p in order]
                ahead += reversed([p for p in pages if Path(config.docs_dir, p).is_file()])
            self.examples.run_ahead(ahead)
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the theme's compiled templates across rebuilds (keyed by their source)."""
        del config, files
        env.bytecode_cache = self.templates
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Date the page, prepare its examples, warn readers if its translation is stale."""
        del files
        assert self.examples is not None
        path, source = page.file.src_uri, Path(config.docs_dir, page.file.src_uri)
        language = path.partition("/")[0]
        date = self.commit_dates.get(source.relative_to(self.project).as_posix())
        if date is not None:  # Material shows it in the footer, as "last update"
            page.meta["git_revision_date_localized"] = format_date(date, language)
        markdown = self.examples.prepare(path, source.read_text(encoding="utf-8"), markdown)
        if language not in _STALE_NOTICE or not is_stale(
            Path(config.docs_dir), path, self.config.languages
        ):
            return markdown
        log.info("%s may be behind its translation; showing a notice", path)
        # After the title: MkDocs takes the page title from a leading "# " heading.
        lines = markdown.split("\n")
        title = next((n for n, line in enumerate(lines) if line.startswith("# ")), -1)
        lines[title + 1 : title + 1] = ["", _STALE_NOTICE[language]]
        return "\n".join(lines)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Render every formula with KaTeX; set formulas and figures aside until the end.

        Formulas (HTML+MathML) and figures (inline SVG) make up most of a page's
        bytes but none of its searchable text. Empty placeholders stand in for
        them until :meth:`on_post_page`, so the search plugin and the templates in
        between never parse them.
        """
        del config, files
        assert self.renderer is not None
        stash: list[str] = []

        def set_aside(markup: str) -> str:
            stash.append(markup)
            return f'<span data-sitebuild-stash="{len(stash) - 1}"></span>'

        try:
            html, formulas = render_formulas(html, self.renderer, set_aside)
        except KatexError as error:
            msg = f"{page.file.src_path}: {error}"
            raise PluginError(msg) from error
        if self.command == "build":  # only the published site gets font subsets
            for markup in formulas:
                self.formula_chars.update(formula_characters(markup))
        html = _FIGURE.sub(lambda match: set_aside(match.group(0)), html)
        self.stashed[page.file.src_uri] = stash
        return html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Give the page the root of its language as ``base_url`` (see language_sites)."""
        del config, nav
        context["base_url"] = self.language_sites.base_url(page.url)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put formulas and figures back; drop the hreflang links (see language_sites).

        A page with runnable examples gets the runner's messages in its language.
        """
        del config
        stash = self.stashed.pop(page.file.src_uri, [])
        output = _STASHED.sub(lambda match: stash[int(match[1])], output)
        language = page.file.src_uri.partition("/")[0]
        if RUNNABLE in output:
            output = output.replace("</body>", f"{runner_texts(language)}\n</body>", 1)
        return drop_alternate_links(output)

    def _on_post_build_copy_assets(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        dist = katex_dist(self.project)
        target = site / "assets" / "katex"
        (target / "fonts").mkdir(parents=True, exist_ok=True)
        css = (dist / "katex.min.css").read_text(encoding="utf-8")
        # Every browser the site supports reads woff2; drop the woff/ttf fallbacks.
        css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
        (target / "katex.min.css").write_text(css, encoding="utf-8")
        if self.command == "build" and self.formula_chars:
            # Fonts cut down to the formulas' characters, by a second process while
            # the next language builds. All languages share them: a later language
            # starts the job again only if it adds characters.
            job = self.font_job
            if job is None or not self.formula_chars <= job.characters:
                if job is not None:
                    job.stop()
                self.font_job = FontSubsetting(dist / "fonts", target / "fonts", self.formula_chars)
        else:
            for font in (dist / "fonts").glob("*.woff2"):
                shutil.copyfile(font, target / "fonts" / font.name)
        for asset in (_SITE_CSS, _SITE_JS, _RUNNER_CSS, _RUNNER_JS, _RUNNER_WORKER):
            shutil.copyfile(_ASSETS / PurePosixPath(asset).name, site / asset)
        try:
            install_runtime(self.project, site / "assets" / "pyodide")
        except RuntimeSetupError as error:
            raise PluginError(str(error)) from error

    @event_priority(-50)  # after the search plugin wrote this language's index
    def _on_post_build_collect_search_index(self, *, config: MkDocsConfig) -> None:
        env = config.theme.get_env()
        template = env.get_template("partials/language.html", None, {"config": config})
        translate: Callable[[str], str] = template.module.t  # type: ignore[attr-defined]
        language = config.theme["language"]
        self.language_sites.collect(Path(config.site_dir), language, translate)

    @event_priority(-110)  # after mkdocs-static-i18n (-100) built the others and merged
    def _on_post_build_write_language_sites(self, *, config: MkDocsConfig) -> None:
        self.language_sites.write(Path(config.site_dir), config.site_url or "")
        # The last language's build ends here, after every language started (or
        # kept) the font job with its characters: the job has them all.
        job, self.font_job = self.font_job, None
        if job is not None and (errors := job.wait()) is not None:
            msg = f"subsetting KaTeX's fonts into {job.target} failed:\n{errors}"
            raise PluginError(msg)
        if self.examples is not None:
            self.examples.close()

    on_post_build = CombinedEvent(
        _on_post_build_copy_assets,
        _on_post_build_collect_search_index,
        _on_post_build_write_language_sites,
    )

    def on_shutdown(self) -> None:
        """Write the build's statistics if asked to; stop the helper processes."""
        if self.config.stats_file and self.examples is not None:
            runner = self.examples.runner
            stats = {
                "blocks_executed": runner.stats.executed,
                "blocks_from_cache": runner.stats.from_cache,
                "blocks_run_by_second_process": self.examples.prefetched,
                "execution_seconds": dict(runner.stats.seconds),
                "katex_seconds": self.renderer.seconds if self.renderer else 0.0,
                "formulas_rendered": self.renderer.formulas_rendered if self.renderer else 0,
                "katex_processes": self.renderer.processes_started if self.renderer else 0,
            }
            Path(self.config.stats_file).write_text(json.dumps(stats, indent=2), "utf-8")
        if self.font_job is not None:
            self.font_job.stop()
        if self.examples is not None:
            self.examples.close()
        if self.renderer is not None:
            self.renderer.close()
            self.renderer = None
