import { redactPii } from '../ingest/pii.js';

/**
 * Every log line passes through here before it leaves the process: secrets first (API keys, bearer and basic
 * credentials, tokens, passwords in URLs and fields), then personal data with the same detectors that clean
 * review text (src/ingest/pii.ts). Logs are copied to places with weaker access control than the store, so
 * they must never carry a credential or a reviewer's e-mail, phone or name — not even in an error message
 * that quotes a record, a SQL parameter or a connection string.
 */

export const SECRET_PLACEHOLDER = '[SECRET]';

/** Long string values are cut before redaction: bounded cost per line, and no log-volume amplification. */
export const MAX_LOGGED_STRING = 4_096;

const SECRET_PATTERNS: readonly RegExp[] = [
  // reviewlens API keys (rl_<16 hex>_<43 base64url>); also partial ones, e.g. a truncated key in an error.
  /\brl_[a-f0-9]{8,16}_[A-Za-z0-9_-]{4,}/g,
  // OpenAI-style and other vendor keys.
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  // JSON Web Tokens.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];

/** `Bearer x` credentials; `Basic`/`Token`/`Digest` only with a token-like value ("Basic model" is prose). */
const AUTH_SCHEME =
  /\b(Bearer)\s+[A-Za-z0-9._~+/=:-]+|\b(Basic|Token|Digest)\s+(?=[A-Za-z0-9._~+/=:-]*[0-9=_+/-])[A-Za-z0-9._~+/=:-]{6,}/gi;
/** `scheme://user:password@host`: keep the user and host, drop the password. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi;
/** `password=…`, `token: …`, `"api_key":"…"` and friends, in query strings, messages and JSON. */
const SECRET_FIELD =
  /((?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|authorization|x-api-key|client[_-]?secret|private[_-]?key)["']?\s*[:=]\s*["']?)([^"'\s&,;}]+)/gi;
/** JSON keys whose whole value is a credential, whatever it looks like. */
const SECRET_KEYS =
  /^(?:authorization|x-api-key|cookie|set-cookie|password|passwd|secret|token|api[_-]?key|key_hash)$/i;

/** Replaces credentials in free text. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, SECRET_PLACEHOLDER);
  out = out.replace(
    AUTH_SCHEME,
    (_m, bearer: string | undefined, other: string | undefined) => `${bearer ?? other} ${SECRET_PLACEHOLDER}`,
  );
  out = out.replace(URL_PASSWORD, (_m, prefix: string) => `${prefix}:${SECRET_PLACEHOLDER}@`);
  out = out.replace(SECRET_FIELD, (_m, label: string) => `${label}${SECRET_PLACEHOLDER}`);
  return out;
}

/**
 * URLs in request logs are percent-encoded, which hides "+49%2030%201234567" from the PII detectors: decode
 * every run of valid escapes first (invalid ones stay as they are).
 */
export function decodePercentEscapes(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * Stricter than review cleaning: the review PII detectors keep "v 1.2.3.4" as a firmware version, but a log
 * has no product facts to protect, and client addresses are personal data (GDPR): every dotted quad goes.
 */
const LOG_IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;

/** Secrets, then PII, in one piece of text (cut to {@link MAX_LOGGED_STRING}). */
export function redactLogText(text: string): string {
  const bounded = text.length > MAX_LOGGED_STRING ? `${text.slice(0, MAX_LOGGED_STRING)}…[truncated]` : text;
  return redactPii(redactSecrets(decodePercentEscapes(bounded))).text.replace(LOG_IPV4, '[IP]');
}

/** Walks a parsed log record; only string values are redacted, so the line stays valid JSON. */
function redactValue(value: unknown, key: string | undefined, depth: number): unknown {
  if (typeof value === 'string') return key && SECRET_KEYS.test(key) ? SECRET_PLACEHOLDER : redactLogText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 16) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => redactValue(item, undefined, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: redactValue(v, k, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * One log line (pino writes NDJSON: one JSON object and a newline) with secrets and PII removed. A line that
 * is not JSON is redacted as text. The trailing newline is kept.
 */
export function redactLogLine(line: string): string {
  const newline = line.endsWith('\n') ? '\n' : '';
  const body = newline ? line.slice(0, -1) : line;
  if (body.startsWith('{')) {
    try {
      return `${JSON.stringify(redactValue(JSON.parse(body), undefined, 0))}${newline}`;
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  return `${body
    .split('\n')
    .map((part) => redactLogText(part))
    .join('\n')}${newline}`;
}
