from __future__ import annotations

import pytest

from detente import Detente
from detente.errors import LexiconError
from detente.events import PLOVER_TYPES, codebook, load_lexicon
from detente.events.coder import RuleCoder
from detente.events.dyad import DyadCode, code_dyad, span_start
from detente.events.lexicon import _verb_patterns
from detente.events.parse import parse_sentences


def test_the_shipped_lexicon_loads_and_every_code_is_in_the_codebook() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.verbs) > 300 and lexicon.nouns and lexicon.frames
    codes = codebook()
    assert all(p.cameo in codes for patterns in lexicon.verbs.values() for p in patterns)
    assert {c.plover_type for c in codes.values()} - {None} == set(PLOVER_TYPES)
    assert lexicon.has_trigger("Washington struck back") and lexicon.has_trigger("It was sanctioned.")
    assert not lexicon.has_trigger("The bank said it would comment later.")


@pytest.mark.parametrize(
    ("sentence", "parsed"),
    [
        ("Iran's foreign minister had lunch with the Omani envoy in Muscat.", True),  # "have" needs a meal
        ("The ministry has a ready answer for its critics.", False),  # "has" alone starts nothing
        ("The opposition made its case to the voters on Sunday.", False),
        ("The prime minister made a surprise visit to Kabul.", True),
        ("A court in Ankara found the journalist guilty of espionage.", True),  # "find" needs "guilty"
        ("North Korea test-fired two missiles on Tuesday.", True),  # the parser splits "test-fired"
        ("Rebels overran the garrison and went on strike later.", True),  # irregular forms
        ("The cabinet decided to say nothing about the dispute.", True),  # a frame over a statement
        ("The council called the ambassador on Friday.", True),  # a phone call: "call" stays free
    ],
)
def test_the_pre_parse_filter_keeps_a_pattern_word_only_beside_what_it_needs(sentence: str, parsed: bool) -> None:
    assert load_lexicon().has_trigger(sentence) is parsed


def test_the_pre_parse_filter_keeps_every_lexicon_example() -> None:
    """Each pattern's own example sentence (verbs.yaml, nouns.yaml) must reach the parser."""
    from importlib import resources

    import yaml

    lexicon, book = load_lexicon(), codebook()
    for name in ("verbs.yaml", "nouns.yaml"):
        entries = yaml.safe_load((resources.files("detente.events") / "data" / name).read_text(encoding="utf-8"))
        examples = [e["example"] for e in entries if e.get("example") and book[str(e["cameo"])].plover_type]
        assert len(examples) > 100
        missed = [example for example in examples if not lexicon.has_trigger(example)]
        assert not missed, missed[:5]


def test_a_bad_pattern_names_the_file_the_entry_and_the_fix() -> None:
    with pytest.raises(LexiconError, match=r"verbs.yaml entry 1 \(x\).*does not exist"):
        _verb_patterns([{"id": "x", "cameo": "999", "verb": "zap"}])


def test_dyad_conditional_coding(tmp_path: object) -> None:
    items = [
        {"id": "1", "sentence": "The United States imposed new sanctions on Iran on Friday.",
         "source": "The United States", "target": "Iran"},
        {"id": "2", "sentence": "Iraqi troops stormed the headquarters of the militia in Basra.",
         "source": "Iraqi troops", "target": "the militia"},
        {"id": "3", "sentence": "Ministers from Chile and Peru met in Lima to discuss a water treaty.",
         "source": "Chile", "target": "Peru"},
    ]  # fmt: skip
    answers = {a["id"]: a for a in Detente.open(":memory:").code(items)}
    assert answers["1"]["plover"] == "COERCE" and answers["1"]["quad_class"] == 4
    assert answers["2"]["plover"] == "ASSAULT"
    assert answers["3"]["plover"] == "CONSULT"
    assert set(answers["1"]) == {"id", "plover", "cameo", "quad_class"}


def _rule_answer(coder: RuleCoder, sentence: str, source: str, target: str) -> DyadCode:
    (doc,) = parse_sentences(coder.models, [sentence])
    return code_dyad(coder, doc, source, target)


@pytest.mark.parametrize(
    ("sentence", "target", "cameo"),
    [
        ("The Kenyan foreign minister said Somalia must withdraw its troops from the border.", "Somalia", "100"),
        ("The Kenyan foreign minister says Somalia should reopen the border crossings.", "Somalia", "020"),
        ("The Kenyan foreign minister said Somalia needed to pay its debts to the regional bloc.", "Somalia", "100"),
    ],
)
def test_a_reported_obligation_on_the_target_is_a_request(
    coder: RuleCoder, sentence: str, target: str, cameo: str
) -> None:
    answer = _rule_answer(coder, sentence, "The Kenyan foreign minister", target)
    assert (answer.plover, answer.cameo, answer.rule) == ("REQUEST", cameo, "dyad:modal-demand")


def test_an_obligation_the_speaker_puts_on_itself_is_no_request(coder: RuleCoder) -> None:
    answer = _rule_answer(coder, "Norway said it must respond to the Swedish proposal.", "Norway", "Swedish")
    assert answer.plover != "REQUEST"


def test_a_participle_on_the_object_does_not_hide_the_governing_act(coder: RuleCoder) -> None:
    # Regression: "lifted restrictions imposed on Y" was coded as the imposing (COERCE).
    sentence = "The Peruvian government lifted the travel restrictions imposed on Bolivian truckers last year."
    answer = _rule_answer(coder, sentence, "The Peruvian government", "Bolivian truckers")
    assert answer.plover in ("CONCEDE", "RETREAT")


def test_coordinated_actors_take_the_act_in_the_complement(coder: RuleCoder) -> None:
    sentence = "Chile and Argentina failed to reach an agreement on the glacier boundary."
    assert _rule_answer(coder, sentence, "Chile", "Argentina").plover == "REJECT"


def test_an_actor_given_as_text_is_found_as_whole_words_first(coder: RuleCoder) -> None:
    # Regression: "Israel" was found at the start of an earlier "Israeli", and the dyad read off the wrong word.
    sentence = "The Qatari mediators met Israeli negotiators, and Egypt later sent fuel trucks to Israel."
    answer = _rule_answer(coder, sentence, "Egypt", "Israel")
    assert answer.plover == "AID"
    assert span_start(sentence, "Israel") == sentence.rindex("Israel")
    assert span_start("Kuwait expelled three Iranian diplomats.", "Iran") == len("Kuwait expelled three ")
    assert span_start("Talks with ISRAEL resumed.", "Israel") == len("Talks with ")
    assert span_start("Nothing here.", "Israel") is None


@pytest.mark.parametrize(
    ("sentence", "source", "plover"),
    [
        ("The dockworkers' leader said on Monday that they will not end the strike.", "The dockworkers' leader",
         "REJECT"),
        ("The Peruvian government lifted the state of emergency in the south.", "The Peruvian government",
         "RETREAT"),
    ],
)  # fmt: skip
def test_a_target_the_sentence_does_not_name_leaves_what_the_source_did(
    coder: RuleCoder, sentence: str, source: str, plover: str
) -> None:
    assert _rule_answer(coder, sentence, source, "a recipient").plover == plover
