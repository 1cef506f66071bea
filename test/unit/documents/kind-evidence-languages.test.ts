import { describe, expect, it } from 'vitest';
import { classifyDocument, type KindDecision } from '../../../src/documents/classify-document.ts';

function classifyText(text: string, pages: number | null = 3): KindDecision {
  return classifyDocument({
    filename: null,
    contentType: 'application/pdf',
    extraction: { status: 'ok', text, pages, format: 'pdf' },
  });
}

const PROPOSALS: Record<string, string> = {
  portuguese: `Projeto de pesquisa\nResumo\nEste projeto estuda redes neurais para previsão de secas (Silva e Costa, 2021).\n1 Introdução\nA seca afeta o semiárido.\n2 Objetivos\nPrever a seca com seis meses de antecedência.\n3 Metodologia\nUsaremos dados de satélite.\n4 Cronograma\nPrimeiro ano: revisão.\nReferências\nSILVA, A. Secas. 2021.`,
  french: `Projet de recherche\nIntroduction\nLes modèles de langue posent des questions de recherche nouvelles (Martin, 2022).\nObjectifs\nMesurer les biais.\nMéthodologie\nNous construirons un corpus annoté.\nCalendrier\nPremière année : corpus.\nBibliographie\nMartin, P. (2022). Biais. Paris.`,
  german: `Forschungsexposé\nEinleitung\nDie Arbeit untersucht Lernverfahren für Roboter (Schmidt und Weber, 2020).\nForschungsfragen\nWie lernt ein Roboter aus wenigen Beispielen?\nMethodik\nWir vergleichen drei Verfahren.\nZeitplan\nJahr 1: Literatur.\nLiteraturverzeichnis\nSchmidt, A. (2020). Roboter. Berlin.`,
  italian: `Progetto di ricerca\nIntroduzione\nLo studio riguarda la dinamica dei vetri (Rossi, 2019).\nObiettivi\nMisurare i tempi di rilassamento.\nMetodologia\nSimulazioni di dinamica molecolare.\nRisultati attesi\nUna nuova legge di scala.\nBibliografia\nRossi, M. (2019). Vetri. Bologna.`,
  chinese: `开题报告\n研究背景\n深度学习在医学影像中应用广泛。\n研究内容\n本课题研究肿瘤分割。\n研究方法\n采用卷积神经网络。\n进度安排\n第一年：文献综述。\n参考文献\n[1] 张三. 医学影像. 2020.`,
};

describe('research documents in the languages we read', () => {
  it.each(Object.entries(PROPOSALS))('reads a %s research proposal', (_language, text) => {
    const decision = classifyText(text);
    expect(decision.kind, decision.evidence.join('; ')).toBe('research');
  });

  it('does not take a one-page originality declaration form for a thesis', () => {
    const decision = classifyText('学位论文原创性声明\n本人郑重声明。\n作者签名：\n指导教师签名：', 1);
    expect(decision.kind).not.toBe('research');
  });
});

describe('grade tables that look like grades', () => {
  it('does not count a table of contents or prose with numbers as a grade table', () => {
    const toc = [
      'Contents',
      'Introduction . . . . . . . 5',
      'Installing the class . . . . . . . 7',
      'Options of the class . . . . . . . 9',
      'A seção 5.1 da norma 14724 também estabelece que o tamanho da fonte seja 12 e 10',
      'Note: the options 3 and 4 can be combined with the option 12 of the package',
    ].join('\n');
    expect(classifyText(toc).scores.transcript ?? 0).toBeLessThan(1);
  });

  it('does not read "fail" on a slide or the word "Note" as transcript terms', () => {
    const slide = 'Why tests fail\nNote: flaky tests fail 3 times in 10 runs\nFix them first';
    const decision = classifyText(slide, 1);
    expect(decision.evidence.join('; ')).not.toMatch(/pass\/fail|marks/);
  });

  it('counts rows only when something says they are grades (here a grading scale)', () => {
    const transcript = [
      'Grading scale: A = 90-100, B = 80-89, C = 70-79',
      'Linear Algebra 6 A',
      'Real Analysis 6 B',
      'Probability Theory 6 A',
      'Numerical Methods 5 B',
    ].join('\n');
    const withScale = classifyText(transcript, 1).scores.transcript ?? 0;
    const withoutScale = classifyText(transcript.split('\n').slice(1).join('\n'), 1).scores.transcript ?? 0;
    expect(withScale).toBeGreaterThanOrEqual(1.6);
    expect(withoutScale).toBeLessThan(1);
  });
});

describe('titles past stamps and boxes', () => {
  it('finds an Italian transcript title under a stamp-duty box', () => {
    const text = [
      'Imposta di bollo assolta in modo virtuale',
      'Il presente certificato non può essere prodotto',
      'agli organi della pubblica amministrazione',
      'Prot. n. 12345',
      'Università degli Studi di Padova',
      'Certificato di laurea con esami',
      'Analisi matematica 1 12 28',
      'Fisica generale 9 30L',
      'Programmazione 6 27',
    ].join('\n');
    const decision = classifyText(text, 1);
    expect(decision.kind, decision.evidence.join('; ')).toBe('transcript');
    expect(decision.scores.certificate ?? 0).toBeLessThan(decision.scores.transcript ?? 0);
  });
});
