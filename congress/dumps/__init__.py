"""Archive packages: the whole published archive as versioned JSON Lines files.

``export_archive`` (:mod:`.exporter`) writes one; ``import_archive`` (:mod:`.restorer`)
restores one into an empty database. The format is described in ``FORMAT.md`` beside this
file, which every package carries as its README.md.
"""
