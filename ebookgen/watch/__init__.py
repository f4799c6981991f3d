"""The writer's loop: rebuild the book whenever the manuscript is saved, and show it live in a browser."""
