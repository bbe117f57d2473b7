"""sitebuild: the site's build machinery, kept apart from the teaching library.

Data flows one way: Markdown -> executed examples -> math -> HTML.

- :mod:`sitebuild.fences`: finds the executable code blocks of a Markdown page.
- :mod:`sitebuild.execution`: runs them (python and pycon), one namespace per
  page, language and session, exactly alike at build time and under pytest.
- :mod:`sitebuild.katex`: renders every formula of a build to HTML+MathML in one
  Node.js process.
- :mod:`sitebuild.plugin`: the MkDocs plugin wiring these into the build.
- :mod:`sitebuild.pytest_examples`: the pytest plugin that collects every example
  of every page as its own test item.
"""
