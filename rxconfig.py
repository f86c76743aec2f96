"""Reflex configuration. Every value can be overridden by a REFLEX_<FIELD> variable."""

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

from jouw_omgeving.serving import respawn_failed_workers
from jouw_omgeving.theme import theme_plugin

# One backend worker that dies must not stop the app for everyone (see jouw_omgeving/serving.py).
respawn_failed_workers()

config = rx.Config(
    app_name="jouw_omgeving",
    # Embedded default; REFLEX_DB_URL overrides it (PostgreSQL in the scaled set-up).
    db_url="sqlite:///reflex.db",
    # Never report usage to anyone: this platform handles care data.
    telemetry_enabled=False,
    # Listen on loopback only; a reverse proxy in front serves the world.
    backend_host="127.0.0.1",
    show_built_with_reflex=False,
    # Only the app's own pages may open the event websocket (Reflex's default is any origin).
    # Set REFLEX_CORS_ALLOWED_ORIGINS to the public URL behind the reverse proxy.
    cors_allowed_origins=["http://localhost:3000", "http://127.0.0.1:3000"],
    # Memory, not disk: disk mode writes every client's state unencrypted to .states/.
    # With REFLEX_REDIS_URL set, Reflex keeps state in Redis instead (several workers).
    state_manager_mode="memory",
    # Indigo accent (passes WCAG AA contrast), and only the used colour scales' CSS.
    plugins=[theme_plugin()],
    # Libraries for components evaluated in the browser (the app has none) load only then.
    frontend_lazy_bundled_libraries=True,
    # Brotli for browsers that accept it (15-20% smaller than gzip), gzip for the rest.
    frontend_compression_formats=["brotli", "gzip"],
    disable_plugins=[SitemapPlugin],
)
