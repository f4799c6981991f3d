"""Imposition: a print interior's pages placed on sheets that fold into signatures, for binding by hand.

``layouts`` folds a sheet on paper, in code, to learn where each page of a signature sits and which way up;
``plan`` splits the book into signatures and sheets; ``sheets`` draws them with pikepdf (pages as vectors);
``impose`` is the front door.
"""
