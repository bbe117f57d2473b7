"""MkDocs hook: render the API reference in the language of the build.

mkdocstrings picks the language of its section titles (Parameters, Returns ... or
引数, 戻り値 ...) once per build, in its ``on_config``, from ``theme.language``.
mkdocs-static-i18n builds the site once per language, but sets ``theme.language``
for a language in its own ``on_config``, which runs after mkdocstrings' (priority
-100). Without this hook the English build would reuse the Japanese titles of the
build before it. Here, before mkdocstrings (priority 0), the theme language is set
to the language that mkdocs-static-i18n is about to build; it sets the same value
itself a moment later.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority


@event_priority(50)  # before mkdocstrings' on_config (0) and mkdocs-static-i18n's (-100)
def on_config(config: Any) -> Any:
    """Set ``theme.language`` to the language about to be built, if i18n knows it yet."""
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None)
    if language:  # None before the first (default-language) build: mkdocs.yml's value holds
        config.theme["language"] = language
    return config
