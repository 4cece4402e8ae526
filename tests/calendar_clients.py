"""Calendar answers (iTIP METHOD:REPLY) as Google Calendar, Outlook and Apple Calendar write
them when a member answers an invitation whose ORGANIZER is the list address: raw bytes, as
they reach the list's mailbox (no token anywhere: sent To the organiser, no In-Reply-To)."""
from __future__ import annotations

import base64
from datetime import datetime

from email.utils import format_datetime, make_msgid


def _crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ")


def google(*, name: str, address: str, to: str, uid: str, partstat: str, title: str, now: datetime,
           subject: str, comment: str = "") -> bytes:
    """Google Calendar: multipart/mixed (alternative: text, HTML, text/calendar; method=REPLY),
    plus the same calendar as an application/ics invite.ics attachment; Sender is Google's."""
    note = f"COMMENT:{comment}\n" if comment else ""
    ics = (f"BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nVERSION:2.0\nCALSCALE:GREGORIAN\n"
           f"METHOD:REPLY\nBEGIN:VEVENT\nDTSTART:20270209T230000Z\nDTEND:20270210T003000Z\nDTSTAMP:{_stamp(now)}\n"
           f"ORGANIZER;CN=Test Network:mailto:{to}\nUID:{uid}\n"
           f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN={name};X-NUM-GUESTS=0:mailto:{address}\n"
           f"{note}CREATED:{_stamp(now)}\nLAST-MODIFIED:{_stamp(now)}\nLOCATION:519 Church Street\nSEQUENCE:0\n"
           f"STATUS:CONFIRMED\nSUMMARY:{title}\nTRANSP:OPAQUE\nEND:VEVENT\nEND:VCALENDAR\n")
    ics_b64 = base64.encodebytes(_crlf(ics)).decode()
    return _crlf(f"""From: {name} <{address}>
Sender: Google Calendar <calendar-notification@google.com>
To: {to}
Subject: {subject}
Date: {format_datetime(now)}
Message-ID: {make_msgid(domain='mail.gmail.com')}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="000000000000mixed"

--000000000000mixed
Content-Type: multipart/alternative; boundary="000000000000alt"

--000000000000alt
Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes
Content-Transfer-Encoding: 7bit

{name} has {partstat.lower()} this invitation.

{title}
Tuesday Feb 9, 2027 - 6pm - 7:30pm
Eastern Time - Toronto

Invitation from Google Calendar

--000000000000alt
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: 7bit

<p>{name} has {partstat.lower()} this invitation.</p>

--000000000000alt
Content-Type: text/calendar; charset="UTF-8"; method=REPLY
Content-Transfer-Encoding: 7bit

{ics}
--000000000000alt--

--000000000000mixed
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

{ics_b64}
--000000000000mixed--
""")


def outlook(*, name: str, address: str, to: str, uid: str, partstat: str, title: str, now: datetime,
            subject: str) -> bytes:
    """Outlook / Exchange (French): multipart/alternative with a base64 text/calendar; method=REPLY,
    a Windows zone name in TZID, the answer's word in SUMMARY, an empty COMMENT, MAILTO: in capitals."""
    ics = (f"BEGIN:VCALENDAR\nMETHOD:REPLY\nPRODID:Microsoft Exchange Server 2010\nVERSION:2.0\n"
           f"BEGIN:VTIMEZONE\nTZID:Eastern Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T020000\n"
           f"TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11\nEND:STANDARD\n"
           f"BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\n"
           f"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE\n"
           f"BEGIN:VEVENT\nATTENDEE;PARTSTAT={partstat};CN={name}:MAILTO:{address.upper()}\n"
           f"COMMENT;LANGUAGE=fr-FR:\\n\nSUMMARY;LANGUAGE=fr-FR:{subject}\n"
           f"DTSTART;TZID=Eastern Standard Time:20270209T180000\nDTEND;TZID=Eastern Standard Time:20270209T193000\n"
           f"UID:{uid}\nCLASS:PUBLIC\nPRIORITY:5\nDTSTAMP:{_stamp(now)}\nTRANSP:OPAQUE\nSTATUS:CONFIRMED\n"
           f"SEQUENCE:0\nLOCATION;LANGUAGE=fr-FR:519 Church Street\nX-MICROSOFT-CDO-APPT-SEQUENCE:0\n"
           f"X-MICROSOFT-CDO-OWNERAPPTID:-1\nEND:VEVENT\nEND:VCALENDAR\n")
    b64 = base64.encodebytes(_crlf(ics)).decode()
    text = base64.encodebytes("\r\n".encode()).decode()
    encoded_subject = "=?utf-8?B?" + base64.b64encode(subject.encode()).decode() + "?="
    return _crlf(f"""From: {name} <{address}>
To: Test Network <{to}>
Subject: {encoded_subject}
Thread-Topic: {title}
Thread-Index: AQHZabcdefghijklmnop==
Date: {format_datetime(now)}
Message-ID: {make_msgid(domain='PH0PR11MB.namprd11.prod.outlook.com')}
Accept-Language: fr-CA, en-US
Content-Language: fr-FR
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="_000_PH0PR11MB_"

--_000_PH0PR11MB_
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

{text}
--_000_PH0PR11MB_
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: base64

{base64.encodebytes(b"<html><body></body></html>").decode()}
--_000_PH0PR11MB_
Content-Type: text/calendar; charset="utf-8"; method=REPLY
Content-Transfer-Encoding: base64

{b64}
--_000_PH0PR11MB_--
""")


def apple(*, name: str, address: str, to: str, uid: str, partstat: str, title: str, now: datetime,
          subject: str) -> bytes:
    """Apple Calendar: a short text and the REPLY as an attached iCal-….ics (text/calendar;
    method=REPLY), ATTENDEE as urn:uuid: with the address in EMAIL=, folded long lines."""
    ics = (f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Apple Inc.//macOS 15.1//EN\nMETHOD:REPLY\nCALSCALE:GREGORIAN\n"
           f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:{_stamp(now)}\nSEQUENCE:0\nSUMMARY:{title}\n"
           f"DTSTART:20270209T230000Z\nDTEND:20270210T003000Z\n"
           f"ATTENDEE;CN=\"{name}\";CUTYPE=INDIVIDUAL;EMAIL=\"{address}\";PARTSTAT={partstat};\n"
           f" ROLE=REQ-PARTICIPANT:urn:uuid:6F3C8A2E-1B2D-4C5E-9F10-AB12CD34EF56\n"
           f"ORGANIZER;CN=\"Test Network\":mailto:{to}\nX-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\n"
           f"REQUEST-STATUS:2.0;Success\nEND:VEVENT\nEND:VCALENDAR\n")
    return _crlf(f"""From: {name} <{address}>
To: Test Network <{to}>
Subject: {subject}
Date: {format_datetime(now)}
Message-Id: {make_msgid(domain='icloud.com')}
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87\\))
X-Mailer: Apple Mail (2.3826.300.87)
Content-Type: multipart/mixed; boundary="Apple-Mail=_0A1B2C3D"

--Apple-Mail=_0A1B2C3D
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii


--Apple-Mail=_0A1B2C3D
Content-Disposition: attachment; filename=iCal-20270104-140000.ics
Content-Type: text/calendar; charset=utf-8; method=REPLY; name=iCal-20270104-140000.ics
Content-Transfer-Encoding: 7bit

{ics}
--Apple-Mail=_0A1B2C3D--
""")
