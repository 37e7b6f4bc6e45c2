"""HTML → PDF with Debian's Chromium, driven by Playwright's sync API from one worker thread.

Why Chromium: its PDF text layer keeps Thai intact (ำ and tone marks read back with pdftotext),
which WeasyPrint's does not. Why a worker thread: Playwright's sync API must stay on the thread
that started it and refuses to run where an asyncio loop is running; a Django request may run
on any thread (and under ASGI or pytest-playwright next to a loop). One browser per process is
started on first use, reused for every document (launching takes about a second), and closed
after a while without work or when the process exits.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

log = logging.getLogger(__name__)

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class PdfUnavailable(RuntimeError):
    """The PDF could not be made (no Chromium, or it failed or took too long)."""


def chromium_path() -> str:
    """Where Chromium is: the CHROMIUM_PATH setting or environment variable, else Debian's."""
    return getattr(settings, "CHROMIUM_PATH", None) or os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM


@dataclass
class _Job:
    html: str
    options: dict[str, Any]
    result: Future[bytes]


class _Worker:
    """A thread that owns one Playwright instance and, once needed, one browser."""

    def __init__(self, owner: ChromiumPdf) -> None:
        self.owner = owner
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="digiskill-pdf", daemon=True)

    def _run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                browser: Browser | None = None
                try:
                    while (job := self._next()) is not None:
                        if not job.result.set_running_or_notify_cancel():
                            continue
                        try:
                            if browser is None or not browser.is_connected():
                                browser = pw.chromium.launch(
                                    executable_path=self.owner.executable, args=CHROMIUM_ARGS, headless=True
                                )
                            job.result.set_result(_print(browser, job))
                        except Exception as exc:  # handed to the caller
                            job.result.set_exception(exc)
                finally:
                    if browser is not None and browser.is_connected():
                        browser.close()
        except Exception as exc:  # Playwright itself would not start
            log.exception("PDF worker stopped")
            self._fail_pending(exc)

    def _next(self) -> _Job | None:
        """The next job; None to stop (asked to, or idle with nothing queued)."""
        while True:
            try:
                return self.jobs.get(timeout=self.owner.idle_seconds)
            except queue.Empty:
                with self.owner.lock:
                    if self.jobs.empty():
                        self.owner.forget(self)
                        return None

    def _fail_pending(self, exc: Exception) -> None:
        with self.owner.lock:
            self.owner.forget(self)
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None and job.result.set_running_or_notify_cancel():
                job.result.set_exception(PdfUnavailable(str(exc)))


def _print(browser: Browser, job: _Job) -> bytes:
    """Print one HTML document in a fresh browser context, offline and with page scripts off."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        # Everything the document needs is inline; nothing may be fetched.
        page.route("**/*", lambda route: route.abort())
        page.set_content(job.html, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page.pdf(**job.options)
    finally:
        context.close()


class ChromiumPdf:
    """Turns HTML into PDF with one Chromium per process; safe to call from any thread."""

    def __init__(self, executable: str | None = None, *, idle_seconds: float = 600.0) -> None:
        self._executable = executable
        self.idle_seconds = idle_seconds
        self.lock = threading.Lock()
        self._worker: _Worker | None = None
        self._pid = os.getpid()

    @property
    def executable(self) -> str:
        return self._executable or chromium_path()

    def forget(self, worker: _Worker) -> None:
        """Called by a stopping worker (under the lock): the next job starts a new one."""
        if self._worker is worker:
            self._worker = None

    def render(self, html: str, *, timeout: float = 120.0, **options: Any) -> bytes:
        """Print `html` to PDF with Page.pdf `options` (format, margin, header and footer…)."""
        if not Path(self.executable).exists():
            raise PdfUnavailable(
                f"ไม่พบโปรแกรม Chromium ที่ {self.executable} / Chromium not found at {self.executable}"
            )
        result: Future[bytes] = Future()
        with self.lock:
            if self._pid != os.getpid():  # forked: the parent's thread is not ours
                self._worker, self._pid = None, os.getpid()
            if self._worker is None:
                self._worker = _Worker(self)
                self._worker.thread.start()
            self._worker.jobs.put(_Job(html, options, result))
        try:
            return result.result(timeout=timeout)
        except FutureTimeout:
            result.cancel()
            raise PdfUnavailable(
                f"สร้าง PDF ไม่เสร็จภายใน {timeout:g} วินาที / The PDF took longer than {timeout:g} s"
            ) from None

    def close(self, timeout: float = 10.0) -> None:
        """Stop the worker and its browser (at exit, or in tests)."""
        with self.lock:
            worker, self._worker = self._worker, None
        if worker is not None and worker.thread.is_alive():
            worker.jobs.put(None)
            worker.thread.join(timeout)


renderer = ChromiumPdf()
atexit.register(renderer.close)


def html_to_pdf(html: str, **options: Any) -> bytes:
    """Print HTML to PDF with the process's shared Chromium."""
    return renderer.render(html, **options)
