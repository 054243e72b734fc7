"""Sub-commands of `gongkai`; see `gongkai.cli`. Each sets `run` as the parser default."""
