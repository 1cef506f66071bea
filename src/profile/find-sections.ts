import { collapseLetterSpacing, foldText } from './normalise-text.ts';

export type SectionKind = 'education' | 'publications' | 'referees' | 'other';

/** A CV section: its header line's kind and the lines under it up to the next header. */
export interface Section {
  kind: SectionKind;
  header: string;
  lines: string[];
}

const EDUCATION_HEADERS = new Set(
  [
    'education',
    'educational background',
    'academic background',
    'academic qualifications',
    'academic history',
    'academic record',
    'academic profile',
    'qualifications',
    'degrees',
    'studies',
    'higher education',
    'university education',
    'education and training',
    'education & training',
    'education and qualifications',
    'education & qualifications',
    'ausbildung',
    'bildungsweg',
    'studium',
    'akademischer werdegang',
    'formation',
    'formation academique',
    'formation universitaire',
    'etudes',
    'cursus',
    'istruzione',
    'formazione',
    'istruzione e formazione',
    'titoli di studio',
    'formacion',
    'formacion academica',
    'educacion',
    '教育背景',
    '教育经历',
    '学习经历',
  ].map(foldText),
);

const OTHER_HEADERS = new Set(
  [
    'experience',
    'work experience',
    'research experience',
    'professional experience',
    'relevant experience',
    'employment',
    'employment history',
    'internships',
    'projects',
    'research projects',
    'selected projects',
    'skills',
    'technical skills',
    'programming skills',
    'computer skills',
    'skills and languages',
    'languages',
    'language skills',
    'awards',
    'honors',
    'honours',
    'awards and honors',
    'awards and honours',
    'honors and awards',
    'honours and awards',
    'awards & honors',
    'awards & honours',
    'honors & awards',
    'honours & awards',
    'scholarships',
    'scholarships and awards',
    'achievements',
    'certifications',
    'certificates',
    'courses',
    'relevant coursework',
    'coursework',
    'interests',
    'research interests',
    'hobbies',
    'teaching',
    'teaching experience',
    'activities',
    'extracurricular activities',
    'leadership',
    'talks',
    'presentations',
    'invited talks',
    'service',
    'academic service',
    'volunteering',
    'volunteer experience',
    'summary',
    'profile',
    'personal profile',
    'objective',
    'contact',
    'contact information',
    'contact details',
    'personal information',
    'personal details',
    'personal data',
    'persönliche daten',
    'persönliche angaben',
    'dati personali',
    'informazioni personali',
    'état civil',
    'about me',
    'patents',
    'workshops',
    'training',
    'memberships',
    'berufserfahrung',
    'kenntnisse',
    'sprachkenntnisse',
    'sprachen',
    'esperienze',
    'esperienza lavorativa',
    'competenze',
    'lingue',
    'experience professionnelle',
    'experiences professionnelles',
    'competences',
    'langues',
    "centres d'interet",
    'projets',
    '个人信息',
    '基本信息',
    '求职意向',
    '科研经历',
    '项目经历',
    '工作经历',
    '实习经历',
    '获奖情况',
    '专业技能',
  ].map(foldText),
);

// A CV's referees: their addresses and phone numbers are not the applicant's.
const REFEREE_HEADERS = new Set(
  [
    'references',
    'referees',
    'references available on request',
    'references available upon request',
    'referenzen',
    'referenze',
    'références',
    '推荐人',
  ].map(foldText),
);

const PUBLICATION_WORD =
  /\b(?:publications?|papers|preprints|publikationen|veroffentlichungen|pubblicazioni|journal articles|conference proceedings|manuscripts|research outputs)\b|发表论文|论文发表|科研成果/u;
const HEADER_CONNECTORS = new Set(
  'and & of in under review the to with + submitted progress preparation selected'.split(' '),
);

/** The header text of a line, without numbering, bullets, a trailing colon or a parenthesised remark. */
function headerText(line: string): string {
  return collapseLetterSpacing(line)
    .replace(/^[\s\d.)•▪●■◆►*#|–—-]+/u, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s:|_–—-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a line heads, or null when it is not a known section header. */
export function headerKind(line: string): SectionKind | null {
  const text = headerText(line);
  if (text.length === 0 || text.length > 45 || /[\d@.,;]/.test(text)) return null;
  const words = text.split(' ');
  if (words.length > 5) return null;
  const folded = foldText(text);
  if (EDUCATION_HEADERS.has(folded)) return 'education';
  if (OTHER_HEADERS.has(folded)) return 'other';
  if (REFEREE_HEADERS.has(folded)) return 'referees';
  const capitalised = words.every(
    (word) => /^(?:\p{Lu}|\p{Script=Han})/u.test(word) || HEADER_CONNECTORS.has(word.toLowerCase()),
  );
  return capitalised && PUBLICATION_WORD.test(folded) ? 'publications' : null;
}

/** The sections of a CV in order (text before the first header is not a section). */
export function findSections(lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  for (const line of lines) {
    const kind = headerKind(line);
    if (kind !== null) sections.push({ kind, header: line.trim(), lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}

/** The lines of every section of one kind, sections separated by an empty line; null when there is none. */
export function sectionLines(lines: readonly string[], kind: SectionKind): string[] | null {
  const matching = findSections(lines).filter((section) => section.kind === kind);
  if (matching.length === 0) return null;
  return matching.flatMap((section) => ['', ...section.lines]).slice(1);
}

/** The lines of a CV without the sections of one kind (their headers included). */
export function linesWithout(lines: readonly string[], kind: SectionKind): string[] {
  let current: SectionKind | null = null;
  return lines.filter((line) => {
    current = headerKind(line) ?? current;
    return current !== kind;
  });
}
