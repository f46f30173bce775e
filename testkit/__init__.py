"""Shared test and bench harness: servers, browsers, fixtures' building blocks."""
