"""Tests of the built site in headless Chromium, offline (run by ``nox -s browser``)."""
