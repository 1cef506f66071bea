import { z } from 'zod';

/** A message in a watched folder: mailbox, folder UIDVALIDITY and UID (what ingest and assess jobs carry). */
export const messageLocationSchema = z.object({
  mailbox: z.string(),
  uidValidity: z.string(),
  uid: z.number().int().positive(),
});
