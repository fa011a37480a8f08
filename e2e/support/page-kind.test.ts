import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageKind } from './page-kind.ts';

describe('pageKind', () => {
  it('keeps the path of a page that names no record, without its query', () => {
    assert.equal(
      pageKind('http://localhost:3000/councils/E08000018/powers?date=2016-03-01'),
      '/councils/E08000018/powers',
    );
    assert.equal(pageKind('http://localhost:3000/home'), '/home');
    assert.equal(pageKind('/councils/E08000018/decisions/new'), '/councils/E08000018/decisions/new');
  });

  it('writes each record id as :id, wherever it is in the path', () => {
    const id = '978de691-0229-5b12-ba1f-13d00a4f4aeb';
    const pause = 'DAC42971-3AD5-5A65-BA9A-51999549FA40';
    assert.equal(
      pageKind(`http://x/councils/E08000018/restorations/${id}`),
      '/councils/E08000018/restorations/:id',
    );
    assert.equal(
      pageKind(`http://x/councils/E08000018/restorations/${id}/pauses/${pause}/resolve`),
      '/councils/E08000018/restorations/:id/pauses/:id/resolve',
    );
  });

  it("writes a function's code as :code, so every function's page is one kind", () => {
    assert.equal(pageKind('http://x/councils/E08000018/powers/lic-taxi'), '/councils/E08000018/powers/:code');
    assert.equal(
      pageKind('http://x/councils/E08000018/powers/exec-highways?from=1'),
      pageKind('http://x/councils/E08000018/powers/lic-taxi'),
    );
  });

  it('tells apart pages that only look alike', () => {
    assert.notEqual(pageKind('/councils/E08000018/powers'), pageKind('/councils/E08000018/powers/lic-taxi'));
    assert.notEqual(
      pageKind('/councils/E08000018/decisions/new'),
      pageKind('/councils/E08000018/decisions/026c7ac7-7571-5fd2-936a-0f035b0d5180'),
    );
    assert.notEqual(pageKind('/councils/E08000018'), pageKind('/councils/E08000019'));
  });
});
