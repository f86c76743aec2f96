"""Deterministic demo data: a believable pilot for demos, a large set for benchmarks."""

from jouw_omgeving.demo.generator import DemoDataExistsError, demo_data_present, generate_demo
from jouw_omgeving.demo.scale import DemoScale, DemoSummary

__all__ = [
    "DemoDataExistsError",
    "DemoScale",
    "DemoSummary",
    "demo_data_present",
    "generate_demo",
]
