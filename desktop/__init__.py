"""AgentLocator's desktop client for office agents (PySide6, Hebrew, right to left)."""
