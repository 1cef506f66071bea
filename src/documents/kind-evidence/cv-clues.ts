import type { Clue } from './clue.ts';
import { countClue, listLabels } from './clue.ts';
import { countMatches, headingOf, headOf, type DocumentText } from './document-text.ts';

/** Each distinct CV section heading (Education, Experience, Skills…): CVs are made of them. */
export const CV_SECTION_WEIGHT = 1.5;
/** At most this many sections count (so a long CV does not drown everything else). */
const CV_SECTION_CAP = 6;
/** Fewer distinct sections than this say nothing (a paper has "References", a letter none). */
const CV_MIN_SECTIONS = 2;
/** Each date range ("2019 – 2023", "Sep 2021 – present"): CVs list periods. */
export const CV_DATE_RANGE_WEIGHT = 0.4;
const CV_DATE_RANGE_MAX = 2.4;
/**
 * Each dated line of a Japanese CV's history (履歴書: "2012 3 〇〇大学卒業", "平成28年 4月 〇〇株式会社入社"): a year, a month
 * and a school entered or left, a company joined or left, a licence obtained. The form prints its headings in the
 * background, where they are often not text; its entries are. Three or more say CV.
 */
export const HISTORY_ENTRY_WEIGHT = 0.5;
const HISTORY_ENTRY_MAX = 4;
const HISTORY_ENTRY_MIN = 3;
/** An e-mail address, phone number or profile link in the first lines. Letters have them too: weak. */
export const CV_CONTACT_WEIGHT = 1;
// Sections are short lines; a longer line is a sentence that merely starts with "Education".
const MAX_SECTION_LENGTH = 45;

// Headings as folded text; each distinct heading counts once (Experience and Work Experience are two).
const SECTIONS = new Set([
  ...[
    'education',
    'academic background',
    'educational background',
    'education and training',
    'qualifications',
  ],
  ...[
    'academic qualifications',
    'experience',
    'work experience',
    'professional experience',
    'research experience',
  ],
  ...['employment', 'employment history', 'internships', 'internship', 'teaching experience', 'work history'],
  ...['skills', 'technical skills', 'personal skills', 'computer skills', 'digital skills', 'key skills'],
  ...['skills and competences', 'publications', 'selected publications', 'conference papers', 'awards'],
  ...[
    'honors',
    'honours',
    'honors and awards',
    'honours and awards',
    'awards and honors',
    'awards and honours',
  ],
  ...['scholarships', 'achievements', 'languages', 'language skills', 'mother tongue', 'projects'],
  ...[
    'research projects',
    'selected projects',
    'academic projects',
    'interests',
    'hobbies',
    'research interests',
  ],
  ...['referees', 'references', 'personal information', 'personal details', 'personal data', 'profile'],
  ...[
    'summary',
    'objective',
    'career objective',
    'certifications',
    'extracurricular activities',
    'activities',
  ],
  ...['volunteering', 'leadership', 'presentations', 'talks', 'memberships', 'professional memberships'],
  ...['contact', 'other skills', 'training', 'courses', 'relevant coursework', 'software', 'programming'],
  // German
  ...['ausbildung', 'studium', 'schulbildung', 'berufserfahrung', 'berufliche erfahrung', 'praktika'],
  ...['kenntnisse', 'edv-kenntnisse', 'it-kenntnisse', 'sprachkenntnisse', 'sprachen', 'veroffentlichungen'],
  ...['publikationen', 'interessen', 'hobbys', 'personliche daten', 'auszeichnungen', 'stipendien'],
  // French, Italian, Spanish
  ...['formation', 'experience professionnelle', 'experiences professionnelles', 'competences', 'langues'],
  ...["centres d'interet", 'projets', 'informations personnelles', 'distinctions', 'diplomes'],
  ...['istruzione', 'istruzione e formazione', 'esperienza lavorativa', 'esperienza professionale'],
  ...['competenze', 'lingue', 'pubblicazioni', 'informazioni personali', 'progetti', 'competenze personali'],
  ...['educacion', 'formacion academica', 'experiencia', 'experiencia laboral', 'habilidades', 'idiomas'],
  ...[
    'publicaciones',
    'proyectos',
    'datos personales',
    'experiencia profesional',
    'formacion',
    'competencias',
  ],
  ...['experiences', 'work experiences', 'education and experience', 'skills and abilities', 'certificates'],
  ...['awards and achievements', 'honors and awards', 'teaching', 'service', 'grants'],
  ...['beruflicher werdegang', 'werdegang', 'akademischer werdegang', 'bildungsweg', 'berufspraxis'],
  ...['experiences professionnelles', 'parcours', 'loisirs', 'competences techniques', "centres d'interets"],
  ...[
    'esperienze',
    'esperienze lavorative',
    'formazione',
    'capacita',
    'conoscenze linguistiche',
    'interessi',
  ],
  ...['formacao', 'formacao academica', 'experiencia profissional', 'competencias', 'publicacoes', 'premios'],
  ...[
    'intereses',
    'logros',
    'cursos',
    'conocimientos',
    'conocimientos tecnicos',
    'conocimientos informaticos',
  ],
  // Chinese
  ...['教育背景', '教育经历', '工作经历', '实习经历', '项目经历', '科研经历', '专业技能', '技能', '个人技能'],
  ...['获奖情况', '荣誉奖励', '获奖经历', '发表论文', '个人信息', '基本信息', '语言能力', '自我评价'],
  ...['工作经验', '项目经验', '实习经验', '荣誉奖项', '个人简介', '论文发表', '科研成果'],
]);
// The same headings without spaces, for headings spelt letter by letter ("w o r k  e x p e r i e n c e").
const COMPACT_SECTIONS = new Map([...SECTIONS].map((heading) => [heading.replace(/ /g, ''), heading]));

// English month names and the other languages' that start differently (enero, abril, agosto, diciembre, gennaio, août…).
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic|gen|giu|lug|ott|set|out|dez|fev|avr|mai|aou|okt)[a-z]*\.?`;
const START = String.raw`(?:${MONTH} |\d{1,2}[./] ?)?(?:19|20)\d{2}(?:[./]\d{1,2})?`;
const END = String.raw`(?:(?:${MONTH} |\d{1,2}[./] ?)?(?:19|20)\d{2}(?:[./]\d{1,2})?|present|now|current|today|ongoing|heute|aujourd'hui|oggi|presente|actualidad|至今|今)`;
const DATE_RANGE = new RegExp(String.raw`\b${START} ?(?:-|to|bis|a|au|al|~|至) ?${END}`, 'gu');
// An e-mail address, a phone number written with a + or separators (not a bare student number), a profile.
const CONTACT =
  /[\w.+-]+@[\w-]+\.[\w.-]+|\+\d[\d ()-]{7,}\d|\(?\b\d{3,4}\)?[ -]\d{3,4}[ -]?\d{3,4}\b|linkedin\.com|github\.com|orcid\.org/;

// Year (western or era) and month, then the event: 入学/卒業/修了/中退 (school), 入社/退社/退職 (work), 取得/合格 (licence).
const HISTORY_ENTRY =
  /^(?:(?:19|20)\d{2}|(?:昭和|平成|令和) ?(?:\d{1,2}|元)) ?年? ?\d{1,2}(?: ?月 ?| )\S.*(?:入学|卒業|修了|中退|入社|退社|退職|取得|合格)(?:見込み?)?$/u;

// "<section> in/en/im/dans/di/em <where>": the section word comes first, its place after.
const QUALIFIED_SECTION = /^(.+?) (?:in|at|en|im|in der|dans|di|em|na|no) \S.*$/u;

/** Section headings, date ranges, a Japanese CV's dated history and a contact block at the top. */
export function findCvClues(doc: DocumentText): Clue[] {
  const sections = new Set<string>();
  for (const folded of doc.folded) {
    if (folded.length > MAX_SECTION_LENGTH) continue;
    const section = sectionOf(headingOf(folded));
    if (section !== undefined) sections.add(section);
  }
  const count = Math.min(sections.size, CV_SECTION_CAP);
  const ranges = countMatches(doc.body, DATE_RANGE);
  const history = doc.folded.filter((line) => HISTORY_ENTRY.test(line)).length;
  return [
    ...(sections.size >= CV_MIN_SECTIONS
      ? [
          {
            kind: 'cv' as const,
            weight: count * CV_SECTION_WEIGHT,
            label: `${sections.size} CV sections (${listLabels([...sections])})`,
          },
        ]
      : []),
    ...countClue('cv', ranges, {
      minCount: 2,
      perItem: CV_DATE_RANGE_WEIGHT,
      maxWeight: CV_DATE_RANGE_MAX,
      label: `${ranges} date ranges`,
    }),
    ...countClue('cv', history, {
      minCount: HISTORY_ENTRY_MIN,
      perItem: HISTORY_ENTRY_WEIGHT,
      maxWeight: HISTORY_ENTRY_MAX,
      label: `${history} dated history entries (履歴書)`,
    }),
    ...(headOf(doc, 10).some((line) => CONTACT.test(line))
      ? [{ kind: 'cv' as const, weight: CV_CONTACT_WEIGHT, label: 'contact details at the top' }]
      : []),
  ];
}

/**
 * The CV section a heading names, if any ("Skills & Abilities", "W O R K E X P E R I E N C E" too); a section narrowed
 * by where it happened ("Experiencia en la industria", "Experience in Academia") names its section.
 */
function sectionOf(heading: string): string | undefined {
  const words = heading.replace(/\s*&\s*/g, ' and ');
  if (SECTIONS.has(words)) return words;
  const compact = COMPACT_SECTIONS.get(words.replace(/ /g, ''));
  if (compact !== undefined) return compact;
  const narrowed = QUALIFIED_SECTION.exec(words)?.[1];
  return narrowed !== undefined && SECTIONS.has(narrowed) ? narrowed : undefined;
}
