"""The ticket editor: header, form, history, actions, saving, linking, its models."""
