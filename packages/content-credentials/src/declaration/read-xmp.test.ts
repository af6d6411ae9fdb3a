import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { scanRawXmpPackets } from './raw-xmp-scan.js';
import { readXmpDigitalSourceTypes } from './read-xmp.js';
import { IPTC_EXT_NAMESPACE } from './xmp-packet.js';

const TRAINED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  `<rdf:Description rdf:about="" xmlns:ext="${IPTC_EXT_NAMESPACE}">` +
  `<ext:DigitalSourceType>${TRAINED}</ext:DigitalSourceType></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

async function imageWithXmp(
  format: 'jpeg' | 'tiff' | 'png' | 'webp' | 'avif',
  xmp = XMP,
): Promise<Uint8Array> {
  const image = sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } });
  return new Uint8Array(await image.withXmp(xmp).toFormat(format).toBuffer());
}

describe('readXmpDigitalSourceTypes on images written by sharp', () => {
  it.each([
    ['jpeg', 'image/jpeg', 'jpeg APP1'],
    ['tiff', 'image/tiff', 'tiff XMP tag'],
    // libvips writes PNG XMP as tEXt (exifr reads only iTXt): one reason for our own chunk reader.
    ['png', 'image/png', 'png tEXt XML:com.adobe.xmp'],
    ['webp', 'image/webp', 'webp XMP chunk'],
    ['avif', 'image/avif', 'raw scan'],
  ] as const)('%s', async (format, mediaType, where) => {
    const labels = await readXmpDigitalSourceTypes(await imageWithXmp(format), mediaType);
    expect(labels).toEqual([{ where, prefix: 'ext', form: 'element', value: TRAINED }]);
  });

  it('finds nothing in an image without XMP, and in XMP without the property', async () => {
    const plain = sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } });
    expect(
      await readXmpDigitalSourceTypes(new Uint8Array(await plain.jpeg().toBuffer()), 'image/jpeg'),
    ).toEqual([]);
    const other = XMP.replace(/DigitalSourceType/g, 'DigImageGUID');
    expect(await readXmpDigitalSourceTypes(await imageWithXmp('png', other), 'image/png')).toEqual([]);
  });

  it('does not throw on a JPEG that exifr cannot parse', async () => {
    const jpeg = await imageWithXmp('jpeg');
    await expect(readXmpDigitalSourceTypes(jpeg.subarray(0, 30), 'image/jpeg')).resolves.toEqual([]);
  });
});

describe('scanRawXmpPackets', () => {
  it('finds every x:xmpmeta packet in a byte stream, and a bare rdf:RDF when there is none', () => {
    const bytes = Buffer.from(
      `junk<x:xmpmeta a="1"></x:xmpmeta>more<x:xmpmeta b="2"/></x:xmpmeta><x:xmpmeta unclosed`,
    );
    expect(scanRawXmpPackets(new Uint8Array(bytes)).map((packet) => packet.text)).toEqual([
      '<x:xmpmeta a="1"></x:xmpmeta>',
      '<x:xmpmeta b="2"/></x:xmpmeta>',
    ]);
    const svg = Buffer.from('<svg><metadata><rdf:RDF xmlns:rdf="r">x</rdf:RDF></metadata></svg>');
    expect(scanRawXmpPackets(new Uint8Array(svg))).toEqual([
      { where: 'raw scan', text: '<rdf:RDF xmlns:rdf="r">x</rdf:RDF>' },
    ]);
    expect(scanRawXmpPackets(new Uint8Array(0))).toEqual([]);
  });
});
