"""A consistent copy of the office while it runs (`gongkai backup`), and bringing it back
(`gongkai restore`): the database and the uploaded files in one archive.

The database is copied first, as of one instant (SQLite's online backup API; pg_dump's
snapshot on PostgreSQL), then the files: attachments are only ever added, so every file the
copied database names is in the archive. The archive is a tar file:

    manifest.json        format, database engine, time of the copy
    database.sqlite3     (SQLite) or database.pgdump (pg_dump's custom format)
    media/…              the uploaded files (MEDIA_ROOT)
"""
