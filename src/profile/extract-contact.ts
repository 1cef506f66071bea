import { findPhoneNumbersInText } from 'libphonenumber-js';
import { findLinks } from './find-links.ts';
import { normaliseText } from './normalise-text.ts';
import type { ProfileLink } from './profile-types.ts';

/** The ways to reach an applicant that one text gives. */
export interface Contact {
  emails: string[];
  phones: string[];
  links: ProfileLink[];
}

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,24}(?![\w-])/giu;
// "0044 7911 123456": the international prefix written as 00.
// Only where a number starts: the 00 in "+86 138 0013 8000" is part of the number.
const DOUBLE_ZERO = /(?<![\d+][\s().-]*)00[\s-]?([1-9]\d{0,2})(?=[\s(-]*\d)/gu;

/** Email addresses, lowercased, each once, in order. */
export function findEmails(text: string): string[] {
  const emails = [...text.matchAll(EMAIL)].map((match) => match[0].replace(/^mailto:/iu, '').toLowerCase());
  return [...new Set(emails.filter((email) => !/\.\./u.test(email) && !email.startsWith('.')))];
}

/**
 * International phone numbers (+44 …, 0044 …) in E.164 form, each once. National numbers ("07911 123456")
 * are skipped: without a country the text cannot be trusted to give, they cannot be told from other digits.
 */
const PLUS_DIGIT = /\+(?=[\s(]*\d)/gu;
const MAX_PHONE_CANDIDATES = 40;
/** Longer than any written international number ("+44 (0) 20 7946 0958 ext. 1234"). */
const PHONE_WINDOW = 40;

export function findPhones(text: string): string[] {
  const international = text.replace(DOUBLE_ZERO, '+$1');
  const phones: string[] = [];
  // Only the text right after a `+` is parsed, and only so often: the parser is costly per candidate (it throws
  // internally), and a hostile body of digits would otherwise cost seconds on the event loop.
  for (const plus of [...international.matchAll(PLUS_DIGIT)].slice(0, MAX_PHONE_CANDIDATES)) {
    const piece = international.slice(plus.index, plus.index + PHONE_WINDOW);
    // `extended` also finds numbers that are possible but not known to be assigned (e.g. UK 07700 900xxx).
    const [found] = findPhoneNumbersInText(piece, { extended: true });
    if (found?.startsAt === 0 && found.number.isPossible()) phones.push(found.number.number);
  }
  return [...new Set(phones)];
}

/** The emails, phones and links a text gives. */
export function extractContact(text: string): Contact {
  const normalised = normaliseText(text);
  return { emails: findEmails(normalised), phones: findPhones(normalised), links: findLinks(normalised) };
}
