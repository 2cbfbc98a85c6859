"""One report through every stage: file -> text -> mentions -> indicator figures -> rows.

``Extractor.extract_file`` never raises for a bad report: the result carries the error, so a
batch goes on and the report still has its row in reports.csv.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .config import Config, Jurisdiction
from .errors import UnreadableReport
from .grammar import plan_regions
from .headline import choose_primary
from .indicators import Figure, IndicatorMapper
from .mentions import Mention, MentionFinder
from .metadata import adcode, detect
from .readers import ReportText, read_report
from .scope import Coverage, Scope, scope_of
from .table_figures import template_figures, with_table_figures
from .table_rows import row_figures
from .template import TemplateReading
from .text import Document, prepare, to_simplified


@dataclass(frozen=True)
class IndicatorFigure:
    """A figure with its scope and headline flag: one row of indicators.csv."""

    figure: Figure
    scope: Scope
    primary: bool = False

    @property
    def indicator(self) -> str:
        return self.figure.indicator

    @property
    def value(self) -> float:
        return self.figure.value

    @property
    def qualifier(self) -> str:
        return self.figure.qualifier

    @property
    def coverage(self) -> Coverage:
        return self.scope.coverage

    @property
    def start(self) -> int:
        return self.figure.mention.start

    @property
    def weak(self) -> bool:
        return self.figure.weak


@dataclass
class ReportResult:
    """Everything extracted from one report, or why nothing could be."""

    jurisdiction: Jurisdiction
    source: str  # the text offsets refer to: relative to the project root, with / separators
    original: str = ""  # the file as given (a .docx or .pdf; the same as source for UTF-8 text)
    report: ReportText | None = None
    doc: Document | None = None
    mentions: list[Mention] = field(default_factory=list)
    figures: list[IndicatorFigure] = field(default_factory=list)
    error: str | None = None
    template: TemplateReading | None = None  # the disclosure template's tables, read and summed

    @property
    def ok(self) -> bool:
        return self.error is None


class Extractor:
    """Extraction with one config: build once, run on many reports."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.finder = MentionFinder(config.numbers)
        self.mapper = IndicatorMapper(config)

    def extract_text(
        self, text: str, names: tuple[str, ...] = (), year: int | None = None
    ) -> tuple[Document, list[Mention], list[IndicatorFigure]]:
        """Mentions and indicator figures of one report's text.

        ``names`` are the place's names and ``year`` the report year, both used for scope.
        """
        return self.extract_doc(prepare(text, self.config.chrome_lines), names, year)

    def extract_doc(
        self, doc: Document, names: tuple[str, ...] = (), year: int | None = None
    ) -> tuple[Document, list[Mention], list[IndicatorFigure]]:
        """Mentions and indicator figures of a prepared report."""
        mentions = self.finder.find(doc)
        figures = self.mapper.map(doc, mentions)
        counts = [m.start for m in mentions if m.unit_kind == "count"]
        plans = plan_regions(doc.analysis, self.config.grammar, year)
        scoped = []
        for f in figures:
            m = f.mention
            before = counts[bisect.bisect_left(counts, m.clause.start):bisect.bisect_left(counts, m.start)]
            scope = scope_of(doc, f, self.config.scope, before, names, year, self.config.grammar, plans)
            if scope.coverage != Coverage.TARGET:  # a plan or target is no figure of the report year
                scoped.append(IndicatorFigure(f, scope))
        primary = choose_primary(scoped)
        return doc, mentions, [replace(f, primary=p) for f, p in zip(scoped, primary, strict=True)]

    def extract_file(self, path: str | Path, jurisdiction: Jurisdiction | None = None) -> ReportResult:
        """Extract one report file; ``jurisdiction`` None means detect it from the text."""
        path = Path(path)
        source = relative_source(path, self.config.root)
        juris = jurisdiction or Jurisdiction(id=path.stem, report=source)
        if jurisdiction is not None and juris.adcode is None:  # declared without a code: from its names
            juris = replace(juris, adcode=adcode(juris.name_zh, juris.province, juris.prefecture))
        try:
            report = read_report(path)
        except UnreadableReport as e:
            return ReportResult(juris, source, source, error=e.problem)
        doc = prepare(report.text, self.config.chrome_lines)
        if not doc.analysis.strip():  # chrome rules blanked everything: nothing left to read
            return ReportResult(juris, source, source, report, doc, error=doc.note)
        if jurisdiction is None:
            d = detect(doc.analysis, doc.text, self.config.levels)
            juris = replace(juris, name_zh=d.name_zh, level=d.level, report_year=d.report_year,
                            agency=d.agency, province=d.province, prefecture=d.prefecture, adcode=d.adcode)
        names = place_names(juris.name_zh, self.config.levels)
        doc, mentions, figures = self.extract_doc(doc, names, juris.report_year)
        reading, from_tables = template_figures(self.config, report.tables)
        from_rows = row_figures(self.config, report.tables, juris.report_year,
                                skip=set(reading.tables) if reading is not None else set())
        figures = with_table_figures(figures, from_tables, from_rows)
        return ReportResult(juris, source, source, report, doc, mentions, figures, template=reading)


def keep_text(result: ReportResult, folder: Path, root: Path) -> None:
    """Save the extracted text of a Word, PDF, web-page, non-UTF-8 or UTF-8-with-BOM report into
    ``folder`` (UTF-8, no BOM) and point ``result.source`` at it, so that evidence round-trips
    through start/end with a plain ``open(source, encoding="utf-8")``."""
    if result.report is None or result.report.is_own_text:
        return
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / f"{result.jurisdiction.id}.txt"
    copy.write_text(result.report.text, encoding="utf-8")
    result.source = relative_source(copy, root)


def place_names(name_zh: str | None, levels: dict[str, str]) -> tuple[str, ...]:
    """南平市 -> ('南平市', '南平'): the name and, where it stays two characters or more, its stem."""
    if not name_zh:
        return ()
    name = to_simplified(name_zh)
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return (name, name[: -len(suffix)])
    return (name,)


def relative_source(path: Path, root: Path) -> str:
    """``path`` relative to the project root (with ../ when outside it), / separated."""
    rel = os.path.relpath(path.resolve(), _resolved(root))
    return Path(rel).as_posix()


@lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    """The project root, resolved once per process (it is asked for every report)."""
    return root.resolve()
