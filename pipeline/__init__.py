"""The one place the stages are wired: extract → tables → ner → records."""
from pipeline.run import extract_bytes, extract_file, run_stages
from pipeline.version import extractor_version

__all__ = ["extract_bytes", "extract_file", "extractor_version", "run_stages"]
