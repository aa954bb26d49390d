"""The response templates pane: search, preview, favourites, its model."""
