"""Labels and printers: the label model, its renderers and the printer transports."""
