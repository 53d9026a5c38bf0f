"""The HTTP API and the web page: ``create_app(db_path, token=None)`` builds the ASGI application."""

from veille.api.app import create_app

__all__ = ["create_app"]
