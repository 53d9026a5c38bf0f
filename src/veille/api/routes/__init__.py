"""The API's routes, one router per area, included by ``create_app`` in this order."""

from veille.api.routes import analysis, articles, claims, entities, events, pages, stories

ROUTERS = [pages.router, analysis.router, articles.router, events.router, claims.router, entities.router,
           stories.router]

__all__ = ["ROUTERS"]
