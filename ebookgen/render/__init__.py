"""Rendering: the model as XHTML, once, for both writers."""
