"""The caller card (screen-pop): header, lists, the second caller's line, the provisional contact, its model."""
