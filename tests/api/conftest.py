from __future__ import annotations

import pytest

from .fixture_store import build_store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api-store"))
