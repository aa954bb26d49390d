"""The call bar, the wrap-up pane, the dial pad, the personal KPI strip and the Qt adapter of the call desk."""
