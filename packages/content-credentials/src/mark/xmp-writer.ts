import { licenseUrl, PLUS_DATA_MINING, type OwnershipTerms } from './ownership-terms.js';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An XMP packet with the IPTC digital source type and the ownership terms: `Iptc4xmpExt:DigitalSourceType`,
 * `dc:title`, `dc:creator`, `dc:rights` (© holder), `xmpRights:Marked`, `xmpRights:WebStatement` (the licence
 * URL), `xmpRights:UsageTerms` (the licence as given) and `plus:DataMining`. Every value is escaped.
 */
export function buildXmpPacket(digitalSourceType: string | undefined, terms: OwnershipTerms): string {
  const attributes: string[] = [];
  const elements: string[] = [];
  if (digitalSourceType) attributes.push(`Iptc4xmpExt:DigitalSourceType="${escapeXml(digitalSourceType)}"`);
  const alt = (name: string, value: string): string =>
    `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;
  if (terms.title) elements.push(alt('dc:title', terms.title));
  if (terms.author)
    elements.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(terms.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (terms.copyrightHolder) {
    elements.push(alt('dc:rights', `© ${terms.copyrightHolder}`));
    attributes.push('xmpRights:Marked="True"');
  }
  if (terms.license) {
    attributes.push(`xmpRights:WebStatement="${escapeXml(licenseUrl(terms.license))}"`);
    elements.push(alt('xmpRights:UsageTerms', terms.license));
  }
  if (terms.trainingMining) attributes.push(`plus:DataMining="${PLUS_DATA_MINING[terms.trainingMining]}"`);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"',
    ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"',
    ...attributes.map((a) => ` ${a}`),
    '>',
    ...elements,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
