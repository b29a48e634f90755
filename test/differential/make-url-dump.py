"""Reads a JSON array of URL strings on stdin; prints a JSON array of what SQLAlchemy's make_url makes of each.

Each result is {"ok": true, fields...} or {"ok": false, "type": <exception class>, "message": ...}.
Used by test/differential/database-url.test.ts; one process serves every case of a run.
"""

import json
import sys

import sqlalchemy
from sqlalchemy.engine.url import make_url


def describe(text):
    try:
        url = make_url(text)
    except Exception as error:  # every exception make_url raises is a refusal to compare
        return {"ok": False, "type": type(error).__name__, "message": str(error)}
    drivername = url.drivername
    return {
        "ok": True,
        "drivername": drivername,
        "dialect": url.get_backend_name(),
        "driver": drivername.split("+")[1] if "+" in drivername else None,
        "username": url.username,
        "password": url.password,
        "host": url.host,
        # Huge ports travel as text: a JSON number would lose digits on the way.
        "port": url.port if url.port is None or abs(url.port) < 2**53 else str(url.port),
        "database": url.database,
        "query": {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in url.query.items()
        },
        "repr": repr(url),
    }


def main():
    urls = json.load(sys.stdin)
    results = [describe(text) for text in urls]
    json.dump({"version": sqlalchemy.__version__, "results": results}, sys.stdout)


main()
