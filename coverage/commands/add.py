"""``media-coverage add FILE``: copy an article into the corpus and list it."""

from __future__ import annotations

from pathlib import Path

from coverage.io.add import add_article
from coverage.commands._common import add_data_option

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("add", help="add one article file to data/raw/ and the manifest")
    parser.add_argument("file", type=Path, help="the article (.txt, .md, .html, .htm)")
    parser.add_argument("--outlet", required=True, help="outlet name, e.g. Forbes")
    parser.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    parser.add_argument("--title", default="")
    parser.add_argument("--url", default="")
    parser.add_argument("--author", default="")
    parser.add_argument("--id", dest="article_id", default="", help="article_id (default: outlet-date)")
    add_data_option(parser)
    parser.set_defaults(run=_run)


def _run(args) -> int:
    row = add_article(args.data, args.file, outlet=args.outlet, published=args.published,
                      title=args.title, url=args.url, author=args.author, article_id=args.article_id)
    print(f"added {row['article_id']} as {args.data / row['file']}; "
          "run `make figures` to see it in the figures")
    return 0
