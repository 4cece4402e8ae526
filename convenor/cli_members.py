"""`convenor members list|add|remove|set|import|export`."""
from __future__ import annotations

import sys
from pathlib import Path

from convenor import cli_common as common
from convenor.exports import private_file
from convenor import membership, roster_subcommittees, smtputf8
from store import members as store_members
from store.db import transaction
from store.times import from_db


def cmd_list(args) -> int:
    """Print every member (or --json)."""
    db = common.open_db(args)
    rows = store_members.all_members(db, active_only=not args.all)
    if args.json:  # the store's UTC texts as instants: ISO 8601 with the offset
        common.print_json([{**m, **{k: from_db(v) for k, v in m.items() if k.endswith("_at")}} for m in rows])
        return 0
    today = common.today(common.zone(args)).isoformat()
    for m in rows:
        flags = [m["role"]] + (["coordinator"] if m["coordinator"] else []) + \
            ([] if m["active"] else ["inactive"]) + (["bouncing"] if m["bouncing"] else []) + \
            ([f"away until {m['away_until']}"] if m["away_until"] and m["away_until"] >= today else []) + \
            ([f"mail stopped ({m['mail_stopped']})"] if m.get("mail_stopped") else [])
        subs = f"  [{', '.join(m['subcommittees'])}]" if m["subcommittees"] else ""
        others = store_members.other_addresses(db, m["id"])
        also = f"  (also {', '.join(others)})" if others else ""
        print(f"{m['name']} <{m['email']}>{also}  {m['language']}  {', '.join(flags)}{subs}")
    print(f"{len(rows)} member(s)")
    return 0


def _record_from_args(args, name=None) -> membership.MemberRecord:
    return membership.MemberRecord(
        name=args.name or name or "", email=args.email, role=args.role or "core",
        coordinator=bool(args.coordinator), language=args.language or "en",
        subcommittees=(args.subcommittees or "").split(";") if args.subcommittees else [])


def _smtputf8(args, db):
    """Whether the sending server offers SMTPUTF8 (asked only when an address needs it)."""
    return lambda: smtputf8.offered(common.load_settings(args), db, common.now())


def _subcommittees(db, names: list[str], new: list[str] | None) -> list[str]:
    """The sub-committees to put a member on: `names` and `--new-subcommittee` ones; a name that
    is neither known nor given with --new-subcommittee is refused (UsageError naming the known ones)."""
    new = [n.strip() for n in new or [] if n.strip()]
    problem = membership.unknown_subcommittee(names, store_members.subcommittee_names(db), new)
    if problem:
        raise common.UsageError(problem)
    chosen = [n.strip() for n in names if n.strip()]
    return chosen + [n for n in new if n.casefold() not in {c.casefold() for c in chosen}]


def cmd_add(args) -> int:
    """Add one member (an address the sending server cannot carry is refused, with the reason;
    an unknown sub-committee too, unless given with --new-subcommittee)."""
    db = common.open_db(args)
    try:
        rec = _record_from_args(args)
        rec.subcommittees = _subcommittees(db, rec.subcommittees, args.new_subcommittee)
        rec = membership.check_record(rec, _smtputf8(args, db))
    except ValueError as exc:
        raise common.UsageError(str(exc)) from None
    try:
        with transaction(db):
            store_members.add(db, email=rec.email, name=rec.name, role=rec.role, coordinator=rec.coordinator,
                              language=rec.language, subcommittees=rec.subcommittees, now=common.now())
    except store_members.MembershipError as exc:
        raise common.UsageError(str(exc)) from None
    print(f"added {rec.name} <{rec.email}> ({rec.role})")
    return 0


def _find(db, email):
    member = store_members.get_by_email(db, membership.normalise_email(email))
    if member is None:
        raise common.UsageError(f"no member with address {email}")
    return member


def cmd_remove(args) -> int:
    """Deactivate a member (their history stays)."""
    db = common.open_db(args)
    member = _find(db, args.email)
    with transaction(db):
        store_members.remove(db, member["id"])
    print(f"removed {member['name']} <{member['email']}> (kept as inactive)")
    return 0


def cmd_set(args) -> int:
    """Change a member's fields."""
    db = common.open_db(args)
    member = _find(db, args.email)
    fields = {}
    if args.name:
        try:
            fields["name"] = membership.check_name(args.name)
        except ValueError as exc:
            raise common.UsageError(str(exc)) from None
    if args.new_email:
        fields["email"] = _address(args.new_email, _smtputf8(args, db))
        fields["bouncing"] = False
    if args.role:
        if args.role not in ("core", "associate"):
            raise common.UsageError(f"--role expects core or associate, not {args.role!r}")
        fields["role"] = args.role
    if args.language:
        if args.language not in ("en", "fr"):
            raise common.UsageError(f"--language expects en or fr, not {args.language!r}")
        fields["language"] = args.language
    if args.coordinator is not None:
        fields["coordinator"] = _yes_no(args.coordinator, "--coordinator")
    if args.active is not None:
        fields["active"] = _yes_no(args.active, "--active")
    if args.subcommittees is not None or args.new_subcommittee:
        names = args.subcommittees.split(";") if args.subcommittees is not None \
            else store_members.subcommittees_of(db, member["id"])
        fields["subcommittees"] = _subcommittees(db, names, args.new_subcommittee)
    if args.away_until is not None:
        fields["away_until"] = _leave_end(args).isoformat()
    if args.back:
        fields["away_until"] = None
    if args.resume_mail:
        fields["mail_stopped"] = None
    adding = [_address(a, _smtputf8(args, db)) for a in args.add_address or []]
    removing = [_address(a) for a in args.remove_address or []]
    if adding or removing:
        return _change_addresses(db, member, fields, adding, removing)
    if not fields:
        raise common.UsageError("nothing to change: give at least one of --name --email --role --language "
                             "--coordinator --active --subcommittees --new-subcommittee --away-until --back --resume-mail "
                             "--add-address --remove-address")
    try:
        with transaction(db):
            store_members.update(db, member["id"], **fields)
    except store_members.MembershipError as exc:
        raise common.UsageError(str(exc)) from None
    print(f"updated {member['email']}: {', '.join(sorted(fields))}")
    return 0


def _yes_no(value: str, what: str) -> bool:
    """--coordinator / --active: yes or no (UsageError saying so otherwise)."""
    try:
        return membership.parse_bool(value, what)
    except ValueError as exc:
        raise common.UsageError(str(exc)) from None


def _address(value: str, smtputf8=None) -> str:
    try:
        return membership.normalise_email(value, smtputf8)
    except ValueError as exc:
        raise common.UsageError(str(exc)) from None


def _change_addresses(db, member: dict, fields: dict, adding: list[str], removing: list[str]) -> int:
    """Add and remove the member's other addresses (and any other fields), all in one transaction."""
    try:
        with transaction(db):
            if fields:
                store_members.update(db, member["id"], **fields)
            for address in removing:
                if not store_members.remove_address(db, member["id"], address):
                    raise store_members.MembershipError(f"{address} is not one of {member['email']}'s other addresses")
            for address in adding:
                store_members.add_address(db, member["id"], address, common.now())
    except store_members.MembershipError as exc:
        raise common.UsageError(str(exc)) from None
    others = store_members.other_addresses(db, member["id"])
    print(f"updated {member['email']}: other addresses {', '.join(others) if others else '(none)'}")
    return 0


def _leave_end(args):
    """The last day of leave given to --away-until (a date such as 2027-03-01, in the future)."""
    from workflows.membership.leave import read_leave_end
    value = args.away_until
    try:
        network = common.load_settings(args).network
        return read_leave_end(value, common.now(), network.timezone, network.date_order)
    except ValueError as exc:
        raise common.UsageError(f"--away-until {value}: {exc}") from None


def cmd_import(args) -> int:
    """Import a CSV: all or nothing, every bad line reported."""
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise common.UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        db = common.open_db(args)
        records = membership.read_csv(text, _smtputf8(args, db))
    except membership.MemberDataError as exc:
        print(f"{path}: nothing imported; fix these lines first:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {path}:{problem}", file=sys.stderr)
        return 1
    known = store_members.subcommittee_names(db)
    for rec in records if known else []:  # the first roster creates the sub-committees it names
        problem = membership.unknown_subcommittee(rec.subcommittees, known, args.new_subcommittee or [])
        if problem:
            print(f"{path}: nothing imported; {rec.email}: {problem}", file=sys.stderr)
            return 1
    typos = roster_subcommittees.look_alikes(records, known, args.new_subcommittee or [])
    if typos:
        print(f"{path}: nothing imported; check these sub-committee names first:", file=sys.stderr)
        for problem in typos:
            print(f"  {path}:{problem}", file=sys.stderr)
        return 1
    created = roster_subcommittees.new_names(records, known)
    counts = membership.import_records(db, records, common.now())
    print(f"imported {path}: {counts['added']} added, {counts['updated']} updated"
          + (f"; sub-committees created: {', '.join(created)}" if created else ""))
    return 0


def cmd_export(args) -> int:
    """Write every member as CSV (to a file, mode 0600, or standard output)."""
    text = membership.write_csv(store_members.all_members(common.open_db(args)))
    if args.file and args.file != "-":
        with private_file(args.file) as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


def add_commands(sub) -> None:
    """Register the `members` group on the main parser."""
    p = sub.add_parser("members", help="list, add, remove, change, import and export members")
    ms = p.add_subparsers(dest="members_command", metavar="ACTION")
    ms.required = True
    q = ms.add_parser("list", help="list members")
    q.add_argument("--json", action="store_true", help=common.JSON_HELP)
    q.add_argument("--all", action="store_true", help="include inactive members")
    q.set_defaults(func=cmd_list)
    q = ms.add_parser("add", help="add a member")
    q.add_argument("email", help="the member's address (mail goes there)")
    q.add_argument("--name", required=True, help='their name as members know it, e.g. "Li Wei"')
    q.add_argument("--role", choices=["core", "associate"], default="core", help="core members vote (default: core)")
    q.add_argument("--coordinator", action="store_true", help="may call votes, drafts, meetings and announcements")
    q.add_argument("--language", choices=["en", "fr"], default="en", help="the language of their mail (default: en)")
    q.add_argument("--subcommittees", help="names of existing sub-committees separated by ;")
    q.add_argument("--new-subcommittee", action="append", metavar="NAME",
                   help="create this sub-committee and put the member on it (repeatable)")
    q.set_defaults(func=cmd_add)
    q = ms.add_parser("remove", help="deactivate a member")
    q.add_argument("email", help="the member's address")
    q.set_defaults(func=cmd_remove)
    q = ms.add_parser("set", help="change a member")
    q.add_argument("email", help="the member's address now")
    q.add_argument("--name", help="a new name")
    q.add_argument("--email", dest="new_email", metavar="NEW_EMAIL", help="a new primary address (mail goes there)")
    q.add_argument("--role", metavar="core|associate", help="core members vote")
    q.add_argument("--language", metavar="en|fr", help="the language of their mail")
    q.add_argument("--coordinator", metavar="yes|no", help="may call votes, drafts, meetings and announcements")
    q.add_argument("--active", metavar="yes|no", help="no: the member leaves (nothing more is sent to them)")
    q.add_argument("--subcommittees", help="names of existing sub-committees separated by ; (empty to clear)")
    q.add_argument("--new-subcommittee", action="append", metavar="NAME",
                   help="create this sub-committee and put the member on it (repeatable)")
    q.add_argument("--away-until", metavar="DATE", help="on leave through DATE (e.g. 2027-03-01)")
    q.add_argument("--back", action="store_true", help="end the member's leave now")
    q.add_argument("--resume-mail", action="store_true",
                   help="send to the member again after a complaint stopped their mail")
    q.add_argument("--add-address", action="append", metavar="OTHER",
                   help="another address the member writes from (mail still goes to the primary one)")
    q.add_argument("--remove-address", action="append", metavar="OTHER", help="remove one of the other addresses")
    q.set_defaults(func=cmd_set)
    q = ms.add_parser("import", help="import a CSV (all or nothing)")
    q.add_argument("file", help="a CSV with the columns of `convenor members export` (see the README)")
    q.add_argument("--new-subcommittee", action="append", metavar="NAME",
                   help="a sub-committee the file may name that does not exist yet (repeatable)")
    q.set_defaults(func=cmd_import)
    q = ms.add_parser("export", help="export members as CSV")
    q.add_argument("file", nargs="?", default="-", help="where to write (default: standard output)")
    q.set_defaults(func=cmd_export)
