"""Use cases: one transaction per user action, frozen values out, every write logged to history.

Each write has an inverse (``update`` with the old values, ``delete``/``restore``) so that the window's undo stack
is a list of service calls. Services never import Qt or SQLAlchemy.
"""
