"""The few content ids the code itself must know, declared in one place.

Everything else the code learns from content. `check-content` verifies that each id here
exists in the catalog, so renaming one in content cannot silently switch a rule off.
"""

from __future__ import annotations

# The emergency number: shown when acute danger is reported and no routing rule gives a
# contact to call now.
EMERGENCY_CONTACT = "emergency-112"

# Contact ids the code names, checked against the catalog's contacts.
CONTACT_IDS = (EMERGENCY_CONTACT,)

# The concern whose level (none / possible / clear) the concern rules decide: the summaries
# the code writes for that level name it.
CHILD_SEXUAL_ABUSE = "child-sexual-abuse"

# Concern ids the code names, checked against the catalog's concerns.
CONCERN_IDS = (CHILD_SEXUAL_ABUSE,)

# The pages (by step key) that show guidance: a guidance's `page` names one of these.
GUIDANCE_PAGES = ("start", "signals", "meldcode", "outcome", "referral")
