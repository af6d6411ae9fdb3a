import { describe, expect, it } from 'vitest';
import { findDigitalSourceTypes, IPTC_EXT_NAMESPACE } from './xmp-packet.js';

const TRAINED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"';
const packet = (description: string): string =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ${RDF}>` +
  `${description}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

describe('findDigitalSourceTypes', () => {
  it('reads the attribute form under any prefix bound to the IPTC Extension namespace', () => {
    const xmp = packet(`<rdf:Description rdf:about="" xmlns:iptcExt="${IPTC_EXT_NAMESPACE}"
      iptcExt:DigImageGUID="x" iptcExt:DigitalSourceType="${TRAINED}"/>`);
    expect(findDigitalSourceTypes(xmp)).toEqual([{ prefix: 'iptcExt', form: 'attribute', value: TRAINED }]);
  });

  it('reads the element form with text, entities and CDATA', () => {
    const xmp = packet(`<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="${IPTC_EXT_NAMESPACE}">
      <Iptc4xmpExt:DigitalSourceType> http://cv.iptc.org/newscodes/digitalsourcetype/a&amp;b<![CDATA[<c>]]> </Iptc4xmpExt:DigitalSourceType>
      </rdf:Description>`);
    expect(findDigitalSourceTypes(xmp)).toEqual([
      {
        prefix: 'Iptc4xmpExt',
        form: 'element',
        value: ' http://cv.iptc.org/newscodes/digitalsourcetype/a&b<c> ',
      },
    ]);
  });

  it('reads the element form with rdf:resource', () => {
    const xmp = packet(
      `<rdf:Description xmlns:e="${IPTC_EXT_NAMESPACE}"><e:DigitalSourceType rdf:resource="${TRAINED}"/></rdf:Description>`,
    );
    expect(findDigitalSourceTypes(xmp)).toEqual([{ prefix: 'e', form: 'element', value: TRAINED }]);
  });

  it('ignores the property name under a prefix bound to another namespace', () => {
    const xmp = packet(`<rdf:Description xmlns:Iptc4xmpExt="http://example.com/not-iptc/"
      Iptc4xmpExt:DigitalSourceType="${TRAINED}"><Iptc4xmpExt:DigitalSourceType>x</Iptc4xmpExt:DigitalSourceType></rdf:Description>`);
    expect(findDigitalSourceTypes(xmp)).toEqual([]);
  });

  it('ignores an undeclared prefix and an unprefixed attribute', () => {
    const xmp = packet(
      `<rdf:Description xmlns="${IPTC_EXT_NAMESPACE}" Iptc4xmpExt:DigitalSourceType="a" DigitalSourceType="b"/>`,
    );
    expect(findDigitalSourceTypes(xmp)).toEqual([]);
  });

  it('applies a default namespace to elements, and scopes declarations to their element', () => {
    const xmp =
      packet(`<rdf:Description><DigitalSourceType xmlns="${IPTC_EXT_NAMESPACE}">v1</DigitalSourceType>
      <DigitalSourceType>outside-scope</DigitalSourceType>
      <p:Wrap xmlns:p="${IPTC_EXT_NAMESPACE}"><p:DigitalSourceType>v2</p:DigitalSourceType></p:Wrap>
      <p:DigitalSourceType>p-out-of-scope</p:DigitalSourceType></rdf:Description>`);
    expect(findDigitalSourceTypes(xmp).map((property) => property.value)).toEqual(['v1', 'v2']);
  });

  it('ignores look-alikes in comments, and reads what it can from truncated XML', () => {
    const comment = packet(
      `<!-- <e:DigitalSourceType xmlns:e="${IPTC_EXT_NAMESPACE}">no</e:DigitalSourceType> -->`,
    );
    expect(findDigitalSourceTypes(comment)).toEqual([]);
    const truncated = packet(
      `<rdf:Description xmlns:e="${IPTC_EXT_NAMESPACE}" e:DigitalSourceType="${TRAINED}">`,
    ).slice(0, -40);
    expect(findDigitalSourceTypes(truncated)).toEqual([{ prefix: 'e', form: 'attribute', value: TRAINED }]);
  });

  it('handles single-quoted attributes and a `>` inside a quoted value', () => {
    const xmp = packet(
      `<rdf:Description xmlns:e='${IPTC_EXT_NAMESPACE}' note="a > b" e:DigitalSourceType='${TRAINED}'/>`,
    );
    expect(findDigitalSourceTypes(xmp)).toEqual([{ prefix: 'e', form: 'attribute', value: TRAINED }]);
  });
});
