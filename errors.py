"""One base exception for the project, one subclass per stage.

Each error names the file, document or query it is about and says what to do.
Only `cli.py` turns them into exit codes.
"""

from __future__ import annotations


class SocialKGError(Exception):
    """Base class: every error socialkg raises on purpose."""

    code = "SKG000"

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        self.path = path
        self.hint = hint
        self.message = message
        super().__init__(self.describe())

    def describe(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class SourceError(SocialKGError):
    """A source file could not be read or is not something socialkg can load."""

    code = "SKG100"


class RDFSyntaxError(SourceError):
    """An RDF file has a syntax error; message carries line and column."""

    code = "SKG110"


class ExtractionError(SocialKGError):
    code = "SKG200"


class StoreError(SocialKGError):
    code = "SKG300"


class StoreLockedError(StoreError):
    """Another process has the store open for writing."""

    code = "SKG310"


class QueryError(SocialKGError):
    code = "SKG400"


class QuerySyntaxError(QueryError):
    code = "SKG410"


class QueryTimeoutError(QueryError):
    code = "SKG420"


class ReadOnlyQueryError(QueryError):
    code = "SKG430"


class ValidationError(SocialKGError):
    code = "SKG500"


# Source problems, one class per kind, so callers (and the CLI's exit codes) can tell
# "fix the file" from "raise a limit" from "this is not an article at all".


class SourceNotFoundError(SourceError):
    """A path given to socialkg does not exist or cannot be opened."""

    code = "SKG101"


class SourceTooLargeError(SourceError):
    """A file is over the size limit (`--max-size`)."""

    code = "SKG102"


class EmptySourceError(SourceError):
    """A file is empty, or nothing is left of it once page furniture is removed."""

    code = "SKG103"


class UnsupportedSourceError(SourceError):
    """A binary file, PDF, spreadsheet, archive, image or an unknown file type."""

    code = "SKG104"


class NotAnArticleError(SourceError):
    """Readable text that is not an article: a log file, a CSV table, a word list."""

    code = "SKG105"


class DecodingError(SourceError):
    """The bytes could not be decoded as UTF-8, cp1250 or ISO-8859-2."""

    code = "SKG106"
