import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 5 layout) from a name, so rebuilding the demo bundle
 * does not change ids. Give each kind of record its own prefix (`person:`,
 * `direction:`…) so that two kinds never share an id.
 *
 * @example stableId('council:E08000018')
 */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`freshstart-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
