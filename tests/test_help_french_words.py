"""The French HELP shows the French command words the command reader accepts (STATUT, ENVOYER,
REJOINDRE…), and a French member who writes what it shows gets that command's answer."""
from __future__ import annotations

import re

from workflows.routing.table import COMMANDS

ENGLISH_ONLY = {"STATUS", "SEND", "JOIN", "LEAVE", "DECISIONS", "ACTIONS", "SUBSCRIBE", "UNSUBSCRIBE", "HELP",
                "AWAY", "BACK", "ADDRESS"}


def _help_of(net, address: str) -> str:
    net.send(address, "aide", "AIDE")
    net.step()
    return net.only_message_to(address, net.new_messages()).text.replace("\r\n", "\n")


def _written_words(text: str) -> set[str]:
    """The upper-case words of each point of the help that tells the reader to write ("Écrivez")
    something to the list address, an address's AJOUTER aside (ADRESSE's argument)."""
    points = [p for p in text.split("\n- ") if "Écrivez" in p]
    return {w for p in points for w in re.findall(r"(?<!\w)[A-ZÀÂÉÈÊÎÔÛÇ]{3,}(?!\w)", p)} - {"AJOUTER"}


def test_the_french_help_shows_french_command_words_that_the_reader_accepts(network):
    core = _help_of(network, "jean@example.org")
    associate = _help_of(network, "marc@example.org")
    for text in (core, associate):
        assert not ENGLISH_ONLY & set(re.findall(r"\b[A-Z]{3,}\b", text)), text
    assert {"STATUT", "DÉCISIONS", "TÂCHES", "ENVOYER", "REJOINDRE", "QUITTER", "ABSENT", "RETOUR"} <= _written_words(core)
    assert {"DÉSABONNER", "ABONNER"} <= _written_words(associate)
    for word in _written_words(core) | _written_words(associate):
        assert word in COMMANDS, word


def test_a_french_member_who_writes_the_words_the_help_shows_gets_each_answer(network):
    network.send("jean@example.org", "statut", "STATUT")
    network.step()
    status = network.only_message_to("jean@example.org", network.new_messages())
    assert "Rien ne vous attend pour le moment." in status.flat_text
    network.send("jean@example.org", "tâches", "TÂCHES")
    network.step()
    actions = network.only_message_to("jean@example.org", network.new_messages())
    assert actions.subject != status.subject and "Ce qui vous attend" not in actions.subject
    assert not network.messages_to("amina@example.org", network.outbound())  # nothing reached the coordinators
