"""Qt item models over frozen DTOs, one module per pane; tested without views."""
