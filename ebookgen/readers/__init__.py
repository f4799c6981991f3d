"""Reading: one reader per input format, chosen by the file's suffix before any byte is decoded."""
