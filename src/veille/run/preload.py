"""Imported by the ingest's fork server, and by nothing else: importing it loads what every worker needs.

``multiprocessing``'s fork server takes no function to run, only modules to import before it forks the
workers (``set_forkserver_preload``); this module is that hook, so no other module does work at import.
The languages to load are in ``VEILLE_PRELOAD``, set by ``veille.run.pool.worker_context`` while the
server starts. A failure here must not kill the server (the workers then load on first use).
"""

import os

from veille.run.pool import PRELOAD_ENV

_langs = [lang for lang in os.environ.pop(PRELOAD_ENV, "").split(",") if lang and lang != "-"]
try:
    from veille.analyze import warm_up

    warm_up(_langs, sample=False)
except Exception:  # noqa: BLE001 - the workers load what they need on first use
    pass
