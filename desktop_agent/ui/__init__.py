"""Qt only: the operator window (composes panes), one module per pane, themes and translations."""
