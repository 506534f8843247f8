"""The second peer for the benchmarks: the same cold build, every paper, done in one process
(the charts drawn in it, no drawing processes), ending as the command line does (without the
interpreter's teardown). What the build costs beyond this is what its processes cost.

Run in a project folder:  python benchmarks/one_process.py
"""

import os
import sys
from pathlib import Path

from committeepack.build import build
from committeepack.figures import drawer

drawer.POOL_MIN_CORES = 10**6  # never a pool: every chart is drawn in this process
build(Path.cwd(), page_numbers=False)
sys.stdout.flush()
os._exit(0)
