/**
 * IP addresses (v4 with octet ranges, v6 with ≥ 3 colons) and URLs that point at a person (profile pages,
 * social accounts, personal paths, e-mail/name query parameters). Shop and product URLs are kept.
 */
import type { PiiDetector, PiiSpan } from '../pii.js';

const IPV4 =
  /(?<![\p{L}\p{N}.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\p{N}]|\.\d)/gu;
const IPV6 =
  /(?<![\p{L}\p{N}:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::|(?::[0-9a-fA-F]{1,4}){1,6}|[0-9a-fA-F]{1,4})(?![\p{L}\p{N}:])/gu;
/** "Firmware v1.2.3.4", "version 10.0.0.1" are software versions, not addresses. */
const VERSION_BEFORE = /(?:\bv|version|firmware|ver\.?|build)\s*$/i;

function findIps(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    spans.push({ type: 'IP', start: m.index, end: m.index + m[0].length });
  }
  if (text.includes(':')) {
    IPV6.lastIndex = 0;
    for (let m = IPV6.exec(text); m !== null; m = IPV6.exec(text)) {
      const colons = m[0].split(':').length - 1;
      // Clock times ("12:30:00") have digits only and ≤ 2 colons; require ≥ 3 colons and a hex letter or "::".
      if (colons < 3 || !/[a-fA-F]|::/.test(m[0])) continue;
      spans.push({ type: 'IP', start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

export const ipDetector: PiiDetector = {
  type: 'IP',
  mayMatch: (text) => /\d\.\d|:[0-9a-fA-F]*:/.test(text),
  detect: findIps,
};

const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
/** Hosts where the first path segment is an account. */
const SOCIAL_HOSTS =
  /(?:^|\.)(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com|linkedin\.com|youtube\.com|pinterest\.[a-z.]+|t\.me|wa\.me|github\.com|medium\.com|reddit\.com|xing\.com|vk\.com|threads\.net)$/i;
/** Path segments that introduce a person. */
const PERSONAL_SEGMENT =
  /\/(?:~[^/]+|u|user|users|profile|profiles|people|person|member|members|author|in|benutzer|profil|utilisateur|usuario|utente|gebruiker|uzytkownik|@[^/]+)(?:\/|$)/i;
const PERSONAL_QUERY = /[?&](?:e?mail|email_address|name|user(?:name)?|phone|tel|uid)=/i;

function isPersonalUrl(url: string): boolean {
  const withoutScheme = url.replace(/^https?:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash === -1 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase();
  const path = slash === -1 ? '' : withoutScheme.slice(slash);
  if (SOCIAL_HOSTS.test(host) && /^\/[^/?#]{2,}/.test(path)) return true;
  return PERSONAL_SEGMENT.test(path) || PERSONAL_QUERY.test(path);
}

function findPersonalUrls(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(text); m !== null; m = URL_PATTERN.exec(text)) {
    let url = m[0];
    while (/[.,;:!?]$/.test(url)) url = url.slice(0, -1);
    if (isPersonalUrl(url)) spans.push({ type: 'URL', start: m.index, end: m.index + url.length });
  }
  return spans;
}

export const personalUrlDetector: PiiDetector = {
  type: 'URL',
  mayMatch: (text) => text.includes('http') || text.includes('www.'),
  detect: findPersonalUrls,
};
