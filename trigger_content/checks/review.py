"""Checks of clinical review records: approvals that no longer hold, and how much is approved."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..po.entry import Catalog, Entry
from ..po.stats import ReviewCounts
from .registry import Context, check


@check("stale-review", "warning")
def stale_review(entries: Sequence[Entry], context: Context) -> Iterator[tuple[Entry, str]]:
    """Stale review: a clinical reviewer approved other texts than the entry has now.

    A review record whose English was reworded or whose translation was edited
    since the approval (or that a translator marked fuzzy); it no longer counts
    as approved. `trigger-content reviews --state stale` shows both texts.
    """
    found = context.reviews
    if found is None:
        return
    from ..reviews import stale_note

    for entry in entries:
        review = found.state(entry)
        if review.state == "stale":
            yield (
                entry,
                f"{stale_note(review)}; it needs a new approval "
                f"(trigger-content reviews --locale {context.locale} --state stale shows what changed)",
            )


@check("approval", "error", scope="catalog")
def approval(catalog: Catalog, context: Context) -> Iterator[tuple[int | None, str]]:
    """Approval: the share of texts a clinical reviewer approved reaches the locale's threshold.

    The percent of texts whose translation a clinical reviewer approved, as
    they are now, reaches the policy's `min-approved` for the locale.
    """
    threshold = context.policy.approved_threshold(context.locale)
    if threshold <= 0:
        return
    found = context.reviews
    counts = found.counts if found is not None else ReviewCounts(unreviewed=len(catalog.active))
    if counts.percent < threshold:
        yield (
            None,
            (
                f"{counts.percent:.1f}% approved by a clinical reviewer ({counts.approved} of {counts.total}; "
                f"{counts.stale} stale, {counts.unreviewed} unreviewed), below the {threshold:g}% required"
            ),
        )
