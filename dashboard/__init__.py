"""Newsline's dashboard: store.py queries the events, charts.py draws them, app.py lays out the page."""
