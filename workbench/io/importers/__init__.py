"""Importers: one module per format, each exposing ``read(name, data) -> ImportBundle``."""
