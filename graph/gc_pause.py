"""The cyclic garbage collector, paused while a load builds and writes its quads.

A load holds hundreds of thousands of short-lived containers (batches, per-entity
facts) next to long-lived ones (graph/recent.py). Each full collection walks all of
them, again and again as the load allocates: measured on 1M triples, a quarter of the
load's time. Nothing a load builds is cyclic, so reference counting frees it all the
same; the collector is switched back on (if it was on) when the work ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
