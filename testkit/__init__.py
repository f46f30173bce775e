"""The shared test harness: paths, AppTest and browser drivers, sign-in and download helpers.

Imported by ``tests/`` and by ``bench/`` (which must not import the tests themselves).
"""
