"""Who really sent a message: an authentication verdict for every inbound message.

`authenticate(raw, trusted_authserv_id, dns_txt)` returns a `Verdict`:
- `verified`: an aligned DMARC pass, or a DKIM pass whose d= is aligned with the From domain;
- `failed`: the trusted server reports dmarc=fail, or (checked by Convenor itself) an aligned
  DKIM signature fails for a domain whose DMARC policy is quarantine or reject;
- `unverified`: anything else (no evidence either way).

Which Authentication-Results header counts. A sender can write that header too, with any
authserv-id, but cannot write ABOVE what the receiving servers add: each server prepends its
own. So exactly one header is honoured: the topmost Authentication-Results whose authserv-id is
the trusted one. Headers with another authserv-id above it (added later, by a downstream
filter) are skipped; every header below it is ignored, whatever it claims. This holds as long as
the trusted server stamps every message it receives (Gmail, Microsoft 365, Fastmail, OpenDMARC
and rspamd all do; `convenor check --send-test` shows it). Where several filters of one server
each add a header (OpenDKIM, then OpenDMARC), the topmost is the last filter's, the one that
carries the DMARC result.

Alignment is read without a public-suffix list: a d= (or header.from) is aligned with the From
domain when one is the other or a parent of the other (`mail.example.org` and `example.org`).
That is DMARC's relaxed alignment restricted to what can be decided safely offline: two
different registrable domains are never taken as aligned.

Where no server is trusted, Convenor verifies DKIM itself (dkimpy) with `dns_txt` answering the
key and DMARC policy look-ups; without `dns_txt` nothing is looked up and the verdict is at best
`unverified`.
"""
from __future__ import annotations

import re
from typing import Callable

import authres

from mailer.addresses import ascii_domain, parse_one
from mailer.message_start import without_leading_lines
from mailer.message import Verdict

DnsTxt = Callable[..., bytes | None]  # dns_txt(name: bytes, timeout=5) -> TXT text or None

MAX_SIGNATURES = 5  # DKIM signatures examined per message (more is an attack on our CPU)
MAX_HEADER_BYTES = 256 * 1024


def authenticate(raw: bytes, trusted_authserv_id: str | None = None, dns_txt: DnsTxt | None = None) -> Verdict:
    """The verdict on `raw` (one RFC 5322 message), read from where its headers start as the
    parser reads it (`without_leading_lines`: blank lines a gateway put above them made "0 From
    headers" of a message read with one); never raises, never does I/O but `dns_txt`."""
    raw = without_leading_lines(raw)
    try:
        fields = header_fields(raw)
    except Exception:  # noqa: BLE001 - unreadable headers are no evidence of anything
        return Verdict("unverified", "the headers could not be read")
    froms = [value for name, value in fields if name == "from"]
    if len(froms) != 1:
        return Verdict("unverified", f"{len(froms)} From headers (exactly one is needed)")
    address = parse_one(_unfold(froms[0]))[1]
    if not address:
        return Verdict("unverified", "no sender address")
    domain = address.rsplit("@", 1)[1]
    if trusted_authserv_id:
        verdict = _from_trusted_header(fields, trusted_authserv_id.strip().lower(), domain)
    elif dns_txt is None:
        verdict = Verdict("unverified", "no trusted server is set and DKIM was not checked", domain=domain)
    else:
        verdict = _check_dkim(raw, fields, domain, dns_txt)
    return verdict.about(address)


def about_sender(verdict: Verdict, sender: str) -> Verdict:
    """The verdict on the message whose sender Convenor acts on is `sender` (the From address as
    `mailer.parse` reads it): a verified verdict about another address is `unverified`. The two
    readings of From can differ on odd bytes (a lone CR is a line end to the email package, not
    to an MTA, to DKIM or to `header_fields`), and a pass for the attacker's own address (at their
    own domain, or at a provider the coordinator uses too) must never vouch for the coordinator's
    address the other reading finds. A verdict about no address (a held message its sender
    confirmed) is about the sender already."""
    if not verdict.verified or (verdict.address is None and verdict.domain is None):
        return verdict
    domain = sender.rpartition("@")[2] if sender else ""
    if ascii_domain(domain) == ascii_domain(verdict.domain or "") and verdict.address in (None, sender):
        return verdict
    return Verdict("unverified", f"the pass is for another address than the sender's ({verdict.domain}, "
                                 f"{domain or 'none'}): the From header reads two ways", domain=domain or None,
                   address=sender or None)


def aligned(candidate: str, from_domain: str) -> bool:
    """True when `candidate` (a DKIM d= or header.from) is the From domain or a parent or child of it,
    both compared as A-labels (`ascii_domain`): an internationalised domain matches its own A-label."""
    a, b = ascii_domain((candidate or "").strip().strip(".")), ascii_domain(from_domain.strip("."))
    if not a or not b:
        return False
    return a == b or b.endswith("." + a) or a.endswith("." + b)


def header_fields(raw: bytes) -> list[tuple[str, str]]:
    """The top-level header fields in order, as (lower-case name, unfolded value)."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    head = raw[: min(ends)] if ends else raw
    head = head[:MAX_HEADER_BYTES].decode("utf-8", "surrogateescape").replace("\r\n", "\n")
    if "\n " not in head and "\n\t" not in head:
        # no folded line (only a first line could open with a space or tab, and with no field
        # above it the loop below reads it as any other): each line with a colon is one whole field
        return [(name.strip().lower(), value.strip())
                for name, _, value in (line.partition(":") for line in head.split("\n") if ":" in line)]
    fields: list[tuple[str, list[str]]] = []  # each value's pieces, joined once (adding each fold to
    for line in head.split("\n"):  # the value copied it: quadratic in the folds)
        if line[:1] in (" ", "\t") and fields:  # the lines split at LF or CR LF, as re.split(r"\r?\n")
            fields[-1][1].append(line.strip())
        elif ":" in line:
            name, _, value = line.partition(":")
            fields.append((name.strip().lower(), [value.strip()]))
    return [(name, " ".join(pieces)) for name, pieces in fields]


def authserv_id_of(value: str) -> str:
    """The authserv-id an Authentication-Results value starts with (lower case), "" if none."""
    first = re.sub(r"\([^()]*\)", " ", value.split(";", 1)[0]).split()
    return first[0].lower() if first else ""


def trusted_header(fields: list[tuple[str, str]], trusted_id: str) -> str | None:
    """The value of the one Authentication-Results header honoured (see the module's docstring)."""
    for name, value in fields:
        if name == "authentication-results" and authserv_id_of(value) == trusted_id:
            return value
    return None


def _from_trusted_header(fields, trusted_id: str, domain: str) -> Verdict:
    value = trusted_header(fields, trusted_id)
    if value is None:
        return Verdict("unverified", f"no Authentication-Results from {trusted_id}", domain=domain)
    try:
        results = parse_results(value)
    except Exception:  # noqa: BLE001 - authres raises its own SyntaxError on a malformed header
        return Verdict("unverified", f"the Authentication-Results of {trusted_id} could not be read",
                       domain=domain)
    dmarc = [r for r in results if r.method == "dmarc"]
    for r in dmarc:
        if r.result == "fail":
            return Verdict("failed", f"{trusted_id} reports dmarc=fail for {domain}", "dmarc", domain)
    for r in dmarc:
        header_from = _property(r, "header", "from")
        if r.result == "pass" and header_from and ascii_domain(header_from) == ascii_domain(domain):
            return Verdict("verified", f"{trusted_id} reports an aligned DMARC pass for {domain}", "dmarc", domain)
    for r in results:
        if r.method == "dkim" and r.result == "pass":
            signer = _property(r, "header", "d") or (_property(r, "header", "i") or "").rpartition("@")[2]
            if aligned(signer, domain):
                return Verdict("verified", f"{trusted_id} reports a DKIM pass for {signer}, aligned with {domain}",
                               "dkim", domain)
    seen = ", ".join(f"{r.method}={r.result}" for r in results if r.method in ("dmarc", "dkim", "spf")) or "nothing"
    return Verdict("unverified", f"{trusted_id} reports no aligned pass for {domain} ({seen})", domain=domain)


def parse_results(value: str) -> list:
    """The results of one Authentication-Results value, parsed by authres, with RFC 8616's
    internationalised values read too: a U-label domain (`header.from=bücher.example`) or a UTF-8
    local part (`header.i=josé@bücher.example`). authres (1.2) accepts ASCII only and refuses
    such a header whole, which would leave an internationalised coordinator's mail unverified:
    each run of non-ASCII characters is swapped for a placeholder of ASCII letters and digits
    (valid in any token, atom or label, and absent from the value) before parsing, and put back
    in every property value after. Comparisons stay the callers' (`ascii_domain`: strict IDNA)."""
    runs: dict[str, str] = {}
    prefix = "xutf"
    while prefix in value.lower():
        prefix += "q"

    def swap(match: re.Match) -> str:
        key = f"{prefix}{len(runs)}z"
        runs[key] = match.group(0)
        return key

    results = authres.AuthenticationResultsHeader.parse_value(re.sub(r"[^\x00-\x7f]+", swap, value)).results
    if runs:
        pattern = re.compile(re.escape(prefix) + r"\d+z", re.IGNORECASE)
        for result in results:
            for p in result.properties:
                p.value = pattern.sub(lambda m: runs.get(m.group(0).lower(), m.group(0)), str(p.value))
    return results


def _property(result, ptype: str, name: str) -> str | None:
    for p in result.properties:
        if p.type == ptype and p.name == name:
            return str(p.value).strip().lower()
    return None


def _check_dkim(raw: bytes, fields, domain: str, dns_txt: DnsTxt) -> Verdict:
    import dkim

    signatures = [(i, _tag(value, "d")) for i, (name, value) in
                  enumerate(f for f in fields if f[0] == "dkim-signature")][:MAX_SIGNATURES]
    ours = [(i, d) for i, d in signatures if aligned(d, domain)]
    if not ours:
        others = ", ".join(sorted({d for _, d in signatures if d})) or "none"
        return Verdict("unverified", f"no DKIM signature of {domain} (signatures: {others})", domain=domain)
    checker = dkim.DKIM(raw, minkey=1024)
    for index, signer in ours:
        try:
            if checker.verify(idx=index, dnsfunc=dns_txt):
                return Verdict("verified", f"a valid DKIM signature of {signer}, aligned with {domain}", "dkim", domain)
        except Exception:  # noqa: BLE001 - dkimpy raises on malformed signatures and keys: a failure
            continue
    policy = dmarc_policy(domain, dns_txt)
    if policy in ("quarantine", "reject"):
        return Verdict("failed", f"the DKIM signature of {domain} does not verify and its DMARC policy is "
                                 f"{policy}", "dkim", domain)
    return Verdict("unverified", f"the DKIM signature of {domain} does not verify (DMARC policy: "
                                 f"{policy or 'none published'})", domain=domain)


def dmarc_policy(domain: str, dns_txt: DnsTxt) -> str | None:
    """The p= of the DMARC record of `domain`, or of its nearest parent that has one (the
    organisational domain, approximated without a public-suffix list); None when there is none."""
    labels = ascii_domain(domain).split(".")
    for start in range(len(labels) - 1):
        name = "_dmarc." + ".".join(labels[start:])
        try:
            txt = dns_txt(name.encode())
        except Exception:  # noqa: BLE001 - a failed look-up is no policy
            txt = None
        if not txt:
            continue
        text = txt.decode("utf-8", "replace") if isinstance(txt, bytes) else str(txt)
        if text.replace(" ", "").lower().startswith("v=dmarc1"):
            tags = dict(_tags(text))
            policy = tags.get("sp") if start > 0 and tags.get("sp") else tags.get("p")
            return (policy or "").lower() or None
    return None


def _tags(value: str) -> list[tuple[str, str]]:
    out = []
    for part in value.split(";"):
        key, eq, val = part.partition("=")
        if eq:
            out.append((key.strip().lower(), "".join(val.split())))
    return out


def _tag(value: str, key: str) -> str:
    return dict(_tags(value)).get(key, "").lower()


def _unfold(value: str) -> str:
    return " ".join(value.split())


def describe_stamp(raw: bytes, domain: str) -> dict:
    """What the receiving server wrote about `raw`, sent from `domain` (for `convenor check
    --send-test`): the topmost Authentication-Results' authserv-id, and its SPF, DKIM and DMARC
    results, each with whether it is aligned with `domain`. {"authserv_id": None} without one."""
    values = [value for name, value in header_fields(raw) if name == "authentication-results"]
    if not values:
        return {"authserv_id": None}
    top = values[0]
    report: dict = {"authserv_id": authserv_id_of(top) or None}
    try:
        results = parse_results(top)
    except Exception:  # noqa: BLE001 - authres raises its own SyntaxError on a malformed header
        report["unreadable"] = True
        return report
    where = {"spf": ("smtp", "mailfrom"), "dkim": ("header", "d"), "dmarc": ("header", "from")}
    for method, (ptype, name) in where.items():
        found = [r for r in results if r.method == method]
        if not found:
            report[method] = "not reported"
            continue
        r = found[0]
        about = (_property(r, ptype, name) or "").rpartition("@")[2]
        if method == "dkim" and not about:
            about = (_property(r, "header", "i") or "").rpartition("@")[2]
        fits = aligned(about, domain) if method != "dmarc" else ascii_domain(about) == ascii_domain(domain)
        report[method] = f"{r.result}" + (f" ({about}, {'aligned' if fits else 'NOT aligned'} with {domain})"
                                          if about else "")
    return report
