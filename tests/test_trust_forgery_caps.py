"""A forger cannot flood the coordinators with mail failing authentication in a member's name:
at most `trust.failed_forwards_per_address_per_day` notices a day come about one claimed address
(and `trust.failed_forwards_per_day` in all); past that the mail is set aside in Quarantine,
recorded and counted, and the coordinators get one summary the next day: the same summary, on
the same timer, as the non-members' mail held past their caps. Real Dovecot + SMTP, the bridge
stamping `dmarc=fail` as the receiving server does."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

from tests.fixtures_convenor import TEST_AUTHSERV_ID, Network, network_fixture

AMINA, LI, JEAN = "amina@example.org", "li@example.org", "jean@example.org"
FORGED = "Someone wrote in the name of"
SUMMARY = "in Quarantine"


net = network_fixture()


def forge(net: Network, sender: str, n: int, what: str = "Urgent") -> None:
    """`n` messages claiming `sender`, which the receiving server finds failing DMARC."""
    for i in range(n):
        net.send(sender, f"{what} {i}", f"Please send the list of addresses {i}", authenticated="fail")


def flat(text: str) -> str:
    return " ".join(text.split())


def next_utc_midnight(net: Network) -> datetime:
    day = net.now.astimezone(timezone.utc).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def test_mail_failing_authentication_in_a_members_name_is_capped_a_day_then_summarised_once(net):
    forge(net, f"Li Wei <{LI}>", 8)
    net.step()
    out = net.new_messages()
    notices = [m for m in out if FORGED in m.subject]
    assert [m.to for m in notices] == [AMINA] * 5  # the default cap: 5 a day about one address
    assert all("Li Wei" in m.subject and m.attachments for m in notices)  # each with the original
    assert "day's last such notice about li@example.org" in flat(notices[-1].text)
    assert not [m for m in notices[:-1] if "last such notice" in m.text]
    assert out == notices  # Li, whose name was used, and nobody else, gets nothing
    rows = net.db.execute("SELECT state, substr(error, 1, 6) FROM inbound WHERE from_addr = ?", [LI]).fetchall()
    assert Counter(rows) == Counter({("quarantined", "Quarant"[:6]): 5, ("quarantined", "held: "): 3})
    assert net.stack.folder_counts().get("Quarantine") == 8  # every one kept, none dropped

    forge(net, f"Jean Tremblay <{JEAN}>", 1)  # the cap is per address: Jean's name is another
    net.advance(hours=2)
    net.step()
    (other,) = net.new_messages()
    assert FORGED in other.subject and "Jean Tremblay" in other.subject and "last such" not in other.text

    net.set_time(next_utc_midnight(net) + timedelta(minutes=1))
    net.step()
    (summary,) = net.new_messages()  # one summary, not one message per held message
    assert summary.to == AMINA and summary.subject.endswith("3 more messages failing authentication in Quarantine")
    text = flat(summary.text)
    assert "- li@example.org (Li Wei, a member): 3" in text and "jean@example.org" not in text
    assert "from non-members" not in text and not summary.attachments

    forge(net, f"Li Wei <{LI}>", 1)  # a new day: notices again
    net.step()
    assert [m.subject for m in net.new_messages()] == [f"[Test Network] {FORGED} Li Wei"]
    net.set_time(next_utc_midnight(net) + timedelta(minutes=1))
    net.step()
    assert not [m for m in net.new_messages() if SUMMARY in m.subject]  # nothing held: no summary


def test_the_network_wide_cap_and_the_strangers_cap_share_one_summary(mail_stack, tmp_path):
    trust = (f'[trust]\nauthserv_id = "{TEST_AUTHSERV_ID}"\n'
             "failed_forwards_per_address_per_day = 2\nfailed_forwards_per_day = 3\n")
    net = Network(tmp_path, stack=mail_stack, trust=trust,
                  extra_settings="[strangers]\nforwards_per_sender_per_day = 1\n")
    try:
        forge(net, f"Li Wei <{LI}>", 3)
        forge(net, f"Jean Tremblay <{JEAN}>", 2)
        forge(net, "Amina Diallo <amina@example.org>", 1)
        net.send("Mallory <mallory@elsewhere.example>", "Offer 1", "Buy now")
        net.send("Mallory <mallory@elsewhere.example>", "Offer 2", "Buy now")
        net.step()
        out = net.new_messages()
        notices = Counter(m.subject.rsplit(" of ", 1)[-1] for m in out if FORGED in m.subject)
        assert notices == Counter({"Li Wei": 2, "Jean Tremblay": 1})  # 2 for one address, 3 in all
        assert len([m for m in out if "From a non-member" in m.subject]) == 1
        net.set_time(next_utc_midnight(net) + timedelta(minutes=1))
        net.step()
        (summary,) = net.new_messages()
        assert summary.subject.endswith("4 more messages in Quarantine")
        text = flat(summary.text)
        assert "1 more message was sent to" in text and "by people who are not members" in text
        assert "3 more messages failing authentication" in text
        for line in ("- li@example.org (Li Wei, a member): 1", "- jean@example.org (Jean Tremblay, a member): 1",
                     "- amina@example.org (Amina Diallo, a coordinator): 1"):
            assert line in text
    finally:
        net.close()
