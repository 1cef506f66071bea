/** The server's personal namespace, as IMAP NAMESPACE reports it. */
export interface FolderNamespace {
  prefix: string;
  delimiter: string | null;
}

/**
 * The folder a vacancy's applications are filed in: `<filing><delimiter><vacancy id>`, inside the server's
 * personal namespace (e.g. `INBOX.Applications.robust-ai` on servers whose folders live under `INBOX.`).
 */
export function filingFolder(filing: string, namespace: FolderNamespace, vacancyId: string): string {
  const delimiter = namespace.delimiter && namespace.delimiter.length > 0 ? namespace.delimiter : '/';
  const base = filing.split('/').join(delimiter);
  const inNamespace =
    namespace.prefix === '' || base.startsWith(namespace.prefix) ? base : `${namespace.prefix}${base}`;
  return `${inNamespace}${delimiter}${vacancyId}`;
}
