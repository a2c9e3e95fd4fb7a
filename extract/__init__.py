"""Newsline's extraction layer: articles in, dated events out.

Stages (each a small module over extract.model): ingest -> clean -> sentences -> timex -> actors -> events;
pipeline.py chains them, output.py stores the results, cli.py is `python -m extract`.
Knowledge (patterns, gazetteers, aliases, lexicons) lives in data files under extract/knowledge/.
"""
