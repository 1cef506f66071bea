import { clue, type ContentClue } from './content-clue.ts';

// Subjects are matched at their start, after any "Re:"/"AW:"-style prefixes have NOT been removed: a person's reply
// "Re: Automatic reply: …" is theirs, not the responder's.
/** Auto-reply subject prefixes in the languages we read. */
export const AUTO_REPLY_SUBJECTS: readonly ContentClue[] = [
  clue(
    'auto-reply',
    'subject',
    3,
    'English auto-reply subject',
    /^\s*(?:auto(?:matic)?[\s_-]*(?:reply|response)|autoreply|auto-?respon(?:se|der)|auto:)/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'out-of-office subject',
    /^\s*(?:out of (?:the )?office|ooo\b|on (?:vacation|holiday|leave)\b)/i,
  ),
  // "Away until May 5" is what a person could also write: it decides only with an absence sentence in the body.
  clue(
    'auto-reply',
    'subject',
    2,
    'away-until subject',
    /^\s*away (?:until|till|from (?:the |my )?(?:office|desk))\b/i,
  ),
  // AOL's responder marks the subject "Re: <subject> (Automatic Response)". A person answering one quotes it,
  // so it decides only with an absence sentence in the body.
  clue(
    'auto-reply',
    'subject',
    2,
    'auto-response subject suffix',
    /\(auto(?:matic)?[\s-]*(?:reply|response)\)/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'German auto-reply subject',
    /^\s*(?:abwesenheitsnotiz|automatische antwort|abwesenheit|urlaubsnotiz|nicht im büro)/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'French auto-reply subject',
    /^\s*(?:r[ée]ponse automatique|message d'absence|absence du bureau|absent\(?e?\)? du bureau)/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'Italian auto-reply subject',
    /^\s*(?:risposta automatica|fuori (?:ufficio|sede))/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'Spanish auto-reply subject',
    /^\s*(?:respuesta autom[áa]tica|fuera de (?:la )?oficina)/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'Portuguese auto-reply subject',
    /^\s*(?:resposta autom[áa]tica|aus[êe]ncia tempor[áa]ria|fora do escrit[óo]rio)/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'Dutch auto-reply subject',
    /^\s*(?:automatisch antwoord|afwezigheidsbericht|afwezig\b|niet aanwezig)/i,
  ),
  clue('auto-reply', 'subject', 3, 'Polish auto-reply subject', /^\s*automatyczna odpowied[źz]/i),
  clue(
    'auto-reply',
    'subject',
    3,
    'Latvian auto-reply subject',
    /^\s*(?:[āa]rpus biroja|autom[āa]tisk[āa] atbilde)/i,
  ),
  // "Atvaļinājums" (holiday) is also what a person titles a leave request: it decides only with an absence sentence.
  clue('auto-reply', 'subject', 2, 'Latvian holiday subject', /^\s*atva[ļl]in[āa]jums\b/i),
  // "Vacation Alert!", "Holiday notice": a person could title a mail so, so it decides only with an absence sentence.
  clue(
    'auto-reply',
    'subject',
    2,
    'vacation-notice subject',
    /^\s*(?:vacation|holiday|absence)\s+(?:alert|notice|reply|response|message|notification)\b/i,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'Chinese auto-reply subject',
    /^\s*(?:自动回复|自動回覆|自动答复|自動回復|休假通知)/,
  ),
  clue(
    'auto-reply',
    'subject',
    3,
    'Japanese auto-reply subject',
    /^\s*(?:自動応答|自動返信|不在通知|不在のお知らせ)/,
  ),
];

/** Absence sentences in the languages we read. */
export const AUTO_REPLY_BODIES: readonly ContentClue[] = [
  clue(
    'auto-reply',
    'body',
    2,
    'out-of-office sentence',
    /\b(?:i am|i'm|i will be|i'll be)(?: currently)? (?:out of (?:the )?office|away from (?:the|my) (?:office|desk|e-?mail)|away until\b|on (?:annual |parental |sick )?(?:leave|vacation|holiday))/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'limited e-mail access',
    /\b(?:limited|no)\s+access\s+to\s+(?:my\s+)?e-?mails?\b|\bkeinen zugriff auf (?:meine )?e-?mails\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    1,
    'will reply on return',
    /\b(?:upon|on|after) my return\b|\bwhen i (?:return|am back|get back)\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'German absence sentence',
    /\bich bin (?:derzeit |zurzeit |bis (?:zum |einschließlich )?[^\n]{0,40}?)?(?:nicht im büro|abwesend|im urlaub|außer haus)/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'French absence sentence',
    /\bje suis (?:actuellement )?(?:absente?|en cong[ée]s?|en vacances)\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'Italian absence sentence',
    /\bsono (?:attualmente )?(?:assente|fuori (?:ufficio|sede)|in ferie)\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'Spanish absence sentence',
    /\bestoy (?:actualmente )?(?:fuera de (?:la )?oficina|de vacaciones|ausente)\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'Portuguese absence sentence',
    /\bestou (?:atualmente )?(?:fora do escrit[óo]rio|de f[ée]rias|ausente)\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'Dutch absence sentence',
    /\bik ben (?:momenteel |tot en met [^.\n]{0,30} )?(?:afwezig|niet aanwezig|met vakantie)\b/i,
  ),
  clue(
    'auto-reply',
    'body',
    2,
    'Latvian absence sentence',
    /\besmu (?:šobrīd |pašlaik )?(?:atva[ļl]in[āa]jum[āa]|[āa]rpus biroja|prom)(?![\p{L}])/iu,
  ),
  clue('auto-reply', 'body', 2, 'Chinese absence sentence', /我(?:目前|现在|正在)?(?:不在办公室|休假|出差)/),
  clue(
    'auto-reply',
    'body',
    2,
    'Japanese absence sentence',
    /(?:不在にしております|休暇を頂いております|不在のため)/,
  ),
];
