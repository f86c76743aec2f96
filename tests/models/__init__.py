"""Tests of the data model: constraints, indexes and column types on every database."""
