"""Pure-Python domain: values, enums, text normalisation and anchoring. Imports neither Qt nor SQLAlchemy."""
