"""Languages: which one to use, loading the .qm files, and words for the codes core returns.

Every user-visible string goes through Qt's translation system (`self.tr()`, or
`QCoreApplication.translate(context, ...)` for code without a QObject), so pyside6-lupdate finds it;
values go into it through Qt's %1 %2 placeholders and `fill()`.
Core returns codes (CallState, Refusal, EndReason); this module is where they become words.
Switching language at run time installs new translators; Qt then sends every widget a
LanguageChange event and each one re-applies its texts in `retranslate()`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_agent import paths
from desktop_agent.core.call_session import CallState, EndReason, Refusal

log = logging.getLogger(__name__)

LANGUAGES = ("ru", "en")
CATALOGUE = "desktop_agent"


def i18n_dir() -> Path:
    return paths.resources_dir() / "i18n"


def system_language(locale: QLocale | None = None) -> str:
    """Russian under a Russian system locale, else English."""
    locale = locale or QLocale.system()
    return "ru" if locale.language() == QLocale.Language.Russian else "en"


def current_language() -> str:
    """The language the interface shows now (Translations.install sets Qt's default locale)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def choose_language(requested: str | None, saved: str = "", locale: QLocale | None = None) -> str:
    """--lang wins, then the user's menu choice, then the system locale."""
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    return system_language(locale)


class Translations:
    """Owns the installed translators, ours and Qt's own (standard dialog buttons)."""

    def __init__(self, app: QCoreApplication, directory: Path | None = None) -> None:
        self._app = app
        self._dir = directory or i18n_dir()
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Switch to `language`. Returns False when our catalogue was missing (English is shown)."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed.clear()
        ours = QTranslator(self._app)
        loaded = ours.load(f"{CATALOGUE}_{language}", str(self._dir))
        if loaded:
            self._app.installTranslator(ours)
            self._installed.append(ours)
        elif language != "en":
            log.warning("no %s translation in %s: the interface stays English", language, self._dir)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(self._app)
        if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English))
        return loaded or language == "en"


def translated(context: str, text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP(context, text), in the current language."""
    return QCoreApplication.translate(context, text)


_PLACEHOLDER = re.compile(r"%([1-9][0-9]?)")


def fill(text: str, *values: object) -> str:
    """Qt's %1 … %99 placeholders in a translated string, filled in one pass.

    The one way values go into translated text (never `.replace("%1", …)` or `.format()`): the
    placeholders are what lupdate and Qt Linguist show, and a translation may put them in any order.
    %10 is the tenth value, not the first one followed by "0"; a value that contains "%2" stays as
    it is; a placeholder with no value stays in the text."""
    def value(match: re.Match[str]) -> str:
        i = int(match.group(1)) - 1
        return str(values[i]) if i < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


# ---- words for core codes --------------------------------------------------------------------

_STATE = {
    CallState.RINGING: QT_TRANSLATE_NOOP("CallWords", "Ringing"),
    CallState.TALKING: QT_TRANSLATE_NOOP("CallWords", "Talking"),
    CallState.HELD: QT_TRANSLATE_NOOP("CallWords", "On hold"),
    CallState.WRAPUP: QT_TRANSLATE_NOOP("CallWords", "Wrap-up"),
    CallState.DONE: QT_TRANSLATE_NOOP("CallWords", "Done"),
}

_REFUSAL = {
    Refusal.NOT_RINGING: QT_TRANSLATE_NOOP("CallWords", "There is no ringing call to answer."),
    Refusal.NOT_TALKING: QT_TRANSLATE_NOOP("CallWords", "Only possible while talking."),
    Refusal.NOT_HELD: QT_TRANSLATE_NOOP("CallWords", "The call is not on hold."),
    Refusal.NOT_CONNECTED: QT_TRANSLATE_NOOP("CallWords", "There is no connected call."),
    Refusal.CALL_ENDED: QT_TRANSLATE_NOOP("CallWords", "The call has already ended."),
    Refusal.NOT_IN_WRAPUP: QT_TRANSLATE_NOOP("CallWords", "Wrap-up has not started: the call is still going."),
    Refusal.DISPOSITION_REQUIRED: QT_TRANSLATE_NOOP("CallWords", "Choose a disposition before going Ready."),
    Refusal.UNKNOWN_DISPOSITION: QT_TRANSLATE_NOOP("CallWords", "Unknown disposition code."),
    Refusal.BAD_DTMF: QT_TRANSLATE_NOOP("CallWords", "Only digits, * and # can be sent as tones."),
    Refusal.NO_TRANSFER_TARGET: QT_TRANSLATE_NOOP("CallWords", "Enter a number or extension to transfer to."),
    Refusal.UNSAVED_TICKET: QT_TRANSLATE_NOOP("CallWords", "The call's ticket is not saved: save it, keep it as a draft or discard it."),
}

_END = {
    EndReason.NORMAL: QT_TRANSLATE_NOOP("CallWords", "Call ended"),
    EndReason.REMOTE_HANGUP: QT_TRANSLATE_NOOP("CallWords", "The caller hung up"),
    EndReason.LOCAL_HANGUP: QT_TRANSLATE_NOOP("CallWords", "You hung up"),
    EndReason.REJECTED: QT_TRANSLATE_NOOP("CallWords", "Call declined"),
    EndReason.NO_ANSWER: QT_TRANSLATE_NOOP("CallWords", "Not answered in time"),
    EndReason.CANCELLED: QT_TRANSLATE_NOOP("CallWords", "The caller gave up while ringing"),
    EndReason.TRANSFERRED: QT_TRANSLATE_NOOP("CallWords", "Call transferred"),
    EndReason.FAILED: QT_TRANSLATE_NOOP("CallWords", "The call failed"),
}


def call_state_text(state: CallState) -> str:
    return translated("CallWords", _STATE[state])


def refusal_text(refusal: Refusal | None) -> str:
    return translated("CallWords", _REFUSAL[refusal]) if refusal else ""


def end_reason_text(reason: EndReason | None) -> str:
    return translated("CallWords", _END[reason]) if reason else ""


def format_duration(seconds: float) -> str:
    """`m:ss`, or `h:mm:ss` from an hour on. Negative values (overdue) get a minus sign."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"
