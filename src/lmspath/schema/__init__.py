"""Pydantic schemas: they validate the data files and define the JSON Schema of the report."""
