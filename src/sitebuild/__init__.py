"""sitebuild: the site's build machinery, kept apart from the teaching library.

Data flows one way: Markdown -> executed examples -> math -> HTML. Only
:mod:`sitebuild.plugin` speaks MkDocs; :mod:`sitebuild.pages` reads pages,
:mod:`sitebuild.execution` runs their examples (at build time through
:mod:`sitebuild.examples`, under pytest through :mod:`sitebuild.pytest_examples`),
:mod:`sitebuild.katex` renders formulas, :mod:`sitebuild.parity` keeps the
languages in step and :mod:`sitebuild.language_sites` makes each a site of its own.
Readers run the examples in their browser: :mod:`sitebuild.runnable` decides which
and writes their controls, :mod:`sitebuild.browser_runtime` serves Pyodide and the
site's Python, and :mod:`sitebuild.in_browser` runs each example there.
"""
