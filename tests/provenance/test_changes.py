from __future__ import annotations

from detente.provenance import same_claim
from detente.provenance.changes import classify_change


def test_polarity_flip_is_found_despite_high_similarity() -> None:
    original = "The union not only accepted the offer but also urged members to return."
    copy = "The union did not accept the offer, but urged members to return."
    assert classify_change(copy, original, None) == ("polarity_flipped", "accepted → did not accept")


def test_antonym_swap_is_a_flip() -> None:
    kind, detail = classify_change("The ministry denied the report.", "The ministry confirmed the report.", None)
    assert (kind, detail) == ("polarity_flipped", "confirmed → denied")


def test_number_change() -> None:
    kind, detail = classify_change("Wages rose by 22 percent.", "Wages rose by 16 percent.", None)
    assert (kind, detail) == ("number_changed", "16 → 22")


def test_entity_change() -> None:
    kind, detail = classify_change(
        "Talks were held in Dromlin on Friday.", "Talks were held in Keszeg on Friday.", None
    )
    assert kind == "entity_changed" and detail == "Keszeg → Dromlin"


def test_speaker_dropped_is_an_attribution_change() -> None:
    kind, _ = classify_change(
        "The stoppage cost exporters 210 million crowns.",
        "The stoppage cost exporters 210 million crowns, economists said.",
        None,
    )
    assert kind == "attribution_changed"


def test_word_swap_detail() -> None:
    kind, detail = classify_change(
        "Militias were told to stop their missile attacks on the base.",
        "Militias were told to cease their rocket attacks on the base.",
        None,
    )
    assert kind == "reworded" and detail == "cease → stop; rocket → missile"


def test_identical_sentences_are_same() -> None:
    sentence = "The authority confirmed that cranes would restart on Tuesday morning."
    assert classify_change(sentence, sentence, None) == ("same", None)
    assert same_claim(sentence, sentence)


def test_unrelated_sentences_are_not_the_same_claim() -> None:
    assert not same_claim("The harbour reopened on Monday.", "A chess prodigy won the open.")
