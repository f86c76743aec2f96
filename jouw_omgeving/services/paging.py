"""One way to cut a list into pages: clamp the size, count, clamp the page, fetch that page."""

from typing import Any

from sqlmodel import Session
from sqlmodel.sql.expression import Select, SelectOfScalar


def page_of(
    session: Session,
    *,
    count: SelectOfScalar[int],
    rows: Select[Any] | SelectOfScalar[Any],
    page: int,
    page_size: int,
    max_page_size: int = 50,
) -> tuple[list[Any], int, int, int]:
    """The rows of one page (``rows`` ordered, without limit), the total, the page, the pages.

    A page past the end shows the last one; a page size is kept between 1 and the maximum.
    """
    size = max(1, min(page_size, max_page_size))
    total = session.exec(count).one()
    pages = max(1, -(-total // size))
    page = max(0, min(page, pages - 1))
    found = session.exec(rows.limit(size).offset(page * size)).all()
    return list(found), total, page, pages
