#!/usr/bin/env node
// Makes the issue 15 test vectors in tests/vectors/ with WebCrypto (Node's crypto.webcrypto.subtle, the
// same API as the browser's), so the Rust tests prove WebCrypto and the native code agree byte for byte.
//
// Usage, from the repository root (Node 20, no dependencies):
//   node scripts/make-key-vectors.mjs            all the steps below in turn, running cargo between them
//                                                (keeping the keys if tests/vectors/keys.json exists)
//   node scripts/make-key-vectors.mjs keys       new key pairs for the officer (PO) and the senior (SPO)
//   node scripts/make-key-vectors.mjs sign       signs the messages the Rust code wrote (cards and events)
//   node scripts/make-key-vectors.mjs seal       seals the signed package for the senior
// Between them, the Rust side writes the messages (and, once signed, the package and team list):
//   cargo test --lib keys::vectors::write_key_vectors -- --ignored
// The bytes signed always come from Rust (`UnsignedIdentityCard::message`, `UnsignedEvent::message`);
// only the sealed package's envelope header is written here, as the browser would, from the documented
// rules (`domain::keys::sealed`). One event signature is forced to a high S (n − s), which WebCrypto may
// give and the Rust side must accept. The private keys here are test keys, made extractable only so this
// script can use them again; the app's are never extractable.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webcrypto } from 'node:crypto';

const { subtle } = webcrypto;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests', 'vectors');
const file = (name) => join(dir, name);
const readJson = (name) => JSON.parse(readFileSync(file(name), 'utf8'));
const writeJson = (name, value) => writeFileSync(file(name), `${JSON.stringify(value, null, 2)}\n`);

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const unb64 = (text) => new Uint8Array(Buffer.from(text, 'base64'));
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

// The P-256 group order.
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const toHex = (bytes) => Buffer.from(bytes).toString('hex');
const fromBig = (value) => Uint8Array.from(Buffer.from(value.toString(16).padStart(64, '0'), 'hex'));

/** The same signature with s replaced by n − s when s is low: as valid, with a high S. */
function highS(signature) {
  const r = signature.slice(0, 32);
  const s = BigInt(`0x${toHex(signature.slice(32))}`);
  return s > N / 2n ? signature : concat(r, fromBig(N - s));
}

/** SHA-256(signing raw ‖ encryption raw), first 16 bytes, upper-case hex in 8 groups of 4. */
async function fingerprint(signingRaw, encryptionRaw) {
  const digest = new Uint8Array(await subtle.digest('SHA-256', concat(signingRaw, encryptionRaw)));
  const hex = toHex(digest.slice(0, 16)).toUpperCase();
  return hex.match(/.{4}/g).join(' ');
}

/** Canonical JSON of a flat object (keys sorted, no whitespace), as `package::canonical_json` writes it. */
function canonical(object) {
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(object[key])}`).join(',')}}`;
}

async function person(name, grade, createdAt) {
  const signing = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const encryption = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const signingRaw = new Uint8Array(await subtle.exportKey('raw', signing.publicKey));
  const encryptionRaw = new Uint8Array(await subtle.exportKey('raw', encryption.publicKey));
  return {
    name,
    grade,
    created_at: createdAt,
    signing_key: b64(signingRaw),
    encryption_key: b64(encryptionRaw),
    fingerprint: await fingerprint(signingRaw, encryptionRaw),
    signing_private_pkcs8: b64(new Uint8Array(await subtle.exportKey('pkcs8', signing.privateKey))),
    encryption_private_jwk: await subtle.exportKey('jwk', encryption.privateKey),
  };
}

async function keys() {
  mkdirSync(dir, { recursive: true });
  const people = {
    note: 'Test keys only, made by scripts/make-key-vectors.mjs with WebCrypto: never use them for real work.',
    officer: await person('Sam Patel', 'po', '2026-11-20T09:00:00Z'),
    senior: await person('Jo Bloggs', 'spo', '2026-11-20T09:05:00Z'),
  };
  writeJson('keys.json', people);
  // The key files `workbook verify-package --key` reads: each ECDH private key as WebCrypto exports it.
  writeJson('senior-encryption-key.jwk', people.senior.encryption_private_jwk);
  writeJson('officer-encryption-key.jwk', people.officer.encryption_private_jwk);
}

async function signWith(pkcs8, message) {
  const key = await subtle.importKey('pkcs8', unb64(pkcs8), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const bytes = new TextEncoder().encode(message);
  return new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, bytes));
}

async function sign() {
  const people = readJson('keys.json');
  const messages = readJson('messages.json');
  const forced = 'v2-countersign';
  const out = { note: 'ECDSA P-256 SHA-256 signatures (r || s, base64) made by WebCrypto.', high_s: [forced], cards: {}, events: {} };
  for (const card of messages.cards) {
    out.cards[card.person] = b64(await signWith(people[card.person].signing_private_pkcs8, card.message));
  }
  for (const event of messages.events) {
    let signature = await signWith(people[event.person].signing_private_pkcs8, event.message);
    if (event.id === forced) signature = highS(signature);
    out.events[event.id] = b64(signature);
  }
  writeJson('signatures.json', out);
}

async function seal() {
  const people = readJson('keys.json');
  const recipient = people.senior;
  const plaintext = readFileSync(file('package.json'));
  const recipientRaw = unb64(recipient.encryption_key);
  const ephemeral = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const ephemeralRaw = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const recipientKey = await subtle.importKey('raw', recipientRaw, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: recipientKey }, ephemeral.privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const aes = await subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: concat(ephemeralRaw, recipientRaw),
      info: new TextEncoder().encode('probation-workbook sealed package v1'),
    },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: 'probation-workbook-sealed-package',
    version: 1,
    algorithm: 'ECDH-P256/HKDF-SHA-256/AES-256-GCM',
    recipient: recipient.fingerprint,
    ephemeral_key: b64(ephemeralRaw),
    iv: b64(iv),
  };
  const additionalData = new TextEncoder().encode(canonical(header));
  const ciphertext = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, aes, plaintext);
  writeJson('sealed-package.json', { ...header, ciphertext: b64(new Uint8Array(ciphertext)) });
}

function cargoWrite() {
  execFileSync('cargo', ['test', '--quiet', '--lib', 'keys::vectors::write_key_vectors', '--', '--ignored'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const steps = { keys, sign, seal };
const step = process.argv[2];
if (step === undefined) {
  if (!existsSync(file('keys.json'))) await keys();
  cargoWrite();
  await sign();
  cargoWrite();
  await seal();
} else if (steps[step]) {
  await steps[step]();
} else {
  console.error('Usage: node scripts/make-key-vectors.mjs [keys|sign|seal]');
  process.exit(2);
}
