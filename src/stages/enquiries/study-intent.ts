import { ownText } from '../../mail/own-text.ts';
import { foldText, normaliseText } from '../../profile/normalise-text.ts';

/** Where a person says they want to study for a doctorate (or be supervised), quoting it. */
export interface StudyIntent {
  place: 'subject' | 'body';
  quote: string;
}

/** How much is read: what a person wants comes first, and a hostile body is never read to its end. */
const BODY_LIMIT = 3000;
const SUBJECT_LIMIT = 500;
const MAX_QUOTE = 120;

// All patterns run on case- and accent-folded text ("möchte" → "mochte", "thèse" → "these"), one sentence at a
// time, with bounded gaps only: no pattern can backtrack more than a few hundred steps from one position.
const I = String.raw`\bi(?=\s|['’])`;
const DEG = String.raw`(?:\b(?:ph\.?\s?d|d\.?\s?phil)(?![a-z])\.?|\bdoctoral)`;
/** A degree, not preceded by someone else's possessive ("our DPhil", "my PhD" unless "pursue my PhD"). */
const DEGREE =
  String.raw`(?<!\b(?:our|his|her|their)\s+)(?<!(?<!\b(?:pursue|pursuing|do|start|starting|begin|undertake|undertaking|commence)\s+)\bmy\s+)` +
  String.raw`(?:${DEG}|\b(?:doctorate|studentships?|cdt|research degree)\b)`;
/** …and not about people or procedures ("PhD students", "DPhil thesis examination", "CDT meeting"). */
const NOT_ABOUT_OTHERS = String.raw`(?![\s-]*(?:students?|candidates?|researchers?|holders?|graduates?|supervisors|thes[ie]s|viva|examin\w*|defen[cs]e|committee|alumni|cohort|admissions|applications|applicants|interviews?|shortlist\w*|panel|meetings?|board|management|director|retreat|seminar|regulations|handbook|paperwork|forms?|budget|allocations?|nominations?|reports?|stipends?|payments?|quota|extension|renewal|template|progress|transfer|confirmation|open days?|days?|events?|courses?|modules?|lectures?|symposium|conference|workshop)\b)`;
const DEGREE_OBJECT = DEGREE + NOT_ABOUT_OTHERS;
const ROLE = String.raw`\b(?:become|becoming|be|being|(?:join|joining|apply|applying)\b[^.!?]{0,30}?\bas)\s+(?:an?|one of your|your)\s+(?:[\w-]+\s+)?${DEG}\s*(?:student|candidate|researcher)\b`;
const WANT = String.raw`\b(?:apply|applying|application|pursue|pursuing|undertake|undertaking|embark|embarking|commence|commencing|enrol|enroll|enrolling|enrolment|start|starting|begin|beginning|study|studying|join|joining|become|becoming|enquire|enquiring|inquire|inquiring|ask(?:ing)? about|interested|interest|keen|eager|explore|exploring|possibility|possibilities|opportunity|opportunities|seek|seeking|looking for|searching for|consider|considering|continue|continuing|further|candidacy|admission|hope|hoping|plan|planning|aim|aiming|intend|intending|intention|wish|want|like to|love to|information (?:about|on|regarding))\b`;

const DE_DEGREE = String.raw`\b(?:promovieren|promotion(?:sstelle|smoglichkeit|sinteresse|svorhaben|sprojekt|sthema|sstudium)?|doktorarbeit|doktorand(?:in)?|doktorandenstelle|doktorat)\b(?!\s+(?:von|des|der|unseres|unserer|meines|meiner)\b)`;
const FR_DEGREE = String.raw`\b(?:doctorat|these|doctorante?|contrat doctoral)\b`;
const ES_DEGREE = String.raw`\b(?:doctorado|doctorand[oa]|tesis doctoral)\b`;
const IT_DEGREE = String.raw`\b(?:dottorato|dottorand[oa])\b`;
const PT_DEGREE = String.raw`\b(?:doutorado|doutoramento|doutorand[oa])\b`;
const ZH_NOT_NOW = '(?:(?!正在|目前|现在|在读|已经|曾)[^\\n])';

/** First-person intent in a sentence of the sender's own words (or of the subject). */
const INTENT_RULES: readonly RegExp[] = [
  String.raw`(?:${I}|\bmy\b)[\s\S]{0,50}?${WANT}[\s\S]{0,60}?(?:${ROLE}|${DEGREE_OBJECT})`,
  String.raw`\b(?:i am|i['’]m|as)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:prospective|potential|future|aspiring|incoming|would-be)\s+(?:${DEG}\s*)?(?:student|applicant|candidate)\b`,
  String.raw`\b(?:willing|able|available|happy|open|interested|consider|considering|agree|possible|possibility|whether you|if you|could you|would you|can you|kindly)\b[\s\S]{0,40}?\b(?:supervis(?:e|ing)\s+(?:me|my)\b|supervision\s+(?:of|for)\s+my\b|(?:be|being|become|becoming|act as|serve as)\s+my\s+(?:[\w-]+\s+)?supervisor\b)`,
  String.raw`\byou\b[\s\S]{0,40}?\b(?:as|be|being|become)\s+(?:a|my|the)\s+(?:potential|possible|prospective)\s+(?:${DEG}\s*)?supervisor\b`,
  String.raw`(?:${I}|\bmy\b)[\s\S]{0,60}?\b(?:like|love|wish|want|hope|hoping|keen|interested|eager|apply|applying|pursue|pursuing|undertake|plan|planning|aim|aiming|seek|seeking|opportunity|study|studying|work|working|research|conduct)\b[\s\S]{0,60}?\bunder\s+your\s+(?:supervision|guidance|direction|mentorship)\b`,
  String.raw`\b(?:are|is|will|would|do|does|might)\s+you(?:r\s+(?:group|lab|team))?\s+(?:[\w-]+\s+){0,2}?(?:taking|accepting|recruiting|looking for|considering|admitting|take on|taking on|accept|have (?:any )?(?:space|capacity|room|openings|places|funding) for)\s+(?:on\s+)?(?:any\s+)?(?:new\s+)?${DEG}\s*(?:students|applicants|candidates)\b`,
  String.raw`\b(?:do|does|will|would)\s+you(?:r\s+(?:group|lab|team))?\s+have\s+(?:any\s+)?(?:[\w-]+\s+){0,2}?${DEG}\s*(?:positions?|openings?|places?|vacanc(?:y|ies)|studentships?|opportunit(?:y|ies)|projects?)\b`,
  String.raw`\b(?:is there|are there|would there be|will there be)\b[\s\S]{0,40}?(?:${DEGREE_OBJECT}|\b(?:possibilit\w*|chance|opportunit\w*)\b[\s\S]{0,40}?${DEGREE_OBJECT})`,
  String.raw`\b(?:let me know|tell me|inform me|advise me)\b[\s\S]{0,60}?${DEGREE_OBJECT}`,
  String.raw`\b(?:you|your)\b[\s\S]{0,60}?\b(?:openings?|places?|positions?|vacanc(?:y|ies)|room|space|capacity|funding)\s+(?:available\s+)?for\s+(?:new\s+|an?\s+|any\s+)?${DEG}\s*(?:students?|candidates?)\b`,
  String.raw`\bmy\s+(?:${DEG}|studentship|cdt)\s*(?:application|enquiry|inquiry)\b`,
  String.raw`(?:\bich\b[\s\S]{0,60}?\b(?:moe?chte|wue?rde|will|plane|interessiere|bewerbe|hoffe|suche|strebe|beabsichtige|erkundige|frage|wende|interesse)\b|\b(?:moe?chte|wue?rde|will|plane|hoffe|koe?nnte)\s+ich\b)[\s\S]{0,80}?${DE_DEGREE}`,
  String.raw`\b(?:je|j)\b[\s\S]{0,60}?\b(?:souhait\w*|voudrai\w*|aimerai\w*|interess\w*|postul\w*|candidat\w*|envisag\w*|desir\w*|permets|ecris|contacte|cherche|a la recherche|espere|compte|poursuiv\w*|inscri\w*)\b[\s\S]{0,80}?${FR_DEGREE}`,
  String.raw`\b(?:me gustaria|quisiera|deseo|deseaba|quiero|estoy interesad[oa]|me interesa|busco|estoy buscando|solicito|me dirijo|le escribo|les escribo|escribo|mi interes|planeo|pretendo|aspiro|postularme|postular|aplicar)\b[\s\S]{0,80}?${ES_DEGREE}`,
  String.raw`\b(?:vorrei|sono interessat[oa]|mi interessa|mi piacerebbe|desidero|intendo|mi candido|candidarmi|chiedo|le scrivo|scrivo|cerco|sto cercando|spero|aspiro)\b[\s\S]{0,80}?${IT_DEGREE}`,
  String.raw`\b(?:gostaria|tenho interesse|estou interessad[oa]|pretendo|desejo|quero|venho|escrevo|candidatar\w*|busco|procuro|estou procurando|planejo|aspiro)\b[\s\S]{0,80}?${PT_DEGREE}`,
  `我${ZH_NOT_NOW}{0,30}?(?:(?:攻读|申请|报考|考取|成为)[^\\n]{0,12}?博士(?!后)|读博)`,
  '(?:您|你)[^\\n]{0,20}?(?:担任|成为|做)我的[^\\n]{0,6}?导师',
].map((source) => new RegExp(source, 'u'));

/** What a subject line says without a verb: "PhD enquiry", "Prospective DPhil student", "Anfrage Promotion". */
const SUBJECT_RULES: readonly RegExp[] = [
  String.raw`${DEG}(?:\s+(?:position|studentship|supervision|opportunity|programme|program|place|admission|study|studies))?\s*[-–—:]?\s*(?:enquiry|inquiry|application|applicant|candidacy|query|request)\b`,
  String.raw`\b(?:enquiry|inquiry|application|applying|apply|admission)\s+(?:about|regarding|re|concerning|on|for|to|into)\s+(?:[\w'’-]+\s+){0,3}?${DEGREE_OBJECT}`,
  String.raw`\b(?:request|question|query|interest)\s+(?:about|regarding|re|concerning|on|for|in)\s+(?:[\w'’-]+\s+){0,3}?${DEG}\s*(?:opportunit\w*|positions?|places?|programmes?|programs?|supervision|studentships?|stud(?:y|ies)|admission|application)\b`,
  String.raw`\b(?:prospective|potential|aspiring|future)\s+(?:${DEG}\s*(?:student|applicant|candidate|supervisor|supervision)\b|(?:student|applicant|candidate)\s*(?:$|[-–—:,(]))`,
  String.raw`\b(?:looking for|seeking|searching for|request(?:ing)?(?:\s+for)?|interested in)\s+(?:an?\s+)?(?:${DEG}\s*(?:supervisor|supervision|positions?|opportunit\w*|places?|studentships?)|supervisor|supervision)\b`,
  String.raw`\b(?:anfrage|bewerbung|initiativbewerbung|interesse|betreuung|moglichkeit)\b[^\n]{0,25}?${DE_DEGREE}|${DE_DEGREE}[^\n]{0,10}?\b(?:anfrage|bewerbung|interesse|betreuung)\b|\b(?:promotions|doktoranden)(?:anfrage|bewerbung|interesse|betreuung)\b`,
  String.raw`\b(?:candidature|demande|encadrement|a la recherche)\b[^\n]{0,25}?${FR_DEGREE}|\b(?:doctorat|these)\b[^\n]{0,10}?\bcandidature\b`,
  String.raw`\b(?:solicitud|consulta|interes|informacion|candidatura|admision|postulacion|aplicacion)\b[^\n]{0,25}?${ES_DEGREE}`,
  String.raw`\b(?:candidatura|domanda|richiesta|interesse|informazioni|ammissione)\b[^\n]{0,25}?${IT_DEGREE}`,
  String.raw`\b(?:candidatura|interesse|solicitacao|pedido|informacoes|admissao|orientacao)\b[^\n]{0,25}?${PT_DEGREE}`,
  '(?:博士|读博)(?!后)[^\\n]{0,8}?(?:申请|咨询|意向|报考)|(?:申请|咨询|报考|攻读)[^\\n]{0,8}?博士(?!后)|读博',
].map((source) => new RegExp(source, 'u'));

/** A sentence about someone else's student, an examination, a review, a circular: never the sender's intent. */
const NOT_INTENT = new RegExp(
  [
    String.raw`\b(?:my|our|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?:students?|candidates?|supervisees?|mentees?|postdocs?)\b`,
    String.raw`\b(?:please|kindly|feel free to)\s+(?:share|circulate|forward|distribute|pass (?:this|it) on)\b`,
    String.raw`\b(?:co-?supervis\w*|joint(?:ly)? supervis\w*|second supervisor|(?:gemeinsamen?\s+|zweit|co-?|mit)betreuung)|\b(?:viva|examiners?|thesis examination|examine (?:a|the|his|her|their) thesis|thesis defen[cs]e|transfer of status|confirmation of status)\b`,
    String.raw`\b(?:invite you|invitation to (?:review|speak|give|present|serve|submit|contribute|attend|participate)|reviewers?|manuscript|special issue|call for (?:papers|abstracts|submissions|participation)|submission deadline|guest editor|editorial board|unsubscribe|newsletter|mailing list)\b`,
    String.raw`\b(?:mein|meine|meinen|meiner|unser|unsere|unseren|unserer)\s+(?:\w+\s+)?doktorand|\b(?:disputation|promotionsprufung|rigorosum|gutachter\w*|verteidigung|promotionskommission)\b`,
    String.raw`\b(?:mon|ma|mes|notre|nos|son|sa|ses)\s+(?:\w+\s+)?doctorant|\b(?:soutenance|jury|rapporteur)\b`,
    String.raw`\b(?:mi|mis|nuestro|nuestra|nuestros|nuestras)\s+(?:\w+\s+)?doctorand|\b(?:tribunal|defensa de (?:la )?tesis)\b`,
    String.raw`\b(?:il mio|la mia|i miei|le mie|nostro|nostra|nostri|nostre)\s+(?:\w+\s+)?dottorand|\b(?:commissione|discussione della tesi)\b`,
    String.raw`\b(?:meu|minha|meus|minhas|nosso|nossa|nossos|nossas)\s+(?:\w+\s+)?doutorand|\b(?:banca|defesa)\b`,
    '我的博士生|我们的博士生|我的学生|我们的学生|答辩|审稿|评审',
  ].join('|'),
  'u',
);

/** A full stop that ends an abbreviation, not a sentence ("D.Phil. in", "Prof. Chen"). */
const ABBREVIATION = /(?:\bph\.?\s?d|\bd\.?\s?phil|\b(?:dr|prof|mr|mrs|ms|st|e\.g|i\.e|cf|vs|no))\.$/iu;

const REPLY_PREFIX = /^(?:\s*(?:re|aw|sv|vs|antw|odp|r|回复|答复)\s*(?:\[\d+\])?\s*[:：])+\s*/iu;
const FORWARD_PREFIX = /^\s*(?:(?:re|aw)\s*:\s*)*(?:fwd?|wg|tr|rv|enc|i|doorst|转发)\s*[:：]/iu;
/** Where a forwarded message starts: what follows is someone else's words. */
const FORWARD_MARKER =
  /^\s*(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transf[eé]r[eé]|mensaje reenviado|messaggio inoltrato|mensagem encaminhada)\s*-{2,}|begin forwarded message:?|-{2,}\s*转发的邮件\s*-{2,})\s*$/iu;
/** A line that is only a sign-off: the name and signature ("Jane Doe, PhD") follow. */
const SIGN_OFF =
  /^(?:best(?: regards| wishes)?|kind(?:est)? regards|warm(?:est)? regards|regards|sincerely|yours(?: sincerely| faithfully| truly)?|many thanks|thanks(?: again| and regards)?|thank you(?: very much)?|cheers|all the best|with (?:best|kind|warm) (?:regards|wishes)|respectfully|mit freundlichen grue?ssen|(?:viele|beste|freundliche|liebe) grue?sse|(?:bien )?cordialement|bien a vous|salutations|saludos(?: cordiales)?|un saludo|atentamente|(?:cordiali|distinti)? ?saluti|atenciosamente|cumprimentos|此致|敬礼|祝好|谢谢)\s*[,.!]?$/u;

/**
 * The first-person study intent in the subject or the sender's own text (own-text: quotes and signature
 * removed), or null. Pure.
 */
export function findStudyIntent(subject: string, text: string): StudyIntent | null {
  const head = normaliseText(subject.slice(0, SUBJECT_LIMIT)).replace(/\s+/g, ' ').trim();
  // A forward's subject is someone else's ("Fwd: PhD enquiry"): only the sender's own words above it count.
  if (!FORWARD_PREFIX.test(foldText(head))) {
    const cleaned = head.replace(REPLY_PREFIX, '');
    if (findIn(cleaned, [...SUBJECT_RULES, ...INTENT_RULES]) !== null) {
      return { place: 'subject', quote: cut(cleaned) };
    }
  }
  const body = senderWords(text);
  const found = findIn(body, INTENT_RULES);
  return found === null ? null : { place: 'body', quote: cut(found) };
}

/** The sender's own words: no quotes, no forwarded message, nothing from the sign-off on; lines unwrapped. */
function senderWords(text: string): string {
  const lines = ownText(text, { limit: BODY_LIMIT, stopAtSignature: true }).split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (FORWARD_MARKER.test(line)) break;
    if (kept.some((earlier) => earlier.trim() !== '') && SIGN_OFF.test(foldText(line.trim()))) break;
    kept.push(line);
  }
  return unwrap(normaliseText(kept.join('\n')).split('\n'));
}

/** A paragraph's lines joined by spaces; a blank line or a short line ending in "," or ":" ("Dear Dr Chen,") ends it. */
function unwrap(lines: readonly string[]): string {
  let text = '';
  let previous = '';
  for (const raw of lines) {
    const line = raw.trimEnd();
    const apart = previous === '' || line === '' || (previous.length < 40 && /[,:]$/.test(previous));
    text += text === '' ? line : `${apart ? '\n' : ' '}${line}`;
    previous = line;
  }
  return text;
}

/** The earliest intent in a text, quoting its sentence (from the intent on, if it is long); or null. */
function findIn(text: string, rules: readonly RegExp[]): string | null {
  for (const sentence of sentencesOf(text)) {
    const { folded, origin } = foldIndexed(sentence);
    if (NOT_INTENT.test(folded)) continue;
    const first = Math.min(...rules.map((rule) => rule.exec(folded)?.index ?? Infinity));
    if (first === Infinity) continue;
    return flat(sentence).length <= MAX_QUOTE ? sentence : sentence.slice(origin[first]);
  }
  return null;
}

/** Sentences: ended by ".", "!", "?" or ";" before a word that is not lower case, CJK marks or line breaks. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const end of text.matchAll(/[.!?;]+(?=\s+[^\s\p{Ll}]|\s*$)|[。！？；\n]+/gu)) {
    const stop = end.index + end[0].length;
    if (ABBREVIATION.test(text.slice(Math.max(start, stop - 8), stop))) continue;
    sentences.push(text.slice(start, stop));
    start = stop;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/** The folded text and, for each of its characters, where it came from in the text (so quotes are verbatim). */
function foldIndexed(text: string): { folded: string; origin: number[] } {
  const parts: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldText(char);
    parts.push(part);
    for (let unit = 0; unit < part.length; unit++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { folded: parts.join(''), origin };
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(quote: string): string {
  const line = flat(quote);
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1)}…` : line;
}
