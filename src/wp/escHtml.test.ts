import { escHtml } from './escHtml';

describe('escHtml', () => {
  it('encodes markup and both quotes', () => {
    expect(escHtml(`<a href="x">O'Neil & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;O&#039;Neil &amp; co&lt;/a&gt;');
  });

  it('keeps entities and rejects invalid UTF-8', () => {
    expect(escHtml('a&amp;b')).toBe('a&amp;b');
    expect(escHtml('x\uD800')).toBe('');
  });
});
