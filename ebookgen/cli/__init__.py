"""The command line: option declarations and one library call per command."""
