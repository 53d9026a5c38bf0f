"""Exception types, kept in a leaf module so every layer can raise them without importing upward."""

from __future__ import annotations


class VeilleError(Exception):
    """Base class: anything veille reports to a user as a one-line error."""


class InputError(VeilleError):
    """An input item could not be read or analysed. ``item`` names it for the one-line report."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class UnsupportedLanguage(InputError):
    """The article is in a language veille has no pipeline for; reported, never guessed."""

    def __init__(self, item: str, lang: str) -> None:
        super().__init__(item, f"unsupported language {lang!r}: not French or English (veille analyses fr and en; "
                               "--lang tells the language when the text is too short to tell)")
        self.lang = lang


class ConfigError(VeilleError):
    """A setting or a file a setting names (the user's actor dictionary) cannot be used; said in one line."""
