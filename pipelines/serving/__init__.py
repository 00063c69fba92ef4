"""Prediction server for the models the reference pipeline packages (``serving.server``).

Run ``python3 -m serving.server`` with ``pipelines/`` as the working directory or on
PYTHONPATH; see ``server.py`` and pipelines/README.md ("Serving").
"""
