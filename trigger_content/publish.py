"""What may be published in a language: the fallback policy, safe by default.

A fuzzy translation is never published unless the policy says so. A missing
one is shown in English, marked ``lang="en"`` with a localized note, or its
section is withheld; a locale whose catalog is below ``min_percent`` is not
published at all. Under ``require_review``, a translation that no clinical
reviewer approved as it is now (:mod:`trigger_content.reviews`) is published
as a missing one. Every fallback is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from .errors import TriggerContentError
from .languages import PSEUDO_LOCALE, pseudo_translate
from .model import Page, Site
from .po.entry import Catalog
from .po.reader import statistics
from .project import Project, Settings, review_file
from .render import RenderContext, render_html, render_text
from .render.context import PageApproval
from .translations import load_locale, missing_catalog
from .walker import MISSING, Fallback, Translations, localize, segments


@dataclass(frozen=True)
class PublishPolicy:
    """How to publish what is not translated; from ``[tool.trigger-content.publish]``."""

    #: Publish fuzzy translations (not reviewed since the English changed).
    fuzzy: bool = False
    #: ``english``: show the English, marked; ``withhold-section``: leave the section out.
    missing: str = "english"
    #: Withhold a whole locale whose catalog is less translated than this (0–100).
    min_percent: float = 0.0
    #: Publish only translations a clinical reviewer approved as they are now; the others as missing ones.
    require_review: bool = False

    def __post_init__(self) -> None:
        if self.missing not in MISSING:
            raise TriggerContentError(f"missing must be one of {', '.join(MISSING)}, not {self.missing!r}")


def load_publish_policy(settings: dict[str, Any], source: str = "pyproject.toml") -> PublishPolicy:
    """A policy from the ``[tool.trigger-content.publish]`` table."""
    table = Settings("publish", settings, {"fuzzy", "missing", "min-percent", "require-review"}, source)
    fuzzy, missing, min_percent = table.flag("fuzzy", False), table.text("missing", "english"), table.percent("min-percent", 0)
    require_review = table.flag("require-review", False)
    try:
        return PublishPolicy(fuzzy=fuzzy, missing=missing, min_percent=min_percent, require_review=require_review)
    except TriggerContentError as error:  # a value the policy refuses (its only rule is on missing)
        table.fail(error.message, "missing")


def override(
    policy: PublishPolicy,
    *,
    fuzzy: bool | None = None,
    missing: str | None = None,
    min_percent: float | None = None,
    require_review: bool | None = None,
) -> PublishPolicy:
    """``policy`` with what the command line says; ``None`` (or a flag not given) leaves a setting as it is."""
    changes: dict[str, Any] = {"fuzzy": True} if fuzzy else {}
    if require_review:
        changes["require_review"] = True
    if missing:
        changes["missing"] = missing
    if min_percent is not None:
        changes["min_percent"] = min_percent
    return replace(policy, **changes)


@dataclass
class LocaleTranslations:
    """The translations of one locale as the policy allows them, and what to say about them."""

    locale: str
    translations: Translations
    percent: float = 100.0
    #: A sentence for the reader of the report (a ``.mo`` not compiled from the current ``.po``…).
    notes: list[str] = field(default_factory=list)
    #: Why the locale is not published, or ``None``.
    withheld: str | None = None
    #: The (msgctxt, msgid) of fuzzy entries left out, to say why they show in English.
    fuzzy: frozenset[tuple[str, str]] = frozenset()
    #: When a clinical reviewer approved each translation that is approved as it is now.
    approved: dict[tuple[str, str], datetime] = field(default_factory=dict)
    #: Why each translation left out under ``require_review`` is (not approved, or approved before a change).
    unapproved: dict[tuple[str, str], str] = field(default_factory=dict)


def locale_translations(po: str | Path, locale: str, policy: PublishPolicy) -> LocaleTranslations:
    """The translations of the catalog at ``po`` that ``policy`` lets a page use, from one reading of it."""
    if locale == PSEUDO_LOCALE:
        return LocaleTranslations(locale, pseudo_translate, notes=["en_XA: pseudo-localized (accented, longer, bracketed) to test layouts"])
    found = load_locale(po)
    notes = []
    if policy.fuzzy and found.fuzzy:
        notes.append(f"{po}: {len(found.fuzzy)} fuzzy translation{'s' if len(found.fuzzy) != 1 else ''} published, as the policy allows")
    notes += found.notes
    fuzzy = frozenset() if policy.fuzzy else found.fuzzy
    usable = found.usable(fuzzy=policy.fuzzy)
    approved, why = _approvals(found.catalog, Path(po)) if policy.require_review or review_file(Path(po)).is_file() else ({}, {})
    unapproved: dict[tuple[str, str], str] = {}
    if policy.require_review:
        unapproved = {key: why.get(key, "not approved by a clinical reviewer") for key in usable if key not in approved}
        usable = {key: text for key, text in usable.items() if key in approved}
        if unapproved:
            notes.append(
                f"{po}: {len(unapproved)} translation{'s' if len(unapproved) != 1 else ''} not approved by a clinical reviewer, published as missing ones, as the policy requires"
            )
    # Under require-review, what is published is what is approved: the threshold holds the approved share to it.
    percent = _approved_percent(len(approved), found.catalog) if policy.require_review else found.percent
    result = LocaleTranslations(locale, usable, percent, notes, fuzzy=fuzzy, approved=approved, unapproved=unapproved)
    return _with_threshold(result, policy)


def _approvals(catalog: Catalog | None, po: Path) -> tuple[dict[tuple[str, str], datetime], dict[tuple[str, str], str]]:
    """When each translation of ``catalog`` that holds its approval was approved, and why each stale one is not."""
    if catalog is None:  # a .mo alone: approvals are of the .po's texts
        return {}, {}
    from .reviews import catalog_reviews, stale_note

    approved: dict[tuple[str, str], datetime] = {}
    why: dict[tuple[str, str], str] = {}
    for (context, msgid), review in catalog_reviews(catalog).reviews.items():
        if review.state == "approved" and review.record is not None:
            approved[(context or "", msgid)] = review.record.date
        elif review.state == "stale":
            why[(context or "", msgid)] = f"approval stale: {stale_note(review)}"
    return approved, why


def _approved_percent(approved: int, catalog: Catalog | None) -> float:
    """The share of ``catalog``'s texts that are approved, as ``status`` gives it."""
    from .po.stats import ReviewCounts

    total = len(catalog.active) if catalog is not None else 0
    return ReviewCounts(approved, 0, total - approved).percent


def _publish_percent(path: Path, policy: PublishPolicy) -> float:
    """How much of the catalog at ``path`` ``policy`` would publish: the translated share, or the approved one under require-review."""
    if not policy.require_review:
        return statistics(path).counts.percent
    found = load_locale(path)
    return _approved_percent(len(_approvals(found.catalog, path)[0]), found.catalog)


def approval(page: Page, translations: LocaleTranslations | None) -> PageApproval | None:
    """When a clinical reviewer last approved a translation that ``page`` shows, and whether every one it shows is approved.

    ``None`` when the page shows no approved translation.
    """
    if translations is None or not translations.approved or not isinstance(translations.translations, Mapping):
        return None
    shown = [key for segment in segments(page) if (key := (segment.context, segment.text)) in translations.translations]
    dates = [translations.approved[key] for key in shown if key in translations.approved]
    if not dates:
        return None
    return PageApproval(max(dates).astimezone(UTC).date(), complete=len(dates) == len(shown))


def site_translations(
    site: Site | None,
    source: str,
    catalog: Callable[[str], Path],
    policy: PublishPolicy,
    extra_locales: Sequence[str] = (),
) -> dict[str, LocaleTranslations | None]:
    """The translations of each locale of ``site`` (``source`` alone without one), then of ``extra_locales``, in order.

    ``None`` for the source locale; a locale without a catalog yet, or that
    the policy withholds, has its reason in ``withheld``. ``catalog`` gives
    the ``.po`` path of a locale. A catalog that cannot be read raises.
    """
    found: dict[str, LocaleTranslations | None] = {source: None}
    for locale in _locales(site, source, extra_locales)[1:]:
        path = Path(catalog(locale))
        missing = None if locale == PSEUDO_LOCALE else missing_catalog(path)
        found[locale] = (
            locale_translations(path, locale, policy) if missing is None else LocaleTranslations(locale, {}, 0.0, withheld=missing)
        )
    return found


def published(translations: dict[str, LocaleTranslations | None]) -> list[str]:
    """The locales of :func:`site_translations` that are published: the source, and those not withheld."""
    return [locale for locale, found in translations.items() if found is None or not found.withheld]


def linked_locales(
    site: Site | None,
    source: str,
    catalog: Callable[[str], Path],
    policy: PublishPolicy,
    percents: Mapping[str, float] | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The locales a page of ``site`` links (as :func:`published`, with less reading), and why each other is not linked.

    A catalog is only counted, for the policy's threshold, and only when
    ``percents`` does not already say how much of it is translated; one that
    cannot be read is not linked, and said so, rather than stopping the page.
    """
    linked: list[str] = [source]
    left_out: dict[str, str] = {}
    for locale in _locales(site, source, ())[1:]:
        path = Path(catalog(locale))
        reason = missing_catalog(path)
        if reason is None and policy.min_percent > 0 and path.is_file():
            try:
                percent = percents[locale] if percents and locale in percents else _publish_percent(path, policy)
                reason = _below_threshold(percent, policy)
            except TriggerContentError as error:
                reason = f"cannot be read: {error}"
        if reason is None:
            linked.append(locale)
        else:
            left_out[locale] = reason
    return linked, left_out


def _locales(site: Site | None, source: str, extra_locales: Sequence[str]) -> list[str]:
    """The source locale first, then the site's others, then the extra ones."""
    locales = [source, *(site.locales if site else ())]
    return locales + [locale for locale in extra_locales if locale not in locales]


def _with_threshold(result: LocaleTranslations, policy: PublishPolicy) -> LocaleTranslations:
    result.withheld = _below_threshold(result.percent, policy)
    return result


def _below_threshold(percent: float, policy: PublishPolicy) -> str | None:
    """Why a catalog ``percent`` translated is withheld by ``policy``; ``None`` when it is published."""
    if percent < policy.min_percent:
        what = "approved by a clinical reviewer" if policy.require_review else "translated"
        return f"{percent:.1f}% {what}, below the {policy.min_percent:g}% required to publish"
    return None


def publish(page: Page, translations: LocaleTranslations, policy: PublishPolicy) -> tuple[Page, list[Fallback]]:
    """``page`` in the locale of ``translations``, and every fallback it needed."""
    fallbacks: list[Fallback] = []
    localized = localize(page, translations.translations, locale=translations.locale, fallbacks=fallbacks, missing=policy.missing)
    fuzzy = "fuzzy: not reviewed since the English changed"
    out = []
    for fallback in fallbacks:
        key = (fallback.context, fallback.text)
        if fallback.reason == "untranslated" and key in translations.fuzzy:
            fallback = replace(fallback, reason=fuzzy)
        elif fallback.reason == "untranslated" and key in translations.unapproved:
            fallback = replace(fallback, reason=translations.unapproved[key])
        out.append(fallback)
    return localized, out


@dataclass
class RenderedPage:
    """A page rendered by :func:`render_page`, and what to say about it."""

    text: str
    #: What the reader of the report should know (a stale ``.mo``, a locale not among the site's…).
    notes: list[str] = field(default_factory=list)
    #: The texts left in English or withheld.
    fallbacks: list[Fallback] = field(default_factory=list)
    #: Why the locale is not published (no page then), or ``None``.
    withheld: str | None = None
    #: The languages the page does not link, and why.
    not_linked: dict[str, str] = field(default_factory=dict)


def render_page(
    project: Project,
    page: Page,
    locale: str | None = None,
    policy: PublishPolicy = PublishPolicy(),
    *,
    format: Literal["html", "text"] = "html",
    fragment: bool = False,
    templates: str | Path | None = None,
    width: int = 78,
) -> RenderedPage:
    """``page`` of ``project`` in ``locale`` (its own language when ``None``), as ``policy`` publishes it: what ``render`` does.

    The page links the languages that ``build`` would publish, and no other,
    at the site's ``base_url``; without one, it links none, since a file on
    its own has no other languages beside it.
    """
    source_locale = page.site.source_locale if page.site else page.lang
    notes: list[str] = []
    fallbacks: list[Fallback] = []
    percents: dict[str, float] = {}
    approved = None
    if locale and locale != source_locale:
        translations = locale_translations(project.catalog(locale), locale, policy)
        percents[locale] = translations.percent
        notes += translations.notes
        if page.site is not None and locale not in (*page.site.locales, PSEUDO_LOCALE):
            notes.append(f"{locale!r} is not among the locales of site.toml; the other pages do not link it")
        if translations.withheld:
            return RenderedPage("", notes, withheld=translations.withheld)
        approved = approval(page, translations)
        page, fallbacks = publish(page, translations, policy)
    linked, left_out = linked_locales(page.site, source_locale, project.catalog, policy, percents)
    # A page on its own has no folders of other languages beside it: it links them at the site's address, or not at all.
    base = page.site.base_url if page.site else None
    if base:
        context = RenderContext.for_page(page, f"{base}{{locale}}/{{page}}.html", locales=linked, approved=approved)
    else:
        context = RenderContext.for_page(page, locales=[page.lang], approved=approved)
        if len(linked) > 1:
            notes.append("no language switcher: a page on its own links the other languages at the site's base_url, and site.toml has none")
    if format == "text":
        text = render_text(page, context=context, width=width)
    else:
        text = render_html(page, context=context, fragment=fragment, templates=templates)
    return RenderedPage(text, notes, fallbacks, not_linked=left_out)
