"""The de-escalation checklist pane: steps, cues, banner, caller type, phrases, its model."""
