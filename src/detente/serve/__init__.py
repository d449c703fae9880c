"""Serve: the REST API under /api/ and the dashboard under /, one process, over the Python API."""

from detente.serve.app import create_app

__all__ = ["create_app"]
