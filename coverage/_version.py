"""The kit's version, in one place (read by the cache keys and ``media-coverage --version``)."""

__version__ = "0.1.0"
