"""A cold build with the charts drawn where the first argument says, whatever the drawer's
rule would choose: ``pool`` (drawing processes, forked from the fork server) or ``inline``
(the build's own process). Used by drawing.py and bench.py.

Run:  python benchmarks/forced.py pool|inline PROJECT

As the command line runs it: no contents numbering (LibreOffice is not what is compared),
ended without the interpreter's teardown, and the drawing processes do not import this
script (they do not import the command line's ``committeepack.__main__`` either).
"""

import os
import sys
from pathlib import Path

del sys.modules["__main__"].__file__  # the fork server must not import this script

from committeepack.build import build  # noqa: E402
from committeepack.figures import drawer  # noqa: E402

if __name__ == "__main__":
    pool = sys.argv[1] == "pool"
    drawer.POOL_MIN_CORES, drawer.POOL_MIN_CHARTS = (1, 1) if pool else (10**6, 10**6)
    build(Path(sys.argv[2]), page_numbers=False)
    sys.stdout.flush()
    os._exit(0)
