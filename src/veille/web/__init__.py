"""The web page: one HTML shell, vanilla JS and CSS, all shipped in the package (no CDN, no build step).

File names carry a version (``app-4.js``), as datasette's vendored assets do, so a browser never mixes
an old script with a new page: the number goes up when the page and its script change together. The page
reads only the JSON routes of ``veille.api``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

STATIC_DIR = Path(str(resources.files("veille.web").joinpath("static")))
SWAGGER_JS = "/static/vendor/swagger-ui-bundle-5.35.0.js"
SWAGGER_CSS = "/static/vendor/swagger-ui-5.35.0.css"


@cache
def index_html() -> str:
    return resources.files("veille.web").joinpath("templates", "index.html").read_text("utf-8")
