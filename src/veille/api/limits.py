"""Request-body bound: a pure ASGI middleware that answers 413 before a handler reads too much."""

from __future__ import annotations

import json
from typing import Any

MAX_BODY = 2 * 1024 * 1024
"""Bytes a request body may hold (an article is at most 2 M characters; 2 MB keeps a request cheap to refuse)."""
MAX_ANALYZE_CHARS = 100_000
"""Characters ``POST /analyze`` (no token needed) analyses at most: about 3 s of work (benchmarks/long.py), so
one anonymous request cannot hold the pipelines for minutes. ``POST /articles`` (with the token) and the CLI
take up to the readers' limit, 2 M."""
ANALYSIS_WAIT = 10.0
"""Seconds ``POST /analyze`` waits for another analysis to finish before answering 503 with Retry-After."""


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse a body over ``max_bytes``: at once when Content-Length says so, else as soon as the stream passes it."""

    def __init__(self, app: Any, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _answer(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.max_bytes:
                await _answer(send, 413, self._message())
                return
        seen = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _answer(send, 413, self._message())

    def _message(self) -> str:
        return f"request body too large (limit {self.max_bytes:,} bytes)"


async def _answer(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
