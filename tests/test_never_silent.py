"""Never swallowed, never left unanswered: over Dovecot + SMTP, each kind of message that cannot be
acted on gets an answer saying what was understood and what to write instead, and reaches the
coordinators; a command is taken only when the text IS the command; a subject that merely looks
automatic never hides a person's mail.
"""
from __future__ import annotations

from tests.fixtures_convenor import network_fixture, roster

MEMBERS = roster("amina", "omar", "jean", "li", "sofia", "priya",
                 coordinators=("amina", "omar"),
                 subcommittees={"Awareness": ("amina", "jean"), "Training": ("li",)})
COORDINATORS = ["amina@example.org", "omar@example.org"]


net = network_fixture(MEMBERS)


def forwards(net, out, address="amina@example.org"):
    return [m for m in net.messages_to(address, out) if "Not understood" in m.subject]


def test_a_message_that_only_starts_with_a_command_word_reaches_the_coordinators_and_its_sender_is_told(net):
    net.send("Li Wei <li@example.org>", "Urgent",
             "Help! A woman we support needs a safe place tonight, who can call me?")
    net.send("Jean Tremblay <jean@example.org>", "Urgent",
             "Aide urgente : une femme a besoin d'un hébergement ce soir.")
    net.send("Sofia Martins <sofia@example.org>", "Dupont", "Status of the Dupont case: the hearing moved to Friday.")
    net.send("Li Wei <li@example.org>", "Letter", "Join me in asking the ministry for more shelter places.")
    net.send("Jean Tremblay <jean@example.org>", "", "JOIN Trainig")
    net.step()
    out = net.new_messages()
    for coordinator in COORDINATORS:
        texts = [m.text for m in forwards(net, out, coordinator)]
        assert len(texts) == 5
        assert any("safe place tonight" in t for t in texts) and any("hébergement ce soir" in t for t in texts)
    li = net.messages_to("li@example.org", out)
    assert [m.subject for m in li] == ["Passed on to the coordinators: Urgent",
                                       "Passed on to the coordinators: Letter"]
    assert "How to use" not in " ".join(m.subject for m in out)  # no HELP text for a cry for help
    assert "the coordinators (2), who will answer you themselves" in li[0].text
    assert "HELP      what you can do by email" in li[0].text
    jean = net.messages_to("jean@example.org", out)
    assert [m.subject for m in jean] == ["Transmis aux coordinateurs : Urgent", "Transmis aux coordinateurs : (sans objet)"]
    assert "aux coordinateurs (2)" in jean[0].text
    assert "JOIN <sous-comité>" in jean[1].text and "Awareness, Training" in jean[1].text
    assert "Passed on to the coordinators: Dupont" == net.only_message_to("sofia@example.org", out).subject


def test_a_message_that_is_exactly_a_command_is_still_taken(net):
    net.send("Li Wei <li@example.org>", "help", "HELP")
    net.send("Sofia Martins <sofia@example.org>", "", "join training\n\nThanks,\nSofia")
    net.send("Jean Tremblay <jean@example.org>", "Re: Comment utiliser le réseau", "status")
    net.step()
    out = net.new_messages()
    assert "How to use" in net.only_message_to("li@example.org", out).subject
    assert "Training" in net.only_message_to("sofia@example.org", out).text
    assert net.only_message_to("jean@example.org", out).subject.startswith(("Vos", "Ce qui", "État", "Statut"))
    assert not any(forwards(net, out, c) for c in COORDINATORS)


def test_a_coordinators_unknown_message_reaches_the_other_coordinator_and_she_is_told(net):
    net.send("Amina Diallo <amina@example.org>", "Printer", "Can someone check the printer at the office?")
    net.step()
    out = net.new_messages()
    assert len(forwards(net, out, "omar@example.org")) == 1
    answer = net.only_message_to("amina@example.org", out)
    assert "the other coordinators (1)" in answer.text and "[Draft], [Vote]" in answer.text


def test_choose_or_close_in_reply_to_the_date_poll_confirmation_decides_the_date(net):
    net.send("Amina Diallo <amina@example.org>", "[Meeting] Planning day",
             "Candidates: 2027-02-09 18:00; 2027-02-11 18:00; 2027-02-16 18:00\nAudience: core\n")
    net.step()
    out = net.new_messages()
    confirmation = net.only_message_to("amina@example.org", [m for m in out if "Date poll sent" in m.subject])
    assert "CHOOSE 2" in confirmation.text and "CLOSE" in confirmation.text
    net.advance(hours=1)
    net.reply(confirmation, "CHOOSE 2")
    net.step()
    out = net.new_messages()
    chosen = [m for m in net.messages_to("amina@example.org", out) if "Date 2 chosen" in m.subject]
    assert len(chosen) == 1 and "February 11, 2027" in chosen[0].text
    invited = [m for m in net.messages_to("li@example.org", out) if m.attachments]
    assert len(invited) == 1 and "February 11, 2027" in invited[0].text

    net.send("Omar Haddad <omar@example.org>", "[Meeting] Strategy day",
             "Candidates: 2027-03-09 18:00; 2027-03-11 18:00\nAudience: core\n")
    net.step()
    out = net.new_messages()
    poll = net.only_message_to("li@example.org", [m for m in out if "can you come" in m.subject])
    confirmation = net.only_message_to("omar@example.org", [m for m in out if "Date poll sent" in m.subject])
    net.reply(poll, "2")
    net.step()
    net.new_messages()
    net.reply(confirmation, "Close")
    net.step()
    out = net.new_messages()
    closed = [m for m in net.messages_to("omar@example.org", out) if "Date 2 chosen" in m.subject]
    assert len(closed) == 1 and "March 11, 2027" in closed[0].text


def test_a_subject_that_only_looks_automatic_never_hides_a_persons_mail(net):
    net.send("Amina Diallo <amina@example.org>", "[Vote] Out of office policy",
             "Closes: in 7 days\n\nThat staff set an out-of-office message when away.\n")
    net.send("Amina Diallo <amina@example.org>", "[Brouillon] Message d'absence type",
             "Audience: subcommittee Awareness\nDeadline: in 10 days\n\nLe modèle ci-joint.\n",
             attachments=[("absence.pdf", "application/pdf", b"%PDF-1.4 absence")])
    net.step()
    out = net.new_messages()
    ballots = {m.to: m for m in out if m.subject.startswith(("[Vote 1]", "[Scrutin 1]"))}
    assert sorted(ballots) == ["amina@example.org", "jean@example.org", "li@example.org", "omar@example.org",
                               "sofia@example.org"]
    draft = net.only_message_to("jean@example.org", [m for m in out if "Brouillon 1" in m.subject])
    net.advance(hours=1)
    net.reply(ballots["li@example.org"], "Yes")
    net.reply(ballots["jean@example.org"], "Non")
    net.reply(draft, "Le modèle est clair, merci.")
    net.reply(ballots["sofia@example.org"], "I am away until Monday.", quote=False,
              headers={"Auto-Submitted": "auto-replied"})                          # a real auto-reply
    ooo = net.compose("omar@example.org", "Automatic reply: [Vote 1] Out of office policy", "Away.",
                      to=ballots["omar@example.org"].reply_to)
    net.deliver(ooo)                                                              # header-less, its own subject
    net.step()
    out = net.new_messages()
    assert "is recorded: Yes." in net.only_message_to("li@example.org", out).text
    assert "enregistré : Non." in [m for m in net.messages_to("jean@example.org", out) if "Scrutin" in m.subject][0].text
    assert any("Brouillon 1" in m.subject for m in net.messages_to("jean@example.org", out))
    assert net.messages_to("sofia@example.org", out) == [] and net.messages_to("omar@example.org", out) == []
    counted = net.db.execute("SELECT count(*) FROM vote_choices").fetchone()[0]
    assert counted == 2


def test_a_coordinators_reply_to_a_forwarded_strangers_message_reaches_the_stranger_from_the_list(net):
    stranger = "Dana Social Worker <dana@shelter.example.net>"
    net.send(stranger, "A client needs help", "Can someone from your network call me about a client?")
    net.step()
    out = net.new_messages()
    forward = net.only_message_to("amina@example.org", out)
    assert "reply to this message" in forward.text and "+" in forward.reply_to
    net.advance(hours=1)
    net.reply(forward, "Thank you, Dana. Li will call you tomorrow at 10.")
    net.step()
    out = net.new_messages()
    answer = net.only_message_to("dana@shelter.example.net", out)
    assert "Li will call you tomorrow at 10." in answer.text
    assert answer.msg["From"].addresses[0].addr_spec == net.list_address
    assert "amina" not in answer.data.decode(errors="replace").lower()   # the coordinator's address is not shown
    assert "A client needs help" not in answer.subject                   # the incoming subject is not repeated
    told = net.only_message_to("omar@example.org", out)
    assert told.subject.endswith("Amina Diallo answered dana@shelter.example.net")
    assert net.messages_to("amina@example.org", out) == []

    net.advance(days=1)
    net.send(stranger, "Re: your message", "Thanks! One more question.")
    net.step()
    out = net.new_messages()
    for coordinator in COORDINATORS:
        again = net.only_message_to(coordinator, out)
        assert "Amina Diallo already answered this sender on" in again.text


def test_a_coordinators_reply_to_a_forwarded_members_message_reaches_the_member(net):
    net.send("Li Wei <li@example.org>", "Printed copies", "Where can I find the printed brochures?")
    net.step()
    forward = net.only_message_to("omar@example.org", net.new_messages())
    net.reply(forward, "In the office cupboard, second shelf.")
    net.step()
    out = net.new_messages()
    answer = net.only_message_to("li@example.org", out)
    assert "second shelf" in answer.text and "Omar Haddad, for" in answer.text
    assert "Omar Haddad answered li@example.org" in net.only_message_to("amina@example.org", out).subject
