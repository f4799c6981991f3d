"""The EPUB writer: a Book in, a valid EPUB 3 out, through ebooklib."""
