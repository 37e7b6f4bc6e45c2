"""`{{ entry.action|action_label }}`: the human label of an audit action."""

from django import template

from digiskill.accounts.audit import action_label as _action_label

register = template.Library()
register.filter("action_label", _action_label)
