/**
 * Countries whose grading systems read a bare number differently (a UK 76 is a First; an Iranian 17/20 is not a
 * French one; a Nigerian CGPA is out of 5). Only countries that change how a result is read are listed.
 */
export type GradeCountry = 'uk' | 'nl' | 'br' | 'ir' | 'tr' | 'pk' | 'ng' | 'kr' | 'cn';

// Institutions, cities and country names, as written on transcripts and CVs (English and the local language).
const CUES: readonly (readonly [GradeCountry, RegExp])[] = [
  [
    'uk',
    /\b(?:United\s+Kingdom|England|Scotland|(?<!New\s+South\s+)Wales|Northern\s+Ireland|University\s+College\s+London|UCL|Imperial\s+College|King['’]?s\s+College\s+London|London\s+School\s+of\s+Economics|Queen\s+Mary|Royal\s+Holloway|University\s+of\s+(?:Oxford|Cambridge|Edinburgh|Manchester|Bristol|Glasgow|Warwick|Birmingham|Leeds|Sheffield|Nottingham|Southampton|York|Exeter|Bath|St\s+Andrews|Liverpool|Leicester|Sussex|Surrey|Reading|Aberdeen|Dundee|Strathclyde|Lancaster|East\s+Anglia|Kent|Essex|London)|(?:Durham|Cardiff|Newcastle|Lancaster|Loughborough|Heriot-Watt|Brunel|Aston)\s+University|Queen['’]?s\s+University\s+Belfast)\b|\.ac\.uk\b|\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2})\b/u,
  ],
  [
    'nl',
    /\b(?:Netherlands|Nederland|Universiteit|Hogeschool|TU\s+Delft|Delft|Leiden|Utrecht|Eindhoven|Groningen|Erasmus\s+University|Twente|Wageningen|Radboud|Maastricht|Tilburg|Vrije\s+Universiteit)\b/u,
  ],
  [
    'br',
    /\b(?:Brazil|Brasil|Universidade\s+(?:Federal|Estadual|de\s+São\s+Paulo|de\s+Brasília)|USP|UNICAMP|UFRJ|UFMG|UFRGS|UNESP|PUC-(?:Rio|SP|RS))\b/u,
  ],
  [
    'ir',
    /\b(?:Iran|Tehran|Sharif|Amirkabir|Isfahan|Shiraz|Tabriz|Mashhad|Ferdowsi|Shahid\s+Beheshti|Khaje\s+Nasir|K\.\s?N\.\s?Toosi)\b|ایران|تهران/u,
  ],
  [
    'tr',
    /\b(?:Turkey|Türkiye|Turkiye|Ankara|İstanbul|Istanbul|İzmir|Izmir|Bilkent|Boğaziçi|Bogazici|Hacettepe|Sabancı|Sabanci|Koç\s+University|METU|ODTÜ|Üniversitesi|Universitesi)\b/u,
  ],
  [
    'pk',
    /\b(?:Pakistan|Lahore|Karachi|Islamabad|Rawalpindi|Peshawar|Faisalabad|Multan|NUST|LUMS|COMSATS|FAST-NU|NED\s+University|Quaid-i-Azam)\b/u,
  ],
  [
    'ng',
    /\b(?:Nigeria|Lagos|Ibadan|Nsukka|Ilorin|Zaria|Port\s+Harcourt|Obafemi\s+Awolowo|Ahmadu\s+Bello|Covenant\s+University|Federal\s+University\s+of\s+Technology)\b/u,
  ],
  [
    'kr',
    /\b(?:Korea|KAIST|POSTECH|UNIST|Yonsei|Sungkyunkwan|Hanyang|Seoul\s+National|Seoul|Busan|Daejeon)\b|대학교|한국/u,
  ],
  [
    'cn',
    /\b(?:P\.?\s?R\.?\s?China|China|Beijing|Shanghai|Tsinghua|Peking\s+University|Fudan|Zhejiang|Nanjing|Wuhan|Sun\s+Yat-sen|Harbin|Xi['’]?an|Sichuan|Tongji|Jiao\s+Tong|USTC|Chengdu|Guangzhou|Shenzhen|Tianjin)\b|中国|大学/u,
  ],
];

// Hong Kong and Macau keep UK classes and their own GPA scales: "China" in their names is no Chinese mark scale.
const NOT_MAINLAND = /\b(?:Hong\s+Kong|Macau|Macao|Taiwan)\b|香港|澳門|澳门|台灣|台湾/u;

/** The country whose grading the text's institutions point to: the one named first, or null. */
export function gradeCountry(text: string): GradeCountry | null {
  let best: { country: GradeCountry; index: number } | null = null;
  for (const [country, cue] of CUES) {
    const index = text.search(cue);
    if (index < 0 || (country === 'cn' && NOT_MAINLAND.test(text))) continue;
    if (best === null || index < best.index) best = { country, index };
  }
  return best?.country ?? null;
}
