"""Importers (file bytes -> ImportBundle) and exporters (ReportModel -> file bytes). No Qt, no database."""
