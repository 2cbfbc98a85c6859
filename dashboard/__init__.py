"""The dashboard's computation: data loading, labels, tables and figures. No page layout here.

Pages in ``pages/`` select and draw; everything they show is computed by these modules, which
tests call directly.
"""
