"""Load test of the websocket: simulated participants and counsellors beside a bare echo.

Run ``.venv/bin/python -m bench.load --help``; see the README's operators' section.
"""
