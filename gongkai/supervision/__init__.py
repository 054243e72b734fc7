"""Supervision: many agencies' annual reports at once. Pure Python, no Django.

collect   files under the paths a person names
reading   one file read and checked on its own (what a worker does)
engines   the workers: a local process pool (default) or a Dask cluster
folder    a folder check: read, pair consecutive years, re-run the Y- rules
pairing   which report is the same agency's last year
aggregate a region's tables summed, blank and unknown kept apart
compare   one report against another (year over year), cell by cell and text
risk      flags a supervising office looks at first, each with its evidence
summary   the one-row-per-file summary (XLSX, CSV, HTML); page: a report's marked tables
"""
