import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nunjucks from 'nunjucks';
import { registerFragments } from './fragments.ts';

/** An environment whose templates are given as strings, counting how often each is rendered. */
function environment(templates: Record<string, string>, reuse: boolean) {
  const renders = new Map<string, number>();
  const loader = {
    getSource(name: string) {
      renders.set(name, (renders.get(name) ?? 0) + 1);
      return { src: templates[name] as string, path: name, noCache: true };
    },
  };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
  registerFragments(env, { reuse });
  return { env, renders };
}

describe('fragments', () => {
  it('are rendered once per context and reused', () => {
    const { env, renders } = environment({ 'fragments/greeting.njk': 'Hello {{ name }}' }, true);
    const page = '{{ fragment("greeting", { name: who }) }}';
    assert.equal(env.renderString(page, { who: 'Ann' }), 'Hello Ann');
    assert.equal(env.renderString(page, { who: 'Ann' }), 'Hello Ann');
    assert.equal(env.renderString(page, { who: 'Bob' }), 'Hello Bob');
    assert.equal(renders.get('fragments/greeting.njk'), 2);
  });

  it('fill their holes on every call, escaped', () => {
    const { env } = environment({ 'fragments/form.njk': '<input value="{{ hole("token") }}">' }, true);
    const page = '{{ fragment("form", {}, { token: token }) }}';
    assert.equal(env.renderString(page, { token: 'a1' }), '<input value="a1">');
    assert.equal(env.renderString(page, { token: '"><b>' }), '<input value="&quot;&gt;&lt;b&gt;">');
  });

  it('fill a hole given markup marked safe with that markup as it is, as autoescape would', () => {
    const { env } = environment({ 'fragments/page.njk': '<main>{{ hole("main") }}</main>' }, true);
    const page =
      '{% set main %}<p>{{ text }}</p>{% endset %}{{ fragment("page", {}, { main: main | safe }) }}';
    assert.equal(env.renderString(page, { text: '<b>' }), '<main><p>&lt;b&gt;</p></main>');
    assert.equal(
      env.renderString('{{ fragment("page", {}, { main: text }) }}', { text: '<b>' }),
      '<main>&lt;b&gt;</main>',
    );
  });

  it('refuse to leave a hole unfilled', () => {
    const { env } = environment({ 'fragments/form.njk': '<input value="{{ hole("token") }}">' }, true);
    assert.throws(() => env.renderString('{{ fragment("form") }}', {}), /needs a value for its hole token/);
  });

  it('are rendered afresh on every call when templates are watched', () => {
    const { env, renders } = environment({ 'fragments/greeting.njk': 'Hello' }, false);
    env.renderString('{{ fragment("greeting") }}{{ fragment("greeting") }}', {});
    assert.equal(renders.get('fragments/greeting.njk'), 2);
  });
});
