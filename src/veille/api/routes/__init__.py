"""The API's routes, one router per area, included by ``create_app`` in this order."""

from veille.api.routes import analysis, articles, claims, corrections, entities, events, pages, quotes, stories

ROUTERS = [pages.router, analysis.router, articles.router, events.router, claims.router, entities.router,
           stories.router, quotes.router, corrections.router]

__all__ = ["ROUTERS"]
