"""The main window and what frames the panes: actions, theme, dock titles, help, settings, about."""
