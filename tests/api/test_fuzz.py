"""Schema-driven fuzzing (schemathesis) of every operation in the OpenAPI description: never a 5xx.

Each operation gets Hypothesis-generated cases from its own OpenAPI description (paths, query strings,
JSON and plain-text bodies), sent with and without the bearer token to a writable copy of the test store.
Every 4xx must carry a ``detail`` message.
"""

from __future__ import annotations

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.api import create_app

from .fixture_store import TOKEN

OPERATIONS = [("POST", "/analyze"), ("POST", "/articles"), ("GET", "/articles"), ("GET", "/articles/{article_id}"),
              ("GET", "/events"), ("GET", "/claims"), ("GET", "/entities"), ("GET", "/entities/{key}"),
              ("GET", "/timeline"), ("GET", "/network"), ("GET", "/stats"),
              ("GET", "/stories"), ("GET", "/stories/{story_id}"), ("GET", "/merged-events"),
              ("GET", "/merged-events/{merged_id}"), ("GET", "/claims/repeated"), ("GET", "/claims/repeated/{merged_id}"),
              ("GET", "/timeline/actors"), ("GET", "/quotes"), ("GET", "/quotes/speakers"), ("GET", "/quotes/summary"),
              ("GET", "/corrections"), ("POST", "/corrections"), ("DELETE", "/corrections/{correction_id}")]


@pytest.fixture(scope="module")
def api_schema(web_store, tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(web_store, db)  # the fuzzer's writes land in a copy
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN))


def test_every_operation_is_fuzzed(api_schema):
    described = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert described == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_server_error(api_schema, method, path):
    operation = api_schema[path][method]
    examples = 30 if method == "GET" else 25

    @given(case=operation.as_strategy(), authorized=st.booleans())
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def check(case, authorized):
        headers = {"Authorization": f"Bearer {TOKEN}"} if authorized else {}
        response = case.call(headers=headers)
        assert response.status_code < 500, (case.method, case.formatted_path, case.query, case.body,
                                             response.status_code, response.text[:300])
        if response.status_code >= 400:
            assert response.json()["detail"], response.text[:300]

    check()
