"""The page and its offline API explorer."""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from veille.api.security import CSP
from veille.web import SWAGGER_CSS, SWAGGER_JS, index_html

router = APIRouter()
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _docs_csp(html: str) -> str:
    """The page's policy for the API explorer, whose start-up script is inline: allowed by its hash alone."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in _INLINE_SCRIPT.findall(html))
    return CSP.replace("script-src 'self'", f"script-src 'self' {hashes}")


@router.get("/", include_in_schema=False)
def page() -> HTMLResponse:
    return HTMLResponse(index_html())


@router.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    page = get_swagger_ui_html(openapi_url="/openapi.json", title="veille API", swagger_js_url=SWAGGER_JS,
                               swagger_css_url=SWAGGER_CSS, swagger_favicon_url="/static/favicon-1.svg")
    page.headers["Content-Security-Policy"] = _docs_csp(bytes(page.body).decode("utf-8"))
    return page
