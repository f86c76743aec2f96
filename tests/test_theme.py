"""Only the colour scales in jouw_omgeving.theme reach the browser: the code uses no other."""

import re
from pathlib import Path

import rxconfig
from jouw_omgeving.theme import COLOR_SCALES, LeanRadixThemesPlugin

PACKAGE = Path(__file__).resolve().parents[1] / "jouw_omgeving"
# color_scheme="red", color_scheme=rx.cond(x, "gray", "indigo"), accent_color="indigo", ...
_COLOR_ARGUMENT = re.compile(r"(?:color_scheme|accent_color|gray_color|color)\s*=\s*([^\n]+)")
_NAME = re.compile(r"[\"']([a-z]+)[\"']")
# Every Radix colour scale; a quoted word that is one of these is a colour choice.
RADIX_SCALES = set(
    [
        "gray",
        "mauve",
        "slate",
        "sage",
        "olive",
        "sand",
        "tomato",
        "red",
        "ruby",
        "crimson",
        "pink",
        "plum",
        "purple",
        "violet",
        "iris",
        "indigo",
        "blue",
        "cyan",
        "teal",
        "jade",
        "green",
        "grass",
        "bronze",
        "gold",
        "brown",
        "orange",
        "amber",
        "yellow",
        "lime",
        "mint",
        "sky",
    ]
)


def _used_scales() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for argument in _COLOR_ARGUMENT.findall(path.read_text(encoding="utf-8")):
            for name in _NAME.findall(argument):
                if name in RADIX_SCALES:
                    used.setdefault(name, set()).add(path.name)
    return used


def test_every_colour_scale_in_the_code_has_its_css():
    missing = {name: files for name, files in _used_scales().items() if name not in COLOR_SCALES}
    assert missing == {}, "add these scales to jouw_omgeving.theme.COLOR_SCALES"


def test_the_app_uses_the_lean_stylesheet():
    [plugin] = [p for p in rxconfig.config.plugins if isinstance(p, LeanRadixThemesPlugin)]
    sheets = plugin.get_stylesheet_paths()
    assert "@radix-ui/themes/styles.css" not in sheets
    assert {f"@radix-ui/themes/tokens/colors/{scale}.css" for scale in COLOR_SCALES} <= set(sheets)
    assert plugin.get_frontend_dependencies() == ()
