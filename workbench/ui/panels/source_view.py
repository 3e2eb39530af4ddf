"""A read-only view of one source's text with claim highlights.

Highlights come from an :class:`~workbench.core.intervals.IntervalIndex` through per-block formats set on the
blocks that have marks (:class:`SpanHighlighter`): painting a block looks up only the marks overlapping it, and
adding one highlight re-paints only the blocks it covers (never the whole document, never ``setExtraSelections``
for every span). Appearances are a background in the claim's verdict colour (darker where two claims overlap);
evidence is an underline in the stance's colour, so both stay visible where they overlap. Offsets arrive in code
points and are converted to Qt's UTF-16 positions by :class:`~workbench.core.utf16.Utf16Map` only.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from workbench.core.intervals import IntervalIndex, Mark
from workbench.core.utf16 import Utf16Map
from workbench.ui.theme import stance_colors

STANCE_COLORS = {"supports": "#1b7a34", "refutes": "#b02a1e", "context": "#2359b8"}
"""Stance roles (light theme values; the highlighter takes the current theme's from :mod:`workbench.ui.theme`)."""
UNRATED = "#f2c14e"


_FONT_PROPERTIES = range(QTextFormat.Property.FirstFontProperty.value, QTextFormat.Property.LastFontProperty.value + 1)
_LINE_ONLY = {QTextFormat.Property.FontUnderline.value, QTextFormat.Property.FontOverline.value,
              QTextFormat.Property.FontStrikeOut.value}


def _paint_only(fmt: QTextFormat) -> bool:
    """Whether a format changes colours and lines only, never the font's metrics (so never where lines wrap)."""
    return all(p not in _FONT_PROPERTIES or p in _LINE_ONLY for p in fmt.properties())


class SpanHighlighter(QObject):
    """Paints the marks that overlap each block, on the blocks that have marks only.

    Not a ``QSyntaxHighlighter``: that one visits every block of the document when the text is set (a 1 MB source has
    ~12,000 blocks) and gives each a ``QTextLayout`` even when it has nothing to paint (~5 MiB and ~0.15 s per
    pane). Here the formats of a block are set on its layout directly, as ``QSyntaxHighlighter`` does, but only for
    the blocks a mark covers (and those that had one).
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        self.index = IntervalIndex()
        self.repaint_block: Callable[[QTextBlock], None] | None = None
        """Set by the view: repaints one block whose formats changed and whose lines did not (see _dirty)."""
        self._formats: dict[tuple[str, int, str], QTextCharFormat] = {}
        self._painted: set[int] = set()  # block numbers that carry formats
        self._boilerplate = QTextCharFormat()
        self._boilerplate.setForeground(QColor("#8a8a8a"))
        self._boilerplate.setFontItalic(True)

    def document(self) -> QTextDocument:
        """The document painted."""
        return self._document

    def reset_theme(self) -> None:
        """The theme changed: rebuild the formats (stance colours differ per theme) and repaint."""
        self._formats.clear()
        self.rehighlight()

    def rehighlight(self) -> None:
        """Repaint every block that has, or had, a mark (after the text or the whole index changed)."""
        doc = self._document
        numbers = set(self._painted)
        for mark in self.index:
            first, last = doc.findBlock(mark.start), doc.findBlock(max(mark.start, mark.end - 1))
            if first.isValid():
                numbers.update(range(first.blockNumber(), (last if last.isValid() else first).blockNumber() + 1))
        for number in sorted(numbers):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
            else:
                self._painted.discard(number)

    def text_replaced(self) -> None:
        """The document got a new text: no block carries formats any more; paint the marks."""
        self._painted.clear()
        self.rehighlight()

    def _format(self, background: str, depth: int, underline: str) -> QTextCharFormat:
        key = (background, depth, underline)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if background:
                color = QColor(background)
                color.setAlpha(min(255, 70 + 60 * depth))
                fmt.setBackground(color)
            if underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(underline))
                fmt.setFontUnderline(True)
                fmt.setForeground(QColor(underline))
            self._formats[key] = fmt
        return fmt

    def block_formats(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        """The format ranges of the marks overlapping ``block`` (positions inside the block)."""
        lo = block.position()
        hi = lo + block.length()
        marks = self.index.overlapping(lo, hi)
        out: list[QTextLayout.FormatRange] = []
        if not marks:
            return out
        cuts = sorted({lo, hi - 1, *(max(lo, m.start) for m in marks), *(min(hi - 1, m.end) for m in marks)})
        for a, b in itertools.pairwise(cuts):
            if b <= a:
                continue
            inside = [m for m in marks if m.start <= a and m.end >= b]
            if not inside:
                continue
            apps = [m for m in inside if m.role == "appearance"]
            evs = [m for m in inside if m.role in STANCE_COLORS]
            if not apps and not evs:  # only boilerplate: grey italics, so nobody quotes it as the article
                fmt = self._boilerplate
            else:
                fmt = self._format(apps[-1].color if apps else "", max(0, len(apps) - 1),
                                   stance_colors().get(evs[-1].role, "#555") if evs else "")
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = a - lo, b - a, fmt
            out.append(rng)
        return out

    def rehighlightBlock(self, block: QTextBlock) -> None:
        """Set the block's formats from the marks that overlap it."""
        ranges = self.block_formats(block)
        number = block.blockNumber()
        if not ranges and number not in self._painted:
            return  # nothing painted, nothing to paint: the block keeps no layout of its own
        layout = block.layout()
        paint_only = all(_paint_only(r.format) for r in itertools.chain(layout.formats(), ranges))
        layout.setFormats(ranges)
        self._dirty(block, paint_only)
        if ranges:
            self._painted.add(number)
        else:
            self._painted.discard(number)

    def _dirty(self, block: QTextBlock, paint_only: bool) -> None:
        """Have the block laid out again with its new formats, and repainted.

        ``QPlainTextEdit`` repaints its whole viewport after any ``markContentsDirty`` (a verdict change repainted
        every line shown in every pane). When the old and new formats change colours and lines only, the block
        keeps its lines and height: it is laid out with the layout's signals held, and only its own rectangle is
        repainted by the view. Formats that change the font's metrics (the grey italics) take Qt's own path.
        """
        if not paint_only or self.repaint_block is None:
            self._document.markContentsDirty(block.position(), block.length())
            return
        layout = self._document.documentLayout()
        held = layout.blockSignals(True)
        try:
            self._document.markContentsDirty(block.position(), block.length())
        finally:
            layout.blockSignals(held)
        self.repaint_block(block)

    def repaint_range(self, start: int, end: int) -> None:
        """Re-highlight only the blocks covering ``[start, end)`` (UTF-16 positions)."""
        self.repaint_ranges([(start, end)])

    def repaint_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Re-highlight the blocks covering these ranges, each block once (a mark replaced by one in its place)."""
        doc = self.document()
        done: set[int] = set()
        for start, end in ranges:
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                if block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    self.rehighlightBlock(block)
                block = block.next()


class AlignmentGutter(QWidget):
    """A thin margin beside the text marking passages aligned with another source (after a comparison)."""

    WIDTH = 7

    def __init__(self, view: SourceView) -> None:
        super().__init__(view)
        self.view = view
        self.ranges = IntervalIndex()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Passage aligned with another source: click to show its counterpart"))

    def paintEvent(self, event: object) -> None:
        """Bars beside the visible blocks that hold aligned passages."""
        from PySide6.QtGui import QPainter

        if not len(self.ranges):
            return
        painter = QPainter(self)
        color = QColor("#2e6fd8")
        color.setAlpha(150)
        view = self.view
        block = view.firstVisibleBlock()
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        while block.isValid() and top <= self.height():
            height = view.blockBoundingRect(block).height()
            if self.ranges.overlapping(block.position(), block.position() + block.length()):
                painter.fillRect(1, int(top) + 1, self.WIDTH - 2, max(1, int(height) - 2), color)
            top += height
            block = block.next()
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking a bar asks for the counterpart of that passage."""
        cursor = self.view.cursorForPosition(QPoint(0, int(event.position().y())))
        marks = self.ranges.overlapping(cursor.block().position(), cursor.block().position() + cursor.block().length())
        if marks:
            self.view.sig_alignment_clicked.emit(self.view._map.to_cp(marks[0].start))


class SourceView(QPlainTextEdit):
    """Read-only text of one source; reports clicks and hovers on highlights."""

    sig_claim_clicked = Signal(int)
    """A highlight was clicked: the claim id."""
    sig_context_menu = Signal(QMenu)
    """A context menu is about to show: the main window adds its actions."""
    sig_alignment_clicked = Signal(int)
    """The alignment margin was clicked at a passage starting at this code-point offset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.highlighter = SpanHighlighter(self.document())
        self.highlighter.repaint_block = self._repaint_block
        self._map = Utf16Map("")
        self._text = ""
        self.claim_text: dict[int, str] = {}
        self.number_of: Any = lambda claim_id: claim_id  # per-dossier claim numbers (set by the window)
        self.gutter = AlignmentGutter(self)
        self.updateRequest.connect(lambda _rect, _dy: self.gutter.update())
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))
        self.loading = False
        """The text is being read on the database worker: :meth:`show_range` and :meth:`keep_marked` wait for it."""
        self._after_load: Callable[[], None] | None = None

    # --- content ------------------------------------------------------------------------------------------

    def set_loading(self, message: str) -> None:
        """Empty the view while its text is read elsewhere; ``message`` shows in its place."""
        self.loading = True
        self._after_load = None
        self.set_content("", [])
        self.loading = True
        self.setPlaceholderText(message)

    def cancel_loading(self) -> None:
        """The text could not be read: an empty view, and what waited for the text is dropped."""
        self._after_load = None
        self.set_content("", [])

    def set_content(self, text: str, marks: list[tuple[int, int, int, str, str, int]]) -> None:
        """Show ``text`` with marks ``(start_cp, end_cp, claim_id, role, color, span_id)``."""
        self._text = text
        self._map = Utf16Map(text)
        self.highlighter.index = IntervalIndex(self._to_mark(*m) for m in marks)
        self.setPlainText(text)
        self.highlighter.text_replaced()
        self.setPlaceholderText("")
        self.loading = False
        after, self._after_load = self._after_load, None
        if after is not None:
            after()

    def _repaint_block(self, block: QTextBlock) -> None:
        """Repaint one block's rectangle, if it is in sight (its formats changed, its lines did not)."""
        viewport = self.viewport()
        # Out of sight is known without geometry: Qt finds a block's place by laying out every block from the first
        # visible one down to it (a mark at the end of a 1 MB text: 12,000 blocks laid out for nothing).
        first = self.firstVisibleBlock().blockNumber()
        lines = viewport.height() // max(1, self.fontMetrics().lineSpacing()) + 1  # a block is at least one line
        if not first <= block.blockNumber() <= first + lines:
            return
        rect = self.blockBoundingGeometry(block).translated(self.contentOffset()).toAlignedRect()
        rect.setLeft(0)
        rect.setRight(viewport.width())
        if rect.intersects(viewport.rect()):
            viewport.update(rect.adjusted(0, -1, 0, 1))

    def _to_mark(self, start: int, end: int, claim_id: int, role: str, color: str, span_id: int = 0) -> Mark:
        return Mark(self._map.to_utf16(start), self._map.to_utf16(end), claim_id, role, color, span_id)

    def set_alignments(self, ranges: list[tuple[int, int]]) -> None:
        """Mark aligned passages (code points) in the margin; an empty list hides the margin."""
        self.gutter.ranges = IntervalIndex(
            Mark(self._map.to_utf16(a), self._map.to_utf16(b), 0, "aligned", "") for a, b in ranges
        )
        self.setViewportMargins(AlignmentGutter.WIDTH if ranges else 0, 0, 0, 0)
        self._place_gutter()
        self.gutter.update()

    def _place_gutter(self) -> None:
        rect = self.contentsRect()
        width = AlignmentGutter.WIDTH if len(self.gutter.ranges) else 0
        self.gutter.setGeometry(rect.left(), rect.top(), width, rect.height())

    def resizeEvent(self, event: object) -> None:
        """Keep the margin beside the text."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_gutter()

    def cursor_cp(self) -> int:
        """Code-point offset of the text cursor."""
        return self._map.to_cp(self.textCursor().position())

    def first_visible_cp(self) -> int:
        """Code-point offset of the first visible block (for alignment-driven scrolling)."""
        return self._map.to_cp(self.firstVisibleBlock().position())

    def scroll_to_cp(self, cp: int) -> None:
        """Scroll so that the block holding ``cp`` is the first visible one."""
        block = self.document().findBlock(self._map.to_utf16(cp))
        if block.isValid():
            self.verticalScrollBar().setValue(block.firstLineNumber())

    def add_mark(self, start: int, end: int, claim_id: int, role: str, color: str, span_id: int = 0) -> None:
        """Highlight one more span (re-paints only its blocks)."""
        mark = self._to_mark(start, end, claim_id, role, color, span_id)
        self.highlighter.index.add(mark)
        self.highlighter.repaint_range(mark.start, mark.end)

    def replace_claim_marks(self, claim_id: int, marks: list[tuple[int, int, str, str, int]]) -> None:
        """Replace every mark of one claim (after an edit, undo or verdict change)."""
        old = self.highlighter.index.remove_claim(claim_id)
        new = [self._to_mark(s, e, claim_id, role, color, sid) for s, e, role, color, sid in marks]
        for m in new:
            self.highlighter.index.add(m)
        self.highlighter.repaint_ranges((m.start, m.end) for m in old + new)

    def marks(self) -> IntervalIndex:
        """The highlight index (UTF-16 positions)."""
        return self.highlighter.index

    @property
    def text(self) -> str:
        """The source text shown (code points)."""
        return self._text

    # --- selection and positions (code points) ---------------------------------------------------------------

    def selection_cp(self) -> tuple[int, int] | None:
        """The selected range in code points, trimmed of surrounding spaces, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_cp(cursor.selectionStart())
        end = self._map.to_cp(cursor.selectionEnd())
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def select_cp(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def changeEvent(self, event: QEvent) -> None:
        """A live theme switch: stance colours follow the new page."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.reset_theme()

    def keep_marked(self, ranges: list[tuple[int, int]]) -> None:
        """Mark these ``[start, end)`` ranges (code points) until :meth:`clear_flash`; scroll to the first."""
        if not ranges:
            return
        if self.loading:  # shown when the text arrives
            self._after_load = lambda: self.keep_marked(ranges)
            return
        self.show_range(*ranges[0], keep=True)
        selections = []
        for start, end in ranges:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(self._map.to_utf16(start))
            sel.cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(QColor("#ffe066"))
            sel.format.setForeground(QColor("#000000"))
            selections.append(sel)
        self.setExtraSelections(selections)

    def clear_flash(self) -> None:
        """Remove a kept highlight (a Compare finding's span)."""
        self._flash_timer.stop()
        self.setExtraSelections([])

    def show_range(self, start: int, end: int, *, flash: bool = True, keep: bool = False) -> None:
        """Scroll to ``[start, end)`` (code points), centred, and flash it (``keep``: until :meth:`clear_flash`).

        While the text is loading, the range is kept and shown when the text arrives (the last one asked wins).
        """
        if self.loading:
            self._after_load = lambda: self.show_range(start, end, flash=flash, keep=keep)
            return
        u_start, u_end = self._map.to_utf16(start), self._map.to_utf16(end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(u_end)
        self.setTextCursor(cursor)
        cursor.setPosition(u_start)
        self.setTextCursor(cursor)
        self.centerCursor()
        if flash:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(u_start)
            sel.cursor.setPosition(u_end, QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(QColor("#ffe066"))
            sel.format.setForeground(QColor("#000000"))  # readable on the yellow in both themes
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            self.setExtraSelections([sel])
            if keep:
                self._flash_timer.stop()
            else:
                self._flash_timer.start(900)

    def marks_at_point(self, point: QPoint) -> list[Mark]:
        """Marks under a viewport point."""
        cursor = self.cursorForPosition(point)
        return self.highlighter.index.at(cursor.position())

    def block_of(self, position: int) -> QTextBlock:
        """Block holding a UTF-16 position."""
        return self.document().findBlock(position)

    # --- events -----------------------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        """Show the claims under the mouse as a tooltip."""
        if event.type() == QEvent.Type.ToolTip:
            marks = self.marks_at_point(event.pos())  # type: ignore[attr-defined]
            if marks:
                lines = []
                for m in marks:
                    if m.role == "boilerplate":
                        lines.append(self.tr("Scraped with the page (menu, caption, link): not the article"))
                        continue
                    stance = QCoreApplication.translate("Stance", m.role)
                    role = "" if m.role == "appearance" else f" ({stance})"
                    number = self.number_of(m.claim_id)
                    lines.append(f"#{number}{role}: {self.claim_text.get(m.claim_id, '')[:120]}")
                QToolTip.showText(event.globalPos(), "\n".join(dict.fromkeys(lines)), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A plain click on a highlight selects its claim."""
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            marks = [m for m in self.marks_at_point(event.position().toPoint()) if m.claim_id > 0]
            if marks:
                self.sig_claim_clicked.emit(marks[-1].claim_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Standard menu plus the workbench actions."""
        menu = self.createStandardContextMenu()
        menu.addSeparator()
        self.sig_context_menu.emit(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()
