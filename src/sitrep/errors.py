"""The exception tree. Messages name the value, what was expected and what to do.

    SitrepError
     +-- InputError          a document or file sitrep cannot read
     |    +-- EmptyInput
     |    +-- BinaryInput
     |    +-- NotEnglish
     |    +-- TooLarge
     |    +-- MalformedLine
     +-- ResourceError       a model, gazetteer or knowledge file is missing or invalid
     +-- StoreError          the database refused or is unreachable
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """A document or file that cannot be coded."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class NotEnglish(InputError):
    pass


class TooLarge(InputError):
    pass


class MalformedLine(InputError):
    pass


class ResourceError(SitrepError):
    """A shipped or user resource (model, gazetteer, knowledge file) is missing or invalid."""


class StoreError(SitrepError):
    """The event store failed."""
