"""Mistakes in posts that the author must fix: all of them reported together, each as 'file:line: what to do'.

Pelican's `--fatal warnings` turns the first logged error into an exception with a traceback, which hides
the rest and buries the message. So the plugin collects its content problems and reports them at the end
of its stage: as an error each in an ordinary build, or, when warnings are fatal, as one clear list and a
failed build (exit status 1) without a traceback.
"""
from __future__ import annotations

import logging

from pelican.log import FatalLogger

log = logging.getLogger(__name__)


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, message: str) -> None:
        self.items.append(message)

    def report(self) -> None:
        if not self.items:
            return
        fatal = FatalLogger.fatal_lvl <= logging.ERROR
        for message in self.items:
            (log.critical if fatal else log.error)("%s", message)
        if fatal:
            log.critical("entities: %d problem%s in the content (listed above); fix and build again",
                         len(self.items), "s" if len(self.items) != 1 else "")
            raise SystemExit(1)
