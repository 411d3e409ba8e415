//! Column roles from header names, in the languages of the exports we have seen.

/// What a header name suggests a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRole {
    Date,
    Posted,
    Amount,
    Debit,
    Credit,
    Flag,
    Balance,
    Currency,
    Payee,
    Description,
    Reference,
    /// The bank's kind of booking (`Buchungstext` beside a purpose, `Umsatzart`, `Type`).
    Booking,
    Id,
    /// Known to be something else (category, IBAN, fee, original amount, …).
    Ignore,
}

/// A header's language, used as a locale clue for dates and decimal marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// English: day or month first, dot decimals; no clue on its own.
    English,
    /// A continental European language: day first, comma decimals are usual.
    Continental(&'static str),
    /// Not telling (`IBAN`, `Saldo` in many languages).
    Neutral,
}

use Language::{Continental as C, English as E, Neutral as N};
use NameRole::*;

/// The message term (`lang-de`) naming the language of a header's words (a test checks that
/// every language of [`RULES`] has one).
pub fn language_term(code: &str) -> &'static str {
    const TERMS: [&str; 15] = [
        "lang-cs", "lang-da", "lang-de", "lang-es", "lang-fi", "lang-fr", "lang-hu", "lang-it",
        "lang-lt", "lang-nl", "lang-no", "lang-pl", "lang-pt", "lang-sk", "lang-sv",
    ];
    TERMS
        .into_iter()
        .find(|term| term[5..] == *code)
        .unwrap_or("lang-de")
}

/// `(pattern, role, language)`. A pattern starting with `=` must equal the whole normalised
/// name; otherwise it must appear in it as whole words. Earlier rules win, so the specific ones
/// come first.
const RULES: &[(&str, NameRole, Language)] = &[
    // Things that look like amounts or dates but are not the booked movement.
    ("original amount", Ignore, E),
    ("original currency", Ignore, E),
    ("originalbetrag", Ignore, C("de")),
    ("ursprungsbetrag", Ignore, C("de")),
    ("auslagenersatz", Ignore, C("de")),
    ("oorspr bedrag", Ignore, C("nl")),
    ("oorspr munt", Ignore, C("nl")),
    ("původní", Ignore, C("cs")),
    ("amount refunded", Ignore, E),
    ("converted amount", Ignore, E),
    ("converted currency", Ignore, E),
    ("converted amount refunded", Ignore, E),
    ("local amount", Ignore, E),
    ("local currency", Ignore, E),
    ("exchange rate", Ignore, E),
    ("=koers", Ignore, C("nl")),
    ("wechselkurs", Ignore, C("de")),
    ("umrechnungskurs", Ignore, C("de")),
    ("=avsändare", Ignore, C("sv")),
    ("=betaalwijze", Booking, C("nl")),
    ("=fx", Ignore, N),
    ("=fee", Ignore, E),
    ("=fees", Ignore, E),
    ("=tax", Ignore, E),
    ("kosten op verrichting", Ignore, C("nl")),
    ("=poplatek", Ignore, C("cs")),
    ("sales tax", Ignore, E),
    ("shipping", Ignore, E),
    ("insurance amount", Ignore, E),
    ("=gross", Ignore, E),
    ("=brutto", Ignore, C("de")),
    ("available balance", Balance, E),
    ("account balance", Ignore, E),
    ("initial balance", Ignore, E),
    ("final balance", Ignore, E),
    ("initial date", Ignore, E),
    ("final date", Ignore, E),
    ("=income", Ignore, E),
    ("=expenses", Ignore, E),
    ("income entries", Ignore, E),
    ("expenses entries", Ignore, E),
    ("glaeubiger id", Ignore, C("de")),
    ("gläubiger id", Ignore, C("de")),
    ("mandatsreferenz", Ignore, C("de")),
    ("sammlerreferenz", Ignore, C("de")),
    ("kundenreferenz", Ignore, C("de")),
    ("account name", Ignore, E),
    ("account number", Ignore, E),
    ("account no", Ignore, E),
    ("card no", Ignore, E),
    ("card number", Ignore, E),
    ("sort code", Ignore, E),
    ("kartennummer", Ignore, C("de")),
    ("kaarthouder", Ignore, C("nl")),
    ("kredietkaart", Ignore, C("nl")),
    ("short name", Ignore, E),
    ("time zone", Ignore, E),
    ("=timezone", Ignore, E),
    ("=time", Ignore, E),
    ("=tijd", Ignore, C("nl")),
    ("=zeit", Ignore, C("de")),
    ("mutatiesoort", Booking, C("nl")),
    ("=umsatzart", Booking, C("de")),
    ("buchungsart", Booking, C("de")),
    ("booking type", Booking, E),
    ("transaktionstyp", Booking, C("de")),
    ("=umsatztyp", Flag, C("de")),
    ("category", Ignore, E),
    ("subcategory", Ignore, E),
    ("kategorie", Ignore, C("de")),
    ("categorie", Ignore, C("nl")),
    ("rubrieknaam", Ignore, C("nl")),
    ("transaction type", Booking, E),
    ("type verrichting", Booking, C("nl")),
    ("typ transakce", Booking, C("cs")),
    ("kategorie transakce", Ignore, C("cs")),
    ("tranzakció típusa", Booking, C("hu")),
    ("=type", Booking, E),
    ("=status", Ignore, E),
    ("=state", Ignore, E),
    ("=class", Ignore, E),
    ("=image", Ignore, E),
    ("=tags", Ignore, E),
    ("=emoji", Ignore, E),
    ("=address", Ignore, E),
    ("=info", Ignore, N),
    ("=code", Booking, N),
    ("=kodas", Ignore, C("lt")),
    ("=iban", Ignore, N),
    ("=bic", Ignore, N),
    ("=blz", Ignore, C("de")),
    ("iban", Ignore, N),
    ("bic", Ignore, N),
    ("=kontonummer", Ignore, C("de")),
    ("=auftragskonto", Ignore, C("de")),
    ("bezeichnung auftragskonto", Ignore, C("de")),
    ("bankname auftragskonto", Ignore, C("de")),
    ("=rekening", Ignore, C("nl")),
    ("=rekeningnummer", Ignore, C("nl")),
    ("rekeningnummer tegenpartij", Ignore, C("nl")),
    ("rekening tegenpartij", Ignore, C("nl")),
    ("tegenrekening", Ignore, C("nl")),
    ("compte contrepartie", Ignore, C("fr")),
    ("compte donneur", Ignore, C("fr")),
    ("=account", Ignore, E),
    ("=produit", Ignore, C("fr")),
    ("=product", Ignore, E),
    ("=isin", Ignore, N),
    ("=afschriftnummer", Ignore, C("nl")),
    ("=transactienummer", Ignore, C("nl")),
    ("=uitgavenstaat", Ignore, C("nl")),
    ("=landcode", Ignore, C("nl")),
    ("=land", Ignore, N),
    ("=country", Ignore, E),
    ("=locatie", Ignore, C("nl")),
    ("=vs", Ignore, C("cs")),
    ("=ks", Ignore, C("cs")),
    ("=ss", Ignore, C("cs")),
    ("partner iban", Ignore, E),
    ("counterparty status", Ignore, E),
    ("address status", Ignore, E),
    ("partner account", Ignore, E),
    ("partner szamlaszama", Ignore, C("hu")),
    ("partner számlaszáma", Ignore, C("hu")),
    ("számla neve", Ignore, C("hu")),
    ("számlaszám", Ignore, C("hu")),
    ("kártyaszám", Ignore, C("hu")),
    ("číslo účtu", Ignore, C("cs")),
    ("číslo protiúčtu", Ignore, C("cs")),
    ("název účtu", Ignore, C("cs")),
    ("bankovní spojení", Ignore, C("cs")),
    ("sąskaitos nr", Ignore, C("lt")),
    ("account no", Ignore, E),
    ("record id", Ignore, E),
    ("įrašo nr", Ignore, C("lt")),
    // Flags before debit/credit, so `D/C` is not taken for a debit column.
    ("=d c", Flag, E),
    ("=c d", Flag, E),
    ("=d k", Flag, C("lt")),
    ("=cr dr", Flag, E),
    ("=dr cr", Flag, E),
    ("=dc", Flag, E),
    ("af bij", Flag, C("nl")),
    ("=debet credit", Flag, C("nl")),
    ("credit debit indicator", Flag, E),
    ("soll haben", Flag, C("de")),
    ("=s h", Flag, C("de")),
    ("bevétel kiadás", Flag, C("hu")),
    ("inflow or outflow", Flag, E),
    ("=debit credit", Amount, E),
    // Balance before amount, so `Saldo na trn` or `Balance CHF` are balances.
    ("running balance", Balance, E),
    ("running bal", Balance, E),
    ("=runningbalance", Balance, E),
    ("=balance", Balance, E),
    ("balance", Balance, E),
    ("=boeksaldo", Balance, C("nl")),
    ("saldo", Balance, N),
    ("solde", Balance, C("fr")),
    ("egyenleg", Balance, C("hu")),
    ("kontostand", Balance, C("de")),
    ("zůstatek", Balance, C("cs")),
    ("saldo po operacji", Balance, C("pl")),
    // Dates: posting/value dates first.
    ("value date", Posted, E),
    ("valutadatum", Posted, C("nl")),
    ("valuta datum", Posted, C("nl")),
    ("=valuta", Posted, N),
    ("wertstellung", Posted, C("de")),
    ("wertstellungsdatum", Posted, C("de")),
    ("date de valeur", Posted, C("fr")),
    ("date valeur", Posted, C("fr")),
    ("fecha valor", Posted, C("es")),
    ("data valuta", Posted, C("it")),
    ("rentedatum", Posted, C("nl")),
    ("posted date", Posted, E),
    ("post date", Posted, E),
    ("posting date", Posted, E),
    ("date posted", Posted, E),
    ("datum verrekening", Posted, C("nl")),
    ("completed date", Posted, E),
    ("értéknap", Posted, C("hu")),
    ("datum zaúčtování", Posted, C("cs")),
    ("data księgowania", Posted, C("pl")),
    ("transaction date", Date, E),
    ("trans date", Date, E),
    ("booking date", Date, E),
    ("started date", Date, E),
    ("belegdatum", Date, C("de")),
    ("buchungstag", Date, C("de")),
    ("buchungsdatum", Date, C("de")),
    ("=buchung", Date, C("de")),
    ("datum verrichting", Date, C("nl")),
    ("uitvoeringsdatum", Date, C("nl")),
    ("boekingsdatum", Date, C("nl")),
    ("transactiedatum", Date, C("nl")),
    ("date opération", Date, C("fr")),
    ("date operation", Date, C("fr")),
    ("fecha operación", Date, C("es")),
    ("fecha", Date, C("es")),
    ("data operazione", Date, C("it")),
    ("data contabile", Date, C("it")),
    ("data operacji", Date, C("pl")),
    ("bokföringsdatum", Posted, C("sv")),
    ("=bokföringsdag", Posted, C("sv")),
    ("transaktionsdatum", Date, C("sv")),
    ("bokføringsdato", Date, C("da")),
    ("päivämäärä", Date, C("fi")),
    ("kirjauspäivä", Date, C("fi")),
    ("datum provedení", Date, C("cs")),
    ("tranzakció dátuma", Date, C("hu")),
    ("=created", Date, E),
    ("=date", Date, E),
    ("date", Date, E),
    ("=datum", Date, C("de")),
    ("datum", Date, C("de")),
    ("=data", Date, C("pt")),
    ("=dato", Date, C("da")),
    ("=datetime", Date, E),
    // Debit and credit columns.
    ("paid out", Debit, E),
    ("money out", Debit, E),
    ("=out", Debit, E),
    ("outflow", Debit, E),
    ("withdrawal", Debit, E),
    ("withdrawals", Debit, E),
    ("debit amount", Debit, E),
    ("debits", Debit, E),
    ("debit", Debit, E),
    ("=charges", Debit, E),
    ("=soll", Debit, C("de")),
    ("=belastung", Debit, C("de")),
    ("=ausgang", Debit, C("de")),
    ("débit", Debit, C("fr")),
    ("=debe", Debit, C("es")),
    ("=cargo", Debit, C("es")),
    ("=cargos", Debit, C("es")),
    ("addebiti", Debit, C("it")),
    ("addebito", Debit, C("it")),
    ("uscite", Debit, C("it")),
    ("débito", Debit, C("pt")),
    ("=uttag", Debit, C("sv")),
    ("=ut", Debit, C("sv")),
    ("=debet", Debit, C("nl")),
    ("=af", Debit, C("nl")),
    ("=kiadás", Debit, C("hu")),
    ("=výdaj", Debit, C("cs")),
    ("paid in", Credit, E),
    ("money in", Credit, E),
    ("=in", Credit, E),
    ("inflow", Credit, E),
    ("deposit", Credit, E),
    ("deposits", Credit, E),
    ("credit amount", Credit, E),
    ("credits", Credit, E),
    ("credit", Credit, E),
    ("=haben", Credit, C("de")),
    ("=gutschrift", Credit, C("de")),
    ("=eingang", Credit, C("de")),
    ("crédit", Credit, C("fr")),
    ("=haber", Credit, C("es")),
    ("=abono", Credit, C("es")),
    ("=abonos", Credit, C("es")),
    ("accrediti", Credit, C("it")),
    ("accredito", Credit, C("it")),
    ("entrate", Credit, C("it")),
    ("crédito", Credit, C("pt")),
    ("=insättning", Credit, C("sv")),
    ("=inn", Credit, C("no")),
    ("=kredit", Credit, C("de")),
    ("=bij", Credit, C("nl")),
    ("=bevétel", Credit, C("hu")),
    ("=příjem", Credit, C("cs")),
    // Amounts.
    ("=net", Amount, E),
    ("=amount", Amount, E),
    ("transaction amount", Amount, E),
    ("amount", Amount, E),
    ("=betrag", Amount, C("de")),
    ("betrag", Amount, C("de")),
    ("=buchungsbetrag", Amount, C("de")),
    ("=montant", Amount, C("fr")),
    ("montant", Amount, C("fr")),
    ("=bedrag", Amount, C("nl")),
    ("bedrag", Amount, C("nl")),
    ("=mutatie", Amount, C("nl")),
    ("importe", Amount, C("es")),
    ("importo", Amount, C("it")),
    ("=valor", Amount, C("pt")),
    ("quantia", Amount, C("pt")),
    ("belopp", Amount, C("sv")),
    ("beløb", Amount, C("da")),
    ("beløp", Amount, C("no")),
    ("=summa", Amount, C("sv")),
    ("määrä", Amount, C("fi")),
    ("kwota", Amount, C("pl")),
    ("částka", Amount, C("cs")),
    ("=suma", Amount, C("lt")),
    ("összeg", Amount, C("hu")),
    ("összege", Amount, C("hu")),
    ("=value", Amount, E),
    ("=umsatz", Amount, C("de")),
    // Currency.
    ("currency", Currency, E),
    ("=curr", Currency, E),
    ("=ccy", Currency, E),
    ("währung", Currency, C("de")),
    ("waehrung", Currency, C("de")),
    ("devise", Currency, C("fr")),
    ("=devies", Currency, C("nl")),
    ("=munt", Currency, C("nl")),
    ("valuta rekening", Currency, C("nl")),
    ("=moneda", Currency, C("es")),
    ("=divisa", Currency, C("it")),
    ("=moeda", Currency, C("pt")),
    ("=valuutta", Currency, C("fi")),
    ("měna", Currency, C("cs")),
    ("=mena", Currency, C("sk")),
    ("devizaneme", Currency, C("hu")),
    ("devizanem", Currency, C("hu")),
    ("=valiuta", Currency, C("lt")),
    ("=monn", Currency, C("fr")),
    // Transaction ids.
    ("transaction id", Id, E),
    ("=id", Id, E),
    ("=fitid", Id, E),
    ("transaktions nr", Id, C("de")),
    ("n de transaction", Id, C("fr")),
    ("nº de transaction", Id, C("fr")),
    ("n° de transaction", Id, C("fr")),
    ("id transakce", Id, C("cs")),
    ("transactiereferentie", Id, C("nl")),
    // Payee and counterparty.
    ("partner name", Payee, E),
    ("partner neve", Payee, C("hu")),
    ("counterparty name", Payee, E),
    ("=counterpartyname", Payee, E),
    ("counterparty", Payee, E),
    ("counter party", Payee, E),
    ("merchant name", Payee, E),
    ("=merchant", Payee, E),
    ("=payee", Payee, E),
    ("=payee name", Payee, E),
    ("=payer name", Payee, E),
    ("=tegenrekeninghouder", Payee, C("nl")),
    ("=namn", Payee, C("sv")),
    ("=name", Payee, E),
    ("=beneficiary", Payee, E),
    ("=originator", Payee, E),
    ("beneficiary party", Ignore, E),
    ("auftraggeber begünstigter", Payee, C("de")),
    ("auftraggeber beguenstigter", Payee, C("de")),
    ("=auftraggeber", Payee, C("de")),
    ("=begünstigter", Payee, C("de")),
    ("auftraggeber empfänger", Payee, C("de")),
    ("auftraggeber empfaenger", Payee, C("de")),
    ("beguenstigter zahlungspflichtiger", Payee, C("de")),
    ("begünstigter zahlungspflichtiger", Payee, C("de")),
    ("zahlungsempfänger", Payee, C("de")),
    ("zahlungsempfänger in", Payee, C("de")),
    ("zahlungspflichtige r", Payee, C("de")),
    ("name zahlungsbeteiligter", Payee, C("de")),
    ("=auftraggebername", Payee, C("de")),
    ("=empfängername", Payee, C("de")),
    ("=empfänger", Payee, C("de")),
    ("naam tegenpartij", Payee, C("nl")),
    ("naam van de tegenpartij", Payee, C("nl")),
    ("naam tegenpartij bevat", Payee, C("nl")),
    ("naam omschrijving", Payee, C("nl")),
    ("=naam", Payee, C("nl")),
    ("=tegenpartij", Payee, C("nl")),
    ("=handelaar", Payee, C("nl")),
    ("=contrepartie", Payee, C("fr")),
    ("bénéficiaire", Payee, C("fr")),
    ("=beneficiario", Payee, C("es")),
    ("=destinatario", Payee, C("it")),
    ("=ordinante", Payee, C("it")),
    ("=mottagare", Payee, C("sv")),
    ("=modtager", Payee, C("da")),
    ("nadawca odbiorca", Payee, C("pl")),
    ("název protiúčtu", Payee, C("cs")),
    ("gavėjas", Payee, C("lt")),
    // Reference before description so `Payment reference` is not a reference.
    ("payment reference", Description, E),
    ("reference number", Reference, E),
    ("zkb reference", Reference, E),
    ("=reference", Reference, E),
    ("=ref", Reference, E),
    ("=referenz", Reference, C("de")),
    ("=référence", Reference, C("fr")),
    ("=referencia", Reference, C("es")),
    ("=riferimento", Reference, C("it")),
    ("=referência", Reference, C("pt")),
    ("=volgnummer", Reference, C("nl")),
    ("check or slip", Reference, E),
    ("check number", Reference, E),
    ("=checknumber", Reference, E),
    ("=check", Reference, E),
    ("=check#", Reference, E),
    ("=check #", Reference, E),
    ("reference no", Reference, E),
    ("doc no", Reference, E),
    // Descriptions.
    ("transaction description", Description, E),
    ("merchant description", Description, E),
    ("description", Description, E),
    ("=desc", Description, E),
    ("details", Description, E),
    ("=detail", Description, E),
    ("=memo", Description, E),
    ("narrative", Description, E),
    ("=text", Description, C("de")),
    ("=tekst", Description, C("da")),
    ("buchungstext", Description, C("de")),
    ("verwendungszweck", Description, C("de")),
    ("=omschrijving", Description, C("nl")),
    ("omschrijving", Description, C("nl")),
    ("mededeling", Description, C("nl")),
    ("mededelingen", Description, C("nl")),
    ("=transactie", Description, C("nl")),
    ("=toelichting", Description, C("nl")),
    ("libellé", Description, C("fr")),
    ("libelle", Description, C("fr")),
    ("=label", Description, E),
    ("=communication", Description, C("fr")),
    ("type d operation", Description, C("fr")),
    ("concepto", Description, C("es")),
    ("descripción", Description, C("es")),
    ("=desc", Description, E),
    ("descrizione", Description, C("it")),
    ("causale", Description, C("it")),
    ("descrição", Description, C("pt")),
    ("histórico", Description, C("pt")),
    ("meddelande", Description, C("sv")),
    ("beskrivning", Description, C("sv")),
    ("=kuvaus", Description, C("fi")),
    ("=selite", Description, C("fi")),
    ("=opis", Description, C("pl")),
    ("opis operacji", Description, C("pl")),
    ("tytuł", Description, C("pl")),
    ("=zpráva", Description, C("cs")),
    ("=rubrik", Description, C("sv")),
    ("=popis", Description, C("cs")),
    ("paaiškinimai", Description, C("lt")),
    ("közlemény", Description, C("hu")),
    ("részletek", Description, C("hu")),
    ("booking text", Description, E),
    ("payment purpose", Description, E),
    ("item title", Description, E),
    ("=subject", Description, E),
    ("=notes", Description, E),
    ("=note", Description, E),
    ("=bemerkung", Description, C("de")),
    ("=memoconv", Ignore, E),
    ("=memodet", Description, E),
];

/// Lowercases a header and turns punctuation into single spaces (`Betrag (€)` → `betrag`,
/// `Debits(-)` → `debits`, `Zahlungsempfänger*in` → `zahlungsempfänger in`).
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '#' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The role a header name suggests, with its rule's rank (lower is more specific) and the
/// language clue.
pub fn role_of(name: &str) -> Option<(NameRole, usize, Language)> {
    let name = normalise(name);
    if name.is_empty() {
        return None;
    }
    let padded = format!(" {name} ");
    for (rank, (pattern, role, language)) in RULES.iter().enumerate() {
        let matched = match pattern.strip_prefix('=') {
            Some(exact) => name == exact,
            None => padded.contains(&format!(" {pattern} ")),
        };
        if matched {
            return Some((*role, rank, *language));
        }
    }
    None
}

/// Booking-type phrases (`Lastschrift`, `Card payment`, `POS`) as [`normalise`] writes them:
/// what the bank did, never who was paid. A column of them is a booking type whatever its header.
const BOOKINGS: &[&str] = &[
    "lastschrift",
    "sepa lastschrift",
    "sepa basislastschrift",
    "basislastschrift",
    "sepa firmenlastschrift",
    "folgelastschrift",
    "erstlastschrift",
    "einmallastschrift",
    "lastschrifteinzug",
    "kartenzahlung",
    "kartenzahlung abrechnung",
    "kartenumsatz",
    "debitkartenzahlung",
    "girocard",
    "gutschrift",
    "gutschr überweisung",
    "gutschr ueberweisung",
    "euro ueberweisung",
    "uebertrag",
    "übertrag",
    "lohn gehalt rente",
    "geldautomat",
    "überweisung",
    "ueberweisung",
    "online ueberweisung",
    "online überweisung",
    "sepa überweisung",
    "echtzeitüberweisung",
    "dauerauftrag",
    "gutschrift aus dauerauftrag",
    "lohn gehalt",
    "gehalt",
    "entgelt",
    "entgeltabschluss",
    "abschluss",
    "rechnungsabschluss",
    "zinsen",
    "bargeldauszahlung",
    "bargeldabhebung",
    "abbuchung",
    "retoure",
    "storno",
    "rücklastschrift",
    "umbuchung",
    "card payment",
    "card purchase",
    "card transaction",
    "card refund",
    "debit card",
    "direct debit",
    "standing order",
    "faster payment",
    "bank transfer",
    "transfer",
    "payment",
    "purchase",
    "deposit",
    "withdrawal",
    "atm",
    "atm withdrawal",
    "cash withdrawal",
    "fee",
    "interest",
    "refund",
    "topup",
    "top up",
    "exchange",
    "pos",
    "pos purchase",
    "deb",
    "dd",
    "so",
    "bgc",
    "fpi",
    "fpo",
    "tfr",
    "cpt",
    "vis",
    "chq",
    "ach debit",
    "ach credit",
    "sale",
    "betaalautomaat",
    "geldautomaat",
    "online bankieren",
    "incasso",
    "sepa incasso",
    "overschrijving",
    "acceptgiro",
    "ideal",
    "kaartbetaling",
    "betaling",
    "paiement carte",
    "paiement par carte",
    "carte",
    "prélèvement",
    "virement",
    "retrait",
    "kortköp",
    "kortbetalning",
    "överföring",
    "autogiro",
    "kortkjøp",
    "varekjøp",
    "overføring",
    "betalingsservice",
    "dankort",
    "korttiosto",
    "tilisiirto",
    "pago con tarjeta",
    "recibo",
    "transferencia",
    "bonifico",
    "pagamento pos",
];

/// True when `text` is a booking-type phrase, alone or followed by numbers or a word that only
/// says how often (`SEPA-Basislastschrift wiederholend`, `Card payment 1234`).
pub fn is_booking_phrase(text: &str) -> bool {
    let text = normalise(text);
    let words: Vec<&str> = text.split(' ').collect();
    (1..=words.len().min(3)).any(|n| {
        BOOKINGS.contains(&words[..n].join(" ").as_str())
            && words[n..].iter().all(|word| {
                !word.chars().any(char::is_alphabetic)
                    || matches!(*word, "wiederholend" | "einmalig" | "erstmalig")
            })
    })
}

/// Who a counterparty is when it only collected the money for the merchant, whose name is
/// then in the purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intermediary {
    /// A wallet whose word the engine keeps as "billed via" (`PAYPAL`).
    Wallet(&'static str),
    /// A card acquirer or payment service.
    Acquirer,
}

/// The intermediary a counterparty names by its first word (`PayPal Europe S.a.r.l. et Cie
/// S.C.A` is PayPal), if any. Runs per row only in files with a counterparty column.
#[inline(never)]
pub fn intermediary(counterparty: &str) -> Option<Intermediary> {
    // The wallets first, with the word the engine knows them by.
    const NAMES: &[&str] = &[
        "PAYPAL",
        "KLARNA",
        "adyen",
        "stripe",
        "sumup",
        "worldline",
        "concardis",
        "payone",
        "nexi",
        "wirecard",
        "mollie",
        "unzer",
        "computop",
        "elavon",
        "worldpay",
        "telecash",
        "ratepay",
        "riverty",
        "afterpay",
        "sofort",
        "giropay",
        "paydirekt",
        "payu",
        "buckaroo",
    ];
    let index = NAMES
        .iter()
        .position(|name| starts_with_word(counterparty, name))?;
    Some(if index < 2 {
        Intermediary::Wallet(NAMES[index])
    } else {
        Intermediary::Acquirer
    })
}

/// True when `text` starts with `word` (any case) followed by no letter or digit.
pub fn starts_with_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    text.len() >= word.len()
        && text[..word.len()].eq_ignore_ascii_case(word)
        && text
            .get(word.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Phrases of rows that repeat a total, an opening or closing balance, or a turnover instead
/// of a movement, lowercase.
const SUMMARIES: &[&str] = &[
    "opening balance",
    "closing balance",
    "beginning balance",
    "ending balance",
    "balance at start",
    "balance at end",
    "balance brought forward",
    "balance carried forward",
    "previous balance",
    "new balance",
    "turnover",
    "total",
    "totals",
    "summe",
    "anfangssaldo",
    "endsaldo",
    "schlusssaldo",
    "alter kontostand",
    "neuer kontostand",
    "saldo anterior",
    "saldo inicial",
    "saldo final",
    "saldo iniziale",
    "saldo finale",
    "solde initial",
    "solde final",
    "solde précédent",
    "beginsaldo",
    "eindsaldo",
    "ingående saldo",
    "utgående saldo",
    "likutis pradžiai",
    "likutis pabaigai",
    "apyvarta",
    "počáteční zůstatek",
    "konečný zůstatek",
];

/// The first four bytes of every phrase in [`SUMMARIES`] (all have five or more), big-endian,
/// sorted: a text whose first four letters are none of these is no summary.
const SUMMARY_HEADS: [u32; SUMMARIES.len()] = {
    let mut heads = [0u32; SUMMARIES.len()];
    let mut i = 0;
    while i < SUMMARIES.len() {
        let b = SUMMARIES[i].as_bytes();
        heads[i] = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        i += 1;
    }
    // Insertion sort: a handful of entries, once, at compile time.
    let mut i = 1;
    while i < heads.len() {
        let mut j = i;
        while j > 0 && heads[j - 1] > heads[j] {
            let swap = heads[j - 1];
            heads[j - 1] = heads[j];
            heads[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    heads
};

/// The first two bytes of the heads, as a bit per (byte 0 & 31, byte 1 & 31): one load and a
/// mask rule out most merchants before the binary search.
const SUMMARY_PAIRS: [u32; 32] = {
    let mut pairs = [0u32; 32];
    let mut i = 0;
    while i < SUMMARY_HEADS.len() {
        let head = SUMMARY_HEADS[i];
        let first = ((head >> 24) & 31) as usize;
        let second = (head >> 16) & 31;
        pairs[first] |= 1 << second;
        i += 1;
    }
    pairs
};

/// False when no summary phrase starts with these two bytes (either case): a cheap gate the
/// CSV reader applies to every description before the full test.
#[inline]
pub fn may_start_summary(first: u8, second: u8) -> bool {
    SUMMARY_PAIRS[usize::from(first.to_ascii_lowercase() & 31)]
        & (1 << (second.to_ascii_lowercase() & 31))
        != 0
}

/// True when `text` is or starts with a summary phrase as a whole word (`Opening balance`,
/// `Total`, but not `Totalenergies`). It runs on many rows: most are turned away by their
/// first two or three letters.
pub fn is_summary_text(text: &[u8]) -> bool {
    // Most rows are merchants: look the first four letters up before anything else.
    if text.len() < 5 {
        return false;
    }
    let head_first = text[0].to_ascii_lowercase();
    if !may_start_summary(text[0], text[1]) {
        return false;
    }
    let head = u32::from_be_bytes([
        head_first,
        text[1].to_ascii_lowercase(),
        text[2].to_ascii_lowercase(),
        text[3].to_ascii_lowercase(),
    ]);
    if SUMMARY_HEADS.binary_search(&head).is_err() {
        return false;
    }
    // Only a text that starts like a phrase gets here: compared in place, without a lowercase
    // copy.
    SUMMARIES.iter().any(|summary| {
        let summary = summary.as_bytes();
        summary[0] == head_first
            && text
                .get(..summary.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(summary))
            && text
                .get(summary.len())
                .is_none_or(|next| !next.is_ascii_alphanumeric())
    })
}

/// Descriptions of card-bill payments: in a card export where purchases are positive, these
/// are the negative rows.
pub fn is_card_payment_text(text: &str) -> bool {
    const PAYMENTS: &[&str] = &[
        "payment thank you",
        "payment received",
        "thank you for your payment",
        "autopay",
        "automatic payment",
        "online payment",
        "payment from checking",
        "directpay",
        "zahlung erhalten",
        "paiement reçu",
        "betaling ontvangen",
    ];
    // It runs on every row of a file without balances: most descriptions name none of the
    // words every phrase contains, and saying so needs no allocation.
    const STEMS: &[&[u8]] = &[b"pay", b"zahlung", b"paiement", b"betaling"];
    let bytes = text.as_bytes();
    let has_stem = STEMS.iter().any(|stem| {
        bytes
            .windows(stem.len())
            .any(|window| window.eq_ignore_ascii_case(stem))
    });
    if !has_stem {
        return false;
    }
    let text = normalise(text);
    PAYMENTS.iter().any(|payment| {
        text.contains(payment) || (payment == &"autopay" && text.contains("autopay"))
    })
}

/// Debit/credit indicator values: `Some(true)` for money out, `Some(false)` for money in.
pub fn flag_value(text: &str) -> Option<bool> {
    let text = text.trim().trim_matches('"');
    let lower = text.to_lowercase();
    Some(match lower.as_str() {
        "d" | "dr" | "db" | "debit" | "debet" | "s" | "soll" | "af" | "o" | "out" | "outflow"
        | "-" | "kiadás" | "ausgang" | "belastung" | "withdrawal" | "débit" | "debito"
        | "cargo" | "uttag" => true,
        "c" | "cr" | "credit" | "k" | "kredit" | "h" | "haben" | "bij" | "i" | "in" | "inflow"
        | "+" | "bevétel" | "eingang" | "gutschrift" | "deposit" | "crédit" | "credito"
        | "abono" => false,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_header_language_has_a_term() {
        for (pattern, _, language) in RULES {
            if let Language::Continental(code) = language {
                assert_eq!(&super::language_term(code)[5..], *code, "{pattern}");
            }
        }
    }

    use super::*;

    #[test]
    fn summary_heads_match_the_phrases() {
        let mut heads: Vec<u32> = SUMMARIES
            .iter()
            .map(|s| {
                let b = s.as_bytes();
                u32::from_be_bytes([b[0], b[1], b[2], b[3]])
            })
            .collect();
        heads.sort_unstable();
        assert_eq!(heads, SUMMARY_HEADS);
        assert!(SUMMARIES
            .iter()
            .all(|s| s.len() >= 5 && *s == s.to_lowercase()));
        assert!(is_summary_text(b"Saldo anterior 12"));
        assert!(!is_summary_text(b"SALARY ACME"));
        assert!(is_summary_text(b"Opening balance"));
        assert!(is_summary_text(b"TOTAL"));
        assert!(!is_summary_text(b"Totalenergies station"));
        assert!(!is_summary_text(b"SPOTIFY"));
    }

    #[test]
    fn booking_phrases_and_intermediaries() {
        for phrase in [
            "Lastschrift",
            "SEPA-Basislastschrift",
            "SEPA-BASISLASTSCHRIFT wiederholend",
            "KARTENZAHLUNG",
            "Card payment",
            "POS",
            "DEB",
            "Folgelastschrift",
            "CARD_PAYMENT",
            "Betaalautomaat",
            "Gutschrift aus Dauerauftrag",
        ] {
            assert!(is_booking_phrase(phrase), "{phrase}");
        }
        for merchant in [
            "NETFLIX.COM",
            "Spotify AB",
            "GITHUB, INC.",
            "Zahlung an Max Mustermann Str 5",
        ] {
            assert!(!is_booking_phrase(merchant), "{merchant}");
        }
        assert_eq!(
            intermediary("PayPal (Europe) S.a.r.l. et Cie., S.C.A."),
            Some(Intermediary::Wallet("PAYPAL"))
        );
        assert_eq!(
            intermediary("Klarna Bank AB"),
            Some(Intermediary::Wallet("KLARNA"))
        );
        assert_eq!(intermediary("ADYEN BV"), Some(Intermediary::Acquirer));
        assert_eq!(intermediary("Netflix International B.V."), None);
        assert_eq!(intermediary(""), None);
    }
}
