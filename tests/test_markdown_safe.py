"""Content Markdown is rendered without raw HTML (rx.markdown's default would render it)."""

import reflex as rx

from jouw_omgeving.components.markdown_safe import safe_markdown
from jouw_omgeving.services.content_text import safe_markdown as escaped


def test_rx_markdown_renders_raw_html_by_default_ours_does_not():
    assert "rehypeRaw" in str(rx.markdown("x"))  # why the component exists
    rendered = str(safe_markdown("x"))
    assert "rehypeRaw" not in rendered and "rehypeKatex" not in rendered


def test_tags_and_images_become_text():
    body = escaped('<script>alert(1)</script> <img src=x onerror="alert(2)"> ![a](http://x/y.png)')
    assert "<" not in body
    assert body.startswith("&lt;script>") and "!\\[a]" in body
