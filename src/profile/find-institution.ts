const STRONG =
  /(?<!\p{L})(?:Universit(?:y|ies|é|e|à|ä|at|ät|ad|ade|eit|as|atea|et)|UNIVERSIT(?:Y|É|À|ÄT|AT|AD)|Uniwersytet|Institut(?:e|o)?|INSTITUTE?|Politecnico|Polytechnique|Polytechnic|Hochschule|ETH|EPFL|IIT|IISc|IIIT|NIT|BITS|KTH|RWTH|TUM|LMU|KIT|MIT|UCL|ENS|Caltech|Sorbonne|Sapienza|Technion|Tsinghua|Peking|Fudan|TU)(?!\p{L})/u;
const WEAK =
  /(?<!\p{L})(?:College|COLLEGE|School|SCHOOL|École|Ecole|ÉCOLE|Academy|Akademie|Accademia|Faculty|Conservatoire)(?!\p{L})/u;
// Chinese names end in 大学 (university) or 学院 (college, institute).
const HAN_INSTITUTION = /\p{Script=Han}{1,12}(?:大学|学院)/u;
const SEGMENT_BREAK = /\s*(?:[,;|·•\t]|\s{2,}|\s[–—-]\s)\s*/u;
// Words that may stand lowercase inside a name: "University of the Punjab", "Università degli Studi di Padova".
const CONNECTORS = new Set(
  'of the and & for de des du la le di del della degli dei der für y e da do et an am at in'.split(' '),
);
const GERMAN_CONTEXT =
  /Universität|Hochschule|Germany|Deutschland|Technical University of (?:Munich|Berlin|Dresden|Darmstadt|Dortmund|Braunschweig|Kaiserslautern)|(?<!\p{L})(?:TUM|RWTH|LMU|KIT|TU\s+\p{Lu}\p{L}+)(?!\p{L})|Austria|Österreich/u;

/** How strongly a text names an institution: 2 a university or institute, 1 a college or school, 0 not. */
export function institutionStrength(text: string): 0 | 1 | 2 {
  if (STRONG.test(text) || HAN_INSTITUTION.test(text)) return 2;
  return WEAK.test(text) ? 1 : 0;
}

/** Where the first institution word of a text starts ("University", "College"…), or -1. */
export function institutionIndex(text: string): number {
  const indexes = [STRONG.exec(text)?.index, WEAK.exec(text)?.index].filter((index) => index !== undefined);
  return indexes.length === 0 ? -1 : Math.min(...indexes);
}

// Capitalised words that follow or precede a name without being part of it.
const NOT_IN_NAME =
  /^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|Expected|Since|From|Until|Present|C?GPA|CPI|Grade|Note|Final|Overall|Thesis|Dissertation|First|Second|Upper|Lower|Third|Class|Honou?rs|Hons|Distinction|Merit|Pass|[BM]\.?(?:Sc|A|S|E|Eng|Tech|Res|Phil)\.?|Ph\.?D\.?|Bachelor\S*|Master\S*)$/u;
const ARTICLE = /^(?:The|Die|Der|Das|La|Le|Il|El)$/u;

const isNameWord = (word: string): boolean =>
  !NOT_IN_NAME.test(word) &&
  (/^\p{Lu}/u.test(word) || CONNECTORS.has(word) || /^\(\p{Lu}{2,6}\)$/u.test(word)) &&
  !word.endsWith(':');

/** Without an unmatched parenthesis at the end ("IIT Bombay)" → "IIT Bombay"). */
function balance(text: string): string {
  const opens = (text.match(/\(/g) ?? []).length;
  const closes = (text.match(/\)/g) ?? []).length;
  if (opens > closes) return text.replace(/\s*\([^)]*$/u, '');
  return closes > opens ? text.replace(/\)+$/u, '') : text;
}

/**
 * The capitalised run of words around the institution keyword: "having fulfilled the requirements of the
 * University" gives nothing, "Technische Universität München (Note 1,4)" gives "Technische Universität München".
 */
function nameAround(segment: string): string | null {
  const han = HAN_INSTITUTION.exec(segment);
  // A preposition or conjunction may run into the name: "在浙江大学" (at Zhejiang University).
  if (han !== null) return han[0].replace(/^[在于从和及与的是]+/u, '');
  const words = segment.split(/\s+/).filter((word) => word !== '');
  const at = words.findIndex((word) => institutionStrength(word.replace(/[^\p{L}]/gu, '')) > 0);
  if (at < 0 || words[at]?.endsWith(':') === true) return null;
  let start = at;
  while (start > 0 && isNameWord(words[start - 1] ?? '')) start -= 1;
  let end = at + 1;
  while (end < words.length && isNameWord(words[end] ?? '')) end += 1;
  const run = words.slice(start, end);
  while (run.length > 1 && (CONNECTORS.has(run[0] ?? '') || ARTICLE.test(run[0] ?? ''))) run.shift();
  while (run.length > 1 && CONNECTORS.has(run.at(-1) ?? '')) run.pop();
  const name = balance(run.join(' ').replace(/[,;:.]+$/u, ''));
  // A keyword alone ("the University", "School") names no particular institution.
  return run.length < 2 &&
    !/^(?:ETH|EPFL|KTH|RWTH|TUM|LMU|KIT|MIT|UCL|Caltech|Sorbonne|Sapienza|Technion)$/u.test(name)
    ? null
    : name;
}

/** The institution a line names ("University of Edinburgh", "IIT Bombay", "浙江大学"), or null; universities first. */
export function findInstitution(line: string): string | null {
  let best: { name: string; strength: number } | null = null;
  for (const segment of line.split(SEGMENT_BREAK)) {
    const name = nameAround(segment);
    if (name === null) continue;
    const strength = institutionStrength(name);
    if (best === null || strength > best.strength) best = { name, strength };
  }
  return best?.name ?? null;
}

/** The text names a German or Austrian institution (so "grade 1.3" is on the German scale). */
export function isGermanContext(text: string): boolean {
  return GERMAN_CONTEXT.test(text);
}
