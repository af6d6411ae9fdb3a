/**
 * The only image source the report ever emits. The schema already restricts `thumbnail`, but a reporter renders
 * whatever object it is handed, so the value is checked again at the point of output: a PNG, JPEG or WebP data URI
 * in plain base64, nothing that could fetch (http:, file:) or run (javascript:, SVG) anything.
 */
const SAFE_THUMBNAIL = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * A preview is a few kilobytes (96 px WebP); one far larger is not a thumbnail and would bloat the report, which
 * holds a row per asset.
 */
export const MAX_THUMBNAIL_LENGTH = 256 * 1024;

export type ThumbnailSource =
  { readonly kind: 'image'; readonly src: string } | { readonly kind: 'none' | 'rejected' | 'too-large' };

/** The thumbnail as a safe `src`, or why none is shown. */
export function thumbnailSource(thumbnail: unknown): ThumbnailSource {
  if (thumbnail === undefined || thumbnail === null || thumbnail === '') return { kind: 'none' };
  if (typeof thumbnail !== 'string' || !SAFE_THUMBNAIL.test(thumbnail)) return { kind: 'rejected' };
  if (thumbnail.length > MAX_THUMBNAIL_LENGTH) return { kind: 'too-large' };
  return { kind: 'image', src: thumbnail };
}
