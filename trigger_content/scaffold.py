"""A new project: its settings, a site, a sample page that uses every kind of block, and its template.

``trigger-content new DIR`` writes them; nothing that exists is replaced.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from .checks.policy import DEFAULT_FAIL_ON
from .errors import TriggerContentError
from .extract import project_sources, write_template
from .files import write_atomic
from .model import document_schema
from .project import find_project
from .source import page_sources
from .tomlfile import read_toml

SETTINGS = """\
# Where trigger-content finds this site's pages and catalogs.
[tool.trigger-content]
content = "content"   # site.toml and one TOML document per page
locales = "locales"   # the template and <locale>/LC_MESSAGES/trigger_content.po
# report-msgid-bugs-to = "https://example.org/site/issues"   # where translators report a problem of the English

# What `trigger-content check` holds the catalogs to: every language complete,
# and nothing a reader would see in English or out of date.
[tool.trigger-content.check]
min-percent = 100
fail-on = {fail_on}
# The English, for patients: warnings of sentences over 25 words and of
# paragraphs and pages above grade 8 (patient-education guidance: 6 to 8).
max-sentence-words = 25
max-reading-grade = 8

# What `render` and `build` publish of a language that is not complete.
[tool.trigger-content.publish]
missing = "english"   # shown in English, marked; or "withhold-section"
"""

SITE = """\
#:schema ../schemas/site.schema.json
# The site around every page: the notice banner, the tagline and the
# languages of the language switcher. Inline markup: [text](link-id) is a
# link to an entry of [links], _text_ is emphasis, **text** is strong.
#
# Schema: `trigger-content schema --document site`

source_locale = "en"
# The published languages besides English, in the switcher's order: add a
# locale here once `trigger-content init LOCALE` has made its catalog.
locales = []
# Where the built site is served: sitemap.xml and hreflang links use it.
# base_url = "https://example.org/health/"

tagline = "Care close to home."

[notice]
id = "notice"
text = "Visiting hours have changed. [See the new hours](visiting-hours)."

[links.visiting-hours]
url = "https://example.org/visiting-hours"
note = "the hospital's page of visiting hours"
"""

PAGE_ID = "preparing-for-your-visit"

PAGE = """\
#:schema ../schemas/page.schema.json
# A patient page: a title, lead blocks, then sections with a heading, blocks
# and subsections. Each id is stable: it becomes the message context that
# keeps a translation attached to its text.
#
# Schema: `trigger-content schema --document page`

id = "preparing-for-your-visit"
title = "Preparing for your visit"

[[blocks]]
kind = "paragraph"
id = "intro"
text = "A little preparation helps your visit go **smoothly** and leaves more time for _your_ questions."

[[sections]]
id = "bring"
heading = "What to bring"

[[sections.blocks]]
kind = "list"
id = "bring-list"

[[sections.blocks.items]]
id = "card"
text = "Your insurance card and a photo ID"

[[sections.blocks.items]]
id = "medicines"
text = "A list of the medicines you take, with their doses"
note = "Medicines include vitamins and herbal supplements."

[[sections]]
id = "words"
heading = "Words you may hear"

[[sections.blocks]]
kind = "definitions"
id = "terms"

[[sections.blocks.items]]
id = "referral"
term = "Referral"
definition = "A note from your doctor that sends you to a specialist."

[[sections.blocks.items]]
id = "follow-up"
term = "Follow-up visit"
definition = "A later visit to see how your treatment is working."

[[sections]]
id = "questions"
heading = "Questions"

[[sections.blocks]]
kind = "paragraph"
id = "contact"
text = "Call the clinic, or [send us a message](contact)."

[links.contact]
url = "https://example.org/contact"
note = "the hospital's contact page"
"""


def new_project(folder: str | Path) -> list[Path]:
    """Make ``folder`` a project (creating it if need be); return the files written.

    Writes ``content/site.toml``, a sample page, the template, the JSON
    Schemas of both documents (``schemas/``, named by their ``#:schema``
    line), and the ``[tool.trigger-content]`` tables into ``pyproject.toml``
    (added to an existing one that has none). Refuses, writing nothing, a
    folder that is a project already, holds any of these files, or pages
    that do not load.
    """
    folder = Path(folder)
    pyproject = folder / "pyproject.toml"
    content, locales, schemas = folder / "content", folder / "locales", folder / "schemas"
    page = content / f"{PAGE_ID}.toml"
    documents: dict[Path, Literal["page", "site"]] = {schemas / "page.schema.json": "page", schemas / "site.schema.json": "site"}
    # Everything is looked at before anything is written: a refusal leaves the folder as it was.
    for place in (folder, content, locales, schemas):
        if place.exists() and not place.is_dir():
            raise TriggerContentError("not a folder", path=place)
    settings = ""
    if pyproject.is_file():
        settings, data = read_toml(pyproject)
        if "trigger-content" in data.get("tool", {}):
            raise TriggerContentError("a project already: it has a [tool.trigger-content] table", path=pyproject)
        settings = settings if settings.endswith("\n") or not settings else settings + "\n"
        settings += "\n"
    for path in (content / "site.toml", page, locales / "trigger_content.pot", *documents):
        if path.exists():
            raise TriggerContentError("exists already; `new` writes only what is not there", path=path)
    if content.is_dir():  # pages already there must load, and leave the sample its id
        for existing, path in page_sources(content):
            if existing.id == PAGE_ID:
                raise TriggerContentError(f"page id {PAGE_ID!r} is the sample page's; `new` writes it only where it is free", path=path)
    policy = SETTINGS.format(fail_on=json.dumps(list(DEFAULT_FAIL_ON)))
    files = [(pyproject, settings + policy), (content / "site.toml", SITE), (page, PAGE)]
    # For editors that validate TOML (Taplo, Even Better TOML): the documents name them on their first line.
    files += [(path, json.dumps(document_schema(kind), indent=2, ensure_ascii=False) + "\n") for path, kind in documents.items()]
    written = []
    for path, text in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    project = find_project(folder)
    pages, references = project_sources(project, required=True)
    write_template(pages, project.template, references=references, bugs_to=project.bugs_to)
    return [*written, project.template]
