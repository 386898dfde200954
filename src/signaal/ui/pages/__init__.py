"""One module per step of the flow; each page reads and writes the session's case."""
