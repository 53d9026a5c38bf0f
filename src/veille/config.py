"""Defaults from ``data/defaults.toml``, with a user's TOML file (``$VEILLE_CONFIG``) laid over them."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def settings() -> dict[str, Any]:
    base = tomllib.loads(resources.files("veille").joinpath("data/defaults.toml").read_text("utf-8"))
    user = os.environ.get("VEILLE_CONFIG")
    if user:
        with open(user, "rb") as fh:
            _merge(base, tomllib.load(fh))
    return base


def _merge(base: dict[str, Any], over: dict[str, Any]) -> None:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def model_for(lang: str) -> str | None:
    """Name of the installed spaCy pipeline for ``lang``, or None when veille has none."""
    return settings()["models"].get(lang)


def default_workers() -> int:
    """Worker processes when none are asked for: the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
