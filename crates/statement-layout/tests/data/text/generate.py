#!/usr/bin/env python3
"""Writes the plain-text statements of this folder and their expected rows.

Each layout copies a real bank's statement as text (pdftotext -layout or a PDF library's text,
from the public test suite named in SOURCES.md): the column positions, headers, date and amount
shapes, sign markers, carried-forward and summary rows. The rows are our own. The expected file
(`NAME.expected.csv`: date, signed amount, page, line) is written here from the same row lists,
never by running the reader. Run `python3 generate.py` in this folder to write them again.
"""

def fr(x):  # 1 234,56
    s = f"{abs(x):,.2f}".replace(",", " ").replace(".", ",")
    return s

def de(x):  # 1.234,56
    return f"{abs(x):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")

def us(x):  # 1,234.56
    return f"{abs(x):,.2f}"

class Doc:
    def __init__(self):
        self.pages = [[]]
        self.expected = []

    def line(self, text=""):
        self.pages[-1].append(text.rstrip())
        return (len(self.pages), len(self.pages[-1]))

    def at(self, *cols):
        """cols: (column, text) left-aligned, or (column, text, 'r') right-aligned ending at column."""
        out = ""
        for col in cols:
            c, t = col[0], col[1]
            if len(col) > 2 and col[2] == "r":
                c = c - len(t)
            if len(out) < c:
                out += " " * (c - len(out))
            elif out:
                out += " "
            out += t
        return self.line(out)

    def page(self):
        self.pages.append([])

    def expect(self, where, date, amount):
        self.expected.append((date, amount, where[0], where[1]))

    def write(self, name):
        text = "\n\f".join("\n".join(p) for p in self.pages) + "\n"
        open(f"{name}.txt", "w", encoding="utf-8").write(text)
        with open(f"{name}.expected.csv", "w") as f:
            f.write("date,amount,page,line\n")
            for d, a, p, l in self.expected:
                f.write(f"{d},{a:.2f},{p},{l}\n")


def nl_ics():
    d = Doc()
    d.at((0, "International Card Services BV"), (63, "www.icscards.nl"))
    d.at((0, "Postbus 23225"), (63, "Bankrek. NL99ABNA9999999999"))
    d.at((0, "1100 DS Diemen"), (63, "BIC: ABNANL2A"))
    d.at((0, "Telefoon 020 - 6 600 600"), (63, "ICS identificatienummer bij incasso:"))
    d.line(); d.line(); d.line()
    d.at((0, "Datum"), (44, "ICS-klantnummer"), (88, "Volgnummer"), (133, "Bladnummer"))
    d.at((0, "17 januari 2024"), (44, "12345678901"), (88, "1"), (133, "1 van 1"))
    d.at((0, "Vorig openstaand saldo"), (44, "Totaal ontvangen betalingen"), (88, "Totaal nieuwe uitgaven"), (133, "Nieuw openstaand saldo"))
    d.at((0, "€ 120,40"), (36, "Af"), (44, "€ 120,40"), (80, "Bij"), (88, "€ 293,17"), (125, "Af"), (133, "€ 293,17"), (156, "Af"))
    d.line(); d.line(); d.line()
    d.at((0, "Datum"), (16, "Datum"), (35, "Omschrijving"), (130, "Bedrag in"), (158, "Bedrag"))
    d.at((0, "transactie"), (16, "boeking"), (130, "vreemde valuta"), (158, "in euro's"))
    d.line()
    rows = [
        ("28 dec", "28 dec", "IDEAL BETALING, DANK U", "", "", None, 120.40, "2023-12-28", "Bij"),
    ]
    def row(t, b, m, city, cc, foreign, eur, date, mark):
        w = d.at((0, t), (16, b), (34, m), (59, city), (116, cc), *([(146, foreign, "r")] if foreign else []), (167, de(eur), "r"), (174, mark))
        d.expect(w, date, eur if mark == "Bij" else -eur)
    for r in rows:
        row(*r)
    d.line()
    d.line("Uw Card met als laatste vier cijfers 4321")
    d.line("J. DE VRIES")
    row("19 dec", "20 dec", "NETFLIX.COM", "866-579-7172", "NL", None, 13.99, "2023-12-19", "Af")
    row("22 dec", "23 dec", "ALBERT HEIJN 1403", "AMSTERDAM", "NL", None, 42.17, "2023-12-22", "Af")
    row("27 dec", "29 dec", "HOTEL SACHER", "WIEN", "AT", None, 189.00, "2023-12-27", "Af")
    row("02 jan", "03 jan", "AMAZON.COM", "SEATTLE", "US", "25,00 USD", 23.11, "2024-01-02", "Af")
    d.at((34, "Wisselkoers USD"), (59, "1,08178"))
    row("05 jan", "08 jan", "SPOTIFY P1C2D3", "STOCKHOLM", "SE", None, 10.99, "2024-01-05", "Af")
    row("10 jan", "11 jan", "NS GROEP IZ NS", "UTRECHT", "NL", None, 23.90, "2024-01-10", "Af")
    row("12 jan", "13 jan", "ALBERT HEIJN 1403", "AMSTERDAM", "NL", None, 9.99, "2024-01-12", "Bij")
    d.line(); d.line(); d.line()
    d.at((1, "Uw betalingen aan International Card Services BV zijn bijgewerkt tot 17 januari 2024."))
    d.at((1, "Het minimaal te betalen bedrag ad € 293,17 verwachten wij voor 8 februari 2024 op rekening NL99 ABNA 9999 9999 99 t.n.v. ICS in"))
    d.line(); d.line()
    d.at((1, "Bestedingslimiet"), (64, "Minimaal te betalen bedrag"))
    d.at((1, "€ 2.500"), (64, "€ 293,17"))
    d.write("nl-ics-card")


def fr_bp():
    d = Doc()
    balance = 1845.12
    def header(indent, first):
        d.at((indent + 2, "DATE"), (indent + 104, "DATE"), (indent + 113, "DATE"), (indent + 139, "DEBIT"), (indent + 164, "CREDIT"))
        d.at((indent + 1, "COMPTA"))
        d.at((indent + 38, "LIBELLE/REFERENCE"), (indent + 101, "OPERATION VALEUR"), (indent + 138, "EUROS"), (indent + 163, "EUROS"))
    def row(indent, compta, lines, ref, op, val, amount, date):
        nonlocal balance
        col = (indent + 145, fr(amount), "r") if amount < 0 else (indent + 170, fr(amount), "r")
        w = d.at((indent + 2, compta), (indent + 17, lines[0]), *([(indent + 86, ref)] if ref else []), (indent + 104, op), (indent + 113, val), col)
        for extra in lines[1:]:
            d.at((indent + 21, extra))
        d.expect(w, date, amount)
        balance = round(balance + amount, 2)
    ind = 72
    d.at((180, "RELEVE N° 3 AU 02/03/2024"))
    d.line(); d.line()
    d.at((ind, "Votre conseiller :"))
    d.at((ind, "Claire MARTIN"))
    d.at((ind, "BORDEAUX"), (165, "M ET MME DURAND"))
    d.at((ind, "Cyberplus"))
    d.line()
    d.at((ind + 3, "VOTRE COMPTE CHEQUES N° 12345678901"), (165, "M ET MME DURAND"))
    d.at((ind + 3, "IBAN FR76 1234 5678 9012 3456 7890 123"), (165, "BIC CCBPFRPPBDX"))
    header(ind, True)
    d.at((ind + 38, "SOLDE CREDITEUR AU 02/02/2024"), (ind + 170, fr(balance), "r"))
    row(ind, "05/02", ["PRLV SEPA FREE MOBILE", "Abonnement mobile 0612"], "0D1AB2C", "05/02", "05/02", -19.99, "2024-02-05")
    row(ind, "06/02", ["VIREMENT SEPA", "EVI CAF DE LA GIRONDE"], "", "06/02", "06/02", 312.45, "2024-02-06")
    row(ind, "08/02", ["070224 CB****1234", "CARREFOUR MARKET 33BORDEAUX"], "7XK2P9Q", "08/02", "08/02", -87.32, "2024-02-08")
    row(ind, "12/02", ["VIR SAS EXEMPLE", "salaire janvier 2024"], "JE8ZZ1A", "12/02", "12/02", 2480.00, "2024-02-12")
    row(ind, "15/02", ["PRLV SEPA EDF", "Contrat 004512345"], "0D5QW3E", "15/02", "15/02", -94.00, "2024-02-15")
    row(ind, "15/02", ["CHEQUE"], "0000451", "15/02", "15/02", -1250.00, "2024-02-15")
    d.line(); d.line()
    d.at((ind, "A la Banque Populaire, l'assurance des personnes et des biens c'est aussi notre métier."))
    d.at((190, "PAGE 1"))
    d.at((ind, "Banque Populaire Aquitaine Centre Atlantique, société anonyme coopérative de Banque Populaire à capital variable."))
    d.page()
    ind = 4
    d.at((ind - 1, "VOTRE COMPTE CHEQUES N° 12345678901"), (145, "RELEVE N° 3 AU 02/03/2024"))
    header(ind, False)
    row(ind, "19/02", ["170224 CB****1234", "NETFLIX.COM 75PARIS"], "8AB12CD", "19/02", "19/02", -13.49, "2024-02-19")
    row(ind, "22/02", ["VIR INST M DUPONT", "BIPT240530300012345_C", "remboursement resto"], "WIT5XYZ", "22/02", "22/02", 45.00, "2024-02-22")
    row(ind, "26/02", ["PRLV SEPA ORANGE SA", "Votre abonnement fibre"], "0D9LMN0", "26/02", "26/02", -39.99, "2024-02-26")
    row(ind, "29/02", ["F COTIS OFFRE CONFORT"], "0015987", "29/02", "29/02", -8.50, "2024-02-29")
    row(ind, "01/03", ["280224 CB****1234", "SNCF INTERNET 75PARIS 10"], "9QR34ST", "01/03", "01/03", -72.00, "2024-03-01")
    d.line()
    debit = sum(-a for _, a, _, _ in d.expected if a < 0)
    credit = sum(a for _, a, _, _ in d.expected if a > 0)
    d.at((ind + 48, "TOTAL DES MOUVEMENTS"), (ind + 145, fr(debit), "r"), (ind + 170, fr(credit), "r"))
    d.at((ind + 48, "SOLDE CREDITEUR AU 02/03/2024*"), (ind + 170, fr(balance), "r"))
    d.line()
    d.at((ind + 44, "RECAPITULATIF DES FRAIS ET SERVICES BANCAIRES"))
    d.at((ind + 2, "29/02"), (ind + 13, "F COTIS OFFRE CONFORT"), (ind + 86, "0015987"), (ind + 104, "29/02"), (ind + 113, "29/02"), (ind + 145, "8,50", "r"))
    d.at((ind + 48, "TOTAL DU 03/02/2024 AU 02/03/2024"), (ind + 145, "8,50", "r"))
    d.line()
    d.at((ind, "DATE"), (ind + 50, "DETAIL DES PRELEVEMENTS SEPA RECUS"), (ind + 150, "DEBIT"))
    d.line()
    d.at((ind, "05/02/2024 FREE MOBILE"), (ind + 50, "FR12ZZZ123456"), (ind + 155, "19,99", "r"))
    d.at((ind + 11, "Abonnement mobile 0612"))
    d.at((ind, "15/02/2024 EDF"), (ind + 50, "FR34ZZZ000111"), (ind + 155, "94,00", "r"))
    d.line(); d.line()
    d.at((190, "PAGE 2"))
    d.at((72, "Banque Populaire Aquitaine Centre Atlantique, société anonyme coopérative de Banque Populaire à capital variable."))
    d.write("fr-banquepopulaire")


def de_vb():
    d = Doc()
    bal = 2315.44
    def row(bu, wert, vorgang, amount, lines, date):
        nonlocal bal
        w = d.at((0, bu), (7, wert), (14, vorgang), (76, de(amount), "r"), (77, "H" if amount > 0 else "S"))
        for extra in lines:
            d.at((14, extra))
        d.expect(w, date, amount)
        bal = round(bal + amount, 2)
    def head(blatt):
        d.line("Volksbank Musterstadt eG")
        d.line("Kontokorrent")
        d.line("EUR-Konto Kontonummer 1234567")
        d.at((0, "Musterstraße 1, 12345 Musterstadt"), (44, "Kontoauszug Nr.  11/2023"))
        d.at((44, f"erstellt am 30.11.2023 22:39 Blatt  {blatt} von 2"))
        d.line("IBAN: DE12 3456 7890 0001 2345 67 BIC: GENODEF1XXX")
    head(1)
    d.line("Herrn")
    d.line("Max Muster")
    d.line("Bu-Tag Wert Vorgang")
    d.at((0, "alter Kontostand vom 31.10.2023"), (76, de(bal), "r"), (77, "H"))
    row("01.11.", "01.11.", "Basislastschrift PN:931", -12.99, ["Spotify AB", "EREF: 1234567890 MREF: ABC"], "2023-11-01")
    row("02.11.", "02.11.", "Kartenzahlung girocard PN:801", -23.47, ["REWE Markt GmbH Musterstadt", "2023-11-01T18:22 Debitk.0 2027-12"], "2023-11-02")
    row("06.11.", "06.11.", "Basislastschrift PN:931", -9.99, ["Netflix International B.V.", "EREF: 98765 MREF: NFX-0042"], "2023-11-06")
    row("15.11.", "15.11.", "Gutschrift PN:166", 2750.00, ["Muster GmbH Lohn November"], "2023-11-15")
    d.at((30, "Übertrag auf Blatt 2"), (76, de(bal), "r"), (77, "H"))
    d.line("0189")
    d.line("K00002656")
    d.line("Bitte beachten Sie die Hinweise auf der Rückseite")
    d.page()
    head(2)
    d.line("Bu-Tag Wert Vorgang")
    d.at((30, "Übertrag von Blatt 1"), (76, de(bal), "r"), (77, "H"))
    row("28.11.", "28.11.", "Dauerauftrag PN:900", -850.00, ["Miete Wohnung Hauptstr. 5"], "2023-11-28")
    row("30.11.", "01.12.", "Abschluss lt. Anlage 1", -7.50, [], "2023-11-30")
    d.at((0, "neuer Kontostand vom 30.11.2023"), (76, de(bal), "r"), (77, "H"))
    d.line("0189")
    d.line("K00002656")
    d.line("Bitte beachten Sie die Hinweise auf der Rückseite")
    d.write("de-volksbank")


def us_boa_checking():
    d = Doc()
    d.line(" P.O. Box 15284")
    d.line(" Wilmington, DE 19850")
    d.at((91, "Customer service information"))
    d.line(); d.at((91, "1.888.555.0199"))
    d.at((2, "JORDAN PRICE"), (92, "bankofamerica.com"))
    d.line(); d.line()
    d.line("Your combined statement")
    d.line("for December 27, 2023 to January 26, 2024")
    d.line()
    d.at((0, "Your deposit accounts"), (66, "Account/plan number"), (108, "Ending balance"), (128, "Details on"))
    d.at((0, "Adv Plus Banking"), (66, "5108 2276 3391"), (110, "$3,885.86"), (128, "Page 2"))
    d.line(); d.at((117, "Page 1 of 3"))
    d.page()
    d.at((81, "Account number: 5108 2276 3391"))
    d.line(); d.line("Your Adv Plus Banking"); d.line()
    d.line("Account summary")
    d.at((0, "Beginning balance on December 27, 2023"), (78, "$540.18", "r"))
    d.line()
    d.line("Deposits and other additions")
    d.at((0, "Date"), (15, "Description"), (110, "Amount"))
    d.line()
    def row(date, desc, amount, iso, more=None):
        w = d.at((0, date), (15, desc), (116, ("-" if amount < 0 else "") + us(amount), "r"))
        if more:
            d.at((15, more))
        d.line()
        d.expect(w, iso, amount)
    row("01/05/24", "Payroll Direct Deposit NORTHWIND LTD DES:PAYROLL INDN:JORDAN PRICE", 2150.00, "2024-01-05")
    row("01/19/24", "Payroll Direct Deposit NORTHWIND LTD DES:PAYROLL INDN:JORDAN PRICE", 2150.00, "2024-01-19")
    row("01/26/24", "Interest Earned", 0.21, "2024-01-26")
    d.at((0, "Total deposits and other additions"), (116, "$4,300.21", "r"))
    d.line(); d.line()
    d.at((100, "Page 2 of 3"))
    d.page()
    d.at((81, "Account number: 5108 2276 3391"))
    d.line()
    d.line("Withdrawals and other subtractions")
    d.line()
    d.at((0, "Date"), (15, "Description"), (110, "Amount"))
    d.line()
    row("12/28/23", "Online Banking transfer to SAV 7781 Confirmation# 5512340981", -500.00, "2023-12-28")
    row("01/02/24", "NETFLIX.COM DES:NETFLIX ID:XXXXX22 INDN:JORDAN PRICE CO ID:1770523 WEB", -15.49, "2024-01-02")
    row("01/08/24", "GREENLEAF GROCERS DES:PURCHASE ID:889201 INDN:JORDAN PRICE CO", -84.05, "2024-01-08", "ID:6620113344 PPD")
    row("01/16/24", "CITY POWER CO DES:BILLPAY ID:445120 INDN:JORDAN PRICE", -145.00, "2024-01-16")
    row("01/23/24", "Zelle Transfer Conf# qa71bd2mv; Dana", -40.00, "2024-01-23")
    d.at((0, "Total withdrawals and other subtractions"), (116, "-$784.54", "r"))
    d.line(); d.line()
    d.at((100, "Page 3 of 3"))
    d.write("us-boa-checking")


def us_boa_card():
    d = Doc()
    d.at((2, "Bank of America"), (90, "Account # 4417 88XX XXXX 2031"))
    d.at((2, "Customized Cash Rewards Visa Signature"), (90, "December 23 - January 22, 2024"))
    d.line()
    d.line("  Account Summary")
    d.at((2, "Previous Balance"), (70, "$612.44", "r"))
    d.at((2, "Payments and Other Credits"), (70, "-$612.44", "r"))
    d.at((2, "Purchases and Adjustments"), (70, "$545.36", "r"))
    d.at((2, "New Balance Total"), (70, "$545.36", "r"))
    d.line(); d.at((90, "Page 1 of 2"))
    d.page()
    d.line("  JORDAN PRICE ! Account # 4417 88XX XXXX 2031 ! Statement Closing Date 01/22/2024")
    d.line(); d.line()
    def heading():
        d.at((2, "Transaction"), (15, "Posting"), (75, "Reference"), (88, "Account"))
        d.at((2, "Date"), (15, "Date"), (28, "Description"), (77, "Number"), (90, "Number"), (103, "Amount"), (114, "Total"))
        d.line()
    def row(t, p, desc, ref, amount, iso):
        w = d.at((2, t), (15, p), (28, desc), (77, ref), (90, "2031"), (109, ("-" if amount < 0 else "") + us(amount), "r"))
        d.expect(w, iso, amount)
    d.line("  Payments and Other Credits")
    heading()
    row("01/05", "01/05", "PAYMENT - THANK YOU", "6789", 612.44, "2024-01-05")
    row("01/11", "01/12", "CREDIT NORTHWIND AIRLINES SEATTLE WA", "6790", 40.00, "2024-01-11")
    d.line()
    d.at((2, "TOTAL PAYMENTS AND OTHER CREDITS FOR THIS PERIOD"), (110, "-$652.44", "r"))
    d.line(); d.line()
    d.line("  Purchases and Adjustments")
    heading()
    row("12/24", "12/26", "BLUE BOTTLE COFFEE PORTLAND OR", "1042", -12.75, "2023-12-24")
    row("12/29", "12/30", "SUMMIT HARDWARE SUPPLY DENVER CO", "2271", -84.30, "2023-12-29")
    row("01/03", "01/04", "SPOTIFY USA NEW YORK NY", "3390", -11.99, "2024-01-03")
    row("01/09", "01/10", "NORTHWIND AIRLINES SEATTLE WA", "4415", -312.60, "2024-01-09")
    row("01/15", "01/16", "LUNA CAFE AND BAKERY MADISON WI", "5560", -18.95, "2024-01-15")
    row("01/18", "01/19", "CITY TRANSIT AUTHORITY CHICAGO IL", "6034", -34.00, "2024-01-18")
    row("01/20", "01/22", "NETFLIX.COM LOS GATOS CA", "6035", -15.49, "2024-01-20")
    d.line()
    d.at((2, "TOTAL PURCHASES AND ADJUSTMENTS FOR THIS PERIOD"), (110, "$490.08", "r"))
    d.line(); d.at((90, "Page 2 of 2"))
    d.write("us-boa-card")


def sg_amex():
    d = Doc()
    d.at((20, "The Platinum Credit Card"), (102, "americanexpress.com/sg"))
    d.at((20, "Statement of Account"), (102, "Customer Services"))
    d.at((102, "Page 1 / 1"))
    d.at((0, "Prepared for"), (81, "Membership Number"), (115, "Date"))
    d.at((0, "CARDHOLDER NAME"), (115, "20.01.2025"))
    d.line(); d.line()
    d.line("Statement includes payments and charges received by 20.01.2025")
    d.line()
    d.at((0, "Statement Period"), (42, "From 21.12.2024 to 20.01.2025"))
    d.line()
    d.at((0, "Details"), (81, "Foreign Spending"), (108, "Amount S$"))
    def row(date, desc, amount, iso, foreign=None, cr=False):
        w = d.at((0, date), (31, desc), *([(95, foreign, "r")] if foreign else []), (118, us(amount), "r"))
        if cr:
            d.at((116, "CR"))
        d.expect(w, iso, amount if cr else -amount)
    row("23.12.24", "CAFE AURORA CENTRAL", 40.00, "2024-12-23")
    row("28.12.24", "GRAB *RIDES SINGAPORE", 18.20, "2024-12-28")
    row("05.01.25", "PAYMENT BY TELEPHONE/INTERNET BANKING", 250.00, "2025-01-05", cr=True)
    row("07.01.25", "NETFLIX.COM", 19.98, "2025-01-07")
    row("10.01.25", "SPOTIFY USA NEW YORK", 16.30, "2025-01-10", foreign="USD 11.99")
    row("12.01.25", "METRO GROCERS OUTLET", 125.50, "2025-01-12")
    row("15.01.25", "METRO GROCERS OUTLET REFUND", 12.00, "2025-01-15", cr=True)
    row("19.01.25", "HARBOUR BOOKS AND GIFTS", 34.50, "2025-01-19")
    d.at((0, "Total of New Transactions for CARDHOLDER NAME"), (118, "254.48", "r"))
    d.write("sg-amex-card")


def sg_ocbc():
    d = Doc()
    d.at((96, "OCBC Bank"))
    d.at((96, "65 Chulia Street, OCBC Centre"))
    d.line()
    d.at((12, "JANE TAN"), (96, "STATEMENT OF ACCOUNT"))
    d.at((12, "12 MAPLE AVENUE"), (132, "Page 1 of 1"))
    d.line()
    d.at((10, "360 ACCOUNT"), (112, "01 OCT 2024 TO 31 OCT 2024"))
    d.line()
    d.at((10, "Account No. 987654321098"))
    d.at((10, "Transaction"), (27, "Value"))
    d.at((10, "Date"), (27, "Date"), (44, "Description"), (80, "Cheque"), (116, "Withdrawal"), (149, "Deposit"), (184, "Balance"))
    d.line()
    bal = 8000.00
    d.at((44, "BALANCE B/F"), (192, us(bal), "r"))
    d.line()
    def row(t, v, desc, amount, more, iso):
        nonlocal bal
        bal = round(bal + amount, 2)
        col = (126, us(amount), "r") if amount < 0 else (156, us(amount), "r")
        w = d.at((10, t), (27, v), (44, desc), col, (192, us(bal), "r"))
        for m in more:
            d.at((44, m))
        d.line()
        d.expect(w, iso, amount)
    row("02 OCT", "02 OCT", "FAST PAYMENT", -12.50, ["via PayNow-Mobile", "to Corner Bakery", "OTHR - OTHR"], "2024-10-02")
    row("04 OCT", "04 OCT", "SALARY CREDIT", 3500.00, ["MONTHLY PAYROLL"], "2024-10-04")
    row("08 OCT", "08 OCT", "BILL PAYMENT          INB", -250.00, ["9876987698769876987", "INTERNET BANKING"], "2024-10-08")
    row("11 OCT", "11 OCT", "FUND TRANSFER", -1200.00, ["via PayNow-UEN", "to Harbour Rentals"], "2024-10-11")
    row("15 OCT", "16 OCT", "REFUND", 150.00, ["MERCHANT REVERSAL"], "2024-10-15")
    row("20 OCT", "20 OCT", "NETS QR", -45.60, ["998877665", "NETS QR PURCHASE", "GREEN GROCER"], "2024-10-20")
    row("25 OCT", "25 OCT", "IBG GIRO", -88.00, ["UTILITY BILL"], "2024-10-25")
    row("31 OCT", "31 OCT", "INTEREST CREDIT", 20.25, [], "2024-10-31")
    d.at((44, "BALANCE C/F"), (192, us(bal), "r"))
    d.line()
    d.at((44, "Total Withdrawals/Deposits"), (126, "1,596.10", "r"), (156, "3,670.25", "r"))
    d.at((44, "Average Balance"), (156, "9,800.00", "r"))
    d.write("sg-ocbc-current")


def uk_current():
    d = Doc()
    bal = 1204.33
    def head(page):
        d.at((0, "HSBC UK"), (80, "Your Statement"))
        d.at((0, "Mr A N Other"), (80, "1 March to 31 March 2024"))
        d.at((80, f"Sheet Number 41 / page {page}"))
        d.line()
        d.at((0, "Date"), (10, "Payment type and details"), (55, "Paid out"), (70, "Paid in"), (85, "Balance"))
    def rows(date, items):
        nonlocal bal
        first = True
        for i, (kind, desc, amount, iso) in enumerate(items):
            bal = round(bal + amount, 2)
            last = i == len(items) - 1
            col = (64, us(amount), "r") if amount < 0 else (78, us(amount), "r")
            cells = [(0, date)] if first else []
            cells += [(10, f"{kind} {desc}")]
            cells += [col]
            if last:
                cells += [(94, us(bal), "r")]
            w = d.at(*cells)
            d.expect(w, iso, amount)
            first = False
    head(1)
    d.at((0, "01 Mar 24"), (10, "BALANCE BROUGHT FORWARD"), (94, us(bal), "r"))
    rows("01 Mar 24", [("DD", "THAMES WATER", -38.20, "2024-03-01"), ("VIS", "TESCO STORES 2041", -23.65, "2024-03-01")])
    rows("04 Mar 24", [("VIS", "NETFLIX.COM", -10.99, "2024-03-04")])
    rows("08 Mar 24", [("CR", "ACME LTD SALARY", 2410.00, "2024-03-08"), ("SO", "RENT FLAT 2", -950.00, "2024-03-08"), ("DD", "EE LIMITED", -22.00, "2024-03-08")])
    d.at((10, "BALANCE CARRIED FORWARD"), (94, us(bal), "r"))
    d.page()
    head(2)
    d.at((0, "08 Mar 24"), (10, "BALANCE BROUGHT FORWARD"), (94, us(bal), "r"))
    rows("15 Mar 24", [("VIS", "SAINSBURYS S/MKTS", -61.14, "2024-03-15"), ("))) ", "PRET A MANGER", -6.45, "2024-03-15")])
    rows("22 Mar 24", [("DD", "SPOTIFY", -11.99, "2024-03-22")])
    rows("28 Mar 24", [("BP", "J SMITH DINNER", 25.00, "2024-03-28")])
    d.at((0, "31 Mar 24"), (10, "BALANCE CARRIED FORWARD"), (94, us(bal), "r"))
    d.write("uk-hsbc-current")


for make in (nl_ics, fr_bp, de_vb, us_boa_checking, us_boa_card, sg_amex, sg_ocbc, uk_current):
    make()
