"""The process-wide fork server, leased for one build (or one run of several): started with
matplotlib preloaded so that drawing processes fork from an interpreter that has imported it
once, and stopped afterwards, leaving the program's own fork-server settings as they were."""

from __future__ import annotations

import contextlib
import os
import threading


def default_start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


class ForkServerLease:
    """The process-wide fork server, borrowed for one build: started with matplotlib
    preloaded and stopped afterwards, leaving the program as it was. A server the program
    already runs is not touched: the pool is spawned instead."""

    def __init__(self) -> None:
        from multiprocessing import forkserver

        self._server = getattr(forkserver, "_forkserver", None)
        self._preload: list[str] | None = None

    def start(self) -> str:
        """The start method to use for the pool: ``forkserver`` when leased, else ``spawn``."""
        server = self._server
        if server is None or getattr(server, "_forkserver_pid", 1) is not None:
            return "spawn"  # running already (someone else's), or an unknown implementation
        self._preload = list(getattr(server, "_preload_modules", ["__main__"]))
        server.set_forkserver_preload([f"{__package__}.preload"])
        server.ensure_running()  # returns at once; the server imports matplotlib meanwhile
        return "forkserver"

    def stop(self) -> None:
        """Stop the server if this lease started it, and restore its preload list. The server
        is told to stop at once; a thread waits for its exit, so the build does not."""
        server = self._server
        if self._preload is None or server is None:
            return
        pid = getattr(server, "_forkserver_pid", None)
        alive = getattr(server, "_forkserver_alive_fd", None)
        if pid is not None and alive is not None:
            # what ForkServer._stop does, without waiting there for the server to exit
            with server._lock:
                os.close(alive)  # closing the "alive" descriptor asks the server to stop
                address = server._forkserver_address
                server._forkserver_alive_fd = server._forkserver_pid = None
                server._forkserver_address = None
            if isinstance(address, str) and not address.startswith("\0"):
                with contextlib.suppress(OSError):
                    os.unlink(address)
            threading.Thread(target=_reap, args=(pid,), daemon=True).start()
        server.set_forkserver_preload(self._preload)
        self._preload = None


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
