#!/usr/bin/env python3
"""Stand-in camcops_server as a Python script, for `--python` / `--camcops x.py` runs.

It replaces itself (same process id) with the Node stand-in next to it, passing every
argument on, and notes in FAKE_CAMCOPS_VIA which interpreter ran it (recorded as `via`).
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
node = os.environ.get("FAKE_CAMCOPS_NODE", "node")
os.environ["FAKE_CAMCOPS_VIA"] = sys.executable
os.execvp(node, [node, os.path.join(here, "camcops_server.js")] + sys.argv[1:])
