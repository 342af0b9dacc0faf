"""The Qt desktop client: windows, pages, the scanner filter, workers, sounds."""
