"""The server backend: PostgreSQL (15 or newer; its Debian package, or a database that
speaks its protocol). Only this package imports `psycopg`.

Each generation is a schema of its own (`publish`); `jixiao.live` names the live one.
A request reads the live name and searches that schema in one read-only transaction,
so it sees one generation throughout. Records are read once per generation and kept in
memory, as with Whoosh. Connections are pooled per process (made after a fork), and
searches may go to a read replica (`read_url`): a replica serves the generation its
copy of `jixiao.live` names.
"""

# Imports nothing: `python3 -m search.postgres_backend.cluster` runs without psycopg.
