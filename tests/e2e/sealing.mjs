// What an adversary with a text editor, a few lines of script and a colleague's identity card can
// do to a sealed case package, with Node's WebCrypto and nothing of the app's: open one sealed for a
// key they hold, edit it, recompute its digest, and seal it again for someone else. The parameters
// are those of src/domain/keys/sealed.rs.
import { createHash, webcrypto } from 'node:crypto';

const { subtle } = webcrypto;
const ALGORITHM = 'ECDH-P256/HKDF-SHA-256/AES-256-GCM';
const INFO = new TextEncoder().encode('probation-workbook sealed package v1');

/** The canonical JSON the app hashes and authenticates: keys sorted, no whitespace. */
export const canonical = (value) => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** The package with its digest recomputed, as anyone can: SHA-256 of the canonical JSON without it. */
export function redigest(pkg) {
  const { digest: _, ...rest } = pkg;
  return { ...pkg, digest: createHash('sha256').update(canonical(rest)).digest('hex') };
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const ecdh = { name: 'ECDH', namedCurve: 'P-256' };

async function aesKey(shared, ephemeralRaw, recipientRaw, usage) {
  const salt = Buffer.concat([Buffer.from(ephemeralRaw), Buffer.from(recipientRaw)]);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: INFO }, hkdf, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Opens the sealed package text with the recipient's private JWK: the package's text. */
export async function openSealed(text, jwk) {
  const sealed = JSON.parse(text);
  const { ciphertext, ...header } = sealed;
  const privateKey = await subtle.importKey('jwk', jwk, ecdh, false, ['deriveBits']);
  const recipientRaw = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  const ephemeralRaw = Buffer.from(header.ephemeral_key, 'base64');
  const ephemeral = await subtle.importKey('raw', ephemeralRaw, ecdh, true, []);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256);
  const key = await aesKey(shared, ephemeralRaw, recipientRaw, 'decrypt');
  const plain = await subtle.decrypt(
    { name: 'AES-GCM', iv: Buffer.from(header.iv, 'base64'), additionalData: new TextEncoder().encode(canonical(header)) },
    key,
    Buffer.from(ciphertext, 'base64'),
  );
  return new TextDecoder().decode(plain);
}

/** Seals `text` for the owner of identity card `card` (parsed JSON): the sealed file's text. */
export async function sealFor(text, card) {
  const recipientRaw = Buffer.from(card.encryption_key, 'base64');
  const recipient = await subtle.importKey('raw', recipientRaw, ecdh, true, []);
  const pair = await subtle.generateKey(ecdh, true, ['deriveBits']);
  const ephemeralRaw = await subtle.exportKey('raw', pair.publicKey);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: recipient }, pair.privateKey, 256);
  const key = await aesKey(shared, ephemeralRaw, recipientRaw, 'encrypt');
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: 'probation-workbook-sealed-package', version: 1, algorithm: ALGORITHM,
    recipient: card.fingerprint, ephemeral_key: b64(ephemeralRaw), iv: b64(iv),
  };
  const ciphertext = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(canonical(header)) }, key, new TextEncoder().encode(text));
  return JSON.stringify({ ...header, ciphertext: b64(ciphertext) }, null, 2);
}
