"""The Chromium PDF renderer: one browser per process, usable from any thread, even beside an event loop."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from digiskill.reports.fonts import sarabun_css
from digiskill.reports.pdf import ChromiumPdf, PdfUnavailable
from tests.reports.conftest import pdf_text


def _html(text: str) -> str:
    style = f"{sarabun_css()} body {{ font-family: Sarabun }}"
    return f"<html><head><style>{style}</style></head><body><p>{text}</p></body></html>"


@pytest.fixture
def renderer():
    pdf = ChromiumPdf(idle_seconds=60)
    yield pdf
    pdf.close()


def test_threads_share_one_browser_and_get_their_own_document(renderer: ChromiumPdf) -> None:
    words = ["ดำเนินการ", "ผู้อำนวยการ", "พัฒนาทักษะด้านดิจิทัล", "ผู้บังคับบัญชา"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda w: renderer.render(_html(w), format="A4"), words))
    for word, content in zip(words, results, strict=True):
        assert word in pdf_text(content)
    worker = renderer._worker
    assert worker is not None
    renderer.render(_html("อีกครั้ง"), format="A4")
    assert renderer._worker is worker  # the same thread (and browser) served the next one


def test_works_where_an_asyncio_loop_is_running(renderer: ChromiumPdf) -> None:
    """Like an ASGI request: the calling thread runs an event loop; the sync API must not run there."""

    async def inside_a_loop() -> bytes:
        return renderer.render(_html("น้ำท่วมทำนา"), format="A4")

    # A thread of its own: the test's main thread may already host Playwright's loop (browser journeys).
    with ThreadPoolExecutor(max_workers=1) as pool:
        content = pool.submit(asyncio.run, inside_a_loop()).result()
    assert "น้ำท่วมทำนา" in pdf_text(content)


def test_nothing_is_fetched_from_the_network(renderer: ChromiumPdf) -> None:
    """Remote images and styles are refused; the document still prints."""
    html = _html(
        'ทดสอบ<img src="http://192.0.2.1/x.png"><link rel="stylesheet" href="http://192.0.2.1/a.css">'
    )
    assert "ทดสอบ" in pdf_text(renderer.render(html, format="A4"))


def test_scripts_in_the_document_do_not_run(renderer: ChromiumPdf) -> None:
    html = _html(
        '<span id="x">ข้อความเดิม</span><script>document.getElementById("x").textContent = "RAN"</script>'
    )
    text = pdf_text(renderer.render(html, format="A4"))
    assert "ข้อความเดิม" in text and "RAN" not in text


def test_missing_chromium_is_a_clear_error() -> None:
    pdf = ChromiumPdf("/nonexistent/chromium")
    with pytest.raises(PdfUnavailable, match="Chromium not found at /nonexistent/chromium"):
        pdf.render(_html("x"))


def test_a_bad_option_fails_that_document_only(renderer: ChromiumPdf) -> None:
    with pytest.raises(Exception, match="format"):
        renderer.render(_html("x"), format="NO-SUCH-PAPER")
    assert "ยังทำงานได้" in pdf_text(renderer.render(_html("ยังทำงานได้"), format="A4"))


def test_an_idle_worker_stops_and_a_new_one_starts_on_demand() -> None:
    pdf = ChromiumPdf(idle_seconds=0.2)
    try:
        pdf.render(_html("ก่อน"), format="A4")
        first = pdf._worker
        assert first is not None
        deadline = time.monotonic() + 20
        while first.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not first.thread.is_alive() and pdf._worker is None
        assert "หลัง" in pdf_text(pdf.render(_html("หลัง"), format="A4"))
        assert pdf._worker is not first
    finally:
        pdf.close()


def test_close_stops_the_worker(renderer: ChromiumPdf) -> None:
    renderer.render(_html("x"), format="A4")
    worker = renderer._worker
    assert worker is not None
    renderer.close()
    assert not worker.thread.is_alive()
