"""The API under abuse (issue 13): a failed write leaves no trace in the copy index, the unauthenticated
analysis has a size and time budget, and other web pages cannot drive or read a local server."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import threading
import time

import pytest
from fastapi.testclient import TestClient

from veille.api import create_app

from ..conftest import run_cli
from .fixture_store import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"id": "crash-1", "text": "La Russie a attaqué l'Ukraine lundi, selon Kiev.\n", "published": "2024-02-05"}


@pytest.fixture()
def store_copy(web_store, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(web_store, db)
    return db


def test_an_article_whose_write_failed_is_analysed_next_time_not_a_copy_of_itself(store_copy, monkeypatch):
    """The analysis crashes once (as a 1 M-character paragraph made it crash): the answer says so, and the
    article posted again is analysed and stored as itself."""
    import veille.api.db as api_db

    real = api_db.analyse
    calls = []

    def crash_once(articles):
        calls.append(len(articles))
        if len(calls) == 1:
            raise RuntimeError("the analysis crashed")
        return real(articles)

    monkeypatch.setattr(api_db, "analyse", crash_once)
    with TestClient(create_app(store_copy, token=TOKEN), raise_server_exceptions=False) as c:
        first = c.post("/articles", json=ARTICLE, headers=AUTH)
        again = c.post("/articles", json=ARTICLE, headers=AUTH).json()
        assert again["stored"] == ["crash-1"] and again["duplicates"] == [], again
        assert c.get("/articles/crash-1").json()["events"]
        assert first.status_code == 503 and "nothing was stored" in first.json()["detail"]


def test_unauthenticated_analysis_is_bounded_in_size_and_in_waiting(store_copy):
    with TestClient(create_app(store_copy, analysis_wait=0.5)) as c:
        big = c.post("/analyze", json={"text": "Russia attacked Ukraine on Monday. " * 3000})  # 105 k characters
        assert big.status_code == 413 and "100,000 characters" in big.json()["detail"]
        from veille.api.db import ANALYSIS_LOCK

        with ANALYSIS_LOCK:  # another analysis is running
            began = time.monotonic()
            busy = c.post("/analyze", json={"text": "Russia attacked Ukraine on Monday."})
            waited = time.monotonic() - began
        assert busy.status_code == 503 and busy.headers["retry-after"] and busy.json()["detail"]
        assert waited < 3
        assert c.post("/analyze", json={"text": "Russia attacked Ukraine on Monday."}).status_code == 200


def test_a_busy_analysis_does_not_hang_a_request_forever(store_copy):
    """Without a wait budget, a request queued behind a long analysis would hang as long as it runs."""
    from veille.api.db import ANALYSIS_LOCK

    answer: dict = {}
    with TestClient(create_app(store_copy, analysis_wait=0.5)) as c:
        ANALYSIS_LOCK.acquire()
        try:
            t = threading.Thread(target=lambda: answer.update(r=c.post("/analyze", json={"text": "Paris, lundi."})))
            t.start()
            t.join(timeout=5)
        finally:
            ANALYSIS_LOCK.release()
        t.join()
    assert answer["r"].status_code == 503


def test_cross_origin_pages_cannot_post_or_read(store_copy, monkeypatch):
    """A page elsewhere can send text/plain or a body without type with no preflight; DNS rebinding makes its
    requests carry its own Host name. Both are refused; every answer forbids framing and sets a CSP."""
    import uvicorn

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("VEILLE_TOKEN", raising=False)
    assert run_cli("serve", "--db", str(store_copy), "--port", "8123").exit_code == 0
    with TestClient(seen["app"], base_url="http://127.0.0.1:8123") as c:
        simple = c.post("/analyze", content=b"La Russie a attaque l'Ukraine.", headers={"Content-Type": "text/plain"})
        assert simple.status_code == 403 and "X-Requested-With" in simple.json()["detail"]
        untyped = c.post("/analyze", content=b'{"text": "La Russie a attaque l\'Ukraine."}',
                         headers={"Content-Type": ""})
        assert untyped.status_code == 415
        asked = c.post("/analyze", content="La Russie a attaqué l'Ukraine.".encode(),
                       headers={"Content-Type": "text/plain", "X-Requested-With": "curl"})
        assert asked.status_code == 200, asked.text
        assert c.get("/stats", headers={"Host": "attacker.example"}).status_code == 400
        assert c.get("/stats", headers={"Host": "localhost:8123"}).status_code == 200
        for path in ("/", "/docs", "/openapi.json", "/stats", "/static/vendor/swagger-ui-bundle-5.35.0.js", "/nowhere"):
            r = c.get(path)
            assert r.headers["x-frame-options"] == "DENY", path
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
        docs = c.get("/docs")
        inline = re.findall(r"<script>(.*?)</script>", docs.text, re.S)
        assert inline, "the explorer's start-up script"
        for script in inline:  # allowed by its hash, not by 'unsafe-inline'
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in docs.headers["content-security-policy"]
        assert "'unsafe-inline'" not in docs.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    seen["app"].state.db.close()
