"""Tests of coverage.stance.targets: the shipped targets file and malformed user files."""

from __future__ import annotations

import pytest

from coverage.errors import LexiconError
from coverage.stance.targets import get_target, load_targets


def test_shipped_file_defines_amazon_with_aliases_and_affiliates():
    amazon = load_targets().targets["amazon"]
    assert amazon.label == "Amazon"
    assert {"Amazon", "Amazon Web Services", "AWS"} <= set(amazon.names)
    assert "Rekognition" in amazon.products
    assert {"the company", "the tech giant"} <= set(amazon.generic)
    assert {"Bezos", "Jeff Bezos", "Jassy", "Andy Jassy"} <= set(amazon.affiliates)


@pytest.mark.parametrize("key, label", [("palantir", "Palantir"), ("ice", "ICE")])
def test_shipped_file_has_examples_to_copy(key, label):
    assert get_target(key).label == label


def test_shipped_file_has_other_companies_and_modifier_nouns():
    tf = load_targets()
    assert "Google" in tf.other_companies
    assert "employees" in tf.modifier_nouns
    assert "executives" not in tf.modifier_nouns  # executives are the company speaking


def test_user_file_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("targets:\n  google:\n    label: Google\n    names: [Google, Alphabet]\n", encoding="utf-8")
    tf = load_targets(path)
    assert list(tf.targets) == ["google"]
    assert tf.targets["google"].names == ("Google", "Alphabet")
    assert tf.other_companies == () and tf.modifier_nouns == ()


def test_whitespace_inside_entries_is_normalised(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text('targets:\n  x:\n    names: ["Amazon   Web\\tServices"]\n', encoding="utf-8")
    assert load_targets(path).targets["x"].names == ("Amazon Web Services",)


def test_label_defaults_to_key(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("targets:\n  acme:\n    names: [Acme]\n", encoding="utf-8")
    assert load_targets(path).targets["acme"].label == "acme"


def test_unknown_target_names_the_file_and_the_targets_it_has():
    with pytest.raises(LexiconError, match=r"targets\.yaml: no target 'google'; the file defines amazon, palantir, ice"):
        get_target("google")


@pytest.mark.parametrize(
    "content, message",
    [
        ("- Amazon\n", "expected a mapping with a 'targets:' key"),
        ("targets:\n  amazon:\n    names: [Amazon]\nextra: 1\n", "unknown top-level key 'extra'"),
        ("targets: {}\n", "'targets' must map each target key"),
        ("targets:\n  Amazon Inc:\n    names: [Amazon]\n", "target key 'Amazon Inc' must be lower-case"),
        ("targets:\n  amazon: Amazon\n", "targets.amazon: expected a mapping with 'names:'; found str"),
        ("targets:\n  amazon:\n    names: [Amazon]\n    aliases: [AWS]\n", "targets.amazon: unknown key 'aliases'"),
        ("targets:\n  amazon:\n    names: Amazon\n", "targets.amazon.names: expected a list"),
        ("targets:\n  amazon:\n    names: [Amazon, 42]\n", r"targets.amazon.names\[1\]: expected a non-empty text, found 42"),
        ("targets:\n  amazon:\n    names: [Amazon, '  ']\n", r"targets.amazon.names\[1\]: expected a non-empty text"),
        ("targets:\n  amazon:\n    generic: [the company]\n", "targets.amazon: no names"),
        ("targets:\n  amazon:\n    label: ''\n    names: [Amazon]\n", "targets.amazon.label: expected a non-empty text"),
        ("targets:\n  a:\n    names: [Acme]\n  b:\n    names: [acme]\n",
         "targets.b: 'acme' is also listed under targets.a"),
        ("targets:\n  a:\n    names: [Acme]\nother_companies: Google\n", "other_companies: expected a list"),
        ("targets:\n  a:\n    names: [Acme]\nmodifier_nouns: [staff, 3]\n", r"modifier_nouns\[1\]"),
    ],
)
def test_malformed_file_raises_one_line_naming_file_and_entry(tmp_path, content, message):
    path = tmp_path / "bad_targets.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_targets(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ")
    assert "\n" not in text


def test_generic_phrases_may_be_shared_between_targets(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("targets:\n  a:\n    names: [Acme]\n    generic: [the company]\n"
                    "  b:\n    names: [Bolt]\n    generic: [the company]\n", encoding="utf-8")
    tf = load_targets(path)
    assert tf.targets["a"].generic == tf.targets["b"].generic == ("the company",)


def test_malformed_yaml_is_a_lexicon_error(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("targets:\n  amazon:\n    names: [Amazon\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="malformed YAML"):
        load_targets(path)
