"""The PDF writer: a Book in, a print-ready novel interior out, through WeasyPrint."""
