from __future__ import annotations

import pytest

from ..api.fixture_store import build_store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web-store"))
