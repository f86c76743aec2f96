"""The Radix Themes set-up: the app's colours, and only their CSS.

Radix's ``styles.css`` carries the tokens of all 31 colour scales (about 180 KB before
compression), and every page loads it before its first paint. The app uses a handful of
scales, so the plugin imports Radix's documented pieces instead: the base tokens, the
scales in ``COLOR_SCALES``, the components and the utilities. A colour used in the code
must be listed here (tests/test_theme.py checks the code for ``color_scheme`` values).
Pages import only the Radix components they use (see ``get_frontend_dependencies``).
"""

import dataclasses
from typing import Any

import reflex as rx

ACCENT = "indigo"  # passes WCAG AA contrast on solid buttons; Radix's default blue does not
GRAY = "slate"
# Every colour scale the app shows: the accent, the grays, and the callouts/badges.
COLOR_SCALES: tuple[str, ...] = (ACCENT, GRAY, "gray", "red", "green", "orange")


@dataclasses.dataclass
class LeanRadixThemesPlugin(rx.plugins.RadixThemesPlugin):
    """Radix Themes with the stylesheet of the used colour scales only."""

    def get_stylesheet_paths(self, **context: Any) -> tuple[str, ...]:
        """Base tokens, the app's colour scales, components and utilities."""
        if not self.enabled:
            return ()
        return (
            "@radix-ui/themes/tokens/base.css",
            *(f"@radix-ui/themes/tokens/colors/{scale}.css" for scale in COLOR_SCALES),
            "@radix-ui/themes/components.css",
            "@radix-ui/themes/utilities.css",
        )

    def get_frontend_dependencies(self, **context: Any) -> tuple[str, ...]:
        """Nothing extra: the components install Radix Themes themselves.

        The base plugin also registers the package as a "bundled library" for components
        evaluated in the browser (the app has none), which imports Radix's whole namespace
        on every page (about 100 KiB compressed) and defeats tree-shaking.
        """
        return ()


def theme_plugin() -> LeanRadixThemesPlugin:
    """The plugin for rxconfig: indigo accent, slate grays, large radius."""
    return LeanRadixThemesPlugin(
        theme=rx.theme(accent_color=ACCENT, gray_color=GRAY, radius="large")
    )
