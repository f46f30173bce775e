"""The command lines, on top of every other layer: ``python -m sdg16`` and ``python -m loaders``."""
