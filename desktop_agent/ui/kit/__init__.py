"""Small shared pieces every feature uses: the pane base, the Qt bridge, translations, row painting."""
