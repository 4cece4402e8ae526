"""The STATUS answer's paragraph shape: one blank line between paragraphs, never two, whatever
optional lines (leave, sub-committees) a member's answer has or lacks."""
from __future__ import annotations


def _status_of(net, address: str) -> str:
    net.send(address, "status", "STATUS")
    net.step()
    return net.only_message_to(address, net.new_messages()).text.replace("\r\n", "\n")


def test_an_associates_status_has_one_blank_line_between_paragraphs(network):
    text = _status_of(network, "priya@example.org")
    assert text == (
        "Hello Priya Sharma,\n"
        "\n"
        "Nothing is waiting for you right now.\n"
        "\n"
        f"Write HELP to {network.list_address} to see what you can do by email.\n"
        "\n"
        "-- \n"
        "Test Network\n")


def test_a_french_associates_status_has_one_blank_line_between_paragraphs(network):
    text = _status_of(network, "marc@example.org")
    assert text == (
        "Bonjour Marc Gagnon,\n"
        "\n"
        "Rien ne vous attend pour le moment.\n"
        "\n"
        f"Écrivez AIDE à {network.list_address} pour voir ce que vous pouvez faire par courriel.\n"
        "\n"
        "-- \n"
        "Test Network\n")


def test_a_status_with_sub_committees_and_leave_keeps_the_same_shape(network):
    network.send("jean@example.org", "absent", "ABSENT 2027-01-20")
    network.step()
    network.new_messages()
    text = _status_of(network, "jean@example.org")
    paragraphs = text.split("\n\n")
    assert "\n\n\n" not in text
    assert paragraphs[0] == "Bonjour Jean Tremblay,"
    assert paragraphs[1] == "Rien ne vous attend pour le moment."
    assert paragraphs[2].startswith("Vous êtes en congé jusqu'au ")
    assert paragraphs[3] == "Vos sous-comités : Awareness."
    assert paragraphs[4].startswith("Écrivez AIDE à ")
