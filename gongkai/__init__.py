"""gongkai (公开): Chinese government information disclosure, as exact data."""

__version__ = "0.1.0"
