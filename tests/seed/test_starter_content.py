"""The shipped starter content: complete, bilingual, plain, safe Markdown, and loadable twice."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date
from typing import Any

from sqlmodel import Session, func, select

from jouw_omgeving.demo import DemoScale, generate_demo
from jouw_omgeving.demo.content_catalogue import CONTENT_ITEMS as DEMO_CONTENT_ITEMS
from jouw_omgeving.models import Assignment, ContentItem, ContentVersion, Submission
from jouw_omgeving.seed.instrument import OPEN_DOMAINS
from jouw_omgeving.seed.starter_content import STARTER_CONTENT, ensure_starter_content

LANGUAGES = {"nl", "en"}
DOMAIN_KEYS = {domain["key"] for domain in OPEN_DOMAINS}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
LIST_OR_HEADING = re.compile(r"^(#+|[-*]|\d+\.)\s+")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


def _of_kind(kind: str) -> list[dict[str, Any]]:
    return [item for item in STARTER_CONTENT if item["kind"] == kind]


def _texts(item: dict[str, Any]) -> list[dict[str, str]]:
    """Every translated text of an item: title, body, prompts and options."""
    texts = [item["title"], item["body"]]
    for question in item["questions"]:
        texts.append(question["prompt"])
        texts.extend(question.get("options", []))
    return texts


def _units(markdown: str) -> list[str]:
    """Paragraphs, list items and headings, with soft-wrapped lines joined."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        current: list[str] = []
        for line in block.splitlines():
            stripped = line.strip()
            if LIST_OR_HEADING.match(stripped) and current:
                units.append(" ".join(current))
                current = []
            current.append(stripped)
        if current:
            units.append(" ".join(current))
    return units


def sentence_lengths(markdown: str) -> list[int]:
    """Words per sentence in the body text (headings left out; a list item counts as one)."""
    lengths = []
    for unit in _units(markdown):
        if unit.startswith("#"):
            continue
        plain = LIST_OR_HEADING.sub("", unit).replace("*", "")
        for sentence in SENTENCE_END.split(plain):
            words = [word for word in sentence.split() if re.search(r"\w", word)]
            if words:
                lengths.append(len(words))
    return lengths


# ---------------------------------------------------------------------------------------
# What there is
# ---------------------------------------------------------------------------------------


def test_at_least_six_information_items_each_on_a_life_domain() -> None:
    info = _of_kind("info")
    assert len(info) >= 6
    assert all(item["life_domain_key"] in DOMAIN_KEYS for item in info)
    assert all(not item["questions"] and item["track"] is None for item in info)


def test_at_least_six_assignments_tied_to_life_domains_with_mixed_questions() -> None:
    assignments = _of_kind("assignment")
    assert len(assignments) >= 6
    types_used = set()
    for item in assignments:
        assert item["life_domain_key"] in DOMAIN_KEYS, item["slug"]
        assert 1 <= len(item["questions"]) <= 3, item["slug"]
        keys = [question["key"] for question in item["questions"]]
        assert len(keys) == len(set(keys)), item["slug"]
        for question in item["questions"]:
            assert question["type"] in {"text", "choice", "checklist"}
            assert "answer" not in question, "assignments are not tests"
            if question["type"] == "text":
                assert not question.get("options")
            else:
                assert len(question["options"]) >= 2
            types_used.add(question["type"])
    assert types_used == {"text", "choice", "checklist"}
    # Several life domains, not just money.
    assert len({item["life_domain_key"] for item in assignments}) >= 5


def test_digital_skills_track_has_six_lessons_in_order_each_with_a_check() -> None:
    lessons = _of_kind("lesson")
    assert len(lessons) >= 6
    assert {item["track"] for item in lessons} == {"digital_skills"}
    assert [item["position"] for item in lessons] == list(range(1, len(lessons) + 1))
    for item in lessons:
        questions = item["questions"]
        assert 1 <= len(questions) <= 3, item["slug"]
        for question in questions:
            assert question["type"] == "choice", item["slug"]
            assert isinstance(question["answer"], int)
            assert 0 <= question["answer"] < len(question["options"]), item["slug"]
            assert len(question["options"]) >= 2
    # The right answer is not always the first option.
    assert len({q["answer"] for item in lessons for q in item["questions"]}) >= 2


def test_track_covers_the_topics_the_platform_promises() -> None:
    lessons = " ".join(item["body"]["nl"] for item in _of_kind("lesson"))
    for topic in (
        "Snel weg",
        "pincode",
        "phishing",
        "DigiD",
        "Berichtenbox",
        "schermvergrendeling",
    ):
        assert topic in lessons


def test_slugs_are_unique_stable_and_dutch_style() -> None:
    slugs = [item["slug"] for item in STARTER_CONTENT]
    assert len(slugs) == len(set(slugs))
    assert all(SLUG.match(slug) and len(slug) <= 120 for slug in slugs)


def test_lessons_reuse_the_demo_lesson_slugs_so_the_track_stays_in_order() -> None:
    """The demo adds lessons it does not find by slug; it must find all of them."""
    demo_lessons = {item["slug"] for item in DEMO_CONTENT_ITEMS if item["kind"] == "lesson"}
    assert demo_lessons <= {item["slug"] for item in _of_kind("lesson")}


# ---------------------------------------------------------------------------------------
# How it is written
# ---------------------------------------------------------------------------------------


def test_every_text_is_in_dutch_and_english() -> None:
    for item in STARTER_CONTENT:
        for text in _texts(item):
            assert set(text) == LANGUAGES, item["slug"]
            for lang in LANGUAGES:
                assert isinstance(text[lang], str) and text[lang].strip(), item["slug"]
        assert item["title"]["nl"] != item["title"]["en"], f"{item['slug']}: title untranslated"
        assert item["body"]["nl"] != item["body"]["en"], f"{item['slug']}: body untranslated"


def test_english_is_a_full_translation_not_a_summary() -> None:
    for item in STARTER_CONTENT:
        nl, en = item["body"]["nl"], item["body"]["en"]
        assert 0.8 <= len(en.split()) / len(nl.split()) <= 1.4, item["slug"]
        assert nl.count("\n## ") == en.count("\n## "), item["slug"]


def test_bodies_are_plain_markdown_without_html_links_or_filler() -> None:
    for item in STARTER_CONTENT:
        for text in _texts(item):
            for value in text.values():
                lowered = value.lower()
                assert "<script" not in lowered
                assert not HTML_TAG.search(value), (item["slug"], value[:60])
                assert "lorem" not in lowered and "ipsum" not in lowered
                assert "http" not in lowered and "www." not in lowered
                assert "](" not in value, "no Markdown links: names and numbers only"


def test_bodies_have_a_readable_length() -> None:
    for item in STARTER_CONTENT:
        words = len(item["body"]["nl"].split())
        assert 80 <= words <= 250, (item["slug"], words)


def test_dutch_sentences_are_short() -> None:
    """B1: short sentences. Average per body at most 12 words (the brief asks 15), none long."""
    everything: list[int] = []
    for item in STARTER_CONTENT:
        lengths = sentence_lengths(item["body"]["nl"])
        assert sum(lengths) / len(lengths) <= 12, item["slug"]
        assert max(lengths) <= 20, item["slug"]
        everything.extend(lengths)
        for text in _texts(item)[2:]:
            assert len(text["nl"].split()) <= 20, text["nl"]
    assert sum(everything) / len(everything) <= 10


def test_sentence_counter_counts_sentences_and_list_items() -> None:
    body = "## Kop\n\nEen twee drie. Vier vijf!\n\n- zes zeven\n  acht\n- **negen**"
    assert sentence_lengths(body) == [3, 2, 3, 1]


def test_crisis_numbers_are_present() -> None:
    crisis = next(item for item in STARTER_CONTENT if item["slug"] == "hulp-in-een-crisis")
    for number in ("112", "113", "0800-0113", "0900-8844"):
        assert number in crisis["body"]["nl"] and number in crisis["body"]["en"]


# ---------------------------------------------------------------------------------------
# Loading it
# ---------------------------------------------------------------------------------------


def test_loading_creates_published_items_once(session: Session) -> None:
    assert ensure_starter_content(session) == len(STARTER_CONTENT)
    assert ensure_starter_content(session) == 0
    slugs = [item["slug"] for item in STARTER_CONTENT]
    items = session.exec(select(ContentItem).where(ContentItem.slug.in_(slugs))).all()
    assert len(items) == len(STARTER_CONTENT)
    by_slug = {item["slug"]: item for item in STARTER_CONTENT}
    for item in items:
        spec = by_slug[item.slug]
        assert (item.kind, item.track, item.position) == (
            spec["kind"],
            spec["track"],
            spec["position"],
        )
        assert item.life_domain_key == spec["life_domain_key"]
        assert item.status == "published"
        assert item.organisation_id is None
        versions = session.exec(
            select(ContentVersion).where(ContentVersion.content_id == item.id)
        ).all()
        assert len(versions) == 1
        version = versions[0]
        assert version.version == 1
        assert version.published_at is not None and version.published_at.tzinfo == UTC
        assert version.title == spec["title"]
        assert version.body == spec["body"]
        assert version.questions == spec["questions"]


def test_loading_leaves_an_existing_item_alone(session: Session) -> None:
    session.add(ContentItem(slug="weekbudget-maken", kind="info", status="draft"))
    session.flush()
    assert ensure_starter_content(session) == len(STARTER_CONTENT) - 1
    item = session.exec(select(ContentItem).where(ContentItem.slug == "weekbudget-maken")).one()
    assert item.status == "draft"
    assert (
        session.exec(
            select(func.count())
            .select_from(ContentVersion)
            .where(ContentVersion.content_id == item.id)
        ).one()
        == 0
    )


def test_demo_generator_runs_after_the_starter_content(session: Session) -> None:
    created = ensure_starter_content(session)
    assert created == len(STARTER_CONTENT)
    scale = DemoScale(participants=4, counsellors=2, teams=2, months=3)
    generate_demo(session, seed=7, today=date(2026, 3, 1), scale=scale)
    session.flush()

    slug_counts = Counter(session.exec(select(ContentItem.slug)).all())
    assert all(count == 1 for count in slug_counts.values())
    assert set(slug_counts) >= {item["slug"] for item in STARTER_CONTENT}

    # The demo reused the starter lessons: the track still has one item per position.
    track = session.exec(
        select(ContentItem.position).where(ContentItem.track == "digital_skills")
    ).all()
    assert sorted(track) == list(range(1, len(_of_kind("lesson")) + 1))

    # Starter items kept their single version; the demo's answers fit their questions.
    starter_ids = session.exec(
        select(ContentItem.id).where(
            ContentItem.slug.in_([item["slug"] for item in STARTER_CONTENT])
        )
    ).all()
    versions = session.exec(
        select(ContentVersion).where(ContentVersion.content_id.in_(starter_ids))
    ).all()
    assert len(versions) == len(STARTER_CONTENT)
    questions_by_version = {version.id: version.questions for version in versions}
    rows = session.exec(
        select(Submission.content_version_id, Submission.answers)
        .join(Assignment, Assignment.id == Submission.assignment_id)
        .where(Assignment.content_id.in_(starter_ids))
    ).all()
    assert rows, "the demo should have answered some starter content"
    for version_id, answers in rows:
        questions = {q["key"]: q for q in questions_by_version[version_id]}
        for key, answer in answers.items():
            question = questions[key]
            if question["type"] == "choice":
                assert 0 <= answer < len(question["options"])
            elif question["type"] == "checklist":
                assert all(0 <= index < len(question["options"]) for index in answer)
            else:
                assert isinstance(answer, str)
