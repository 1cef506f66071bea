import { foldText } from './kind-evidence/document-text.ts';

// A name as written: two to four capitalised words ("Priya Raman", "Ana-María de la Cruz" keeps its capitalised
// parts), or "Surname, Given"; a CJK name of two to four characters.
const NAME =
  /^(\p{Lu}[\p{L}'’-]+,\s*\p{Lu}[\p{L}'’-]+|\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){1,3})/u;
const CJK_NAME = /^(\p{Script=Han}{2,4})/u;
// Courtesy titles before a name, in the languages read.
const TITLE =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|herrn?|frau|m|mme|mlle|monsieur|madame|sr|sra|srta|don|dona|sig|sigra|signor|signora|dott|dottssa|dottoressa|the student|student|candidate|applicant)\.?\s+)+/iu;
// Words that open a capitalised run but are no name.
const NOT_NAMES: ReadonlySet<string> = new Set(
  'i the this that he she his her him them their your you my our we it a an dear to for without as phd dphil'.split(
    ' ',
  ),
);

// What introduces the applicant's name: in a subject ("reference for", "Empfehlungsschreiben für", …) or a letter
// ("I recommend Ms", "in support of", "I have known").
const INTRODUCERS: readonly RegExp[] = [
  /(?:reference|recommendation|referee report|letter of support|support letter|lor)(?:\s+letter)?\s+(?:for|of|on behalf of|regarding|concerning|[:–-])\s*/giu,
  /(?:empfehlungsschreiben|empfehlung|gutachten|referenz)\s+(?:für|fuer|zu|von)\s*/giu,
  /(?:lettre de recommandation|recommandation|lettre de soutien)\s+(?:pour|de|concernant)\s*/giu,
  /(?:carta de (?:recomendaci[oó]n|referencia|apoyo)|recomendaci[oó]n)\s+(?:para|de)\s*/giu,
  /(?:lettera di (?:referenza|presentazione|raccomandazione)|referenza|raccomandazione)\s+(?:per|di)\s*/giu,
  /(?:推荐信|推薦信)[：:\s]*/gu,
  /(?:recommend|recommending|in support of|on behalf of|i have known|i had known|i first met|i supervised|i taught|i advised)\s+/giu,
  /(?:empfehle|empfehlen)\s+(?:ich\s+)?/giu,
  /(?:recommande|recommander)\s+(?:vivement\s+|chaleureusement\s+)?/giu,
  /(?:recomiendo|recomendar)\s+(?:a\s+)?/giu,
  /(?:raccomando|raccomandare)\s+/giu,
];
// "王小明同学的推荐信": a CJK name before the letter's name.
const CJK_BEFORE = /(\p{Script=Han}{2,4}?)(?:同学|同學|同志)?的?(?:推荐信|推薦信)/u;

/** The applicants' names a subject or letter introduces ("reference for Priya Raman"), as written, each once. */
export function namesMentioned(text: string): string[] {
  const names = new Set<string>();
  for (const pattern of INTRODUCERS) {
    for (const match of text.slice(0, 20_000).matchAll(pattern)) {
      const rest = text.slice((match.index ?? 0) + match[0].length).replace(TITLE, '');
      const name = (NAME.exec(rest)?.[1] ?? CJK_NAME.exec(rest)?.[1])?.replace(/['’]s$/u, '');
      if (name !== undefined && !NOT_NAMES.has(foldText(name.split(/[\s,]+/)[0] ?? ''))) names.add(name);
    }
  }
  const cjk = CJK_BEFORE.exec(text)?.[1];
  if (cjk !== undefined) names.add(cjk);
  return [...names];
}

// What a letter's reading keeps of the names it introduces: a few, each short and on one line.
const MOST_NAMES = 5;
const LONGEST_NAME = 80;

/**
 * The applicants' names a letter's text introduces (namesMentioned), as kept with its reading: at most five, each
 * on one line and at most 80 characters. Pure.
 */
export function applicantsNamed(text: string): string[] {
  return namesMentioned(text)
    .slice(0, MOST_NAMES)
    .map((name) => name.replace(/\s+/gu, ' ').trim().slice(0, LONGEST_NAME));
}

/** A name's parts, folded (no accents, lower case, no titles), in no particular order: "Raman, Priya" → raman, priya. */
export function nameParts(name: string): string[] {
  const folded = foldText(name.replace(TITLE, ''));
  if (/^\p{Script=Han}+$/u.test(folded.trim())) return [folded.trim()];
  return folded.split(/[^\p{L}'-]+/u).filter((part) => part.length > 1 && !NOT_NAMES.has(part));
}

/**
 * Whether a mentioned name is a candidate's name: the parts of the shorter are all parts of the longer, and there
 * are at least two of them (or one CJK name). "Priya Raman" matches "Raman, Priya" and "Priya S. Raman". Pure.
 */
export function sameName(mentioned: string, candidateName: string): boolean {
  const a = nameParts(mentioned);
  const b = nameParts(candidateName);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const enough =
    shorter.length >= 2 || (shorter.length === 1 && /^\p{Script=Han}{2,}$/u.test(shorter[0] ?? ''));
  return enough && shorter.every((part) => longer.includes(part));
}

const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The addresses quoted in a text, lower-cased, except those `except` holds. */
export function addressesQuoted(text: string, except: ReadonlySet<string>): string[] {
  const found = (text.slice(0, 20_000).match(ADDRESS) ?? []).map((address) => address.toLowerCase());
  return [...new Set(found)].filter((address) => !except.has(address));
}
