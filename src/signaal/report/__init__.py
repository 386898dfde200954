"""The referral PDF, built in memory with reportlab (no Qt)."""

from signaal.report.render import render_referral

__all__ = ["render_referral"]
