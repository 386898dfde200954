"""The in-memory case and the pure rules that derive an explained assessment from it (no Qt)."""

from signaal.assessment.case import Case, Observation
from signaal.assessment.engine import assess
from signaal.assessment.result import Assessment

__all__ = ["Assessment", "Case", "Observation", "assess"]
