// Minimal type declarations for `hoodiecrow-imap` 2.x (plain JS, ships no types): only what start-demo-imap.ts uses.
declare module 'hoodiecrow-imap' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace hoodiecrow {
    /** A message in the server's storage tree. `raw` is a binary (latin1) string, one char per octet. */
    interface StoredMessage {
      raw: string;
      flags?: string[];
      /** A Date, or an IMAP date-time string ("01-Jan-2024 10:00:00 +0000"). */
      internaldate?: Date | string;
      uid?: number;
    }

    interface StoredMailbox {
      messages?: Array<StoredMessage | string>;
      folders?: Record<string, StoredMailbox>;
      flags?: string[];
      'special-use'?: string | string[];
      uidvalidity?: number;
      subscribed?: boolean;
    }

    interface StoredNamespace {
      separator?: string;
      type?: 'personal' | 'user' | 'shared';
      folders?: Record<string, StoredMailbox>;
    }

    interface Options {
      /** Built-in plugin names (e.g. "IDLE", "MOVE"), loaded in order. */
      plugins?: string[];
      users?: Record<string, { password: string }>;
      /** `INBOX` is a mailbox; every other key is a namespace prefix ("" for the default one). */
      storage?: { INBOX?: StoredMailbox } & Record<string, StoredMailbox | StoredNamespace>;
      debug?: boolean;
    }

    /** One client session. */
    interface Connection {
      socket: Socket | null;
      /** Set while a command (IDLE) takes over the input; called with each input line. */
      inputHandler: ((line: string) => void) | false;
    }

    /** An imap-handler response object, as passed to output handlers (which may modify it). */
    interface Response {
      tag: string;
      command?: string;
      attributes?: ResponseAttribute[];
    }

    type ResponseAttribute =
      | number
      | ResponseAttribute[]
      | { type: 'ATOM' | 'TEXT' | 'STRING' | 'SEQUENCE'; value: string }
      | { type: 'SECTION'; section: ResponseAttribute[] };

    interface Server extends EventEmitter {
      /** The underlying net.Server. */
      server: NetServer;
      /** Called with every new session, right after it is created. */
      connectionHandlers: Array<(connection: Connection) => void>;
      /** Called with every response before it is sent: (connection, response, description, parsed, data, extra). */
      outputHandlers: Array<(connection: Connection, response: Response, description: string) => void>;
      /** Formats a Date as an IMAP date-time; used for stored messages' internal dates. */
      formatInternalDate(date: Date): string;
      listen(port: number, host: string, callback: () => void): void;
      close(callback?: (error?: Error) => void): void;
    }
  }

  function hoodiecrow(options?: hoodiecrow.Options): hoodiecrow.Server;
  export = hoodiecrow;
}
