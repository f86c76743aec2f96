"""Content Markdown on a page, with raw HTML switched off.

``rx.markdown`` renders raw HTML by default (the rehype-raw plugin). Content bodies are
already escaped by the service (``services/content_text.safe_markdown``); turning raw HTML
(and math) off here means a tag never becomes an element even if one slipped through.
"""

import reflex as rx


def safe_markdown(text: rx.Var | str, **props) -> rx.Component:
    """Render Markdown as text and structure only: no HTML, no scripts, no math."""
    return rx.markdown(text, use_raw=False, use_math=False, use_katex=False, **props)
