"""The baresip backend: netstring framing, the ctrl_tcp client, process supervision, BaresipSoftphone."""
