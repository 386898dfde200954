"""The content catalog: validated, sourced, bilingual data under resources/content/ (no Qt)."""

from signaal.content.catalog import Catalog
from signaal.content.loader import ContentError, ContentProblem, load_catalog
from signaal.content.models import Text

__all__ = ["Catalog", "ContentError", "ContentProblem", "Text", "load_catalog"]
