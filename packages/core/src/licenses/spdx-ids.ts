import licenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };

/** Current and deprecated SPDX licence ids (from `spdx-license-ids`), by lower-case key. */
const BY_LOWER_CASE = new Map<string, string>(
  [...(deprecatedIds as string[]), ...(licenseIds as string[])].map((id) => [id.toLowerCase(), id]),
);

/** The current SPDX licence ids, for "did you mean" suggestions. */
export const SPDX_LICENSE_IDS: readonly string[] = licenseIds as string[];

/** The SPDX id spelled `text` in any case (`apache-2.0` → `Apache-2.0`), or undefined. */
export function spdxIdIgnoringCase(text: string): string | undefined {
  return BY_LOWER_CASE.get(text.toLowerCase());
}
