"""Open the store a command works on: the embedded folder, or a SPARQL server.

    open_store()                                 # $SOCIALKG_ENDPOINT if set, else ./socialkg-store
    open_store("data/store")                     # an embedded store in that folder
    open_store(endpoint="http://host/sparql")    # a RemoteStore; credentials from env / config

The CLI calls this with its `--store` and `--endpoint` options; everything past it
sees only the `Store` interface.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreError
from .remote import ENDPOINT_ENV, RemoteStore, endpoint_settings
from .store import EmbeddedStore, Store, default_store_path


def open_store(
    location: str | Path | None = None,
    *,
    endpoint: str | None = None,
    read_only: bool = False,
    create: bool = True,
    timeout: float | None = None,
) -> Store:
    """The store at `location` (a folder) or at `endpoint` (a SPARQL 1.1 query URL).

    Precedence: `endpoint`, then `location`, then `$SOCIALKG_ENDPOINT`, then
    `$SOCIALKG_STORE` / `./socialkg-store`. Giving both `location` and `endpoint` is
    an error. For a remote store, the update / Graph Store URLs, credentials and
    timeout come from the environment or the config file (`remote.endpoint_settings`);
    `timeout` (seconds per request) overrides them. `create` applies to the embedded
    store only (False: fail if there is no store yet); a remote store is never created.
    """
    if endpoint and location is not None:
        raise StoreError(
            "both a store folder and an endpoint were given",
            hint="use either --store PATH or --endpoint URL",
        )
    if endpoint is None and location is None:
        endpoint = os.environ.get(ENDPOINT_ENV) or None
    if endpoint:
        return RemoteStore(endpoint_settings(endpoint, timeout=timeout), read_only=read_only)
    return EmbeddedStore(location if location is not None else default_store_path(),
                         read_only=read_only, create=create)


__all__ = ["open_store"]
