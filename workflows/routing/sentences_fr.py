"""The French of the sentences Convenor writes about a coordinator's lines it could not read (a
setting line, a [Vote], a [Draft], a [Meeting], an [Announce]): English as the workflows write it,
"{name}" standing for any text (itself said in French when the catalogue has it), and its French.
A sentence missing here reaches a French coordinator in English: tests/test_french_only.py sends
the malformed lines coordinators write and fails on English words in the answers."""

SENTENCES = {
    # where a problem is (setting_lines.where) and the setting it is about
    "line {n}: {problem}": "ligne {n} : {problem}",
    "Audience: {problem}": "Audience : {problem}",
    "When: {problem}": "Quand : {problem}",
    "Candidates: {problem}": "Candidats : {problem}",
    "Send: {problem}": "Envoi : {problem}",
    # the keys a sentence names (the canonical English key when the coordinator's own spelling is not at hand)
    "Closes": "Clôture", "Deadline": "Échéance", "due": "échéance",
    # setting_lines: any new item
    "“{line}” gives {key} again (already set on line {first}); keep one of the two":
        "« {line} » donne {key} une deuxième fois (déjà sur la ligne {first}) ; gardez l'une des deux",
    '"{value}" is not an audience I know. Write one of: core, all, associates, or subcommittee NAME '
    '(e.g. "subcommittee Awareness").':
        "« {value} » n'est pas un public connu. Écrivez l'un de : core, all, associates, ou "
        "subcommittee NOM (par exemple « subcommittee Awareness »).",
    '"{what}: {value}": {time} is not a time of day.': "« {what}: {value} » : {time} n'est pas une heure.",
    '"{what}: {value}" is not a date I can read. Write e.g. "{what2}: 2027-01-15", "{what3}: 2027-01-15 12:00", '
    '"{what4}: 17h" or "{what5}: in 10 days".':
        "« {what}: {value} » n'est pas une date lisible. Écrivez par exemple « {what2}: 2027-01-15 », "
        "« {what3}: 2027-01-15 12:00 », « {what4}: 17h » ou « {what5}: dans 10 jours ».",
    # reading/dates: a time the clocks skip or repeat, a date whose day and month could swap
    '"{what}: {value}": {problem}.': "« {what}: {value} » : {problem}.",
    "{time} is not a time of day (with am/pm the hour goes from 1 to 12)":
        "{time} n'est pas une heure (avec am/pm, l'heure va de 1 à 12)",
    "{moment} does not exist in {zone}: the clocks go forward that night and skip that hour; choose another time":
        "{moment} n'existe pas dans le fuseau {zone} : cette nuit-là, on avance l'heure et cette heure est "
        "sautée ; choisissez une autre heure",
    "{moment} happens twice in {zone}: the clocks go back that night and repeat that hour; choose another time":
        "{moment} arrive deux fois dans le fuseau {zone} : cette nuit-là, on recule l'heure et cette heure "
        "se répète ; choisissez une autre heure",
    "{date} could be {first} or {second}: write it as {iso} (year-month-day) or with the month's name; the "
    "network's administrator can also set network.date_order (dmy or mdy) to say how dates are written here":
        "{date} peut se lire {first} ou {second} : écrivez-la {iso} (année-mois-jour) ou avec le nom du mois ; "
        "l'administrateur du réseau peut aussi régler network.date_order (dmy ou mdy) pour dire comment les "
        "dates s'écrivent ici",
    "{day} is not a real date": "{day} n'est pas une date qui existe",
    "{moment} is too far away": "{moment} est trop loin",
    "Duration: {problem}": "Durée : {problem}",
    "“{value}” is not a duration I can read: write e.g. 90 min, 1h30 or 2 hours":
        "« {value} » n'est pas une durée lisible : écrivez par exemple 90 min, 1h30 ou 2 heures",
    "“{value}” must be between 1 minute and 24 hours": "« {value} » doit être entre 1 minute et 24 heures",
    '"{what}: {value}" is already past; it must be in the future.':
        "« {what}: {value} » est déjà passé ; la date doit être à venir.",
    "{day} has no time: write it like 2027-02-10 18:00": "{day} n'a pas d'heure : écrivez-la comme 2027-02-10 18:00",
    "{moment} is not a real date and time ({reason})": "{moment} n'est pas une date et une heure qui existent ({reason})",
    "“{value}” could be {first} or {second}: write the date you mean":
        "« {value} » peut désigner le {first} ou le {second} : écrivez la date voulue",
    "“{value}” has no time: write it like 2027-02-10 18:00": "« {value} » n'a pas d'heure : écrivez-la comme 2027-02-10 18:00",
    "no date found in {value}: write it like 2027-02-10 18:00":
        "aucune date dans {value} : écrivez-la comme 2027-02-10 18:00",
    # votes
    "“Options: {value}”: give at least two options, separated by commas or semicolons":
        "« Options: {value} » : donnez au moins deux options, séparées par des virgules ou des points-virgules",
    "“Options: {value}”: at most {n} options": "« Options: {value} » : au plus {n} options",
    "“Options: {value}”: two options have the same label": "« Options: {value} » : deux options portent le même nom",
    "“Electorate: {value}”: write “core” or “subcommittee NAME” (only core members vote)":
        "« Électorat: {value} » : écrivez « core » ou « subcommittee NOM » (seuls les membres du noyau votent)",
    "“Quorum: {value}”: write a percentage between 0 and 100, e.g. “50%”":
        "« Quorum: {value} » : écrivez un pourcentage entre 0 et 100, par exemple « 50 % »",
    "“Secret: {value}”: write “yes” or “no”": "« Secret: {value} » : écrivez « oui » ou « non »",
    "“Pass: {value}”: write “majority”, “two-thirds”, “majority of members”, “two-thirds of members”, "
    "“unanimous” or “ranked”":
        "« Règle: {value} » : écrivez « majorité », « deux tiers », « majorité des membres », "
        "« deux tiers des membres », « unanime » ou « vote préférentiel »",
    "“Abstentions: {value}”: write “quorum only” or “count as no”":
        "« Abstentions: {value} » : écrivez « quorum seulement » ou « comptent comme non »",
    "“Seats: {value}”: write a number of seats between 1 and 25, e.g. “Seats: 2”":
        "« Sièges: {value} » : écrivez un nombre de sièges entre 1 et 25, par exemple « Sièges: 2 »",
    "“Pass: {rule}” decides a Yes/No motion: use Options: Yes, No, Abstain (or leave Options out), or "
    "“Pass: ranked” to elect among candidates":
        "« Règle: {rule} » tranche une motion Oui/Non : utilisez Options: Oui, Non, Abstention (ou omettez "
        "Options), ou « Règle: vote préférentiel » pour élire parmi des candidats",
    "“Pass: ranked” ranks candidates: give them on an Options: line (e.g. “Options: {example}”)":
        "« Règle: vote préférentiel » classe des candidats : donnez-les sur une ligne Options: "
        "(par exemple « Options: {example} »)",
    "“Seats:” elects several people by single transferable vote: add “Pass: ranked”":
        "« Sièges: » élit plusieurs personnes au vote unique transférable : ajoutez « Règle: vote préférentiel »",
    "“Seats: {seats}”: there must be more candidates than seats":
        "« Sièges: {seats} » : il faut plus de candidats que de sièges",
    "the subject has no title after [Vote]: write e.g. “[Vote] Adopt the budget”":
        "l'objet n'a pas de titre après [Scrutin] : écrivez par exemple « [Scrutin] Adopter le budget »",
    "the body has no motion: write the text members vote on below the setting lines":
        "le message n'a pas de motion : écrivez le texte soumis au vote sous les lignes de réglage",
    "nobody would receive a ballot: that electorate has no active core member":
        "personne ne recevrait de bulletin : cet électorat n'a aucun membre du noyau actif",
    # meetings
    "no When: line (one date) nor Candidates: line (several dates)":
        "ni ligne Quand: (une date) ni ligne Candidats: (plusieurs dates)",
    "a date is already past": "une date est déjà passée",
    "the first candidate is too soon: the poll must close the day before it, so members have time to answer":
        "la première date proposée est trop proche : le sondage doit se clore la veille, pour laisser aux "
        "membres le temps de répondre",
    "Duration: expected minutes, e.g. 90": "Durée : un nombre de minutes est attendu, par exemple 90",
    "Places: places are polled with several dates; for one date write Where: and the place":
        "Lieux : les lieux se sondent avec plusieurs dates ; pour une seule date, écrivez Lieu: et le lieu",
    "Places: give at least two places, separated by “;” (for one place write Where:)":
        "Lieux : donnez au moins deux lieux, séparés par « ; » (pour un seul lieu, écrivez Lieu:)",
    "Places: at most {n} places (A-H)": "Lieux : au plus {n} lieux (A-H)",
    "Places: and Where: both name the place; keep Places: to poll the places, or Where: for one place":
        "Lieux : et Lieu: nomment tous deux le lieu ; gardez Lieux: pour sonder les lieux, ou Lieu: pour un seul",
    "Places: the dates already carry their own place (“… at …”); poll the places either with each date or in "
    "Places:, not both":
        "Lieux : les dates portent déjà leur lieu (« … à … ») ; sondez les lieux soit avec chaque date, soit "
        "dans Lieux:, pas les deux",
    "Required: “{name}” is not a member this meeting is for; write a member's name as in the members list, or "
    "their address":
        "Requis : « {name} » n'est pas un membre convié à cette réunion ; écrivez le nom d'un membre comme dans "
        "la liste des membres, ou son adresse",
    # action items and attendance (a coordinator's ACTION:, PRESENT: and ABSENT: lines)
    "write the owner, the task and the due date separated by dashes":
        "écrivez la personne responsable, la tâche et l'échéance, séparées par des tirets",
    "no member has that name or address": "aucun membre n'a ce nom ni cette adresse",
    "it names several members: {names}": "ce nom désigne plusieurs membres : {names}",
    # the membership (an audience or electorate naming a sub-committee that does not exist)
    "there is no sub-committee named {name}": "il n'y a pas de sous-comité nommé {name}",
    "unknown audience {kind}: expected all, core, associates or subcommittee NAME":
        "public inconnu {kind} : all, core, associates ou subcommittee NOM est attendu",
    # announcements
    "the announcement has no text": "l'annonce n'a pas de texte",
    # a member's date-poll answer that cannot be read (reading/choices, reading/poll_answers)
    "no text": "aucun texte",
    "no option read in the first {n} line(s)": "aucune option trouvée dans les {n} première(s) ligne(s)",
    "no option numbered {numbers} (1-{last})": "aucune option ne porte le numéro {numbers} (1-{last})",
    "no option numbered {numbers} (1-{last}): {raw}": "aucune option ne porte le numéro {numbers} (1-{last}) : {raw}",
    "line {n} names dates or times instead of the numbers of the options: {raw}":
        "la ligne {n} donne des dates ou des heures au lieu des numéros des options : {raw}",
    "line {n} is not a firm answer: {raw}": "la ligne {n} n'est pas une réponse ferme : {raw}",
    "line {n} says both some and none: {raw}": "la ligne {n} dit à la fois certaines et aucune : {raw}",
    "line {n} only says which options do not suit: {raw}":
        "la ligne {n} dit seulement quelles options ne conviennent pas : {raw}",
    "no place lettered {letters} (A-{last})": "aucun lieu ne porte la lettre {letters} (A-{last})",
    "only places were given, no dates": "seuls des lieux sont donnés, aucune date",
    # a member's AWAY (ABSENT) whose date cannot be taken
    "no date": "aucune date",
    "AWAY until": "ABSENT jusqu'au",
    "more than two years away": "à plus de deux ans",
}
