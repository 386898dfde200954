"""A role that is itself a contact (Veilig Thuis) never reads advice to consult itself.

Routing already drops every rule that *refers* to a role's own contact. This catches the subtler
case: a rule that refers elsewhere but whose reason still names the role's own organisation
("…Veilig Thuis kan daarover meedenken") and can fire for that role.
"""

from __future__ import annotations

from signaal.content import Catalog
from signaal.content.models import Condition


def can_fire_for(condition: Condition, role: str) -> bool:
    """False only when the condition rules the role out: by roles_any, or a none_of on roles."""
    if condition.roles_any and role not in condition.roles_any:
        return False
    return not any(
        nested.roles_any
        and role in nested.roles_any
        and nested == Condition(roles_any=nested.roles_any)
        for nested in condition.none_of
    )


def test_no_reason_a_role_can_see_names_its_own_organisation(catalog: Catalog) -> None:
    offending = []
    for role in catalog.roles:
        if role.own_contact is None:
            continue
        name = catalog.contact(role.own_contact).name
        for rule in catalog.routing_rules:
            refers_to_own = any(target.contact == role.own_contact for target in rule.refer)
            if refers_to_own or not can_fire_for(rule.when, role.id):
                continue  # routing never fires a rule that refers a role to itself
            for language in ("nl", "en"):
                if name.get(language) in rule.reason.get(language):
                    offending.append((role.id, rule.id, language))
    assert offending == []
