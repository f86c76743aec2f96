"""Functions that return rx.Component: building blocks for every page."""
