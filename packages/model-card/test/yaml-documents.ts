import { parseAllDocuments } from 'yaml';

/** The YAML documents in a text, as plain values: a front matter that user text broke would have more than one. */
export function yamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((doc) => doc.toJS() as unknown);
}
