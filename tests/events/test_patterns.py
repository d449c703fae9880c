"""General news patterns of who-did-what-to-whom, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from detente.events.coder import RuleCoder
from detente.records import EventMention
from tests.factories import code_text

PUBLISHED = dt.date(2021, 3, 2)


def code(coder: RuleCoder, text: str, published: dt.date | None = PUBLISHED) -> list[EventMention]:
    return code_text(coder, text, published)


def dyads(events: list[EventMention], plover: str) -> set[tuple[str, str | None]]:
    return {(e.source.text, e.target.text if e.target else None) for e in events if e.plover_type == plover}


def test_a_cooperative_act_announced_for_the_future_is_an_intent(coder: RuleCoder) -> None:
    assert ("Turkey", "Greece") in dyads(code(coder, "Turkey will hold talks with Greece next month."), "AGREE")
    willing = code(coder, "Japan is willing to send more medical aid to Peru.")
    assert ("Japan", "Peru") in dyads(willing, "AGREE")


def test_a_cooperative_act_refused_or_failed_is_a_rejection(coder: RuleCoder) -> None:
    refused = code(coder, "Hungary will not release the Serbian prisoners.")
    assert any(source == "Hungary" for source, _ in dyads(refused, "REJECT"))
    failed = code(coder, "Egypt and Ethiopia failed to reach an agreement on the dam.")
    assert ("Egypt", "Ethiopia") in dyads(failed, "REJECT")


def test_coordinated_subjects_act_on_each_other(coder: RuleCoder) -> None:
    signed = dyads(code(coder, "Japan and India signed a defence pact on Monday."), "SUPPORT")
    assert {("Japan", "India"), ("India", "Japan")} <= signed


def test_a_decision_or_plan_can_be_the_target(coder: RuleCoder) -> None:
    rejected = dyads(code(coder, "The Kenyan parliament rejected the budget proposal."), "REJECT")
    assert ("The Kenyan parliament", "the budget proposal") in rejected
    welcomed = dyads(code(coder, "France welcomed the decision by the African Union to end the suspension."), "SUPPORT")
    assert ("France", "the African Union") in welcomed


def test_a_demand_is_addressed_to_the_subject_of_its_clause(coder: RuleCoder) -> None:
    demanded = code(coder, "Opposition lawmakers demanded that the Nigerian president resign.")
    assert any(target and "president" in target for _, target in dyads(demanded, "REQUEST"))
    must = code(coder, "Germany says Russia must release the detained journalists.")
    assert ("Germany", "Russia") in dyads(must, "REQUEST")


def test_a_light_verb_and_its_event_noun_keep_the_recipient(coder: RuleCoder) -> None:
    probe = code(coder, "The European Commission launched an investigation into the Polish government.")
    assert ("The European Commission", "the Polish government") in dyads(probe, "ACCUSE")


def test_codebook_verbs_return_fault_and_alert(coder: RuleCoder) -> None:
    returned = code(coder, "Italy returned the stolen paintings to Greece.")
    assert ("Italy", "Greece") in dyads(returned, "RETREAT")
    faulted = code(coder, "Ghana faulted Togo's decision to close the border.")
    assert any(target and "Togo" in target for _, target in dyads(faulted, "ACCUSE"))
    alert = code(coder, "Lebanese troops remained on alert along the border.")
    assert dyads(alert, "MOBILIZE")


def test_a_modifier_says_what_the_event_is(coder: RuleCoder) -> None:
    verbal = code(coder, "The senator launched a scathing attack on the Kenyan government.")
    assert dyads(verbal, "ACCUSE") and not dyads(verbal, "ASSAULT")
    halted = code(coder, "Hezbollah halted its rocket attacks on Israel.")
    assert not [e for e in halted if e.plover_type == "ASSAULT" and e.modality == "asserted"]


def test_an_agentless_arrest_is_by_the_state_where_it_happened(coder: RuleCoder) -> None:
    arrested = code(coder, "A prominent blogger was arrested in Uganda on Friday.")
    assert any(source == "Uganda" for source, _ in dyads(arrested, "COERCE"))
    dated = code(coder, "A prominent blogger was arrested in March 2019.")
    assert not dyads(dated, "COERCE")


def test_a_pronoun_in_a_reported_clause_is_the_speaker(coder: RuleCoder) -> None:
    said = code(coder, "The striking dock workers said they will not accept the new contract.")
    assert any(source and "workers" in source for source, _ in dyads(said, "REJECT"))


def test_agreeing_a_deal_is_signing_it_and_countries_are_actors(coder: RuleCoder) -> None:
    agreed = dyads(code(coder, "Norway and Iceland agreed a new fishing treaty."), "SUPPORT")
    assert ("Norway", "Iceland") in agreed
    talks = code(coder, "Brazil held talks with several neighbouring countries on Monday.")
    assert any(target and "countries" in target for _, target in dyads(talks, "CONSULT"))


def test_refusing_to_stop_is_a_rejection_not_a_concession(coder: RuleCoder) -> None:
    refused = code(coder, "Chile said it will never halt its campaign against the drug cartels.")
    assert any(source == "Chile" for source, _ in dyads(refused, "REJECT"))
    assert not any(source == "Chile" for source, _ in dyads(refused, "YIELD"))


def test_the_recipient_of_what_was_agreed_or_refused_is_in_the_complement(coder: RuleCoder) -> None:
    pledged = code(coder, "Brazil has pledged to work with Argentina on new border projects.")
    assert ("Brazil", "Argentina") in dyads(pledged, "AGREE")
    refused = code(coder, "The ministry refused to respond to a request from Kenya for the files.")
    assert ("The ministry", "Kenya") in dyads(refused, "REJECT")
    joint = code(coder, "Peru and Chile agreed to build a railway across the Andes.")
    assert ("Peru", "Chile") in dyads(joint, "AGREE")


def test_returning_any_object_to_its_owner_is_a_retreat(coder: RuleCoder) -> None:
    returned = code(coder, "Canada returned a carved wooden mask stolen in 1950 to Mexico on Tuesday.")
    assert ("Canada", "Mexico") in dyads(returned, "RETREAT")
    assert not code(coder, "The Canadian minister returned to Mexico on Tuesday.")
    fired = code(coder, "Indian soldiers returned fire at the Pakistani troops.")
    assert dyads(fired, "ASSAULT")


def test_pledged_support_is_support_and_captured_territory_is_force(coder: RuleCoder) -> None:
    pledged = code(coder, "Sweden pledged its full support for Finland.")
    assert ("Sweden", "Finland") in dyads(pledged, "SUPPORT")
    captured = code(coder, "Ethiopian troops captured two towns in Eritrea on Sunday.")
    assert dyads(captured, "ASSAULT")


def test_with_no_actor_undergoing_it_the_place_is_the_target(coder: RuleCoder) -> None:
    built = code(coder, "The Dutch government agreed to build three new schools in Ghana.")
    assert ("The Dutch government", "Ghana") in dyads(built, "AGREE")
    truce = code(coder, "The rebels declared a two-week truce in Mali on Sunday.")
    assert ("The rebels", "Mali") in dyads(truce, "RETREAT")
    # what is condemned stays the thing itself, not where it happened
    condemned = code(coder, "Chile condemned the bombing of a hospital in Syria.")
    assert not any(target == "Syria" for _, target in dyads(condemned, "ACCUSE"))


def test_two_parties_agreeing_to_do_something_do_it_with_each_other(coder: RuleCoder) -> None:
    joint = code(coder, "Egypt and its allies agreed to hold a joint naval exercise.")
    assert ("Egypt", "its allies") in dyads(joint, "AGREE")
    talks = code(coder, "Canada and Mexico have agreed to start negotiations for a new trade agreement.")
    assert {("Canada", "Mexico"), ("Mexico", "Canada")} <= dyads(talks, "AGREE")


def test_a_refusal_until_another_acts_is_addressed_to_that_actor(coder: RuleCoder) -> None:
    lifted = code(coder, "Washington will not lift the embargo unless Cuba frees political prisoners.")
    assert ("Washington", "Cuba") in dyads(lifted, "REJECT")


def test_the_recipient_follows_an_event_noun_and_a_light_verb(coder: RuleCoder) -> None:
    suspended = code(coder, "Norway announced a suspension of aid to Uganda.")
    assert ("Norway", "Uganda") in dyads(suspended, "SANCTION")
    cyber = code(coder, "Russia has launched cyber warfare against Estonia.")
    assert ("Russia", "Estonia") in dyads(cyber, "ASSAULT")


def test_troops_sent_for_peacekeeping_are_aid_and_a_call_for_sanctions_is_disapproval(coder: RuleCoder) -> None:
    sent = code(coder, "Ghana is sending 300 soldiers to join the peacekeeping mission in Mali.")
    assert any(source == "Ghana" for source, _ in dyads(sent, "AID"))
    assert not dyads(code(coder, "Russia sent troops to the border."), "AID")
    announced = code(coder, "Kenya announced the deployment of 500 troops to Somalia on a peacekeeping mission.")
    assert ("Kenya", "Somalia") in dyads(announced, "AID")
    called = code(coder, "Several lawmakers called for sanctions against Belarus over the crackdown.")
    assert ("Several lawmakers", "Belarus") in dyads(called, "ACCUSE")


def test_two_sides_named_in_one_noun_phrase_are_two_actors(coder: RuleCoder) -> None:
    agreed = code(coder, "UK and EU negotiators have agreed a new trade deal.")
    assert ("UK", "EU negotiators") in dyads(agreed, "SUPPORT")
    met = code(coder, "Russia and Turkey's foreign ministers met on Monday.")
    assert ("Russia", "Turkey's foreign ministers") in dyads(met, "CONSULT")
    # one side of a fight named twice does not fight itself
    attacked = code(coder, "US and British forces attacked the town.")
    assert not any(target in ("US", "British forces") for _, target in dyads(attacked, "ASSAULT"))


def test_forces_mobilized_for_an_operation_are_mobilized_against_its_target(coder: RuleCoder) -> None:
    mobilized = code(coder, "Serbia mobilized its troops for a possible offensive against Kosovo.")
    assert ("Serbia", "Kosovo") in dyads(mobilized, "MOBILIZE")


def test_pledges_of_aid_by_several_actors_are_not_to_each_other(coder: RuleCoder) -> None:
    events = code(coder, "China, Iran and Russia have pledged funds for the reconstruction of Syria.")
    assert events and all(e.target is None or e.target.country not in ("CHN", "IRN", "RUS") for e in events)


def test_neither_nor_subjects_negate_the_event(coder: RuleCoder) -> None:
    events = code(coder, "Neither the European Union nor the United States would endorse the election result.")
    assert events and all(e.modality == "negated" or e.plover_type == "REJECT" for e in events)


def test_court_verdicts_and_filed_charges_are_accusations(coder: RuleCoder) -> None:
    guilty = code(coder, "A court in Ankara found the Greek captain guilty of spying.")
    assert any(target == "the Greek captain" for _, target in dyads(guilty, "ACCUSE"))
    liable = code(coder, "A US jury found Iran liable for the bombing of the barracks.")
    assert any(target == "Iran" for _, target in dyads(liable, "ACCUSE"))
    filed = code(coder, "Kenyan prosecutors filed murder charges against two police officers.")
    assert any(target == "two police officers" for _, target in dyads(filed, "ACCUSE"))
    assert not code(coder, "Rescuers found the missing hikers alive.")


def test_calling_someone_to_discuss_is_a_consultation(coder: RuleCoder) -> None:
    called = code(coder, "The Turkish president called his Russian counterpart to discuss the grain corridor.")
    assert ("The Turkish president", "his Russian counterpart") in dyads(called, "CONSULT")
    appealed = code(coder, "The United Nations called on Sudan's generals to hold talks.")
    assert dyads(appealed, "REQUEST")
    assert not any("phone-call" in e.coder for e in appealed)


def test_the_partner_of_a_deal_left_is_the_target(coder: RuleCoder) -> None:
    events = code(coder, "The United States withdrew from the nuclear agreement with Iran in May 2018.")
    withdrawal = next(e for e in events if e.evidence.trigger == "withdrew")
    assert withdrawal.target is not None and withdrawal.target.country == "IRN"


def test_announced_coercion_or_protest_is_a_threat_unless_done_at_once(coder: RuleCoder) -> None:
    curfew = code(coder, "The Thai government will extend the curfew in Bangkok.")
    assert any(source == "The Thai government" for source, _ in dyads(curfew, "THREATEN"))
    boycott = code(coder, "Opposition parties said they would boycott the peace talks.")
    assert ("Opposition parties", "the peace talks") in dyads(boycott, "THREATEN")
    at_once = code(coder, "The army said it would immediately impose a curfew in the city.")
    assert dyads(at_once, "COERCE") and not dyads(at_once, "THREATEN")


def test_the_one_allowed_to_act_is_the_target(coder: RuleCoder) -> None:
    """Regression: "allow X to visit" parses X as the subject of the infinitive, and the target was lost."""
    allowed = code(coder, "Jordan agreed to allow UN inspectors to visit the camps.")
    assert ("Jordan", "UN inspectors") in dyads(allowed, "AGREE")


def test_a_passive_return_goes_to_the_prepositional_recipient(coder: RuleCoder) -> None:
    returned = code(coder, "A stolen painting was returned by Italian police to Greek authorities.")
    assert ("Italian police", "Greek authorities") in dyads(returned, "RETREAT")


def test_people_named_by_role_are_actors(coder: RuleCoder) -> None:
    freed = code(coder, "The junta freed a jailed opposition candidate on Sunday.")
    assert ("The junta", "a jailed opposition candidate") in dyads(freed, "RETREAT")


def test_a_capital_city_is_the_place_when_nobody_else_is_named(coder: RuleCoder) -> None:
    alert = code(coder, "Philippine marines remained on alert in Manila.")
    assert ("Philippine marines", "Manila") in dyads(alert, "MOBILIZE")


def test_legal_action_is_a_lawsuit_but_military_action_is_force(coder: RuleCoder) -> None:
    legal = code(coder, "The European Commission launched legal action against Hungary.")
    assert ("The European Commission", "Hungary") in dyads(legal, "ACCUSE")
    military = code(coder, "Turkey launched military action against Kurdish fighters.")
    assert dyads(military, "ASSAULT") and not dyads(military, "ACCUSE")


def test_approving_an_extradition_or_ordering_a_retrial_acts_against_the_person(coder: RuleCoder) -> None:
    extradition = code(coder, "A Spanish court approved the extradition of a Venezuelan banker.")
    assert ("A Spanish court", "a Venezuelan banker") in dyads(extradition, "ACCUSE")
    retrial = code(coder, "The high court ordered the retrial of the former mayor.")
    assert ("The high court", "the former mayor") in dyads(retrial, "ACCUSE")


def test_a_relative_pronoun_names_the_noun_of_its_clause(coder: RuleCoder) -> None:
    """Regression: the object "that" of a relative clause fell back to an actor of the article."""
    accused = code(coder, "Ukrainian officials named the Wagner Group, the militia that Kyiv accused of the shelling.")
    assert ("Kyiv", "the Wagner Group") in dyads(accused, "ACCUSE")


def test_a_name_described_by_an_apposition_is_the_mention_and_the_apposition_resolves_it(coder: RuleCoder) -> None:
    freed = [e for e in code(coder, "The militia freed Tomas Okwara, a former Kenyan senator, on Friday.") if e.target]
    assert [(e.target.text, e.target.country) for e in freed] == [("Tomas Okwara", "KEN")]


def test_the_place_of_an_event_with_no_recipient_may_carry_an_apposition_or_sit_in_its_purpose(
    coder: RuleCoder,
) -> None:
    truce = code(coder, "Rwanda and Uganda declared a truce in Goma, the rebels' last stronghold, on Sunday.")
    assert {(e.target.text, e.target.country) for e in truce if e.target} == {("Goma", "COD")}
    grant = code(coder, "Norway gave $40 million to rebuild schools and clinics in Darfur.")
    assert [(e.target.text, e.target.country) for e in grant if e.plover_type == "AID" and e.target] == [
        ("Darfur", "SDN")
    ]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(coder: RuleCoder) -> None:
    text = "Emmanuel Macron visited Washington in April. Later that week President Joe Biden praised him warmly."
    praised = [e for e in code(coder, text) if e.source.text == "President Joe Biden"]
    assert praised and {e.target.name for e in praised if e.target} == {"Emmanuel Macron"}


def test_a_mediator_mediates_with_the_parties_to_the_dispute_it_is_meant_to_end(coder: RuleCoder) -> None:
    effort = code(coder, "Kenya launched a mediation effort to end the dispute between Ethiopia and Eritrea.")
    assert dyads(effort, "CONSULT") == {("Kenya", "Ethiopia"), ("Kenya", "Eritrea")}
    mediating = code(coder, "Qatar is mediating to resolve the standoff between Sudan and Chad.")
    assert dyads(mediating, "CONSULT") == {("Qatar", "Sudan"), ("Qatar", "Chad")}


def test_a_strike_gone_on_against_someone_targets_them_not_the_strike(coder: RuleCoder) -> None:
    struck = code(coder, "Dockworkers in Mombasa went on strike against the port operator on Monday.")
    assert dyads(struck, "PROTEST") == {("Dockworkers", "the port operator")}


def test_firing_someone_is_no_attack_but_firing_on_them_or_a_weapon_is(coder: RuleCoder) -> None:
    dismissed = code(coder, "President Alvarez fired his defence minister and the army chief on Tuesday.")
    assert not [e for e in dismissed if e.plover_type == "ASSAULT"]
    for text in (
        "Troops fired on the demonstrators in the capital.",
        "Both armies fired across the demarcation line overnight.",
        "Soldiers fired small arms along the border with Armenia.",
    ):
        assert [e.plover_type for e in code(coder, text)] == ["ASSAULT"], text


def test_a_decision_to_yield_is_the_yield_not_an_intent(coder: RuleCoder) -> None:
    decided = code(coder, "Japan's cabinet decided to lift the sanctions on Myanmar.")
    assert [(e.plover_type, e.modality, e.source.text, e.target and e.target.text) for e in decided] == [
        ("RETREAT", "asserted", "Japan's cabinet", "Myanmar")
    ]


def test_an_honour_awarded_or_conferred_is_praise(coder: RuleCoder) -> None:
    awarded = code(coder, "Ghana awarded the Order of the Volta to the retiring Nigerian envoy.")
    assert dyads(awarded, "SUPPORT") == {("Ghana", "the retiring Nigerian envoy")}
    conferred = code(coder, "Chile conferred its highest honour on the Uruguayan president.")
    assert dyads(conferred, "SUPPORT") == {("Chile", "the Uruguayan president")}
    assert not code(coder, "The court awarded the family $5 million in damages.")


def test_the_government_a_head_of_government_says_will_act_is_him(coder: RuleCoder) -> None:
    text = "Prime Minister Andrew Holness announced that the government will extend the nightly curfew in Jamaica."
    assert {e.source.text for e in code(coder, text)} == {"Prime Minister Andrew Holness"}
    said = code(coder, "President William Ruto said his country will reopen the border with Somalia.")
    assert {(e.source.text, e.source.country) for e in said} == {("President William Ruto", "KEN")}
    assert not code(coder, "The opposition leader said the government will release the detainees.")


def test_a_countrys_act_voiced_by_its_own_leader_is_the_leaders(coder: RuleCoder) -> None:
    voiced = code(coder, "President William Ruto reiterated Kenya's support for the Somali federal government.")
    assert ("President William Ruto", "the Somali federal government") in dyads(voiced, "SUPPORT")
    other = code(coder, "The Ethiopian envoy reiterated Kenya's support for the Somali federal government.")
    assert ("Kenya's", "the Somali federal government") in dyads(other, "SUPPORT")


def test_seeking_refuge_or_applying_for_asylum_is_a_request_to_the_host(coder: RuleCoder) -> None:
    assert dyads(code(coder, "Hundreds of Afghan soldiers sought refuge in Tajikistan."), "REQUEST") == {
        ("Hundreds of Afghan soldiers", "Tajikistan")
    }
    assert dyads(code(coder, "The dissident applied for asylum in Sweden."), "REQUEST") == {("The dissident", "Sweden")}
