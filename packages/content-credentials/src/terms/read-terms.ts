import type { AssetTerms } from '@rai-audit/core';
import { readManifestStoreJson } from '../c2pa/c2pa-wasm-runtime.js';
import { readXmpPackets } from '../declaration/read-xmp.js';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const PLUS_USES: Readonly<Record<string, string>> = {
  'DMI-ALLOWED': 'allowed',
  'DMI-PROHIBITED': 'notAllowed',
  'DMI-PROHIBITED-AIMLTRAINING': 'notAllowed',
  'DMI-PROHIBITED-GENAIMLTRAINING': 'notAllowed',
  'DMI-PROHIBITED-SEECONSTRAINT': 'constrained',
};

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ') || undefined;
  return isRecord(value) ? text(value.name) : text(value);
}

/** Terms in the active manifest: schema.org CreativeWork and the C2PA or CAWG training-and-data-mining assertion. */
function c2paTerms(store: Json): AssetTerms['c2pa'] {
  const manifests = isRecord(store.manifests) ? store.manifests : {};
  const active = typeof store.active_manifest === 'string' ? manifests[store.active_manifest] : undefined;
  const assertions = isRecord(active) && Array.isArray(active.assertions) ? active.assertions : [];
  const found: {
    -readonly [K in keyof NonNullable<AssetTerms['c2pa']>]: NonNullable<AssetTerms['c2pa']>[K];
  } = {};
  for (const assertion of assertions) {
    if (!isRecord(assertion) || !isRecord(assertion.data)) continue;
    const label = String(assertion.label ?? '').replace(/\.v\d+$/, '');
    const data = assertion.data;
    if (label === 'stds.schema-org.CreativeWork') {
      found.author ??= nameOf(data.author);
      found.copyrightHolder ??= nameOf(data.copyrightHolder);
      found.license ??= text(data.license);
    } else if (label === 'cawg.training-mining' || label === 'c2pa.training-mining') {
      const entries = isRecord(data.entries) ? data.entries : {};
      const uses = Object.values(entries).flatMap((e) => (isRecord(e) && text(e.use) ? [text(e.use)!] : []));
      // The strictest entry speaks for the asset: one "notAllowed" use makes training not allowed.
      const use = ['notAllowed', 'constrained', 'allowed'].find((u) => uses.includes(u));
      if (use) found.trainingMining ??= use as 'allowed' | 'notAllowed' | 'constrained';
    }
  }
  return Object.keys(found).length ? found : undefined;
}

function xmpValue(xmp: string, property: string): string | undefined {
  const attribute = new RegExp(`${property}="([^"]*)"`).exec(xmp)?.[1];
  if (attribute) return attribute;
  const element = new RegExp(`<${property}>([\\s\\S]*?)</${property}>`).exec(xmp)?.[1];
  const li = element ? (/<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(element)?.[1] ?? element) : undefined;
  const resource = new RegExp(`<${property}\\s+rdf:resource="([^"]*)"`).exec(xmp)?.[1];
  return text(li?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))) ?? resource;
}

/** Terms in the XMP: dc:creator, dc:rights, xmpRights:WebStatement, plus:DataMining (standard prefixes). */
function xmpTerms(packets: readonly string[]): AssetTerms['xmp'] {
  const found: { -readonly [K in keyof NonNullable<AssetTerms['xmp']>]: NonNullable<AssetTerms['xmp']>[K] } =
    {};
  for (const xmp of packets) {
    found.author ??= xmpValue(xmp, 'dc:creator');
    found.copyright ??= xmpValue(xmp, 'dc:rights');
    found.license ??= xmpValue(xmp, 'xmpRights:WebStatement');
    const mining = xmpValue(xmp, 'plus:DataMining');
    const use = mining ? PLUS_USES[mining.split('/').pop() ?? ''] : undefined;
    if (use) found.trainingMining ??= use as 'allowed' | 'notAllowed' | 'constrained';
  }
  return Object.keys(found).length ? found : undefined;
}

/**
 * Who made and owns the asset and how it may be used, from the active C2PA manifest and from the XMP, kept
 * apart (they can disagree). Never throws: an unreadable manifest or XMP simply contributes nothing.
 */
export async function readAssetTerms(bytes: Uint8Array, mediaType: string): Promise<AssetTerms> {
  const context = JSON.stringify({ verify: { remote_manifest_fetch: false, ocsp_fetch: false } });
  const store = await readManifestStoreJson(mediaType, bytes, context).then(
    (json) => JSON.parse(json) as Json,
    () => undefined,
  );
  const packets = await readXmpPackets(bytes, mediaType).then(
    (list) => list.map((p) => p.text),
    () => [],
  );
  const c2pa = store ? c2paTerms(store) : undefined;
  const xmp = xmpTerms(packets);
  return { ...(c2pa ? { c2pa } : {}), ...(xmp ? { xmp } : {}) };
}
