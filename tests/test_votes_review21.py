"""Issue 15, votes: the review of batch 21's rules (b21v). Each rule the batch added was tried on people's
sentences that resemble its trigger and on true cases in neighbouring words; where the rule made a plain
answer asked back, or counted a vote wrong, it was narrowed, and these scenarios keep both sides:

- the batch's "if" words in their ordinary meanings are no condition: Indonesian "kalau saya, …" (as for
  me), "kalau begitu" (then), "jika memungkinkan / perlu" (if possible, if needed), "asal usul" (origin);
  Tagalog "kung saan" (where), "kung ako ang tatanungin" (if you ask me), "kung maaari"; Arabic "إذا
  سمحتم" (please); Hebrew "אם כי" (although), "אם אפשר"; Vietnamese "nếu có thể"; "Kung Hei Fat Choy";
- Polish "chyba", Turkish "sanırım" and Indonesian "sepertinya" doubt only beside the answer ("Tak, chyba",
  "Sanırım evet", "Sepertinya ya"), not "Chyba żartujecie" (you must be joking), Czech "to byla chyba" (a
  mistake), "Evet, sanırım herkes destekler" (I think everyone supports it), "Setuju, sepertinya ini ide
  bagus" (it seems a good idea);
- "let me think" that ends in the answer on its line ("Let me think... yes.", "Дай подумать... Да, за.")
  is no deferral;
- Tagalog "una" (first) counts only with its article ("Ang una po"): alone it is a signature ("Online" /
  "Una") or Spanish "one";
- French "M." is no title before a surname: a single letter is as often an initial ("M. Silva" is not
  Ana Silva, "M. Becker" not Tom Becker);
- neighbouring forms the batch missed, counted wrong on main and the branch alike: Czech/Slovak "asi" and Tagalog
  "baka" beside the answer ("Ano, asi", "Oo, baka"), Turkish "muhtemelen" (probably) are doubts; Turkish "yeter
  ki" (provided) a condition; Tagalog "pag-iisipan ko pa", Swahili "acha nifikirie" (let me think) a deferral.
The other groups are the batch's true cases and the look-alikes that kept their reading.
"""
from __future__ import annotations

import pytest

from tests.review_ballots import ASKED, ASSEMBLY, PETITION, TREASURER, TREASURERS, VENUES, YES_NO, check
from workflows.reading.rankings import read_ranking

CHAIR = "Vote 62 Elect the chair"
CHAIRS = ["Priyanka Sharma", "Kofi Mensah", "Lucía Fernández"]
SECRETARY = "Vote 64 Elect the secretary"
SECRETARIES = ["Marta Kowalska", "Una Byrne", "Abstain"]
PICNIC = "Vote 61 Choose the day of the summer picnic"
DAYS = ["Saturday 19 June", "Sunday 20 June", "Saturday 26 June", "Sunday 27 June"]
PRIORITIES = ["Rent caps", "Repairs", "Heating", "Evictions"]
BALLOTS = {"YN": (PETITION, YES_NO), "D": (ASSEMBLY, VENUES), "E2": (TREASURER, TREASURERS), "C": (CHAIR, CHAIRS),
           "C2": (SECRETARY, SECRETARIES), "P": (PICNIC, DAYS)}


# the batch's "if" words in their ordinary meanings (counted), and real conditions (asked back)
IF_WORDS = [
    ('YN', 'Ya, kalau saya pribadi, setuju', 'Yes'),
    ('YN', 'Kalau saya, setuju', 'Yes'),
    ('YN', 'Ya, kalau begitu saya setuju', 'Yes'),
    ('YN', 'Setuju, kalau bisa secepatnya', 'Yes'),
    ('YN', 'Ya, jika memungkinkan saya juga ikut membantu', 'Yes'),
    ('YN', 'Oo, kung ako ang tatanungin', 'Yes'),
    ('YN', 'Oo, kung maaari ay sa lalong madaling panahon', 'Yes'),
    ('YN', 'نعم، إذا سمحتم', 'Yes'),
    ('YN', 'כן, אם אפשר', 'Yes'),
    ('YN', 'כן, אם כי יש לי הסתייגות קטנה', 'Yes'),
    ('YN', 'Yes, although I have a small reservation', 'Yes'),
    ('YN', 'Có, nếu có thể', 'Yes'),
    ('YN', 'Ndiyo, ikiwezekana', 'Yes'),
    ('YN', 'Ya, asal usul dananya sudah jelas', 'Yes'),
    ('YN', 'Setuju. Saya asal Medan, tapi tinggal di sini', 'Yes'),
    ('YN', 'Yes — Kung Hei Fat Choy everyone!', 'Yes'),
    ('YN', 'Ya, apabila perlu saya bisa bantu', 'Yes'),
    ('YN', 'Yes, if needed I can help', 'Yes'),
    ('YN', 'Ya, jika perlu saya bantu', 'Yes'),
    ('YN', 'Evet, yeter ki ücretsiz olsun', ASKED),
    ('YN', 'Có, miễn là miễn phí', ASKED),
    ('YN', 'Ya, kalau gratis', ASKED),
    ('YN', 'Oo, kung libre', ASKED),
    ('D', 'Riverside Park, kung saan maluwag', 'Riverside Park'),
    ('D', 'Online, kalau saya', 'Online'),
    ('D', 'Online kalau hujan', ASKED),
    ('YN', 'Ya, kalau saya bisa hadir', ASKED),
    ('YN', 'Ya, kalau begitu', 'Yes'),
    ('YN', 'Ya, jika dananya ada', ASKED),
    ('YN', 'Oo, kung may pondo', ASKED),
    ('YN', 'כן, אם יש תקציב', ASKED),
    ('YN', 'نعم، إذا كان هناك تمويل', ASKED),
    ('YN', 'Có, nếu có thể thì tốt', 'Yes'),
    ('YN', 'Ya, kalau kita semua setuju', ASKED),
    ('YN', 'Kalau kami, tidak', 'No'),
    ('YN', 'Ya, asal ada dana', ASKED),
    ('YN', 'Ya, asalkan gratis', ASKED),
    ('YN', 'Oo, kung saan man ito gaganapin', 'Yes'),
    ('YN', 'Ya, kalau bisa secepatnya', 'Yes'),
    ('YN', 'Ndiyo, ikiwa kuna fedha', ASKED),
    ('YN', 'हाँ, अगर बजट हो', ASKED),
    ('YN', 'Evet, eğer bütçe varsa', ASKED),
    ('YN', 'Yes, if the budget allows', ASKED),
    ('YN', 'Ya, kalau saya tidak salah', ASKED),
]

# Polish "chyba" / Turkish "sanırım" beside the answer (asked back), and the same words elsewhere (counted)
DOUBTS = [
    ('YN', 'Ano, to byla chyba, že se to neudělalo dřív', 'Yes'),
    ('YN', 'Ne, chyba v rozpočtu je příliš velká', 'No'),
    ('YN', 'Nie. Chyba żartujecie z tą podwyżką.', 'No'),
    ('YN', 'Tak, to chyba oczywiste', 'Yes'),
    ('YN', 'Evet, sanırım herkes bunu destekler', 'Yes'),
    ('YN', 'Oo, sigurado ako', 'Yes'),
    ('YN', 'Oo, siguradong-sigurado', 'Yes'),
    ('YN', 'Evet, galibiyet bizim olacak', 'Yes'),
    ('YN', 'Evet, her halde destekliyorum', 'Yes'),
    ('YN', 'Tak, chyba że czynsz spadnie', ASKED),
    ('YN', 'Chyba tak', ASKED),
    ('YN', 'Sanırım hayır', ASKED),
    ('YN', 'Nie wiem, chyba nie', ASKED),
    ('YN', 'Ano, asi', ASKED),
    ('YN', 'Áno, asi áno', ASKED),
    ('YN', 'Ya, sepertinya', ASKED),
    ('YN', 'Oo, baka', ASKED),
    ('YN', 'Evet, muhtemelen', ASKED),
    ('YN', 'Tak, chyba', ASKED),
    ('YN', 'Nie, chyba nie', ASKED),
    ('YN', 'Chyba jestem za', ASKED),
    ('YN', 'Tak, chyba.', ASKED),
    ('YN', 'Chyba raczej nie', ASKED),
    ('YN', 'Evet, sanırım', ASKED),
    ('YN', 'Sanırım evet', ASKED),
    ('YN', 'Evet sanırım.', ASKED),
    ('YN', 'Tak, moim zdaniem to chyba najlepsze rozwiązanie', 'Yes'),
    ('YN', 'Áno, to bola chyba', 'Yes'),
    ('YN', 'Ne. Byla by to chyba.', 'No'),
    ('YN', 'Ne, to je chyba', 'No'),
    ('YN', 'Tak, chyba że czynsz wzrośnie', ASKED),
    ('YN', 'Nie wiem. Chyba tak.', ASKED),
]

# "let me think" that puts the vote off (asked back), or ends in the answer on its line (counted)
THOUGHTS = [
    ('YN', 'Let me think... yes.', 'Yes'),
    ('YN', 'Дай подумать... Да, за.', 'Yes'),
    ('YN', 'Fammi pensare… sì, sono favorevole.', 'Yes'),
    ('YN', 'Lass mich nachdenken – ja.', 'Yes'),
    ('YN', 'Sim. Aliás, deixa-me pensar melhor.', ASKED),
    ('YN', 'Evet. Bir düşüneyim.', ASKED),
    ('YN', 'Да. Хотя дайте подумать.', ASKED),
    ('YN', 'Ya. Biar saya pikirkan dulu.', ASKED),
    ('YN', 'Ja, laat me er nog even over nadenken', ASKED),
    ('YN', 'Tak. Daj mi pomyśleć.', ASKED),
    ('YN', 'Oo. Pag-iisipan ko pa.', ASKED),
    ('YN', 'Ndiyo. Acha nifikirie.', ASKED),
    ('YN', 'Let me think... no, I need more time', ASKED),
    ('YN', "Let me think... yes, I'll confirm tomorrow", ASKED),
    ('YN', 'Дай подумать... нет, не знаю', ASKED),
    ('YN', 'Let me think — no.', 'No'),
    ('YN', 'Let me think: yes', 'Yes'),
    ('YN', 'Let me think about it', ASKED),
    ('YN', 'Lass mich nachdenken.', ASKED),
    ('YN', 'Fammi pensare e ti faccio sapere', ASKED),
    ('YN', 'Дайте подумать до пятницы', ASKED),
    ('YN', 'Deixa-me pensar... sim, mas só depois da reunião', ASKED),
    ('YN', 'Let me think... yes, but let me check with my partner first', ASKED),
    ('YN', 'Biar saya pikirkan... ya, setuju', 'Yes'),
]

# ordinals of the batch's languages, and a signature "Una" after the answer
ORDINALS = [
    ('C2', 'Una Byrne', 'Una Byrne'),
    ('C2', 'Marta Kowalska\n\nUna', 'Marta Kowalska'),
    ('C2', 'Marta\n\nThanks,\nUna', 'Marta Kowalska'),
    ('D', 'Riverside Park\n\nUna', 'Riverside Park'),
    ('D', 'Online\nUna', 'Online'),
    ('D', 'Ya pili', "St Mary's Hall"),
    ('D', 'Yang kedua saja', "St Mary's Hall"),
    ('D', 'Ang una', 'Riverside Park'),
    ('D', 'האחרון', 'Online'),
    ('D', 'Ikalawa po', "St Mary's Hall"),
    ('D', 'Ang ikatlo', 'Online'),
    ('D', 'Ya tatu', 'Online'),
    ('D', 'Chaguo la pili', "St Mary's Hall"),
    ('D', 'Üçüncüsü', 'Online'),
    ('D', 'Yang pertama', 'Riverside Park'),
    ('D', 'Pangalawa po', "St Mary's Hall"),
    ('D', 'Online\n\n-- \nUna Walsh\nTreasurer', 'Online'),
    ('P', 'Sunday 27 June\nUna', 'Sunday 27 June'),
    ('P', 'Ya nne', 'Sunday 27 June'),
    ('E2', 'השני', 'Tom Becker'),
    ('D', 'Yung una', 'Riverside Park'),
    ('D', 'Una', ASKED),
    ('D', 'Ang una po', 'Riverside Park'),
    ('P', 'Ang una po', 'Saturday 19 June'),
    ('P', 'Una buena idea', ASKED),
]

# a title before a candidate's name, and a single letter that is an initial
TITLES = [
    ('C', 'Dr Sharma', 'Priyanka Sharma'),
    ('C', 'Ms Fernández', 'Lucía Fernández'),
    ('C', 'Miss Kofi', 'Kofi Mensah'),
    ('C', 'Dr Patel', ASKED),
    ('C', "Per Dr Sharma's advice: Kofi", 'Kofi Mensah'),
    ('C', 'For Ms Fernández', 'Lucía Fernández'),
    ('C', 'Ms Fernández,\nI vote for Kofi.', 'Kofi Mensah'),
    ('C', 'Dear Dr Sharma,\nKofi gets my vote', 'Kofi Mensah'),
    ('C', 'Frau Fernández', 'Lucía Fernández'),
    ('C', 'Kofi. Ms Fernández has my respect too.', 'Kofi Mensah'),
    ('C', 'Mrs Patel says Kofi', ASKED),
    ('C', "I'll miss Kofi but Priyanka", 'Priyanka Sharma'),
    ('C', 'Mr Fernández', 'Lucía Fernández'),
    ('E2', 'M. Silva', ASKED),
    ('E2', 'Sr. Silva', 'Ana Silva'),
    ('E2', 'Pan Becker', 'Tom Becker'),
    ('E2', 'Bu Silva', 'Ana Silva'),
    ('E2', 'Pak Tom', 'Tom Becker'),
    ('E2', 'Miss Ana', 'Ana Silva'),
    ('E2', 'Sra. Silva', 'Ana Silva'),
    ('E2', 'Mr Becker', 'Tom Becker'),
    ('E2', 'Dr Tom', 'Tom Becker'),
    ('E2', 'Prof. Silva', 'Ana Silva'),
    ('E2', 'A. Silva', 'Ana Silva'),
    ('E2', 'T. Silva', ASKED),
    ('E2', 'Mme Silva', 'Ana Silva'),
    ('E2', 'M. Becker', ASKED),
    ('E2', 'Dr. Silva', 'Ana Silva'),
    ('E2', 'For Mr. Becker', 'Tom Becker'),
]

# Indonesian, Turkish and Spanish corrections, and apologies that correct nothing
SLIPS = [
    ('YN', 'Ya. Maksud saya, tidak ada alasan untuk menolak.', 'Yes'),
    ('YN', 'Setuju. Maksudnya, tidak ada masalah dengan petisinya.', 'Yes'),
    ('YN', 'Ya, maksudnya saya dukung petisi ini', 'Yes'),
    ('YN', 'Tidak, eh, maksud saya ya', 'Yes'),
    ('YN', 'Ya, ups, maksudku tidak', 'No'),
    ('YN', 'Sí. Perdón por la demora.', 'Yes'),
    ('YN', 'Perdón por no contestar antes: sí.', 'Yes'),
    ('YN', 'Sí... perdón, no', 'No'),
    ('YN', 'Perdón, voto que no', 'No'),
    ('YN', 'Perdón por el retraso. Voto no.', 'No'),
    ('YN', 'Sí, y perdón por la tardanza, no vi el correo', 'Yes'),
    ('YN', 'No, perdón, no puedo apoyarla', 'No'),
    ('YN', 'Perdón, me equivoqué: no', 'No'),
    ('YN', 'Evet, pardon, hayır demek istedim', 'No'),
    ('YN', 'Pardon, geç cevap veriyorum. Evet.', 'Yes'),
    ('YN', 'Hayır, yok evet demek istedim', 'Yes'),
    ('YN', 'Sí, perdón si llego tarde', 'Yes'),
    ('YN', 'Sí. Perdonen el retraso, no pude antes.', 'Yes'),
]

# Spanish "perdón" as an apology before or after a plain answer
PERDON = [
    ('YN', 'Sí. Perdón por no responder antes.', 'Yes'),
    ('YN', 'Sí, perdón, no había visto el correo', 'Yes'),
    ('YN', 'No. Perdón por no responder antes.', 'No'),
    ('YN', 'Sí, perdón por la confusión anterior', 'Yes'),
    ('YN', 'Perdón: sí', 'Yes'),
    ('YN', 'Perdón, no', 'No'),
    ('YN', 'Sí, perdón', 'Yes'),
    ('YN', 'No, perdón', 'No'),
    ('YN', 'Sí. Perdonen que no haya votado antes.', 'Yes'),
    ('YN', 'Sí, y perdón, no pude ir a la reunión', 'Yes'),
]

# another answer offered after "or" under a condition: asked back
OFFERED = [
    ('YN', 'Yes, or no if the landlord agrees to talks', ASKED),
    ('YN', 'No, or abstain if that helps the quorum', ASKED),
    ('YN', 'Abstain — or yes if my vote decides it', ASKED),
    ('YN', "Yes or no, if you ask me it doesn't matter", ASKED),
]

# Russian irony, and plain Russian and Ukrainian answers beside it
IRONY = [
    ('YN', 'Ну да, конечно, я за!', ASKED),
    ('YN', 'Да, конечно', 'Yes'),
    ('YN', 'Ну да, за.', 'Yes'),
    ('YN', 'Ага, за', 'Yes'),
    ('YN', 'Ага, щас', ASKED),
    ('YN', 'Конечно, да', 'Yes'),
    ('YN', 'Ну да, конечно, почему бы и нет', ASKED),
    ('YN', 'Да, конечно, поддерживаю', 'Yes'),
    ('YN', 'Ага, конечно, поддерживаю', ASKED),
    ('YN', 'Так, звісно', 'Yes'),
    ('YN', 'Ну да, конечно, еще одна петиция.', ASKED),
]

# an arrow before the answer, "saya pilih", and stances in the batch's languages
ARROWS = [
    ('YN', '-> Yes', 'Yes'),
    ('YN', '👉 Yes', 'Yes'),
    ('YN', "Abstain -> I'm conflicted (I'm a landlord)", 'Abstain'),
    ('YN', 'No -> Yes', ASKED),
    ('YN', 'Yes. Agenda -> next meeting', 'Yes'),
    ('YN', 'Saya pilih tidak', 'No'),
    ('YN', 'Saya pilih ya', 'Yes'),
    ('YN', 'Pabor', 'Yes'),
    ('YN', 'Hindi pabor', 'No'),
    ('YN', 'विरोध में', 'No'),
    ('YN', 'คัดค้าน', 'No'),
    ('YN', 'Evet diyorum', 'Yes'),
    ('YN', 'Hayır diyorum', 'No'),
    ('YN', 'Sang-ayon ako', 'Yes'),
    ('YN', 'Hindi ako sang-ayon', 'No'),
    ('YN', 'Çekimser kalıyorum', 'Abstain'),
    ('YN', 'मैं पक्ष में हूँ', 'Yes'),
    ('YN', 'เห็นด้วย', 'Yes'),
    ('D', '→ Online', 'Online'),
    ('D', 'Online -> Riverside Park', ASKED),
    ('D', 'Online (-> cheaper)', 'Online'),
    ('D', 'Saya pilih yang kedua', "St Mary's Hall"),
    ('D', 'Saya pilih Online', 'Online'),
    ('D', 'Ninachagua Online', 'Online'),
    ('D', 'Riverside Park <- Online', ASKED),
]

# "to it", "I'm afraid" after the answer
TAILS = [
    ('YN', 'I object to it', 'No'),
    ('YN', 'Yes to it', 'Yes'),
    ('YN', 'No to it', 'No'),
    ('YN', "No I'm afraid", 'No'),
    ('YN', "Yes I'm afraid", 'Yes'),
    ('YN', "Abstain I'm afraid", 'Abstain'),
    ('YN', "Not yet I'm afraid", ASKED),
    ('YN', "Not sure I'm afraid", ASKED),
    ('YN', 'Yes, nothing to add to it', 'Yes'),
    ('YN', 'Nobody can say no to it', ASKED),
    ('YN', 'Not to it', ASKED),
    ('YN', "I'm warming to it", ASKED),
    ('YN', "Don't know, I'm afraid", ASKED),
]

# a yes put off, and "now" in a plain answer
PUT_OFF = [
    ('YN', 'Hayır, şimdi değil', 'No'),
    ('YN', 'Evet, ama şimdi değil', ASKED),
    ('YN', 'Ndiyo, si sasa', ASKED),
    ('YN', 'Ndiyo, tuanze sasa', 'Yes'),
    ('YN', 'Oo, ngayon na', 'Yes'),
    ('YN', 'Setuju, sekarang juga', 'Yes'),
    ('YN', 'Ya, tidak sekarang', ASKED),
    ('YN', 'Tidak sekarang', ASKED),
]

# plain answers in the batch's languages beside its rules, and more of their look-alikes
PLAIN = [
    ('YN', "No, I'm not opposed to it", ASKED),
    ('YN', "I'd say no to it", 'No'),
    ('YN', 'No. Nothing to add to it', 'No'),
    ('YN', 'No, or yes if the rent cap is included', ASKED),
    ('YN', 'Hayır. Yok, evet demek istedim', 'Yes'),
    ('YN', 'Evet, yok hayır demek istedim', 'No'),
    ('YN', 'Evet, hayır demek istemiyorum', 'Yes'),
    ('YN', 'Ya, maksud saya tidak ada keberatan', 'Yes'),
    ('YN', 'Setuju, maksudnya tidak perlu rapat lagi', 'Yes'),
    ('YN', 'Ya, maksudku tidak masalah', 'Yes'),
    ('YN', 'Setuju, sepertinya ini ide bagus', 'Yes'),
    ('YN', 'Ya, kayaknya semua orang setuju', 'Yes'),
    ('YN', 'Ya, kayaknya', ASKED),
    ('YN', 'Kayaknya tidak', ASKED),
    ('YN', 'Sepertinya ya', ASKED),
    ('YN', 'Tidak, sepertinya terlalu mahal', 'No'),
    ('YN', 'Yes\n\n> -> No', 'Yes'),
    ('YN', "Yes (Dr Sharma's report -> page 3)", 'Yes'),
    ('YN', 'No. Labda mwaka ujao.', ASKED),
    ('YN', 'Ndiyo. Asante sana!', 'Yes'),
    ('YN', 'Hapana, asante', 'No'),
    ('YN', 'Oo po', 'Yes'),
    ('YN', 'Hindi po', 'No'),
    ('YN', 'Evet, kesinlikle destekliyorum', 'Yes'),
    ('YN', 'Hayır, kesinlikle değil', 'No'),
    ('YN', 'Tak, jestem za', 'Yes'),
    ('YN', 'Nie, jestem przeciw', 'No'),
    ('YN', 'כן, אני בעד', 'Yes'),
    ('YN', 'לא, אני נגד', 'No'),
    ('YN', 'نعم، أوافق', 'Yes'),
    ('YN', 'لا، أرفض', 'No'),
    ('C', "Kofi (Dr Sharma's nominee)", 'Kofi Mensah'),
    ('C', 'Pak Kofi', 'Kofi Mensah'),
    ('C', 'Bay Mensah', 'Kofi Mensah'),
    ('C', 'Dr Mensah, please', 'Kofi Mensah'),
    ('C', 'Mr Sharma', 'Priyanka Sharma'),
    ('C', 'Dr Raj Sharma', ASKED),
    ('C', 'Ms Ana Fernández', ASKED),
    ('D', 'Ikalawa ng Hunyo', ASKED),
    ('D', 'Ya pili, tafadhali', "St Mary's Hall"),
    ('D', 'השני ביוני', ASKED),
    ('D', 'Yang kedua, terima kasih', "St Mary's Hall"),
    ('YN', "Yes, or abstain if it's a secret ballot", ASKED),
    ('YN', "No, or abstain if I'm conflicted", ASKED),
    ('YN', 'Yes\n-> see my comments below', 'Yes'),
    ('YN', '--> No', 'No'),
    ('YN', '-> yes please', 'Yes'),
    ('YN', 'Ага, конечно, ещё чего', ASKED),
    ('YN', 'No\n\n---> forwarded to my partner', 'No'),
    ('YN', 'Yes (-> the petition deserves it)', 'Yes'),
    ('YN', 'Ya, sanırım', ASKED),
    ('YN', 'Tak, chyba, ale nie jestem pewna', ASKED),
    ('YN', 'Chyba nie.', ASKED),
    ('YN', 'Nie, chyba, że obniżą czynsz', ASKED),
    ('D', '=> Online', 'Online'),
    ('D', "Riverside Park --> St Mary's Hall if it rains", ASKED),
    ('D', 'Online 👈', 'Online'),
    ('C', 'Miss you all! Kofi', 'Kofi Mensah'),
    ('C', 'Dr. Mensah? No, Priyanka', 'Priyanka Sharma'),
    ('C', 'Priyanka\n\nDr Kofi Mensah', 'Priyanka Sharma'),
    ('C', 'Mrs Sharma', 'Priyanka Sharma'),
]

# doubts, conditions and deferrals the batch missed in neighbouring words, beside their look-alikes
NEIGHBOURS = [
    ('YN', 'Ano, asi', ASKED),
    ('YN', 'Asi ano', ASKED),
    ('YN', 'Asi ne', ASKED),
    ('YN', 'Sí, asi es', 'Yes'),
    ('YN', 'Ano, asi před rokem jsem to navrhoval', 'Yes'),
    ('YN', 'Oo, baka', ASKED),
    ('YN', 'Baka hindi', ASKED),
    ('YN', 'Oo, baka sakaling makatulong', 'Yes'),
    ('YN', 'No, baka is Japanese for fool', 'No'),
    ('YN', 'Evet, muhtemelen', ASKED),
    ('YN', 'Muhtemelen hayır', ASKED),
    ('YN', 'Evet, yeter ki ücretsiz olsun', ASKED),
    ('YN', 'Evet, yeter!', 'Yes'),
    ('YN', 'Oo. Pag-iisipan ko pa.', ASKED),
    ('YN', 'Ndiyo. Acha nifikirie.', ASKED),
    ('YN', 'Nitafikiria... ndiyo.', 'Yes'),
    ('YN', 'Oo, iisipin ko muna', ASKED),
    ('YN', 'Hindi. Pinag-isipan ko na ito nang mabuti.', 'No'),
    ('YN', 'Ndiyo, nimefikiria sana', 'Yes'),
    ('YN', 'Evet, yeterince düşündüm', 'Yes'),
]

# a ranking written with arrows, or after "my order:" in the batch's languages
RANKINGS = [
    ('Rent caps -> Repairs -> Heating -> Evictions', ['Rent caps', 'Repairs', 'Heating', 'Evictions']),
    ('Heating => Repairs => Rent caps => Evictions', ['Heating', 'Repairs', 'Rent caps', 'Evictions']),
    ('Heating → Evictions → Repairs → Rent caps', ['Heating', 'Evictions', 'Repairs', 'Rent caps']),
    ('Moja kolejność: Heating, Repairs, Rent caps, Evictions', ['Heating', 'Repairs', 'Rent caps', 'Evictions']),
    ('Sıralamam: Repairs, Heating, Evictions, Rent caps', ['Repairs', 'Heating', 'Evictions', 'Rent caps']),
    ('Мой порядок: Evictions, Heating, Repairs, Rent caps', ['Evictions', 'Heating', 'Repairs', 'Rent caps']),
    ('Urutan saya: Heating, Repairs, Rent caps, Evictions', ['Heating', 'Repairs', 'Rent caps', 'Evictions']),
]


@pytest.mark.parametrize("ballot, reply, expected", IF_WORDS)
def test_the_new_if_words_in_their_ordinary_meanings_are_no_condition(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", DOUBTS)
def test_chyba_and_sanirim_doubt_only_beside_the_answer(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", THOUGHTS)
def test_a_thought_that_ends_in_the_answer_is_no_deferral(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", ORDINALS)
def test_tagalog_una_counts_only_with_its_article(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", TITLES)
def test_a_title_names_a_candidate_but_a_single_letter_is_an_initial(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", SLIPS + PERDON)
def test_corrections_and_apologies_in_indonesian_turkish_and_spanish(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", OFFERED + IRONY)
def test_an_answer_offered_under_a_condition_and_russian_irony(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", ARROWS + TAILS + PUT_OFF)
def test_arrows_stances_tails_and_a_yes_put_off(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", PLAIN)
def test_plain_answers_beside_the_batchs_rules(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("ballot, reply, expected", NEIGHBOURS)
def test_doubts_conditions_and_deferrals_in_neighbouring_words(ballot, reply, expected):
    title, options = BALLOTS[ballot]
    check(reply, expected, title=title, options=options, text=reply)


@pytest.mark.parametrize("reply, expected", RANKINGS)
def test_a_ranking_with_arrows_or_after_my_order(reply, expected):
    reading = read_ranking(reply, PRIORITIES, reply)
    assert [PRIORITIES[i] for i in reading.ranking] == expected, reading.reason
