import type { DocumentKind } from '../../domain/document-kinds.ts';
import type { Clue } from './clue.ts';
import { ENCLOSED_CV } from './cover-letter-clues.ts';
import { foldText, HEAD_LINES, quoteLine, type DocumentText } from './document-text.ts';

/** A title or heading near the top that names the document: the strongest single clue. */
export const TITLE_WEIGHT = 6;
/** A subject line ("Re: Application for the PhD position"): a letter, but less than a title. */
export const SUBJECT_LINE_WEIGHT = 3;
// Longer lines are sentences, not titles.
const MAX_TITLE_LENGTH = 90;
const MAX_TITLE_HAN = 16;
const SENTENCE_END = /[.。!！?？;；]$/u;

interface TitleRule {
  kind: DocumentKind;
  pattern: RegExp;
  weight: number;
}

// Patterns run on folded lines (no accents, lower case). The first rule a line matches names it, so the more
// specific titles come first ("Certificato di laurea con esami" is a transcript, "Diploma Supplement" too).
const RULES: readonly TitleRule[] = [
  // transcripts
  title(
    'transcript',
    /\btranscripts?\b|statement of (?:marks|grades|results)|marks? certificate|certificate of (?:marks|grades)|\bmarks? (?:statement|sheet|card|memo)|\bmarksheet|memorandum of (?:marks|grades)|consolidated (?:marks|grade)|grade (?:report|card|sheet)|\bgradesheet|record of (?:study|studies|achievement|academic)|academic (?:record|report)|diploma supplement|releve (?:de|des) notes|notenspiegel|notenubersicht|notenuebersicht|leistungsubersicht|leistungsuebersicht|transcript of records|certificato (?:di laurea |di diploma )?(?:con|degli) esami|esami sostenuti|carriera (?:universitaria|accademica|dello studente)|expediente academico|certificacion academica|certificado (?:de|de las) (?:notas|calificaciones)|成绩单|成绩表|成绩证明|成績証明|成績單|学业记录/u,
  ),
  // language tests: before "certificate" and "report"
  title(
    'certificate',
    /test report form|\b(?:toefl|ielts|pte|gre|duolingo)\b.*\b(?:score|report|results?)\b/,
  ),
  // references
  title(
    'reference',
    /letters? of (?:recommendation|reference)|(?:recommendation|reference) letter|^(?:academic |confidential )?reference (?:for|on|in support)\b|^recommendation for\b|^confidential (?:reference|recommendation)|referee(?:'s)? report|empfehlungsschreiben|^gutachten\b|lettre de recommandation|lettera di (?:referenze|raccomandazione|presentazione)|carta de (?:recomendacion|referencia)|推荐信|推薦信/u,
  ),
  // cover letters and statements
  title(
    'cover-letter',
    /cover(?:ing)? letter|statement of (?:purpose|intent|academic intent|interest|research interests?)|personal statement|^research statement$|motivation(?:al)? letter|letter of (?:motivation|intent|interest)|motivation statement|motivationsschreiben|^anschreiben\b|lettre de motivation|lettera (?:di )?motivazion|carta de (?:motivacion|presentacion)|个人陈述|个人自述|自荐信|求职信|申请信|动机信/u,
  ),
  subject(
    'cover-letter',
    /^(?:re|subject|betreff|objet|oggetto|asunto)\s*:?\s.*\b(?:application|candidature|bewerbung|candidatura)\b/,
  ),
  // research
  title(
    'research',
    /research proposal|(?:phd|doctoral|project|dissertation) proposal|proposal for (?:a |doctoral |phd )?research|^(?:an? )?(?:[\w']+ ){0,2}(?:thesis|dissertation)(?: submitted| presented| in partial|$)|masterarbeit|bachelorarbeit|diplomarbeit|doktorarbeit|tesi di (?:laurea|dottorato)|^memoire\b|trabajo (?:de )?fin de (?:grado|master)|^preprint\b|arxiv:\d|^摘要|学位论文(?!.*声明)|毕业论文|研究计划|开题报告|projeto de pesquisa|proyecto de investigacion|propuesta de investigacion|projet de (?:recherche|these)|progetto di ricerca|forschungsvorhaben|forschungsexpose|dissertacao de mestrado|tese de doutorado|these de doctorat|memoire de (?:master|fin d'etudes)|tesis (?:doctoral|de maestria|de licenciatura|de grado)|trabajo de grado|trabalho de conclusao/u,
  ),
  // none of the applicant's kinds: a template's or package's own documentation, lecture and study notes
  title(
    'other',
    /\b(?:la)?tex (?:template|class|package)\b|\btypst (?:template|package)\b|^documentation\b|\bdocumentation (?:on|of|for)\b|\buser'?s? (?:guide|manual)\b|reference manual|benutzerhandbuch|manuel (?:d'utilisation|de l'utilisateur)|manual (?:de|do|del) usuario|使用说明|用户手册|说明文档/u,
  ),
  title(
    'other',
    /\b(?:lecture|study|course|class) notes\b|notas de (?:estudio|clase|curso)|^apuntes\b|vorlesungsskript|notes de cours|^appunti\b|^dispense\b|讲义|课堂笔记/u,
  ),
  // certificates of goods, products or companies: none is an applicant's
  title(
    'other',
    /\bcertifica(?:te|t|do|to) (?:of|d'|de|di) ?(?:origin|origine|origen|conformity|conformite|conformidad|conformita|analysis|analyse|analisis|insurance|assurance|calibration|etalonnage|incorporation)/,
  ),
  // CVs
  title(
    'cv',
    /curriculum vitae|^(?:cv|resume|curriculum|europass)$|\bcv\b(?! ?(?:attached|enclosed))|lebenslauf|hoja de vida|^curriculum\b|简历|履历|履歷|履歴書/u,
  ),
  // certificates and diplomas
  title(
    'certificate',
    /\bcertificat(?:e|o)?\b|certificado|zertifikat|urkunde|^diplom(?:a|e)?(?: di| de| of|$)|^attestation\b|^(?:provisional|degree|pass(?:ing)?|completion|award) certificate|证书|証書|証明書|兹证明|茲證明/u,
  ),
];

// Lines that stand above or beside a title without being one: stamp-duty boxes, protocol numbers, page counters,
// the legal notes Italian certificates carry.
const NOT_A_TITLE =
  /\bbollo\b|stamp duty|\bprot(?:ocollo)?\.? ?n|\bpage \d+ (?:of|\/) \d+|\bpagina \d+ di \d+|\bseite \d+ von \d+|^\d+ ?\/ ?\d+$|non puo essere prodott|pubblica amministrazione|ai sensi del|\bd\.? ?p\.? ?r\.|\bdpr\b/;

/** The titles among the first lines past any stamps and boxes, at most one per kind (the first). */
export function findTitleClues(doc: DocumentText): Clue[] {
  const found = new Map<DocumentKind, Clue>();
  const head = doc.folded
    .map((folded, index) => ({ folded, index }))
    .filter(({ folded }) => !NOT_A_TITLE.test(folded))
    .slice(0, HEAD_LINES);
  head.forEach(({ folded, index }) => {
    if (!isTitleLine(folded)) return;
    const unglued = unglue(doc.lines[index] ?? folded);
    const rule = RULES.find((candidate) => candidate.pattern.test(folded) || candidate.pattern.test(unglued));
    if (rule === undefined || found.has(rule.kind)) return;
    const line = quoteLine(doc.lines[index] ?? folded);
    const label = rule.weight === TITLE_WEIGHT ? `title '${line}'` : `subject '${line}'`;
    found.set(rule.kind, { kind: rule.kind, weight: rule.weight, label });
  });
  return [...found.values()];
}

/**
 * Titles are short and do not end like sentences (a CJK sentence is short in characters, so count them). A line
 * naming a CV as enclosed ("Pièce jointe : Curriculum Vitae") is a short letter's enclosure note, not a CV's title.
 */
function isTitleLine(folded: string): boolean {
  if (folded.length > MAX_TITLE_LENGTH || SENTENCE_END.test(folded) || ENCLOSED_CV.test(folded)) return false;
  return (folded.match(/\p{Script=Han}/gu) ?? []).length <= MAX_TITLE_HAN;
}

/** A title whose words a PDF ran together at a capital ("ThisCertificate Is Awarded To"), folded with them apart. */
function unglue(line: string): string {
  return foldText(line.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
}

function title(kind: DocumentKind, pattern: RegExp): TitleRule {
  return { kind, pattern, weight: TITLE_WEIGHT };
}

function subject(kind: DocumentKind, pattern: RegExp): TitleRule {
  return { kind, pattern, weight: SUBJECT_LINE_WEIGHT };
}
