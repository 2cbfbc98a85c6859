"""Shared fixtures: the project's real config and an extractor built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor, load_config
from extract.config import Config

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(ROOT / "config.yaml")


@pytest.fixture(scope="session")
def extractor(config: Config) -> Extractor:
    return Extractor(config)
