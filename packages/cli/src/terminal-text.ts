/**
 * Escaping for everything the CLI prints. File names, group names and other data values may hold control
 * characters: ESC/OSC sequences retitle or clear a terminal, CR overwrites a line, LF forges a new line in a CI
 * log (`✔ bias.demographic-parity-ratio: all good`), and bidirectional overrides (U+202E) reverse what follows.
 * They are shown as visible escapes (`\n`, `\u001b`, `\u202e`), so a value always stays on its line and reads
 * as what it is.
 */

// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional formatting characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(char: string): string {
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A value shown inside one line: every control, separator and bidi character escaped, newlines included. */
export function escapeTerminalValue(value: string): string {
  return value.replace(UNSAFE, escapeCharacter);
}

// The only escape sequences rai-audit writes itself: the painter's SGR colours (see io.ts), the cursor-up and
// erase-line of the progress display of `rai-audit run` on a terminal (run/progress-display.ts), and the
// carriage return + erase-line that redraws the hashing bar of `rai-audit data` (commands/data-progress.ts).
// eslint-disable-next-line no-control-regex -- ESC starts the sequences kept
const OWN_SEQUENCE = /\r\u001b\[2K|\u001b\[(?:(?:1|2|22|31|32|33|39)m|[1-9]\d{0,2}A|2K)/u;
const UNSAFE_OR_OWN = new RegExp(`${OWN_SEQUENCE.source}|${UNSAFE.source}`, 'gu');

/**
 * Text about to be written to a terminal or a log, as a last line of defence: newlines (the line ends of the
 * CLI's own output) and the painter's colour sequences stay, every other control, separator and bidi character
 * is escaped. Values must still be escaped with `escapeTerminalValue` where they are put into a line, so that a
 * newline inside a value cannot start a line of its own.
 */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE_OR_OWN, (match) =>
    match === '\n' || match.length > 1 ? match : escapeCharacter(match),
  );
}
