/** A mailbox entry for configurations parsed in unit tests (no server is reached). */
export const OFFLINE_MAILBOX = {
  id: 'chen',
  address: 'chen@uni.example',
  imap: { host: 'imap.uni.example', auth: { user: 'chen', pass: 'pw' } },
  smtp: { host: 'smtp.uni.example' },
  from: 'chen@uni.example',
};
