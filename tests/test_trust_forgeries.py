"""Forgeries through the real stack (Dovecot + SMTP, the bridge stamping Authentication-Results as
the receiving MTA does): each changes nothing, and the only mail that goes out is the
confirmation to the address that was impersonated, or the coordinators' notice (quarantine, or
a stranger's message forwarded). Signed mail (dkimpy, key served by a loopback DNS server) and
mail the trusted server reports as passing go straight through."""
from __future__ import annotations

import dkim
import pytest

from tests.dns_server import TxtServer, dkim_key
from tests.fixtures_convenor import DEFAULT_MEMBERS, Network
from tests.robust_figures import record, skip_unless_the_module_ran_here

COORDINATORS = {m[1] for m in DEFAULT_MEMBERS if m[3]}
EXE = b"MZ\x90\x00" + b"\x00" * 2000
TRIED = {"forgeries": 0, "changed_something": 0, "sent_elsewhere": 0}
RAN_HERE: set[str] = set()  # the node ids of this module's tests run in this process (an xdist worker)
STATE_TABLES = ["drafts", "votes", "meetings", "polls", "announcements", "memberships", "vote_choices",
                "feedback", "member_addresses"]


def state(db) -> dict:
    """Everything a forgery could change: the items, memberships, and each member's flags."""
    snapshot = {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in STATE_TABLES}
    snapshot["members"] = db.execute(
        "SELECT email, active, subscribed, bouncing, away_until, bounce_score, coordinator FROM members").fetchall()
    return snapshot


def forge(network, send, *, allowed: set[str], expect: str):
    """Run one forgery; check nothing changed and mail went only to `allowed` with `expect` in it."""
    before = state(network.db)
    network.new_messages()
    send()
    network.step()
    out = network.new_messages()
    TRIED["forgeries"] += 1
    changed = state(network.db) != before
    elsewhere = [m for m in out if m.to not in allowed]
    TRIED["changed_something"] += int(changed)
    TRIED["sent_elsewhere"] += int(bool(elsewhere))
    assert not changed, "the forgery changed the network's state"
    assert not elsewhere, f"mail went to {[(m.to, m.subject) for m in elsewhere]}"
    assert out and all(expect in (m.subject + m.text) for m in out), [(m.to, m.subject) for m in out]
    return out


CONFIRM = "confirm"
QUARANTINE = "Someone wrote in the name of"
FORWARD = "@"  # a stranger's message forwarded to the coordinators (names the sender)

DRAFT = ("[Draft] Procedure", "Audience: all\nDeadline: in 10 days\n\nPlease read the new procedure.\n")
MEETING = ("[Meeting] Training session", "When: 2027-01-20 18:00\nWhere: 12 rue Example, back entrance\n"
           "Call: https://evil.example/join\nAudience: all\n")
ANNOUNCE = ("[Announce] Account check", "Audience: all\n\nPlease log in at https://evil.example to confirm.\n")
VOTE = ("[Vote] Dissolve the network", "Closes: in 7 days\n\nThat the network dissolves.\n")

CASES = [
    # the forgeries: a coordinator's items and a member's LEAVE, no authentication at all
    ("draft with an .exe", "Amina Diallo <amina@example.org>", DRAFT, None, {"amina@example.org"}, CONFIRM, True),
    ("meeting with a forged place", "amina@example.org", MEETING, None, {"amina@example.org"}, CONFIRM, False),
    ("announce with a phishing link", "amina@example.org", ANNOUNCE, None, {"amina@example.org"}, CONFIRM, False),
    ("LEAVE Training", "li@example.org", ("LEAVE Training", "LEAVE Training"), None, {"li@example.org"}, CONFIRM, False),
    # designed: the receiving server saw nothing aligned
    ("vote, dkim=none", "amina@example.org", VOTE, "none", {"amina@example.org"}, CONFIRM, False),
    ("French [Brouillon]", "amina@example.org", ("[Brouillon] Procédure", DRAFT[1]), None, {"amina@example.org"},
     CONFIRM, False),
    ("Re: Fwd: [Vote]", "amina@example.org", ("Re: Fwd: [Vote] Dissolve", VOTE[1]), None, {"amina@example.org"},
     CONFIRM, False),
    ("JOIN Awareness", "li@example.org", ("JOIN Awareness", "JOIN Awareness"), None, {"li@example.org"}, CONFIRM, False),
    ("UNSUBSCRIBE an associate", "priya@example.org", ("UNSUBSCRIBE", "UNSUBSCRIBE"), None, {"priya@example.org"},
     CONFIRM, False),
    ("QUITTER in French", "jean@example.org", ("QUITTER Awareness", "QUITTER Awareness"), None,
     {"jean@example.org"}, "confirm", False),
    ("AWAY until a date", "sofia@example.org", ("AWAY until 2027-03-01", "AWAY until 2027-03-01"), None,
     {"sofia@example.org"}, CONFIRM, False),
    ("an Authentication-Results written by the sender", "amina@example.org", DRAFT, "none",
     {"amina@example.org"}, CONFIRM, False),
    # the trusted server reports dmarc=fail: quarantined, the coordinators told
    ("draft, dmarc=fail", "amina@example.org", DRAFT, "fail", COORDINATORS, QUARANTINE, False),
    ("LEAVE, dmarc=fail", "li@example.org", ("LEAVE Training", "LEAVE Training"), "fail", COORDINATORS,
     QUARANTINE, False),
    ("announce, dmarc=fail", "amina@example.org", ANNOUNCE, "fail", COORDINATORS, QUARANTINE, False),
    # display-name tricks and look-alike domains: strangers, unverified, forwarded (no notice to them)
    ("quoted address as display name", '"amina@example.org" <evil@attacker.example>', DRAFT, "none",
     COORDINATORS, FORWARD, False),
    ("bare address as display name", "amina@example.org <evil@attacker.example>", VOTE, None, COORDINATORS,
     FORWARD, False),
    ("look-alike domain", "Amina Diallo <amina@examp1e.org>", MEETING, None, COORDINATORS, FORWARD, False),
    ("member's domain as a subdomain", "amina@example.org.attacker.example", ANNOUNCE, None, COORDINATORS,
     FORWARD, False),
    ("Cyrillic look-alike (IDN on the wire)", "Amina <amina@xn--exmple-4nf.org>", DRAFT, None, COORDINATORS, FORWARD, False),
    ("coordinator's name, stranger's address", "Amina Diallo <amina.diallo@gmail.example>",
     ("LEAVE Training", "LEAVE Training"), None, COORDINATORS, FORWARD, False),
]


@pytest.mark.parametrize("name,sender,item,stamp,allowed,expect,exe", CASES, ids=[c[0] for c in CASES])
def test_a_forgery_changes_nothing_and_reaches_nobody_else(network, name, sender, item, stamp, allowed, expect, exe):
    subject, body = item
    headers = {}
    if name.startswith("an Authentication-Results"):
        headers["Authentication-Results"] = "mx.test.example; dkim=pass header.d=example.org; dmarc=pass header.from=example.org"
    attachments = [("procedure.pdf.exe", "application/octet-stream", EXE)] if exe else []
    out = forge(network, lambda: network.send(sender, subject, body, authenticated=stamp, headers=headers,
                                              attachments=attachments), allowed=allowed, expect=expect)
    if expect == CONFIRM:
        assert len(out) == 1 and ("nothing has been done yet" in out[0].text or "rien n'a encore été fait" in out[0].text)
    if exe:
        assert "procedure.pdf.exe" in out[0].text and not out[0].attachments


def test_two_from_headers_are_unverified_and_held(network):
    raw = (b"Authentication-Results: mx.test.example; dkim=pass header.d=example.org; dmarc=pass header.from=example.org\r\n"
           b"From: amina@example.org\r\nFrom: evil@attacker.example\r\nTo: " + network.list_address.encode() +
           b"\r\nSubject: [Draft] Procedure\r\nMessage-ID: <two-from@attacker.example>\r\n\r\nDeadline: in 10 days\r\n\r\nRead this.\r\n")
    out = forge(network, lambda: network.deliver(raw), allowed={"amina@example.org"} | COORDINATORS, expect="")
    assert all("[Draft" not in m.subject or "confirm" in m.subject.lower() for m in out)


def test_a_forged_delivery_report_naming_a_member_marks_nobody(network):
    report = (f"From: MAILER-DAEMON@mx.example.net\r\nTo: {network.list_address}\r\n"
              "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
              "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
              "--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
              "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
              "Final-Recipient: rfc822; jean@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--\r\n").encode()
    before = state(network.db)
    for _ in range(6):
        network.deliver(report.replace(b"Delivery failed.", b"Delivery failed. " + str(_).encode()))
        network.step()
        network.advance(days=1)
    assert state(network.db) == before
    assert network.new_messages() == [] or all(m.to in COORDINATORS for m in network.new_messages())
    from workflows.trust.confirming import status
    assert status(network.db, network.now, str)["bounce_reports"]["unmatched"] == 6


def test_a_confirmation_answered_from_its_message_id_by_another_address_changes_nothing(network):
    network.send("amina@example.org", *DRAFT, authenticated=None)
    network.step()
    confirmation = network.only_message_to("amina@example.org", network.new_messages())
    forge(network, lambda: network.send("evil@attacker.example", "Re: confirm", "GO",
                                        headers={"In-Reply-To": confirmation.message_id}, authenticated="pass"),
          allowed={"amina@example.org"}, expect="nothing was recorded in your name")
    forge(network, lambda: network.reply(confirmation, "GO", authenticated="fail"), allowed=COORDINATORS,
          expect=QUARANTINE)
    assert network.db.execute("SELECT state FROM held").fetchone()[0] == "held"


def test_go_for_a_membership_change_and_confirm_for_an_item_are_not_enough(network):
    network.send("li@example.org", "LEAVE Training", "LEAVE Training", authenticated=None)
    network.step()
    confirmation = network.only_message_to("li@example.org", network.new_messages())
    forge(network, lambda: network.reply(confirmation, "GO"), allowed={"li@example.org"}, expect="CONFIRM")


def test_a_verified_coordinators_item_goes_straight_through(network):
    network.send("amina@example.org", *ANNOUNCE, authenticated="pass")
    network.step()
    out = network.new_messages()
    assert {m.to for m in out} >= {m[1] for m in DEFAULT_MEMBERS} - {"amina@example.org"}
    assert network.db.execute("SELECT count(*) FROM held").fetchone()[0] == 0


def test_always_confirm_holds_even_verified_mail(mail_stack, tmp_path):
    net = Network(tmp_path, stack=mail_stack,
                  trust='[trust]\nauthserv_id = "mx.test.example"\nconfirm = "always"\n')
    try:
        net.send("amina@example.org", *ANNOUNCE, authenticated="pass")
        net.step()
        out = net.new_messages()
        assert [m.to for m in out] == ["amina@example.org"] and "asks every such message" in out[0].text
    finally:
        net.close()


# --- DKIM checked by Convenor itself (no trusted server), keys from a loopback DNS server ---------

@pytest.fixture
def signed(mail_stack, tmp_path):
    (tmp_path / "keys").mkdir()
    key, record_text = dkim_key(tmp_path / "keys")
    attacker_key, attacker_record = dkim_key(tmp_path / "keys")
    dns = TxtServer({"sel._domainkey.example.org": record_text, "_dmarc.example.org": "v=DMARC1; p=reject",
                     "sel._domainkey.attacker.example": attacker_record}).start()
    (tmp_path / "net").mkdir()
    net = Network(tmp_path / "net", stack=mail_stack, trust=f'[trust]\ndns_server = "127.0.0.1:{dns.port}"\n')
    net.keys = {"example.org": key, "attacker.example": attacker_key}
    yield net
    net.close()
    dns.close()


def send_signed(net, sender, subject, body, domain, tamper=False):
    from tests.mailstack import as_bytes
    data = as_bytes(net.compose(sender, subject, body))
    signature = dkim.sign(data, b"sel", domain.encode(), net.keys[domain],
                          include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    if tamper:
        data = data.replace(b"Please log in", b"Please LOG in")
    net.deliver(signature + data)


def test_a_message_signed_by_its_own_domain_goes_straight_through(signed):
    send_signed(signed, "amina@example.org", *ANNOUNCE, "example.org")
    signed.step()
    out = signed.new_messages()
    assert {m.to for m in out} >= {m[1] for m in DEFAULT_MEMBERS} - {"amina@example.org"}


def test_a_valid_signature_of_another_domain_is_not_enough(signed):
    forge(signed, lambda: send_signed(signed, "amina@example.org", *ANNOUNCE, "attacker.example"),
          allowed={"amina@example.org"}, expect=CONFIRM)


def test_a_broken_signature_of_a_reject_domain_is_quarantined(signed):
    forge(signed, lambda: send_signed(signed, "amina@example.org", *ANNOUNCE, "example.org", tamper=True),
          allowed=COORDINATORS, expect=QUARANTINE)


def test_unsigned_mail_without_a_trusted_server_is_held(signed):
    forge(signed, lambda: signed.send("amina@example.org", *DRAFT, authenticated=None),
          allowed={"amina@example.org"}, expect=CONFIRM)


@pytest.fixture(autouse=True)
def _ran_here(request):
    RAN_HERE.add(request.node.nodeid)


def test_zz_forgery_figures(request):
    """The figures of every forgery, when every test of this module ran in this process."""
    skip_unless_the_module_ran_here(request, RAN_HERE)
    record("forgeries", tried=TRIED["forgeries"], changed_something=TRIED["changed_something"],
           sent_elsewhere=TRIED["sent_elsewhere"])
    assert TRIED["forgeries"] >= 25 and TRIED["changed_something"] == 0 and TRIED["sent_elsewhere"] == 0
