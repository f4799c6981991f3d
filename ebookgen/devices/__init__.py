"""Devices: putting a built book onto an e-reader."""
