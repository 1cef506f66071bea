import parseHeader from 'mailauth/lib/parse-dkim-headers.js';
import { getDomain } from 'tldts';

/** What the trusted receiving server said about the From domain. */
export interface SenderAuthentication {
  /** True when it reported DMARC pass for the From domain, or a DKIM pass aligned with it. */
  pass: boolean;
  /** The authserv-id and the result that decided, e.g. `mx.uni.example: dmarc=pass header.from=ext.example`. */
  evidence: string;
}

/**
 * The organisational domain (the registrable domain by the Public Suffix List, as DMARC's relaxed alignment
 * uses it): `mail.ox.ac.uk` → `ox.ac.uk`; the domain itself when the list does not know it. Pure.
 */
export function organisationalDomain(domain: string): string {
  const lower = domain.trim().toLowerCase().replace(/\.$/, '');
  return getDomain(lower, { allowPrivateDomains: true }) ?? lower;
}

/**
 * Reads the first `Authentication-Results` header (RFC 8601, parsed by mailauth) whose authserv-id is one of
 * `trusted`, the topmost being the one our own receiving server added; any other is the sender's say-so and is
 * ignored. Null when no trusted header exists. Pure.
 */
export function senderAuthentication(
  values: readonly string[],
  trusted: ReadonlySet<string>,
  fromDomain: string,
): SenderAuthentication | null {
  if (trusted.size === 0) return null;
  for (const value of values) {
    const { parsed } = parseHeader(`Authentication-Results: ${value}`);
    const authservId = parsed.value.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!trusted.has(authservId)) continue;
    return judge(parsed, authservId, fromDomain.toLowerCase());
  }
  return null;
}

function judge(
  parsed: ReturnType<typeof parseHeader>['parsed'],
  authservId: string,
  fromDomain: string,
): SenderAuthentication {
  const dmarc = parsed.dmarc;
  const dmarcFrom = propertyOf(dmarc, 'header', 'from');
  if (dmarc && dmarc.value.toLowerCase() === 'pass' && dmarcFrom === fromDomain) {
    return { pass: true, evidence: `${authservId}: dmarc=pass header.from=${dmarcFrom}` };
  }
  const fromOrg = organisationalDomain(fromDomain);
  for (const dkim of Array.isArray(parsed.dkim) ? parsed.dkim : []) {
    const signer = propertyOf(dkim, 'header', 'd');
    if (dkim.value.toLowerCase() === 'pass' && signer && organisationalDomain(signer) === fromOrg) {
      return { pass: true, evidence: `${authservId}: dkim=pass header.d=${signer} (aligned)` };
    }
  }
  const said = dmarc ? `dmarc=${dmarc.value}${dmarcFrom ? ` header.from=${dmarcFrom}` : ''}` : 'no dmarc';
  return { pass: false, evidence: `${authservId}: ${said}, no aligned dkim=pass` };
}

function propertyOf(result: unknown, ptype: string, property: string): string | null {
  const group = (result as Record<string, unknown> | undefined)?.[ptype];
  const value = (group as Record<string, unknown> | undefined)?.[property];
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/^@/, '') : null;
}
