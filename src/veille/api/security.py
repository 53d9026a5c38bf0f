"""Other web pages are kept out (docs/web.md, "Security"): the Host header must name the address served
(``hosts``: a DNS-rebinding page names its own), every answer forbids framing, and the page runs only its own
scripts. (A POST must be JSON or carry ``X-Requested-With``: the routes check it.)"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import JSONResponse, Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
"""The page runs only its own scripts: even a rendering mistake could not run an article's <script>."""
CSP_DATA = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
"""JSON, scripts, styles: nothing in them is a page, and none may be framed."""


def host_name(header: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``, ``[::1]:8000`` → ``[::1]``, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[:header.find("]") + 1]
    return header.split(":", 1)[0]


def guard(allowed: set[str] | None) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    """The middleware: the Host check (``allowed`` None: any Host, in-process) and the headers of every answer."""

    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # Starlette's TrustedHostMiddleware would do, but answers in plain text: every error here is JSON with a detail
        if allowed is not None and host_name(request.headers.get("host", "")) not in allowed:
            response: Response = JSONResponse({"detail": "unknown Host: this server answers only to the address "
                                                         "it listens on"}, status_code=400)
        else:
            response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers["X-Frame-Options"] = "DENY"
        if request.url.path == "/":
            response.headers["Content-Security-Policy"] = CSP
        elif request.url.path != "/docs":  # the explorer sets its own, with its script's hash
            response.headers["Content-Security-Policy"] = CSP_DATA
        return response

    return headers
