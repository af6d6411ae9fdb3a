/** The IPTC NewsCodes vocabulary that C2PA actions and XMP `Iptc4xmpExt:DigitalSourceType` both use. */
export const IPTC_DIGITAL_SOURCE_TYPE_BASE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/**
 * What a digital source type says about AI generation:
 * - `generative-ai`: the whole asset was made by a trained model (`trainedAlgorithmicMedia`);
 * - `composite-with-ai`: part of it was (`compositeWithTrainedAlgorithmicMedia`, `compositeSynthetic`);
 * - `algorithmic`: made by an algorithm that is not a trained model (`algorithmicMedia`): not generative AI;
 * - `not-ai`: captured or made by people (`digitalCapture`, `humanEdits`, …);
 * - `unrecognised`: a value outside the vocabulary, which says nothing either way.
 */
export type DigitalSourceCategory =
  'generative-ai' | 'composite-with-ai' | 'algorithmic' | 'not-ai' | 'unrecognised';

const CATEGORY_BY_CODE: ReadonlyMap<string, DigitalSourceCategory> = new Map(
  Object.entries({
    trainedAlgorithmicMedia: 'generative-ai',
    compositeWithTrainedAlgorithmicMedia: 'composite-with-ai',
    compositeSynthetic: 'composite-with-ai',
    algorithmicMedia: 'algorithmic',
    algorithmicallyEnhanced: 'not-ai',
    composite: 'not-ai',
    compositeCapture: 'not-ai',
    dataDrivenMedia: 'not-ai',
    digitalArt: 'not-ai',
    digitalCapture: 'not-ai',
    digitalCreation: 'not-ai',
    humanEdits: 'not-ai',
    minorHumanEdits: 'not-ai',
    negativeFilm: 'not-ai',
    positiveFilm: 'not-ai',
    print: 'not-ai',
    screenCapture: 'not-ai',
    softwareImage: 'not-ai',
    virtualRecording: 'not-ai',
  } satisfies Record<string, DigitalSourceCategory>),
);

// Codes are matched without regard to case, but written back in the vocabulary's spelling.
const CODE_BY_LOWER_CASE = new Map([...CATEGORY_BY_CODE.keys()].map((code) => [code.toLowerCase(), code]));
const IPTC_URI = /^https?:\/\/cv\.iptc\.org\/newscodes\/digitalsourcetype\/([A-Za-z]+)\/?$/i;
const BARE_CODE = /^[A-Za-z]+$/;

/**
 * A digital source type as the full IPTC URI: trimmed, `https` and a trailing slash dropped, a bare code
 * (`trainedAlgorithmicMedia`) expanded. A value outside the IPTC vocabulary is only trimmed; empty gives undefined.
 */
export function normalizeDigitalSourceType(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const code = IPTC_URI.exec(value)?.[1] ?? (BARE_CODE.test(value) ? value : undefined);
  if (code === undefined) return value;
  return IPTC_DIGITAL_SOURCE_TYPE_BASE + (CODE_BY_LOWER_CASE.get(code.toLowerCase()) ?? code);
}

/** The category of a normalised digital source type (see `DigitalSourceCategory`). */
export function categorizeDigitalSourceType(normalised: string): DigitalSourceCategory {
  if (!normalised.startsWith(IPTC_DIGITAL_SOURCE_TYPE_BASE)) return 'unrecognised';
  return CATEGORY_BY_CODE.get(normalised.slice(IPTC_DIGITAL_SOURCE_TYPE_BASE.length)) ?? 'unrecognised';
}

/** True for the categories that declare generative AI (in whole or in part). */
export function declaresGenerativeAi(category: DigitalSourceCategory): boolean {
  return category === 'generative-ai' || category === 'composite-with-ai';
}
