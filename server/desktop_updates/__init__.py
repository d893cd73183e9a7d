"""The desktop client's updates: which version clients should run, and its installers."""
