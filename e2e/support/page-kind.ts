/** A record id in an address: any UUID. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A function's page, `/councils/<gss>/powers/<code>`; the code is any segment after `powers`. */
const FUNCTION_PAGE = /^(\/councils\/[^/]+\/powers)\/[^/]+/;

/**
 * The kind of page an address opens: its path, with each record id written `:id`
 * and a function's code written `:code`, and without the query. Crawls open one
 * page of each kind, so 42 functions or 100 decisions cost one visit each.
 *
 * @example pageKind('http://localhost/councils/E08000018/powers/lic-taxi?x=1') // '/councils/E08000018/powers/:code'
 */
export function pageKind(address: string | URL): string {
  const { pathname } = new URL(address, 'http://localhost');
  return pathname.replace(UUID, ':id').replace(FUNCTION_PAGE, '$1/:code');
}
