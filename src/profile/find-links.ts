import type { ProfileLink } from './profile-types.ts';

const ORCID =
  /(?:orcid\.org\/|\bORCID(?:\s*iD)?\s*[:#]?\s*(?:https?:\/\/orcid\.org\/)?)(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?![\dX])/giu;
const SCHOLAR = /scholar\.google\.[a-z.]{2,8}\/citations\?(?:[^\s"<>]*?&(?:amp;)?)?user=([\w-]{6,20})/giu;
const GITHUB =
  /(?<![\w.@-])(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z\d](?:[A-Za-z\d]|-(?=[A-Za-z\d])){0,38})(\/[\w.-]+)?/gu;
const LINKEDIN = /(?:[a-z]{2,3}\.)?linkedin\.com\/in\/([\w%-]{2,100})/giu;
const URL_PATTERN =
  /\bhttps?:\/\/[^\s<>"'()[\]{}]+|(?<![\w.@/-])(?:www\.[a-z\d-]+(?:\.[a-z\d-]+)+|[a-z\d-]+\.(?:github|gitlab)\.io|sites\.google\.com)(?:\/[^\s<>"'()[\]{}]*)?/giu;
// GitHub paths that are not user profiles.
const GITHUB_RESERVED = new Set(
  'about features topics orgs settings sponsors marketplace explore pricing login join apps collections'.split(
    ' ',
  ),
);
// Hosts of papers, social media and publishers: links to them are not a personal homepage.
const NOT_HOMEPAGE =
  /(?:^|\.)(?:doi\.org|arxiv\.org|orcid\.org|github\.com|linkedin\.com|scholar\.google\.[a-z.]+|twitter\.com|x\.com|facebook\.com|instagram\.com|youtube\.com|youtu\.be|researchgate\.net|semanticscholar\.org|dblp\.org|ieeexplore\.ieee\.org|ieee\.org|acm\.org|springer\.com|link\.springer\.com|sciencedirect\.com|elsevier\.com|wiley\.com|nature\.com|openreview\.net|proceedings\.mlr\.press|papers\.nips\.cc|neurips\.cc|aclanthology\.org|paperswithcode\.com|huggingface\.co|kaggle\.com|medium\.com|zenodo\.org|pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov|bit\.ly|goo\.gl|zoom\.us|teams\.microsoft\.com)$/iu;
// A university's or a company's front page (no path) is boilerplate, not the applicant's homepage.
const INSTITUTIONAL = /\.(?:ac\.[a-z]{2}|edu(?:\.[a-z]{2})?|uni-[a-z-]+\.de|gov(?:\.[a-z]{2})?)$/iu;

/** ISO 7064 MOD 11-2: the last character of an ORCID iD checks the other fifteen digits. */
export function isValidOrcid(id: string): boolean {
  const characters = id.replace(/-/g, '');
  if (!/^\d{15}[\dX]$/u.test(characters)) return false;
  let total = 0;
  for (const digit of characters.slice(0, 15)) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return characters.at(-1) === (check === 10 ? 'X' : String(check));
}

const trimUrl = (url: string): string => url.replace(/[.,;:!?)\]]+$/u, '');

/** The homepage form of a URL: https:// added when missing, host lowercased, no trailing slash; null if odd. */
function homepageUrl(written: string): string | null {
  try {
    const url = new URL(/^https?:\/\//iu.test(written) ? written : `https://${written}`);
    if (NOT_HOMEPAGE.test(url.hostname)) return null;
    if (INSTITUTIONAL.test(url.hostname) && (url.pathname === '/' || url.pathname === '')) return null;
    return url.href.replace(/\/$/u, '');
  } catch {
    return null;
  }
}

/**
 * The applicant's links: ORCID (checksum valid), Google Scholar profile, GitHub profile (a repository link
 * names a project, often someone else's, and is not taken), LinkedIn, and homepages (other http(s) links,
 * www.… and *.github.io names) that are not papers, social media, publishers or an institution's front page.
 */
export function findLinks(text: string): ProfileLink[] {
  const links: ProfileLink[] = [];
  const add = (kind: ProfileLink['kind'], url: string): void => {
    if (!links.some((link) => link.url.toLowerCase() === url.toLowerCase())) links.push({ kind, url });
  };
  for (const match of text.matchAll(ORCID)) {
    const id = (match[1] ?? '').toUpperCase();
    if (isValidOrcid(id)) add('orcid', `https://orcid.org/${id}`);
  }
  for (const match of text.matchAll(SCHOLAR))
    add('scholar', `https://scholar.google.com/citations?user=${match[1]}`);
  for (const match of text.matchAll(GITHUB)) {
    const user = match[1] ?? '';
    const repository = (match[2] ?? '').replace(/[.]+$/u, '');
    if (repository === '' && !GITHUB_RESERVED.has(user.toLowerCase()))
      add('github', `https://github.com/${user}`);
  }
  for (const match of text.matchAll(LINKEDIN)) {
    add('linkedin', `https://www.linkedin.com/in/${trimUrl(match[1] ?? '').replace(/\/$/u, '')}`);
  }
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = homepageUrl(trimUrl(match[0]));
    if (url !== null) add('homepage', url);
  }
  return links;
}
