"""Reading SQL lives here and only here: pure functions, a typed filter in, a frame out.

Every function takes the ``ReadOnlyDatabase`` to read from, so tests and the CLI can point them at
any store. The SQL is plain ANSI-style SQL so the same queries can move to Parquet or another
engine when one file is not enough.
"""
