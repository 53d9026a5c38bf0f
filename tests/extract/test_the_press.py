"""Issue 12, thirteenth round, on a real corpus sentence (not held out or unseen): « la presse » is the press as a
whole (role noun marked collective), never the outlet named last; before, "Donald Trump a profité de cette prise de
parole pour critiquer la presse" accused the RNC, the last organisation of the media kind named before it."""

from __future__ import annotations

from tests.conftest import events_in


def test_criticising_the_press_accuses_no_outlet_named_before():
    assert all(r != "RNC" for _, _, r in events_in("winer-fr:2017_01_22-006", "pour critiquer la presse"))
