"""Replies to a date poll that are not only dates: "Can we do it online instead? I'm travelling in
March." used to get "We could not tell which dates you meant" and reach nobody; "Thanks!" to the
receipt read "nothing was recorded", as if the member's answer were lost. Over the real Dovecot +
SMTP stack: a question (alone or below the dates) reaches the coordinators, who answer by
replying; thanks after an answer is told the answer stands; an unclear reply says the earlier
answer is unchanged. In the member's language.
"""
from __future__ import annotations

from tests.fixtures_convenor import Network


def open_poll(net: Network) -> dict:
    return net.open_item("[Meeting] Spring", "Candidates: 2027-03-09 18:00; 2027-03-16 18:00; 2027-03-23 18:00"
                         "\n\nSpring meeting.", "Date poll sent")


def answers(net: Network) -> dict[str, set[int]]:
    from store import meetings as store_meetings, members as store_members
    by_id = store_meetings.availability(net.db, 1)
    return {store_members.get(net.db, mid)["email"]: dates for mid, dates in by_id.items()}


def test_a_question_on_a_date_poll_reaches_the_coordinators(network: Network):
    net = network
    polls = open_poll(net)
    net.reply(polls["li@example.org"], "Can we do it online instead? I'm travelling in March.")
    net.reply(polls["jean@example.org"], "1, 3\n\nEst-ce qu'on pourrait aussi prévoir une option en ligne ?")
    net.reply(polls["sofia@example.org"], "1 and 3, 2?")  # dates and an if-need-be mark: no question
    net.step()
    out = net.new_messages()
    to_li = net.only_message_to("li@example.org", out)
    assert to_li.subject == "[Meeting 1] Which dates suit you?"
    assert "What you wrote was passed on to the coordinators, who will answer you themselves." in to_li.flat_text
    to_jean = net.only_message_to("jean@example.org", out)
    assert to_jean.subject == "[Réunion 1] Vos disponibilités sont enregistrées"
    assert "Ce que vous avez écrit a été transmis aux coordinateurs" in to_jean.flat_text
    assert "passed on" not in net.only_message_to("sofia@example.org", out).flat_text
    forwards = net.messages_to("amina@example.org", out)
    assert sorted(m.subject for m in forwards) == [
        "[Test Network] Written on a date poll (Meeting 1): Re: [Meeting 1] When can you come to Spring?",
        "[Test Network] Written on a date poll (Meeting 1): Re: [Réunion 1] Quand pouvez-vous venir à « Spring » ?"]
    assert any("travelling in March" in m.text for m in forwards)
    assert answers(net) == {"jean@example.org": {1, 3}, "sofia@example.org": {1, 2, 3}}

    # the coordinator answers Li by replying to the forward
    fwd = next(m for m in forwards if "travelling" in m.text)
    net.reply(fwd, "Li, the March meeting will have a call link.")
    net.step()
    assert "call link" in net.only_message_to("li@example.org", net.new_messages()).text


def test_thanks_after_an_answer_is_told_the_answer_stands(network: Network):
    net = network
    polls = open_poll(net)
    net.reply(polls["li@example.org"], "2")
    net.reply(polls["jean@example.org"], "1")
    net.step()
    out = net.new_messages()
    net.reply(net.only_message_to("li@example.org", out), "Thanks!")
    net.reply(net.only_message_to("jean@example.org", out), "Merci !")
    net.reply(polls["sofia@example.org"], "Thanks")  # has not answered: she is asked for dates
    net.step()
    out = net.new_messages()
    to_li = net.only_message_to("li@example.org", out)
    assert to_li.subject == "[Meeting 1] Your answer stands"
    assert "stands as recorded; nothing changed." in to_li.flat_text
    assert net.only_message_to("jean@example.org", out).subject == "[Réunion 1] Votre réponse reste enregistrée"
    to_sofia = net.only_message_to("sofia@example.org", out)
    assert to_sofia.subject == "[Meeting 1] Which dates suit you?" and "unchanged" not in to_sofia.flat_text
    assert not net.messages_to("amina@example.org", out)
    assert answers(net) == {"li@example.org": {2}, "jean@example.org": {1}}

    # an unclear reply after an answer says the earlier answer is unchanged
    net.reply(to_li, "hmm")
    net.step()
    unclear = net.only_message_to("li@example.org", net.new_messages())
    assert "so nothing was recorded: your earlier answer is unchanged." in unclear.flat_text
    assert answers(net)["li@example.org"] == {2}
