/**
 * `1 candidate`, `3 candidates`, `1 vacancy`, `2 vacancies`: the count and the noun, plural unless the count is 1
 * (`many` for a noun that does not just take -s or consonant-y → -ies, e.g. `mailboxes`).
 */
export function plural(count: number, noun: string, many = regularPlural(noun)): string {
  return `${count} ${count === 1 ? noun : many}`;
}

function regularPlural(noun: string): string {
  return /[^aeiou]y$/i.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}
