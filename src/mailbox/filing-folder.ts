/** The server's personal namespace, as IMAP NAMESPACE reports it. */
export interface FolderNamespace {
  prefix: string;
  delimiter: string | null;
}

/**
 * The folder a vacancy's applications are filed in: `<filing><delimiter><vacancy id>`, inside the server's
 * personal namespace (e.g. `INBOX.Applications.robust-ai` on servers whose folders live under `INBOX.`); with no
 * vacancy id, `<filing>` itself (the review folder, e.g. `Applications/_review`).
 */
export function filingFolder(filing: string, namespace: FolderNamespace, vacancyId: string | null): string {
  const delimiter = namespace.delimiter && namespace.delimiter.length > 0 ? namespace.delimiter : '/';
  const base = filing.split('/').join(delimiter);
  const inNamespace =
    namespace.prefix === '' || base.startsWith(namespace.prefix) ? base : `${namespace.prefix}${base}`;
  return vacancyId === null ? inNamespace : `${inNamespace}${delimiter}${vacancyId}`;
}

/** The folder review items are filed in, before the server's namespace: `review`, else `<filing>/_review`. Pure. */
export function reviewFolderOf(mailbox: { filing: string; review?: string | undefined }): string {
  return mailbox.review ?? `${mailbox.filing}/_review`;
}
