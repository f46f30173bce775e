"""The bottom package: what every layer shares; imports nothing of the project."""
