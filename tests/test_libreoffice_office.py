"""The LibreOffice a command keeps (libreoffice.Office), without LibreOffice itself: its
conversions one at a time, and nothing left behind when it is closed."""

import threading
import time
from pathlib import Path

from committeepack import libreoffice


def test_closing_waits_for_a_conversion_under_way_so_no_profile_is_left(monkeypatch, tmp_path):
    started = threading.Event()

    def slow_convert(soffice, files, folder, export="pdf", profile=None):
        started.set()
        time.sleep(0.3)
        Path(profile, "user").mkdir(parents=True)  # as LibreOffice fills its profile in

    monkeypatch.setattr(libreoffice, "convert", slow_convert)
    office = libreoffice.Office("soffice")
    profile = Path(office._profile)
    worker = threading.Thread(target=office.convert, args=([tmp_path / "a.docx"], tmp_path))
    worker.start()
    started.wait(5)
    office.close()  # from another thread, while the conversion runs
    worker.join()
    assert not profile.exists()


def test_conversions_from_two_threads_are_handed_over_one_at_a_time(monkeypatch, tmp_path):
    running, overlaps = [], []

    def convert(soffice, files, folder, export="pdf", profile=None):
        overlaps.append(bool(running))
        running.append(files)
        time.sleep(0.05)
        running.remove(files)

    monkeypatch.setattr(libreoffice, "convert", convert)
    with libreoffice.Office("soffice") as office:
        threads = [
            threading.Thread(target=office.convert, args=([tmp_path / f"{n}.docx"], tmp_path))
            for n in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert overlaps == [False] * 4
