"""CRM: connectors (the built-in one over store/, room for external CRMs), CSV import, the screen-pop."""
