"""One service per domain: queries composed into what a page, report or CLI needs, with the
rules applied here (privacy for incidents) so every caller gets the same answer."""
