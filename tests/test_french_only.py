"""A French reader reads French only, over the real Dovecot + SMTP stack: STATUS names each item
with French words, a vote's result writes its percentages as French does ("66,7 %"), and a French
coordinator's malformed [Scrutin] / [Réunion] lines are explained in French. Every message sent to
a French member in these scenarios is scanned for common English words."""
from __future__ import annotations

import re

from tests.fixtures_convenor import network_fixture
from workflows.routing import locale

MEMBERS = [
    ("Claire Roy", "claire@example.org", "core", True, "fr", ["Sensibilisation"]),
    ("Jean Tremblay", "jean@example.org", "core", False, "fr", ["Sensibilisation"]),
    ("Li Wei", "li@example.org", "core", False, "en", []),
]
ENGLISH = {"the", "and", "write", "line", "is", "not", "with", "must", "give", "least", "only", "would",
           "already", "your", "you", "please", "poll", "meeting", "draft", "members", "of", "to", "for",
           "has", "have", "be", "this", "that", "yes", "no", "or", "when", "where", "past", "date", "vote",
           "votes", "voted", "turnout", "quorum reached", "options", "action", "due", "until", "on"}
# what may stay as it is in a French message: names, addresses, the network's own name, zones
PROPER = re.compile(r"Test Network|[\w.+-]+@[\w.-]+|America/Toronto|Claire Roy|Jean Tremblay|Li Wei|"
                    r"mailto:\S+|https?://\S+")


def english_words(text: str) -> list[str]:
    """The common English words in a French text (names, addresses and the network's name aside)."""
    words = re.findall(r"[A-Za-zÀ-ÿ']+", PROPER.sub(" ", text))
    lowered = [w.lower() for w in words]
    found = [w for w in lowered if w in ENGLISH and w not in ("action", "options", "date", "vote", "votes")]
    # "action", "options", "date" and "vote" are French words too: English only as an item's name
    found += re.findall(r"\b(?:Poll|Meeting|Draft|Vote) \d+", PROPER.sub(" ", text))
    return found


net = network_fixture(MEMBERS)


def french_messages(net) -> list:
    return [m for m in net.outbound() if m.to in ("claire@example.org", "jean@example.org")]


def test_status_the_result_and_the_problems_are_french_only(net):
    net.send("Claire Roy <claire@example.org>", "[Scrutin] Adopter le budget",
             "Clôture: dans 5 jours\n\nQue le réseau adopte le budget de l'année.")
    net.send("Claire Roy <claire@example.org>", "[Brouillon] Brochure de sensibilisation",
             "Audience: core\n\nÀ relire, merci.")
    net.send("Claire Roy <claire@example.org>", "[Réunion] Assemblée de printemps",
             "Candidats: 2027-02-10 18:00; 2027-02-12 18:00\nAudience: core\n")
    net.send("Claire Roy <claire@example.org>", "[Réunion] Journée de formation",
             "Quand: 2027-01-20 18:00\nLieu: Salle des fêtes\nAudience: core\n")
    net.step()
    sent = net.new_messages()
    ballots = {m.to: m for m in sent if re.match(r"\[(Scrutin|Vote) 1\] Adopter", m.subject)}
    announce = next(m for m in sent if m.to == "claire@example.org" and "Journée" in m.subject
                    and "Annoncée" not in m.subject)
    net.reply(ballots["jean@example.org"], "Oui")
    net.reply(ballots["li@example.org"], "Yes")
    net.reply(announce, "ACTION: Jean Tremblay — réserver la salle — 2027-01-15", quote=False)
    net.step()
    net.new_messages()

    net.send("Jean Tremblay <jean@example.org>", "état", "STATUS")
    net.step()
    status = net.only_message_to("jean@example.org", net.new_messages())
    for item in ("Scrutin 1 : Adopter le budget", "Brouillon 1 : Brochure de sensibilisation",
                 "Journée de formation", "Action 1 : réserver la salle"):
        assert item in status.text, status.text
    assert re.search(r"- (Sondage|Réunion) \d+ : Assemblée de printemps", status.text), status.text
    assert english_words(status.text) == [], status.text

    net.advance(days=6)   # the vote closes: 2 of the 3 core members voted
    net.step()
    result = next(m for m in net.new_messages() if m.to == "jean@example.org" and "Scrutin 1" in m.subject)
    assert "66,7\u00a0%" in result.text, result.text          # as Babel writes it for French
    assert "50\u00a0%" in result.text and "66.7" not in result.text
    english = next(m for m in net.outbound() if m.to == "li@example.org" and "[Vote 1]" in m.subject
                   and "66.7%" in m.text)
    assert "66,7" not in english.text

    net.send("Claire Roy <claire@example.org>", "[Scrutin] Changer de local",
             "Quorum: beaucoup\nClôture: hier soir\nSecret: peut-être\nOptions: Oui\nClôture: demain\n\n"
             "Que le réseau change de local.")
    net.send("Claire Roy <claire@example.org>", "[Réunion] Sans date", "Lieu: Salle\nAudience: les amis\n")
    net.send("Claire Roy <claire@example.org>", "[Scrutin] Élire une déléguée",
             "Électorat: sous-comité Inconnu\n\nQue le sous-comité élise sa déléguée.")
    net.step()
    refused = net.messages_to("claire@example.org", net.new_messages())
    vote_refused = next(m for m in refused if "Changer de local" in m.subject)
    for problem in ("« Quorum: beaucoup » : écrivez un pourcentage entre 0 et 100",
                    "« Clôture: hier soir » n'est pas une date lisible",
                    "« Secret: peut-être » : écrivez « oui » ou « non »",
                    "« Options: Oui » : donnez au moins deux options",
                    "ligne 5 : « Clôture: demain » donne Clôture une deuxième fois (déjà sur la ligne 2)"):
        assert problem in vote_refused.text, vote_refused.text
    unknown = next(m for m in refused if "Élire" in m.subject)
    assert "il n'y a pas de sous-comité nommé 'Inconnu'" in unknown.text, unknown.text
    meeting_refused = next(m for m in refused if "Sans date" in m.subject)
    assert "ni ligne Quand: (une date) ni ligne Candidats: (plusieurs dates)" in meeting_refused.text
    assert "« les amis » n'est pas un public connu" in meeting_refused.text, meeting_refused.text

    for message in french_messages(net):
        assert english_words(message.subject + "\n" + message.text) == [], (message.subject, message.text)


def test_the_reader_s_language_writes_numbers_references_and_sentences():
    assert locale.percent(200 / 3, "fr") == "66,7\u00a0%" and locale.percent(200 / 3, "en") == "66.7%"
    assert locale.percent(50, "fr") == "50\u00a0%" and locale.number(1234, "fr") == "1\u202f234"
    assert locale.item_ref("Poll 3", "fr") == "Sondage 3" and locale.item_ref("Poll 3", "en") == "Poll 3"
    assert locale.item_ref("Meeting 4", "fr") == "Réunion 4"
    assert locale.sentence("line 3: a date is already past", "fr") == "ligne 3 : une date est déjà passée"
    assert locale.sentence("something new", "fr") == "something new"    # not in the catalogue: as written
    ambiguous = "03/04/2027 could be 3 April 2027 or March 4, 2027: write it as 2027-04-03 (year-month-day) or " \
                "with the month's name; the network's administrator can also set network.date_order (dmy or mdy) " \
                "to say how dates are written here"
    said = locale.sentence(ambiguous, "fr")
    assert said.startswith("03/04/2027 peut se lire 3 avril 2027 ou 4 mars 2027 : "), said
    assert locale.sentence(ambiguous, "en") == ambiguous


def test_a_date_too_far_away_is_answered_not_set_aside_and_a_french_member_reads_french(net):
    net.send("Jean Tremblay <jean@example.org>", "ABSENT jusqu'au 9999-12-31", "ABSENT jusqu'au 9999-12-31")
    net.send("Jean Tremblay <jean@example.org>", "ABSENT jusqu'au 2031-06-01", "ABSENT jusqu'au 2031-06-01")
    net.send("Jean Tremblay <jean@example.org>", "ABSENT", "ABSENT jusqu'au")
    net.send("Claire Roy <claire@example.org>", "[Vote] Adopter le budget",
             "Closes: 9999-12-31 23:00\n\nThat the network adopts the 2027 budget.\n")
    net.step()
    out = net.new_messages()
    assert not [m for m in out if "set aside" in m.subject]              # nothing quarantined
    answers = net.messages_to("jean@example.org", out)
    assert len(answers) == 3 and all("congé n'a pas été enregistré" in m.subject for m in answers)
    texts = [m.text for m in answers]
    assert "9999-12-31" in texts[0] and "trop loin" in texts[0], texts[0]
    assert "à plus de deux ans" in texts[1] and "aucune date" in texts[2]
    for text in texts:
        assert english_words(text) == [], text
    problem = net.only_message_to("claire@example.org", out)
    assert "9999-12-31 23:00 est trop loin" in problem.text and english_words(problem.text) == [], problem.text


def test_a_french_member_whose_date_poll_answer_is_unclear_reads_why_in_french(net):
    net.send("Claire Roy <claire@example.org>", "[Meeting] Planification",
             "Candidates: 2027-02-09 18:00; 2027-02-16 18:00\nAudience: core\n\nLa réunion de printemps.\n")
    net.step()
    poll = next(m for m in net.new_messages() if m.to == "jean@example.org")
    for answer in ("peut-être", "le 5", "mardi 9 février 18h", "pas le 1"):
        net.reply(poll, answer)
    net.step()
    receipts = net.messages_to("jean@example.org", net.new_messages())
    assert len(receipts) == 4
    for receipt in receipts:
        assert "rien n'a été enregistré" in receipt.text, receipt.text
        assert english_words(receipt.subject + "\n" + receipt.text) == [], receipt.text
    assert "aucune option ne porte le numéro 5 (1-2)" in receipts[1].text
