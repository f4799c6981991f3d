"""The cover wrap: back, spine and front on one sheet with bleed, sized from the interior's real page count.

``geometry`` works out the wrap from the printer's row (``pdf/printers.py``): trim, paper, pages; ``wrap``
typesets it (the blurb, the spine, a typographic front or the book's cover image); ``template`` draws the
same geometry's trim, folds, safe areas and barcode area for authors who design their own; ``preflight``
checks a cover PDF's size against an interior.
"""
