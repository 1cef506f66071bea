/** One generated applicant: a display name and an address no other applicant of the run has. */
export interface Applicant {
  first: string;
  last: string;
  /** "First Last", Latin-1 only (the PDF builder's Helvetica draws every character). */
  name: string;
  address: string;
  /** `"First Last" <address>`, for the From header. */
  from: string;
}

// 40 first names × 50 last names: 2,000 distinct names before they repeat (the addresses never do).
const FIRST_NAMES = words(`
  Maria José Aiko Liam Fatima Chen Olga Ravi Sofia Jonas Amara Lukas Priya Mateo Zoë Kwame Ingrid Omar Hana Diego
  Elif Noah Anika Tomás Yusuf Clara Arjun Leila Mikael Nadia Pierre Rosa Sven Thandiwe Viktor Wen Ximena Yara Zainab
  Bruno`);
const LAST_NAMES = words(`
  Rossi Núñez Tanaka Murphy Haddad Wang Ivanova Sharma García Keller Okafor Müller Patel López Dubois Mensah
  Larsen Farouk Kim Herrera Yilmaz Smith Berg Silva Demir Moreau Iyer Karimi Nieminen Petrova Lefèvre Costa
  Andersson Dlamini Novak Zhou Castro Haddad-Saleh Bello Santos Fischer Ahmed Nakamura Walsh Kowalski Ferreira
  Jensen Rahman Ortiz Schmid`);

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/**
 * The applicant number `index` (0-based): first and last names cycle through 2,000 combinations, and the
 * address carries the index, so every applicant of a run is distinct however many there are.
 */
export function applicantAt(index: number, domain = 'example.org'): Applicant {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
  const name = `${first} ${last}`;
  const address = `${ascii(first)}.${ascii(last)}.${index}@${domain}`.toLowerCase();
  return { first, last, name, address, from: `"${name}" <${address}>` };
}

/** Letters without their accents, and nothing but letters, digits and hyphens (for addresses and file names). */
export function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9-]/g, '');
}
