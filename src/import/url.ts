// Fetching a report by URL, bounded: http and https only, a size cap (GONGKAI_MAX_INPUT_BYTES, as for files), a
// time limit (GONGKAI_URL_TIMEOUT_MS), at most MAX_REDIRECTS redirects (each checked again), and no private,
// loopback or link-local address unless GONGKAI_URL_ALLOW names the host. The address is checked at connect time
// (the lookup hook of node:http), so a name that resolves differently on the second lookup cannot slip through.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { InputError } from '../errors.js';
import { maxInputBytes } from '../readers/limits.js';

export const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 30_000;

const blocked = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** Whether an address is private, loopback, link-local, reserved or multicast (IPv4-mapped IPv6 as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Hosts allowed despite a private address (GONGKAI_URL_ALLOW, comma-separated names or addresses). */
export function allowedHosts(env = process.env.GONGKAI_URL_ALLOW): Set<string> {
  return new Set((env ?? '').split(',').map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean));
}

const refuse = (url: string, zh: string, en: string) => new InputError(url, zh, en);

/** A lookup that refuses private addresses for hosts not allowed. */
function guardedLookup(url: string, host: string, allow: Set<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad && !allow.has(host) && !allow.has(bad.address))
        return callback(refuse(url, `地址 ${bad.address} 属于内网或本机，不予访问（可在 GONGKAI_URL_ALLOW 中允许）`,
          `address ${bad.address} is private or loopback; refused (GONGKAI_URL_ALLOW may allow it)`) as never, '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

export interface Fetched { name: string; bytes: Uint8Array; finalUrl: string }

/** Downloads one URL within the limits; InputError naming the URL for anything refused or failed. */
export async function fetchUrl(url: string, o: { timeoutMs?: number; maxBytes?: number; allow?: Set<string> } = {}):
  Promise<Fetched> {
  const timeoutMs = o.timeoutMs ?? (Number(process.env.GONGKAI_URL_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS);
  const maxBytes = o.maxBytes ?? maxInputBytes();
  const allow = o.allow ?? allowedHosts();
  const deadline = Date.now() + timeoutMs;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let u: URL;
    try {
      u = new URL(current);
    } catch {
      throw refuse(url, '网址无效', 'not a valid URL');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw refuse(url, `只接受 http 和 https 网址（${u.protocol}）`, `only http and https URLs are accepted (${u.protocol})`);
    const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (isIP(host) && isPrivateAddress(host) && !allow.has(host))
      throw refuse(url, `地址 ${host} 属于内网或本机，不予访问（可在 GONGKAI_URL_ALLOW 中允许）`,
        `address ${host} is private or loopback; refused (GONGKAI_URL_ALLOW may allow it)`);
    const res = await get(u, url, host, allow, Math.max(1, deadline - Date.now()), maxBytes);
    if (res.redirect) {
      current = new URL(res.redirect, u).href;
      continue;
    }
    let name = u.pathname.split('/').filter(Boolean).pop() ?? '';
    try {
      name = decodeURIComponent(name);
    } catch {
      /* kept as printed */
    }
    return { name: name || u.hostname, bytes: res.bytes!, finalUrl: u.href };
  }
  throw refuse(url, `重定向超过 ${MAX_REDIRECTS} 次`, `more than ${MAX_REDIRECTS} redirects`);
}

function get(u: URL, url: string, host: string, allow: Set<string>, timeoutMs: number, maxBytes: number):
  Promise<{ redirect?: string; bytes?: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const options = { lookup: guardedLookup(url, host, allow), timeout: timeoutMs,
      headers: { 'user-agent': 'gongkai' } };
    const req = mod.get(u, options,
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location });
        }
        if (status !== 200) {
          res.resume();
          return reject(refuse(url, `服务器返回 ${status}`, `the server answered ${status}`));
        }
        const declared = Number(res.headers['content-length']);
        if (declared > maxBytes) {
          req.destroy();
          return reject(tooLarge(url, maxBytes));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) {
            req.destroy();
            reject(tooLarge(url, maxBytes));
          } else chunks.push(c);
        });
        res.on('end', () => (size === 0 ? reject(refuse(url, '内容为空', 'the response is empty'))
          : resolve({ bytes: Buffer.concat(chunks) })));
        res.on('error', (e) => reject(refuse(url, `下载中断：${e.message}`, `the download broke off: ${e.message}`)));
      });
    const timer = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => reject(e instanceof InputError ? e : e.message === 'timeout'
      ? refuse(url, `超过时限（${timeoutMs} 毫秒）`, `took longer than the time limit (${timeoutMs} ms)`)
      : refuse(url, `无法下载：${e.message}`, `cannot download: ${e.message}`)));
  });
}

const tooLarge = (url: string, max: number) =>
  refuse(url, `内容过大，超过上限 ${max} 字节（GONGKAI_MAX_INPUT_BYTES）`,
    `too large: over the limit of ${max} bytes (GONGKAI_MAX_INPUT_BYTES)`);

export const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

