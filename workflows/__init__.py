"""Inspection workflows as data: schema, loader, step engine, grading and disposition rules."""
