"""Speech to text behind one small interface (base.py), the provider chosen by `TRANSCRIBER`
(providers.py)."""
