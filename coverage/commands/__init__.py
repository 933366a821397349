"""The subcommands of ``media-coverage``: each module adds one parser and runs it."""
