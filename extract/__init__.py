"""Extraction of government-service indicators from Chinese local-government reports.

reports -> text (readers, text) -> mentions (numbers, mentions) -> indicators (indicators,
scope, headline) -> frame (frame). ``python -m extract`` runs it all (cli).
"""

from .config import Config, load_config
from .errors import ConfigError, ExtractError, UnreadableReport
from .frame import INDICATOR_COLUMNS, indicators_frame, mentions_frame, read_indicators, reports_frame
from .pipeline import Extractor, ReportResult

__all__ = [
    "INDICATOR_COLUMNS", "Config", "ConfigError", "ExtractError", "Extractor", "ReportResult",
    "UnreadableReport", "indicators_frame", "load_config", "mentions_frame", "read_indicators",
    "reports_frame",
]
