"""Text from articles made safe to print on a terminal.

Articles are untrusted: a title holding ``ESC ] 0 ; … BEL`` or ``ESC [ 2 J`` would retitle or clear the
reader's terminal if printed raw. Control characters other than tab and newline are shown as ``\\xNN``;
JSON output needs nothing (``json.dumps`` escapes them already).
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every C0/C1 control character but tab and newline written out as ``\\xNN``."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
