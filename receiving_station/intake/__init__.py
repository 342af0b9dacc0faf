"""RMA intake: files from the store platforms read into RMAs the station can hold.

Pure parsing (standard library only): each format turns a file into :class:`IncomingRma`
records and, for whatever it cannot read, problems that say where (a CSV line, a JSON path)
and why. Applying them to the database is :mod:`receiving_station.services.importing`.
"""
