"""A member's copy refused for its size whose notice cannot be queued, over the real Dovecot + an
SMTP server playing a provider that refuses Jean's ballot as too large (552 5.3.4) after it
accepted Amina's.

The network keeps its own notice template (`[templates] folder`), which gives the coordinators the
phone number of the member left without the message from a list written in it: Jean is not on the
list, so the notice naming him cannot be rendered. Queuing it fails as the outbox pass ends, and
again as each later pass starts (`convenor.delivery._deliver`): nothing says the coordinators were
told, the pass still sends what else is due, the failure is logged without a word of the member's
(his name is in the template's error), and once the network mends its template the next pass tells
each coordinator once."""
from __future__ import annotations

import logging

import pytest
from jinja2 import UndefinedError

from tests.fixtures_convenor import Network, roster
from tests.test_sending_size_member_copy import ballots_in, told_of_size
from tests.test_sending_size_items import flat
from workflows.routing.render import SHIPPED

MEMBERS = roster("amina", "jean", "sofia", "li", "kofi", coordinators=("amina", "li"))
SHIPPED_NOTICE = (SHIPPED / "en" / "delivery_failed.txt").read_text(encoding="utf-8")
WITH_PHONES = SHIPPED_NOTICE.replace(
    "\n{% endblock %}",
    '\n{% set phones = {"Sofia Martins": "+1 514 555 0100", "Kofi Mensah": "+1 514 555 0101"} %}'
    "\n{% if too_large %}Call them: {{ phones[failed_member.name] }}{% endif %}\n{% endblock %}")


def _told_in_store(net: Network) -> int:
    return net.db.execute("SELECT count(*) FROM notices WHERE kind LIKE 'size-refused%'").fetchone()[0]


def _waiting_to_be_told(net: Network) -> int:
    return net.db.execute("SELECT count(*) FROM size_refused_copies").fetchone()[0]


def test_a_size_refusal_whose_notice_cannot_be_queued_is_told_once_the_template_is_mended(
        mail_stack, tmp_path, caplog):
    assert WITH_PHONES != SHIPPED_NOTICE
    own = tmp_path / "our-templates" / "en"
    own.mkdir(parents=True)
    (own / "delivery_failed.txt").write_text(WITH_PHONES, encoding="utf-8")
    mail_stack.capture.refuse_size_to = {"jean@example.org"}
    net = Network(tmp_path, stack=mail_stack, members=MEMBERS, extra_settings='[templates]\nfolder = "our-templates"\n')
    try:
        net.send("Amina Diallo <amina@example.org>", "[Vote] Adopt the plan", "Closes: in 5 days\n\nThat we adopt the plan.")
        with pytest.raises(UndefinedError):  # as the pass ends: the daemon's loop logs it and tries the round again
            net.step()
        first = net.new_messages()
        assert {"amina@example.org", "sofia@example.org", "li@example.org", "kofi@example.org"} <= set(ballots_in(first))
        assert not told_of_size(first)
        assert (_told_in_store(net), _waiting_to_be_told(net)) == (0, 1)

        # Sofia votes; the next pass starts by trying the notice again, fails, and sends her receipt
        net.reply(ballots_in(first)["sofia@example.org"], "Yes")
        caplog.clear()
        with caplog.at_level(logging.INFO):
            with pytest.raises(UndefinedError):  # as that pass ends, again
                net.step()
        second = net.new_messages()
        assert [m.to for m in second] == ["sofia@example.org"] and not told_of_size(second)
        assert (_told_in_store(net), _waiting_to_be_told(net)) == (0, 1)
        ours = "\n".join(logging.Formatter().format(r) for r in caplog.records if r.name.startswith("convenor"))
        assert "notices of copies refused for size could not be queued (UndefinedError in" in ours  # its kind, its place
        assert "delivery_failed.txt" in ours  # the template that failed, for whoever mends it
        assert "Jean" not in ours and "Tremblay" not in ours and "jean@" not in ours

        # the network mends its template; Convenor is restarted to read it
        (own / "delivery_failed.txt").write_text(SHIPPED_NOTICE, encoding="utf-8")
        net.restart()
        net.step()
        told = told_of_size(net.new_messages())
        assert sorted(m.to for m in told) == ["amina@example.org", "li@example.org"]  # each coordinator, once
        for notice in told:
            assert notice.subject == "[Vote 1] Not delivered to Jean Tremblay: too large for the mail provider"
            assert "for Jean Tremblay <jean@example.org>" in flat(notice.text)
        assert (_told_in_store(net), _waiting_to_be_told(net)) == (1, 0)
        net.step()
        assert not told_of_size(net.new_messages())
    finally:
        net.close()
