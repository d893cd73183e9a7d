"""Greetings made from Hebrew text: a speech engine behind one small interface (base.py),
Google Text-to-Speech or espeak-ng, chosen once per runtime from the settings (engines.py)."""
