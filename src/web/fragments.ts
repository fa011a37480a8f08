import nunjucks from 'nunjucks';

/** What a fragment is rendered from: plain data that says nothing about who asked. */
export type FragmentContext = Readonly<Record<string, unknown>>;

/** Most distinct fragments kept; past it the store starts again (it never holds more than this). */
const MOST_KEPT = 500;

const HOLE = /\u0000hole:([\w-]+)\u0000/;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A rendered fragment cut at its holes: text, hole name, text, hole name, … text. */
type Pieces = readonly string[];

/** A hole's value as HTML: a string escaped, markup marked safe (`| safe`) as it is, as autoescape would. */
function holeHtml(name: string, hole: string, value: unknown): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof nunjucks.runtime.SafeString) return value.toString();
  throw new Error(`fragment ${name} needs a value for its hole ${hole}`);
}

function fill(name: string, pieces: Pieces, values: Readonly<Record<string, unknown>>): string {
  let html = pieces[0] as string;
  for (let i = 1; i < pieces.length; i += 2) {
    html += holeHtml(name, pieces[i] as string, values[pieces[i] as string]) + (pieces[i + 1] as string);
  }
  return html;
}

/**
 * Adds the `fragment(name, context, holes)` and `hole(name)` globals. A fragment is
 * `fragments/<name>.njk` (or the template `name`, when it ends in `.njk`) rendered
 * with `context`: a part of the layout that is the
 * same for many requests (the footer, the phase banner, the skip link, the header,
 * the service navigation of a role at a council, a council's summary). The GOV.UK macros are pure
 * functions of their arguments, so each fragment is rendered once per distinct
 * context and its HTML reused, instead of running those macros on every request;
 * being a function of the context alone, it can never be stale.
 *
 * What differs on every response (the CSRF token) is left as a hole, written
 * `{{ hole("csrfToken") }}` in the fragment and filled on each call from `holes`: a
 * string escaped, markup marked `| safe` as it is (as autoescape treats them). The
 * layout is itself a fragment (views/fragments/page.njk) whose holes take the page's
 * title, nonce, header and content. Never put anything about the user or their data in `context`: only what
 * many requests share, so that few distinct contexts exist. With `reuse: false`
 * (templates watched in development) every call renders afresh.
 *
 * @example `{{ fragment("service-navigation", { navigation: navigation }, { csrfToken: csrfToken }) }}`
 */
export function registerFragments(env: nunjucks.Environment, options: { reuse: boolean }): void {
  const rendered = new Map<string, Pieces>();
  env.addGlobal('hole', (name: string) => new nunjucks.runtime.SafeString(`\u0000hole:${name}\u0000`));
  env.addGlobal(
    'fragment',
    (name: string, context: FragmentContext = {}, holes: Readonly<Record<string, unknown>> = {}) => {
      const key = `${name}\n${JSON.stringify(context)}`;
      let pieces = rendered.get(key);
      if (!pieces) {
        const template = name.endsWith('.njk') ? name : `fragments/${name}.njk`;
        pieces = env.render(template, context).trim().split(HOLE);
        if (options.reuse) {
          if (rendered.size >= MOST_KEPT) rendered.clear();
          rendered.set(key, pieces);
        }
      }
      return new nunjucks.runtime.SafeString(
        pieces.length === 1 ? (pieces[0] as string) : fill(name, pieces, holes),
      );
    },
  );
}
