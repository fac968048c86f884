"""What apps above this one do when a decree comes into force (Pasal 12 ayat (2)).

The portal publishes the decree's standards at that moment (Pasal 9 ayat (1)); it
registers its listener from its AppConfig.ready(), so this app imports nothing above it
(docs/decisions/0008-portal-app.md). Listeners run inside the act's transaction: a
rolled-back act publishes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from bontang_sp.registry import Registry

__all__ = ["decree_in_force", "in_force_changed", "on_decree_in_force", "on_in_force_changed"]

Listener = Callable[[object], None]
_listeners = Registry()
_changes = Registry()


def on_decree_in_force(listener: Listener) -> Listener:
    """Call `listener(decree)` whenever a decree comes into force (from AppConfig.ready)."""
    return _listeners.register(listener)


def decree_in_force(decree) -> None:
    """The decree services call this in the act that brings `decree` into force."""
    for listener in _listeners:
        listener(decree)


def on_in_force_changed(listener: Callable[[list[int]], None]) -> Callable:
    """Call `listener(service_ids)` whenever what these services have in force for the
    public changed otherwise than by a decree coming into force (from AppConfig.ready)."""
    return _changes.register(listener)


def in_force_changed(service_ids) -> None:
    """The services call this in the act that revokes a decree or (de)activates a service."""
    service_ids = list(service_ids)
    for listener in _changes:
        listener(service_ids)
