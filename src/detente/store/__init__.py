"""Store: the embedded DuckDB file every stage writes to and every face reads from."""

from detente.store.store import AnalysedArticle, Store, StoredArticle

__all__ = ["AnalysedArticle", "Store", "StoredArticle"]
