// Keeps credentials out of everything the command line prints: every secret value met during
// sign-in (a client secret, a federated token, a private key) is noted, and each message is scrubbed
// of them, and of anything shaped like a bearer token or a JWT, before it reaches a terminal or a log.
export interface Redactor {
  note(value: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    note: (value) => {
      if (value.length >= 6) secrets.add(value);
    },
    redact: (text) => {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join('[redacted]');
      return out
        .replace(/\b(Bearer\s+)[\w.~+/=-]{16,}/gi, '$1[redacted]')
        .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted token]')
        .replace(/(client_secret|client_assertion|assertion)=([^&\s]+)/gi, '$1=[redacted]');
    },
  };
}
