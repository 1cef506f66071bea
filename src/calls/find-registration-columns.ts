import { isMailboxAddress } from '../domain/mailbox-address.ts';
import { foldText } from '../profile/normalise-text.ts';

// Headings as folded by `fold`: lower case, no accents, words separated by one space.
const EMAIL_HEADINGS: ReadonlySet<string> = new Set([
  ...['email', 'email address', 'e mail', 'e mail address', 'your email', 'your email address'],
  ...['your e mail', 'your e mail address', 'email adresse', 'e mail adresse', 'emailadresse'],
  ...['adresse e mail', 'adresse email', 'adresse mail', 'adresse electronique', 'courriel'],
  ...['correo electronico', 'correo', 'direccion de correo electronico', 'indirizzo email'],
  ...['indirizzo e mail', 'endereco de email', 'endereco de e mail', 'e mail adres', 'emailadres'],
]);
const MENTIONS_EMAIL = /\b(?:(?:e ?)?mail(?:adress[a-z]*)?|courriel|correo)\b/;
const NAME_HEADINGS: ReadonlySet<string> = new Set([
  ...['name', 'full name', 'your name', 'your full name', 'name and surname', 'first and last name'],
  ...['applicant name', 'candidate name', 'student name', 'nome', 'nome completo', 'nome e cognome'],
  ...['nom', 'nom complet', 'nom et prenom', 'prenom et nom', 'vollstandiger name', 'vor und nachname'],
  ...['vorname und nachname', 'nombre', 'nombre completo', 'nombre y apellidos', 'naam', 'volledige naam'],
]);
const MENTIONS_FULL_NAME =
  /\b(?:full name|your name|nome completo|nom complet|nombre completo|vollstandiger name)\b/;
const GIVEN_NAME = /^(?:first names?|given names?|forenames?|vorname|vornamen|prenoms?)$/;
const FAMILY_NAME = /^(?:last name|surname|family name|nachname|nom de famille|apellidos?|cognome)$/;
// A heading about someone else's address or name ("Your supervisor's e-mail") is a last resort.
const OTHER_PERSON = /\b(?:supervisor|referee|reference|recommender|advisor|adviser|parent|guardian)s?\b/;
// Microsoft Forms starts its exports with ID, Start time, Completion time, Email, Name (the responder account,
// often "anonymous"), in the form owner's language.
const FORMS_START = /^(?:start time|startzeit|heure de debut|hora de inicio|ora di inizio|begintijd)$/;
const FORMS_END =
  /^(?:completion time|fertigstellungszeit|heure de fin|hora de finalizacion|ora di completamento)$/;
const FORMS_ACCOUNT_COLUMNS = 6;
const ANONYMOUS = /^(?:anonymous|anonym|anonyme|anonimo|anoniem)$/;

interface Heading {
  index: number;
  text: string;
  folded: string;
}

// Where a value is read from: alternatives in order, each the cells of one or more columns joined by a space
// (a first and a last name column).
type Source = ReadonlyArray<readonly number[]>;

interface Columns {
  email: Source;
  emailColumn: string;
  name: Source;
  nameColumn: string | null;
}

type Found<Column> = { ok: true; source: Source; column: Column } | { ok: false; error: string };

/**
 * The e-mail and name columns of a form export, or what is missing: the configured headings (read alone), else found
 * by heading, falling back to Microsoft Forms' responder account. Pure.
 */
export function findRegistrationColumns(
  header: readonly string[],
  records: ReadonlyArray<{ cells: readonly string[] }>,
  options: { emailColumn?: string | undefined; nameColumn?: string | undefined },
): ({ ok: true } & Columns) | { ok: false; error: string } {
  const headings = header.map((cell, index) => ({ index, text: cell.trim(), folded: fold(cell) }));
  const account = formsAccountColumns(headings);
  const email =
    options.emailColumn === undefined
      ? foundEmail(headings, records, account)
      : configuredColumn(headings, options.emailColumn, 'emailColumn');
  if (!email.ok) return email;
  const name =
    options.nameColumn === undefined
      ? foundName(headings, account)
      : configuredColumn(headings, options.nameColumn, 'nameColumn');
  if (!name.ok) return name;
  return {
    ok: true,
    email: email.source,
    emailColumn: email.column,
    name: name.source,
    nameColumn: name.column,
  };
}

function configuredColumn(headings: readonly Heading[], wanted: string, setting: string): Found<string> {
  const chosen =
    headings.find((heading) => heading.text === wanted.trim()) ??
    headings.find((heading) => heading.folded === fold(wanted));
  if (chosen === undefined) return missingColumn(headings, `column "${wanted}"`, setting);
  return { ok: true, source: [[chosen.index]], column: chosen.text };
}

function missingColumn(
  headings: readonly Heading[],
  what: string,
  setting: string,
): { ok: false; error: string } {
  const listed = headings.map(({ text }) => (text.length > 40 ? `${text.slice(0, 39)}…` : text)).join(', ');
  return { ok: false, error: `no ${what}: headings are ${listed} (set registrations.${setting})` };
}

interface AccountColumns {
  email?: Heading | undefined;
  name?: Heading | undefined;
}

function formsAccountColumns(headings: readonly Heading[]): AccountColumns {
  const leading = headings.slice(0, FORMS_ACCOUNT_COLUMNS);
  if (!leading.some((h) => FORMS_START.test(h.folded)) || !leading.some((h) => FORMS_END.test(h.folded)))
    return {};
  return {
    email: leading.find((heading) => EMAIL_HEADINGS.has(heading.folded)),
    name: leading.find((heading) => NAME_HEADINGS.has(heading.folded)),
  };
}

// Headings that mention e-mail, best first: a usual heading, then any mention, then someone else's or the
// responder account; among equals the column with more addresses, then the first.
function foundEmail(
  headings: readonly Heading[],
  records: ReadonlyArray<{ cells: readonly string[] }>,
  account: AccountColumns,
): Found<string> {
  const rank = (heading: Heading): number =>
    heading === account.email
      ? 3
      : OTHER_PERSON.test(heading.folded)
        ? 2
        : EMAIL_HEADINGS.has(heading.folded)
          ? 0
          : 1;
  const addresses = (heading: Heading): number =>
    records.filter(({ cells }) => addressIn(cells[heading.index] ?? '') !== null).length;
  const [best] = headings
    .filter((heading) => MENTIONS_EMAIL.test(heading.folded))
    .map((heading) => ({ heading, rank: rank(heading), addresses: addresses(heading) }))
    .sort((a, b) => a.rank - b.rank || b.addresses - a.addresses || a.heading.index - b.heading.index);
  if (best === undefined) return missingColumn(headings, 'e-mail column', 'emailColumn');
  const fallback =
    account.email === undefined || account.email === best.heading ? [] : [[account.email.index]];
  return { ok: true, source: [[best.heading.index], ...fallback], column: best.heading.text };
}

// A name question, else first and last name questions joined, else the responder account's name.
function foundName(headings: readonly Heading[], account: AccountColumns): Found<string | null> {
  const questions = headings.filter(
    (heading) => heading !== account.name && !OTHER_PERSON.test(heading.folded),
  );
  const single =
    questions.find((heading) => NAME_HEADINGS.has(heading.folded)) ??
    questions.find((heading) => MENTIONS_FULL_NAME.test(heading.folded));
  const fallback = account.name === undefined ? [] : [[account.name.index]];
  if (single !== undefined) return { ok: true, source: [[single.index], ...fallback], column: single.text };
  const given = questions.find((heading) => GIVEN_NAME.test(heading.folded));
  const family = questions.find((heading) => FAMILY_NAME.test(heading.folded));
  if (given !== undefined && family !== undefined)
    return {
      ok: true,
      source: [[given.index, family.index], ...fallback],
      column: `${given.text} + ${family.text}`,
    };
  return { ok: true, source: fallback, column: account.name?.text ?? null };
}

/** The first value `read` accepts among the alternatives of `source` in a row's cells, or null. */
export function firstValue(
  source: Source,
  cells: readonly string[],
  read: (value: string) => string | null,
): string | null {
  for (const columns of source) {
    const value = read(columns.map((column) => cells[column] ?? '').join(' '));
    if (value !== null) return value;
  }
  return null;
}

/** A cell's e-mail address, trimmed, without "mailto:" and lower-cased, or null if it is not one. */
export function addressIn(value: string): string | null {
  const address = value
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return isMailboxAddress(address) ? address : null;
}

/** A cell's name with spaces collapsed, or null if it has no letters or is an anonymous responder. */
export function nameIn(value: string): string | null {
  const name = value.replace(/\s+/g, ' ').trim();
  return /\p{L}/u.test(name) && !ANONYMOUS.test(fold(name)) ? name : null;
}

// Headings compared case-, accent- and punctuation-blind: "E-Mail-Adresse" → "e mail adresse".
function fold(heading: string): string {
  return foldText(heading.replace(/\((?:e?s)\)/gi, 's'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
