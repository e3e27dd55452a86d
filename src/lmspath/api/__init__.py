"""The library calls behind the commands: load the data, run the engine, render."""
