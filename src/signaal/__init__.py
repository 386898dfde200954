"""Signaal: structured signals, meldcode steps and a referral PDF, fully offline."""

__version__ = "0.1.0"
