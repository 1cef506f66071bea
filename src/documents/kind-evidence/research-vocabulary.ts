import type { Phrase } from './clue.ts';

// What research documents are written in: English, German, French, Italian, Spanish, Portuguese and Chinese.
// Patterns run on folded text (no accents, lower case); headings have had numbering and decoration removed.
// "Resume" is not taken for the French "Résumé" (an abstract): a CV is titled so too.

/** An abstract heading. */
export const ABSTRACT =
  /^(?:abstract|summary of (?:the )?thesis|zusammenfassung|kurzfassung|sommario|riassunto|resumen|resumo|摘要|内容摘要)(?:\s*[-.:：]|$)/u;
/** An introduction heading. */
export const INTRODUCTION =
  /^(?:introduction|einleitung|einfuhrung|introduzione|introduccion|introducao|引言|绪论|前言|研究背景|选题背景)$/u;
/** A bibliography heading. */
export const BIBLIOGRAPHY =
  /^(?:references|bibliography|works cited|literature cited|reference list|literaturverzeichnis|literatur|quellenverzeichnis|bibliographie|references bibliographiques|bibliografia|riferimenti bibliografici|referencias(?: bibliograficas)?|参考文献)$/u;

const SECTIONS_EN =
  'related work|background|literature review|methods?|methodology|materials and methods|approach|proposed (?:method|approach)|experiments?|experimental (?:setup|results)|results(?: and discussion)?|evaluation|discussion|conclusions?|conclusion and future work|future work|limitations|acknowledge?ments|appendix|research questions?|(?:aims and )?objectives|research aims|timeline|time ?plan|work ?plan|expected (?:outcomes|results|contributions)|significance|contributions|table of contents|contents|list of figures|list of tables|preliminary results|problem statement|motivation';
const SECTIONS_DE =
  'verwandte arbeiten|grundlagen|methodik|methode|ergebnisse|diskussion|fazit|ausblick|zusammenfassung und ausblick|zielsetzung|forschungsfragen?|zeitplan|arbeitsplan|inhaltsverzeichnis|abbildungsverzeichnis|tabellenverzeichnis|danksagung|anhang';
const SECTIONS_FR =
  "travaux connexes|etat de l'art|methodologie|methodes|resultats|conclusions?|perspectives|problematique|objectifs|calendrier|table des matieres|remerciements|annexes?";
const SECTIONS_IT =
  "lavori correlati|stato dell'arte|metodologia|metodi|risultati|discussione|conclusioni|sviluppi futuri|obiettivi|indice|elenco delle figure|ringraziamenti|appendice";
const SECTIONS_ES_PT =
  'trabajos relacionados|estado del arte|marco teorico|planteamiento del problema|hipotesis|metodologia|metodos|resultados|discusion|conclusiones|trabajo futuro|objetivos?(?: generale?s?| especificos)?|cronograma|indice|agradecimientos|anexos?|trabalhos relacionados|fundamentacao teorica|revisao (?:da literatura|bibliografica)|materiais e metodos|discussao|conclusao|conclusoes|consideracoes finais|justificativa|sumario|lista de figuras|lista de tabelas|agradecimentos|apendices?';
const SECTIONS_ZH =
  '研究意义|研究内容|研究方法|研究目标|技术路线|进度安排|国内外研究现状|文献综述|相关工作|实验结果|结论|总结与展望|预期成果|目录|致谢|附录';

/**
 * A book's front and back matter (contents, lists of figures and tables, appendices, thanks): manuals and handbooks
 * have them as much as theses do.
 */
export const FRONT_BACK_MATTER =
  /^(?:table of contents|contents|list of (?:figures|tables)|appendix|acknowledge?ments|inhaltsverzeichnis|abbildungsverzeichnis|tabellenverzeichnis|danksagung|anhang|table des matieres|remerciements|annexes?|indice|elenco delle figure|ringraziamenti|appendice|agradecimientos|sumario|lista de (?:figuras|tabelas)|apendices?|目录|致谢|附录)$/u;
/**
 * Sections that set out what a piece of work is about (background, objectives, scope, motivation): reports, manuals
 * and programme documents open with them as papers and proposals do, so they show no scholarship by themselves.
 */
export const ORIENTATION =
  /^(?:background|(?:aims and )?objectives|research aims|motivation|significance|problem statement|contributions|timeline|time ?plan|work ?plan|zielsetzung|zeitplan|arbeitsplan|problematique|objectifs|calendrier|obiettivi|objetivos?(?: generale?s?| especificos)?|cronograma|justificativa|planteamiento del problema|研究意义|研究目标|进度安排)$/u;
/** Any other section of a paper, thesis or proposal. */
export const PAPER_SECTION = new RegExp(
  `^(?:${[SECTIONS_EN, SECTIONS_DE, SECTIONS_FR, SECTIONS_IT, SECTIONS_ES_PT, SECTIONS_ZH].join('|')})$`,
  'u',
);
/** A chapter heading. */
export const CHAPTER =
  /^(?:chapter|kapitel|chapitre|capitolo|capitulo) (?:\d+|[ivx]+|one|two|three|four|five|six)\b|^第[一二三四五六七八九十\d]+章/u;
/** A bracketed citation. */
export const BRACKET_CITATION = /\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]/g;
/** An author-year citation. */
export const AUTHOR_YEAR_CITATION =
  /\((?:see |e\.g\.,? )?[a-z][\p{L}'-]+(?: et al\.| and [a-z][\p{L}'-]+| & [a-z][\p{L}'-]+| e [a-z][\p{L}'-]+| y [a-z][\p{L}'-]+| und [a-z][\p{L}'-]+)?,? (?:19|20)\d{2}[a-z]?[;)]/gu;
/** A keywords line. */
export const KEYWORDS =
  /^(?:keywords|key words|index terms|schlusselworter|schlagworter|mots-cles|parole chiave|palabras clave|palavras-chave|关键词)\s*[:：—-]/u;

export const THESIS: readonly Phrase[] = [
  {
    label: "'submitted in partial fulfilment'",
    pattern:
      /(?:submitted|presented) (?:in partial|for the degree)|partial fulfil?l?ment of the requirements|zur erlangung des|presentee (?:pour|en vue de) l'obtention|(?:tesi|tesis|tese|dissertacao) (?:presentada|apresentada|presentata)|requisito parcial|para optar (?:al|por el) (?:grado|titulo)|tesi di laurea|relatore|trabalho de conclusao de curso|trabajo (?:de )?fin de (?:grado|master)|学位论文/u,
  },
  {
    label: 'declaration of authorship',
    pattern:
      /declaration of (?:originality|authorship)|eidesstattliche erklarung|selbststandigkeitserklarung|i hereby declare that (?:this|the) (?:thesis|dissertation|work)|dichiarazione di originalita|declaracion de (?:autoria|originalidad)|原创性声明/u,
  },
];

export const PROPOSAL: readonly Phrase[] = [
  {
    label: 'research questions',
    pattern:
      /research questions?\b|forschungsfragen?|questions? de recherche|domande di ricerca|preguntas? de investigacion|perguntas? de pesquisa|研究问题/u,
  },
  {
    label: 'objectives',
    pattern:
      /\b(?:research )?objectives\b|\baims\b|zielsetzung|\bobjectifs\b|\bobiettivi\b|\bobjetivos\b|研究目标/u,
  },
  { label: 'methodology', pattern: /\bmethodology\b|\bmethodik\b|methodologie|\bmetodologia\b|研究方法/u },
  {
    label: 'timeline',
    pattern:
      /\btimeline\b|time ?plan|work ?plan|gantt|work packages?|\bmilestones?\b|zeitplan|arbeitsplan|calendrier|cronogramma|cronograma|进度安排/u,
  },
  {
    label: 'expected outcomes',
    pattern:
      /expected (?:outcomes|results|contributions|impact)|erwartete ergebnisse|resultats attendus|risultati attesi|resultados esperados|预期成果/u,
  },
  {
    label: "'this proposal'",
    pattern:
      /\bthis proposal\b|the proposed (?:project|study|research|work)|projeto de pesquisa|proyecto de investigacion|projet de recherche|progetto di ricerca|forschungsvorhaben|开题报告|研究计划/u,
  },
];
