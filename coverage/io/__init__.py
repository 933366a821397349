"""Reading articles: files of every supported kind, the manifest, cleaning, adding an article.

Nothing here measures anything: these functions turn a data folder into the
corpus table (:data:`coverage.schema.CORPUS_COLUMNS`) that every measure reads.
"""

from coverage.io.add import add_article
from coverage.io.cleaning import clean_text
from coverage.io.corpus import MANIFEST, load_corpus, parse_date, read_manifest, removed_lines
from coverage.io.outlets import read_outlets
from coverage.io.readers import SUPPORTED, read_file

__all__ = ["MANIFEST", "SUPPORTED", "add_article", "clean_text", "load_corpus", "parse_date", "read_file",
           "read_manifest", "read_outlets", "removed_lines"]
