"""Invalid values are refused with the valid ones, and one case rule holds for types and factuality (issue 16)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from veille.api import create_app

from ..conftest import run_cli


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:
        yield c


def test_the_cli_refuses_an_unknown_type_in_one_line_that_lists_the_valid_ones(web_store):
    r = run_cli("query", "events", "--db", str(web_store), "--type", "ATTACK")
    assert r.exit_code == 2
    error = [line for line in r.stderr.splitlines() if line.startswith("Error")]
    assert len(error) == 1 and "'ATTACK' is not one of ACCUSE, AGREE, AID, ASSAULT" in error[0]
    assert "THREATEN" in error[0]


def test_types_and_factuality_are_taken_in_any_case_in_the_cli_and_the_api(web_store, client):
    lower = run_cli("query", "events", "--db", str(web_store), "--type", "assault", "--factuality", "asserted")
    mixed = run_cli("query", "events", "--db", str(web_store), "--type", "Assault", "--factuality", "Asserted")
    assert lower.exit_code == mixed.exit_code == 0 and "ASSAULT" in lower.stdout and lower.stdout == mixed.stdout
    a = client.get("/events", params={"type": "assault", "factuality": "ASSERTED"}).json()
    b = client.get("/events", params={"type": "ASSAULT", "factuality": "asserted"}).json()
    assert a["total"] >= 1 and a == b


def test_the_api_refuses_an_unknown_value_with_the_list_and_describes_its_enums(client):
    r = client.get("/events", params={"type": "ATTACK"})
    assert r.status_code == 422
    message = r.json()["detail"][0]["msg"]
    assert "'ACCUSE'" in message and "'THREATEN'" in message
    assert "'uncertain'" in client.get("/events", params={"factuality": "maybe"}).json()["detail"][0]["msg"]
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert len(schemas["PloverType"]["enum"]) == 16 and schemas["Factuality"]["enum"] == [
        "asserted", "negated", "hypothetical", "uncertain"]
    row = schemas["EventRow"]["properties"]
    assert row["type"] == {"$ref": "#/components/schemas/PloverType"}
    assert row["factuality"] == {"$ref": "#/components/schemas/Factuality"}
    params = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"$ref": "#/components/schemas/PloverType"} in params["type"]["schema"]["anyOf"]
