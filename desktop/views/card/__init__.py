"""The customer card: one window per customer, a tab per kind of record (one module each)."""

from desktop.views.card.card import CustomerCard

__all__ = ["CustomerCard"]
