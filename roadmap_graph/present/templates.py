"""The HTML pages' templates and inline assets, read from the package's ``assets`` folder.

The pages (the explorer, and the report as it moves to templates) keep their markup, styles
and scripts in real files under ``roadmap_graph/present/assets/``, shipped as package data, so
editors and linters can read them. Templates are Jinja2, loaded by one shared, cached
:func:`environment` with autoescaping on: every value a template prints is HTML-escaped
unless the caller hands it over as :class:`markupsafe.Markup` (text it has already made safe
for where it goes, such as a checked script or JSON inside ``<script>``).

Jinja2 is imported on first use, not with this module, so ``import roadmap_graph`` and the
text commands stay fast.

>>> environment().from_string("<p>{{ name }}</p>").render(name="</p><b>")
'<p>&lt;/p&gt;&lt;b&gt;</p>'
>>> environment() is environment()
True
>>> asset_text("explorer.js").count("window.roadmapExplorer =")
1
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = ["ASSETS", "asset_text", "environment", "render"]

#: The folder, inside this package, of the templates and the files pages inline.
ASSETS = "assets"
_PACKAGE = __name__.rpartition(".")[0]


def asset_text(name: str) -> str:
    """The text of the asset file ``name`` (a stylesheet or script a page inlines), read
    through :mod:`importlib.resources`, so it works from a source checkout or a wheel."""
    return files(_PACKAGE).joinpath(ASSETS).joinpath(name).read_text("utf-8")


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of the package's templates (made on first use, then reused).

    Autoescaping is on for every template; undefined variables are errors (a misspelt name
    fails instead of printing nothing); a block tag's own line break is dropped and a file's
    last line break kept, so the templates are written as plain HTML.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader(_PACKAGE, ASSETS),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context: Any) -> str:
    """The template ``name`` (a file in ``assets/``) rendered with ``context``."""
    return environment().get_template(name).render(**context)
